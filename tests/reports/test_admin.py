"""Curated lists in the admin: the sortable inline and the "Add to list" action on quotes."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from quotedb.access import CURATOR, READER
from quotedb.models import Quote, QuoteList, QuoteListItem, QuoteStatus
from tests.factories import UserFactory

QUOTES = reverse("admin:quotedb_quote_changelist")


def logged_in(client, user):
    user.refresh_from_db()  # UserFactory sets the password hash after saving
    client.force_login(user)
    return client


@pytest.fixture
def staff_client(client, staff):
    return logged_in(client, staff)


@pytest.fixture
def quote_list(staff):
    return QuoteList.objects.create(title="Report on Syria", slug="report-on-syria", owner=staff)


def run_add_to_list(client, quotes, **form):
    return client.post(
        QUOTES,
        {
            "action": "add_to_list_action",
            ACTION_CHECKBOX_NAME: [q.pk for q in quotes],
            "apply": "Add to list",
            **form,
        },
    )


def test_add_to_list_first_asks_which_list(staff_client, quote_list, demo):
    quotes = list(Quote.objects.all()[:2])
    response = staff_client.post(
        QUOTES, {"action": "add_to_list_action", ACTION_CHECKBOX_NAME: [q.pk for q in quotes]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Report on Syria" in page and 'name="new_list_title"' in page
    assert QuoteListItem.objects.count() == 0


def test_add_to_list_appends_in_order_and_skips_quotes_already_there(
    staff_client, quote_list, demo
):
    first, second, third = Quote.objects.order_by("id")[:3]
    run_add_to_list(staff_client, [first], quote_list=quote_list.pk, note="Opening")
    response = run_add_to_list(staff_client, [first, second, third], quote_list=quote_list.pk)
    assert response.status_code == 302
    items = list(quote_list.items.order_by("position"))
    assert items[0].quote == first  # already there, kept where it was
    assert {items[1].quote, items[2].quote} == {second, third}  # appended after it
    assert [item.position for item in items] == [1, 2, 3]
    assert items[0].note == "Opening"


def test_add_to_list_can_create_the_list(staff_client, staff, demo):
    quote = Quote.objects.first()
    run_add_to_list(staff_client, [quote], new_list_title="Biden on Iran")
    created = QuoteList.objects.get(title="Biden on Iran")
    assert created.slug == "biden-on-iran" and created.owner == staff
    assert not created.is_published
    assert list(created.quotes.all()) == [quote]


def test_add_to_list_needs_exactly_one_target(staff_client, quote_list, demo):
    response = run_add_to_list(
        staff_client, [Quote.objects.first()], quote_list=quote_list.pk, new_list_title="Both"
    )
    assert response.status_code == 200
    assert "not both" in response.content.decode()
    assert not QuoteListItem.objects.exists()


def test_add_to_list_is_offered_to_curators(client, demo):
    logged_in(client, UserFactory(username="curatorstaff", is_staff=True, groups=[CURATOR]))
    page = client.get(QUOTES).content.decode()
    assert 'value="add_to_list_action"' in page


def test_list_change_page_orders_items_and_renumbers_on_save(staff_client, quote_list, demo):
    quotes = list(Quote.objects.order_by("id")[:3])
    for position, quote in zip([30, 10, 20], quotes, strict=True):
        QuoteListItem.objects.create(quote_list=quote_list, quote=quote, position=position)
    url = reverse("admin:quotedb_quotelist_change", args=[quote_list.pk])
    page = staff_client.get(url).content.decode()
    assert "reports/admin_sortable.js" in page
    items = list(quote_list.items.order_by("position"))
    data = {
        "title": quote_list.title,
        "slug": quote_list.slug,
        "description": "",
        "owner": quote_list.owner.pk,
        "is_published": "on",
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "3",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    # The curator moves the last item to the top by giving it the smallest number.
    for index, (item, position) in enumerate(zip(items, [5, 7, 1], strict=True)):
        data.update(
            {
                f"items-{index}-id": item.pk,
                f"items-{index}-quote_list": quote_list.pk,
                f"items-{index}-quote": item.quote_id,
                f"items-{index}-position": position,
                f"items-{index}-note": "",
            }
        )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    reordered = list(quote_list.items.order_by("position"))
    assert [item.position for item in reordered] == [1, 2, 3]
    assert [item.pk for item in reordered] == [items[2].pk, items[0].pk, items[1].pk]


def test_list_changelist_shows_counts_and_embed_links(staff_client, published_list):
    page = staff_client.get(reverse("admin:quotedb_quotelist_changelist")).content.decode()
    assert f"/embed/lists/{published_list.slug}/" in page


def test_readers_cannot_add_to_lists(client, demo):
    logged_in(client, UserFactory(username="staffreader", is_staff=True, groups=[READER]))
    run_add_to_list(client, [Quote.objects.first()], new_list_title="Nope")
    assert not QuoteList.objects.filter(title="Nope").exists()


def test_proposed_quotes_can_be_listed_but_stay_hidden(staff_client, quote_list, proposed_quote):
    response = run_add_to_list(staff_client, [proposed_quote], quote_list=quote_list.pk)
    assert response.status_code == 302
    assert quote_list.items.count() == 1
    assert proposed_quote.status == QuoteStatus.PROPOSED
