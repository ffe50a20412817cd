"""The quote lists a curator pages through cost the same number of queries for 1 or 20 rows."""

import pytest
from django.urls import reverse

from quotedb.models import QuoteStatus
from tests.factories import QuoteFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _queries_for(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the session and permission caches
    with django_assert_max_num_queries(100) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _quotes(count: int) -> None:
    topic = TopicFactory()
    for index in range(count):
        QuoteFactory(
            status=QuoteStatus.PROPOSED,
            confidence=index / 20,
            topics=[topic],
            text="",
            start=0,
            end=4,
        )


@pytest.mark.parametrize(
    "changelist", ["admin:quotedb_quote_changelist", "admin:quotedb_proposedquote_changelist"]
)
def test_quote_changelists_do_not_run_a_query_per_row(
    curator_admin_client, django_assert_num_queries, django_assert_max_num_queries, changelist
):
    """Prevents the N+1 of a speaker, article or outlet loaded for each row (list_select_related),
    and of a full COUNT(*) on top of the filtered one (show_full_result_count = False)."""
    url = reverse(changelist)
    _quotes(1)
    with_one = _queries_for(curator_admin_client, url, django_assert_max_num_queries)
    _quotes(19)
    with django_assert_num_queries(with_one):
        response = curator_admin_client.get(url)
    assert len(response.context["cl"].result_list) == 20
