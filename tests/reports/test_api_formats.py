"""The report formats on the API's own quote list, once QuoteViewSet lists REPORT_RENDERERS."""

import csv
import io

import pytest

from quotedb.api.views import QuoteViewSet
from quotedb.models import Quote
from quotedb.reports.renderers import REPORT_RENDERERS

pytestmark = pytest.mark.skipif(
    not set(REPORT_RENDERERS) <= set(QuoteViewSet.renderer_classes),
    reason="QuoteViewSet.renderer_classes does not include REPORT_RENDERERS yet",
)


def test_api_pages_in_csv_link_to_the_next_page(client, demo):
    """One page per request (page_size up to 100); the Link header walks through the rest."""
    url, ids = "/api/v1/quotes/?format=csv&page_size=3", []
    while url:
        response = client.get(url)
        assert response["Content-Type"].startswith("text/csv")
        ids += [row["id"] for row in csv.DictReader(io.StringIO(response.content.decode()))]
        link = response.get("Link", "")
        url = link.split(">")[0].lstrip("<") if 'rel="next"' in link else None
    assert len(ids) == len(set(ids)) == Quote.objects.approved().count()


def test_api_quote_detail_and_browsers_keep_their_formats(client, demo):
    quote = demo["khosravi"].quotes.first()
    assert (
        client.get(f"/api/v1/quotes/{quote.pk}/", {"format": "md"})
        .content.decode()
        .startswith("> ")
    )
    browser = client.get("/api/v1/quotes/", headers={"accept": "text/html"})
    assert "qdb-quotes" not in browser.content.decode()  # the browsable API, not the snippet
