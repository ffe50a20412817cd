"""The orjson renderer writes the same JSON as DRF's own renderer."""

import datetime
import json
from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from quotedb.api.renderers import ORJSONRenderer


def test_orjson_renderer_matches_drf_json_renderer():
    data = {
        "results": [
            {
                "id": 1,
                "text": "Any pretext \u2014 \u201cquoted\u201d \u00e9t\u00e9 \U0001f600",
                "said_on": datetime.date(2023, 3, 25),
                "confidence": 0.75,
                "topics": ["syria"],
                "speaker": None,
            }
        ],
        "detail": gettext_lazy("Not found."),
        "amount": Decimal("1.50"),
    }

    fast = ORJSONRenderer().render(data)
    reference = JSONRenderer().render(data)

    assert json.loads(fast) == json.loads(reference)
    assert ORJSONRenderer().render(None) == b""
    assert ORJSONRenderer.media_type == "application/json"
