"""RSS and Atom feeds of approved quotes per speaker, topic and published list."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.views.decorators.http import require_GET

from quotedb.models import Quote, Topic
from quotedb.reports import selectors
from quotedb.reports.renderers import render_feed

FEED_SIZE = 50
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def feed_response(
    request, *, quotes: list[dict], feed_format: str, title: str, link: str, description: str
):
    feed_class = FEED_CLASSES[feed_format]
    body = render_feed(
        quotes,
        feed_class=feed_class,
        title=title,
        link=request.build_absolute_uri(link),
        description=description,
    )
    return HttpResponse(body, content_type=f"{feed_class.content_type}")


@require_GET
def speaker_feed(request, slug: str, feed_format: str):
    speaker = selectors.public_speaker(slug)
    quotes = Quote.objects.approved().with_related().filter(speaker=speaker)[:FEED_SIZE]
    return feed_response(
        request,
        quotes=selectors.quote_data(quotes, request=request),
        feed_format=feed_format,
        title=f"Quotes by {speaker.name} — QuoteDB",
        link=reverse("reports:speaker", kwargs={"slug": speaker.slug}),
        description=f"The latest approved quotes by {speaker.name}.",
    )


@require_GET
def topic_feed(request, slug: str, feed_format: str):
    topic = get_object_or_404(Topic, slug=slug)
    quotes = Quote.objects.approved().with_related().about([topic.pk])[:FEED_SIZE]
    return feed_response(
        request,
        quotes=selectors.quote_data(quotes, request=request),
        feed_format=feed_format,
        title=f"Quotes about {topic.name} — QuoteDB",
        link=reverse("reports:builder") + f"?topic={topic.slug}",
        description=f"The latest approved quotes about {topic.name}, subtopics included.",
    )


@require_GET
def list_feed(request, slug: str, feed_format: str):
    quote_list = selectors.published_list(slug)
    report = selectors.list_report(quote_list, request=request)
    return feed_response(
        request,
        quotes=report["results"],
        feed_format=feed_format,
        title=f"{quote_list.title} — QuoteDB",
        link=reverse("reports:embed-list", kwargs={"slug": quote_list.slug}),
        description=quote_list.description or f"The quotes of the list “{quote_list.title}”.",
    )
