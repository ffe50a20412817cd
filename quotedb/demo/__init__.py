"""The demo data set: Mehr News Agency's article 198808 with its ten hand-annotated quotes."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from articles.models import Article, Outlet
from quotedb.models import Quote, QuoteOrigin, QuoteStatus, QuoteTopic, Topic
from speakers.models import Alias, Role, Speaker
from speakers.names import normalize_name

# The data lives inside the package, so a clone (or an installed copy) needs nothing else.
DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILE = DEMO_DIR / "demo.json"
HISTORY_REASON = "Demo data (load_demo)"

# Row kinds in the order the summary names them: singular and plural.
ROW_KINDS = {
    "outlet": "outlets",
    "speaker": "speakers",
    "alias": "aliases",
    "role": "roles",
    "topic": "topics",
    "article": "articles",
    "quote": "quotes",
    "quote topic": "quote topics",
}


class DemoError(Exception):
    """The demo cannot be loaded into this database as it stands (nothing was written)."""


@dataclass
class DemoSummary:
    """How many rows of each kind the load created, and how many were already there."""

    created: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        return (
            f"Demo data: created {_counts(self.created)}; already present {_counts(self.present)}."
        )


def _counts(counter: Counter[str]) -> str:
    parts = [
        f"{counter[kind]} {kind if counter[kind] == 1 else plural}"
        for kind, plural in ROW_KINDS.items()
        if counter[kind]
    ]
    return ", ".join(parts) or "nothing"


def demo_load(*, path: Path = DEMO_FILE) -> DemoSummary:
    """Add whatever part of the demo is missing, in one transaction.

    Every row is found by its natural key (slugs; an alias by its normalised name; a role by
    person, title and organisation; an article by outlet and outlet id; a quote by article and
    offsets) and created only when absent. Rows already there are never changed, so running
    it again, or after curators have edited the demo, changes nothing.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    summary = DemoSummary()
    try:
        with transaction.atomic():
            speakers = {item["slug"]: _speaker(item, summary=summary) for item in data["speakers"]}
            for item in data["roles"]:
                _role(item, speakers=speakers, summary=summary)
            outlets = {
                item["slug"]: _outlet(item, speakers=speakers, summary=summary)
                for item in data["outlets"]
            }
            topics = {item["slug"]: _topic(item, summary=summary) for item in data["topics"]}
            for item in data["articles"]:
                body = (path.parent / item["body_file"]).read_text(encoding="utf-8").strip()
                article = _article(item, body=body, outlets=outlets, summary=summary)
                for quote in item["quotes"]:
                    _quote(
                        quote, article=article, speakers=speakers, topics=topics, summary=summary
                    )
    except ValidationError as error:
        raise DemoError(f"The demo data does not validate: {' '.join(error.messages)}") from error
    return summary


def _get_or_create(
    model: type[models.Model],
    *,
    kind: str,
    summary: DemoSummary,
    existing: models.Model | None,
    values: dict[str, Any],
) -> models.Model:
    """`existing` when there is one; otherwise a new row from `values`, validated and saved."""
    if existing is not None:
        summary.present[kind] += 1
        return existing
    instance = model(**values)
    instance.full_clean()
    # django-simple-history records this as the reason on the row's first history entry.
    instance._change_reason = HISTORY_REASON
    instance.save()
    summary.created[kind] += 1
    return instance


def _speaker(item: dict, *, summary: DemoSummary) -> Speaker:
    # A demo speaker merged into another since is found by its old slug (a SlugRedirect); one a
    # curator entered under another slug is found by its Wikidata id.
    existing = Speaker.objects.by_slug_or_id([item["slug"]]).first()
    if existing is None and item["wikidata_id"]:
        existing = Speaker.objects.filter(wikidata_id=item["wikidata_id"]).first()
    speaker = _get_or_create(
        Speaker,
        kind="speaker",
        summary=summary,
        existing=existing,
        values={
            key: item[key]
            for key in ("slug", "name", "kind", "country", "wikidata_id", "description")
        },
    )
    for name in item["aliases"]:
        _get_or_create(
            Alias,
            kind="alias",
            summary=summary,
            existing=speaker.aliases.filter(normalized=normalize_name(name)).first(),
            # The normalised form is set on save; give it now, for full_clean's constraints.
            values={"speaker": speaker, "name": name, "normalized": normalize_name(name)},
        )
    return speaker


def _role(item: dict, *, speakers: dict[str, Speaker], summary: DemoSummary) -> Role:
    person, organization = speakers[item["person"]], speakers[item["organization"]]
    return _get_or_create(
        Role,
        kind="role",
        summary=summary,
        existing=Role.objects.filter(person=person, organization=organization)
        .titled(item["title"])
        .first(),
        values={
            "person": person,
            "organization": organization,
            "title": item["title"],
            "start_on": _date(item["start_on"]),
            "end_on": _date(item["end_on"]),
        },
    )


def _outlet(item: dict, *, speakers: dict[str, Speaker], summary: DemoSummary) -> Outlet:
    # Ingesting a Mehr News article before the demo may have created the outlet by its domain.
    existing = Outlet.objects.filter(slug=item["slug"]).first()
    if existing is None and item["domain"]:
        existing = Outlet.objects.filter(domain=item["domain"]).first()
    speaker = speakers[item["speaker"]] if item["speaker"] else None
    if speaker is not None and Outlet.objects.filter(speaker=speaker).exists():
        speaker = None  # that speaker already stands for another outlet; leave it there
    return _get_or_create(
        Outlet,
        kind="outlet",
        summary=summary,
        existing=existing,
        values={
            **{
                key: item[key]
                for key in ("slug", "name", "short_name", "domain", "country", "language")
            },
            "speaker": speaker,
        },
    )


def _topic(item: dict, *, summary: DemoSummary) -> Topic:
    return _get_or_create(
        Topic,
        kind="topic",
        summary=summary,
        existing=Topic.objects.filter(slug=item["slug"]).first(),
        values={key: item[key] for key in ("slug", "name", "description")},
    )


def _article(item: dict, *, body: str, outlets: dict[str, Outlet], summary: DemoSummary) -> Article:
    outlet = outlets[item["outlet"]]
    existing = Article.objects.filter(outlet=outlet, external_id=item["external_id"]).first()
    if existing is not None and existing.body != body:
        # The demo quotes' offsets index the demo's text; on another text they would point at
        # the wrong words.
        raise DemoError(
            f"Article #{existing.pk} ({outlet.short_name or outlet.name} "
            f"{item['external_id']}) is stored with a different text from the demo's, so the "
            "demo quotes cannot be placed in it; delete or fix that article and run load_demo "
            "again."
        )
    return _get_or_create(
        Article,
        kind="article",
        summary=summary,
        existing=existing,
        values={
            "outlet": outlet,
            "external_id": item["external_id"],
            "title": item["title"],
            "dateline": item["dateline"],
            "published_on": _date(item["published_on"]),
            "language": item["language"],
            "url": item["url"],
            "body": body,
        },
    )


def _quote(
    item: dict,
    *,
    article: Article,
    speakers: dict[str, Speaker],
    topics: dict[str, Topic],
    summary: DemoSummary,
) -> Quote:
    start, end = item["start"], item["end"]
    if article.body[start:end] != item["text"]:
        raise DemoError(
            f"Demo quote at {start}:{end} does not match the article text: "
            f"{article.body[start:end]!r} is not {item['text']!r}."
        )
    quote = _get_or_create(
        Quote,
        kind="quote",
        summary=summary,
        existing=Quote.objects.filter(article=article, start=start, end=end).first(),
        values={
            "article": article,
            "start": start,
            "end": end,
            "text": item["text"],
            "kind": item["kind"],
            "cue": item["cue"],
            "speaker": speakers[item["speaker"]],
            "speaker_mention": item["speaker_mention"],
            "relayed_by": speakers[item["relayed_by"]] if item["relayed_by"] else None,
            "said_on": _date(item.get("said_on")) or article.published_on,
            "language": article.language,
            "status": QuoteStatus.APPROVED,
            "origin": QuoteOrigin.MANUAL,
        },
    )
    for slug in item["topics"]:
        _get_or_create(
            QuoteTopic,
            kind="quote topic",
            summary=summary,
            existing=QuoteTopic.objects.filter(quote=quote, topic=topics[slug]).first(),
            values={"quote": quote, "topic": topics[slug]},
        )
    return quote


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None
