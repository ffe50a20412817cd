"""Report fixtures: a small demo set (Khosravi's four quotes, Biden's two) and hostile data."""

import datetime

import pytest
from django.core.management import call_command, get_commands

from quotedb.models import Quote, QuoteKind, QuoteList, QuoteListItem, QuoteStatus, Topic
from speakers.models import Speaker
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    OutletFactory,
    QuoteFactory,
    RoleFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)

XSS_TEXT = '<script>alert("quote")</script><img src=x onerror=alert(1)> [x](javascript:alert(2))'
XSS_URL = "javascript:alert(document.domain)//http://example.org/"


def _demo_by_factories() -> None:
    """The demo's shape, built with factories where the load_demo command is not available."""
    outlet = OutletFactory(name="Mehr News Agency", short_name="MNA", slug="mehr-news-agency")
    article = ArticleFactory(
        outlet=outlet,
        title="Iran reacts to US allegations after recent attacks in Syria",
        url="https://en.mehrnews.com/news/198808/",
        external_id="198808",
        published_on=datetime.date(2023, 3, 25),
    )
    council = OrganizationFactory(name="Supreme National Security Council", slug="snsc")
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    RoleFactory(person=khosravi, organization=council, title="Spokesman")
    biden = SpeakerFactory(name="Joe Biden", slug="joe-biden", wikidata_id="Q6279")
    syria = TopicFactory(name="Syria", slug="syria")
    relations = TopicFactory(name="Iran–US relations", slug="iran-us-relations")
    for n, kind in enumerate(
        [QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.DIRECT, QuoteKind.DIRECT]
    ):
        QuoteFactory(
            speaker=khosravi,
            article=article,
            kind=kind,
            text=f"Khosravi statement {n} on the bases in Syria.",
            topics=[syria] if n % 2 else [syria, relations],
        )
    for n in range(2):
        QuoteFactory(
            speaker=biden,
            article=article,
            kind=QuoteKind.INDIRECT,
            text=f"Biden statement {n}: the US does not seek conflict with Iran.",
            topics=[relations],
        )


@pytest.fixture
def demo(db):
    """The demo data set: call_command("load_demo") once that command exists."""
    if "load_demo" in get_commands():
        call_command("load_demo", verbosity=0)
    else:
        _demo_by_factories()
    return {
        "khosravi": Speaker.objects.get(slug="kayvan-khosravi"),
        "biden": Speaker.objects.get(slug="joe-biden"),
        "syria": Topic.objects.get(slug="syria"),
    }


@pytest.fixture
def hostile_quote(db):
    """An approved quote whose every text field and URL is an injection attempt."""
    speaker = SpeakerFactory(name='Mallory <b onmouseover="x()">', slug="mallory")
    outlet = OutletFactory(name="Evil <script>outlet()</script>", slug="evil")
    article = ArticleFactory(outlet=outlet, title="</title><script>t()</script>", url="")
    # Bypass URLField validation the way a bad import or raw SQL could.
    type(article).objects.filter(pk=article.pk).update(url=XSS_URL)
    article.refresh_from_db()
    topic = TopicFactory(name="<i>topic</i>", slug="hostile")
    return QuoteFactory(
        speaker=speaker,
        article=article,
        text=XSS_TEXT,
        speaker_mention='"><svg onload=alert(3)>',
        topics=[topic],
    )


@pytest.fixture
def proposed_quote(db):
    return QuoteFactory(
        text="A proposed quote that must never leave.",
        status=QuoteStatus.PROPOSED,
        speaker=SpeakerFactory(name="Unreviewed Person", slug="unreviewed"),
    )


@pytest.fixture
def published_list(demo):
    owner = UserFactory(username="listowner")
    quote_list = QuoteList.objects.create(
        title="Syria, March 2023",
        slug="syria-march-2023",
        owner=owner,
        is_published=True,
        description="Who said what about the bases.",
    )
    quotes = list(Quote.objects.filter(speaker=demo["khosravi"]).order_by("id"))
    for position, quote in enumerate(reversed(quotes[:3])):
        QuoteListItem.objects.create(
            quote_list=quote_list, quote=quote, position=position, note=f"Note {position}"
        )
    return quote_list


@pytest.fixture(scope="session")
def plain_http_live_server(request):
    """pytest-django's live server, speaking plain HTTP.

    The server builds its middleware once per session, when it starts, so the per-test setting
    in tests/conftest.py comes too late: turn the HTTPS redirect off before it starts.
    """
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    return request.getfixturevalue("live_server")
