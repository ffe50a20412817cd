"""Quotes as CSV for curators: the stable column list, export, and validated import.

Columns, in this order; they are a contract with curators' spreadsheets, so new columns go
at the end and none is ever renamed:

    id                   this database's quote id; set it to update that quote, leave it blank
                         to add a new one (clear it when moving quotes to another database)
    text                 the statement, verbatim (required)
    kind                 direct | indirect | mixed (blank: direct)
    cue                  the cue verb ("said")
    speaker              the speaker's slug (an old slug from before a merge works too)
    speaker_wikidata_id  used to find the speaker when `speaker` is blank
    speaker_mention      the speaker as printed
    said_on              YYYY-MM-DD (blank: the article's publication date)
    article_id           this database's article id ...
    article_url          ... or its canonical URL (a new article is created for an unknown URL)
    outlet               the article's outlet name (exported for reading; ignored on import)
    language             BCP 47 code (blank: en)
    original_text        the original-language text when `text` is a translation
    status               proposed | approved | rejected (blank: proposed)
    origin               manual | extracted | imported (blank: imported)
    confidence           0 to 1, or blank
    topics               topic slugs separated by ";"
    import_key           the source's own id; a row whose key is already stored updates that quote
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article, Outlet
from quotedb.imports.quotebank import source_url
from quotedb.models import Quote, QuoteKind, QuoteOrigin, QuoteStatus, Topic
from speakers.models import Speaker

COLUMNS = [
    "id",
    "text",
    "kind",
    "cue",
    "speaker",
    "speaker_wikidata_id",
    "speaker_mention",
    "said_on",
    "article_id",
    "article_url",
    "outlet",
    "language",
    "original_text",
    "status",
    "origin",
    "confidence",
    "topics",
    "import_key",
]
TOPIC_SEPARATOR = ";"
EXPORT_CHUNK = 2000


@dataclass(frozen=True)
class RowError:
    line_number: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.message}"


class CsvImportError(Exception):
    """The file has rows that cannot be imported; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(f"{len(errors)} rows have errors; nothing was imported")


@dataclass
class CsvImportSummary:
    added: int = 0
    updated: int = 0

    def __str__(self) -> str:
        return f"{self.added} quotes added, {self.updated} updated."


def quote_row(quote: Quote) -> dict[str, str]:
    article = quote.article
    return {
        "id": str(quote.pk),
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": quote.speaker.slug if quote.speaker_id else "",
        "speaker_wikidata_id": quote.speaker.wikidata_id if quote.speaker_id else "",
        "speaker_mention": quote.speaker_mention,
        "said_on": quote.said_on.isoformat() if quote.said_on else "",
        "article_id": str(article.pk),
        "article_url": article.url,
        "outlet": article.outlet.name if article.outlet_id else "",
        "language": quote.language,
        "original_text": quote.original_text,
        "status": quote.status,
        "origin": quote.origin,
        "confidence": "" if quote.confidence is None else repr(quote.confidence),
        "topics": TOPIC_SEPARATOR.join(sorted(topic.slug for topic in quote.topics.all())),
        "import_key": quote.import_key,
    }


def quotes_csv_export(*, quotes: Iterable[Quote] | None = None, file: TextIO) -> int:
    """Write quotes (every quote, oldest id first, by default) as CSV; returns how many."""
    if quotes is None:
        quotes = Quote.objects.order_by("pk")
    if hasattr(quotes, "select_related"):
        quotes = (
            quotes.select_related("speaker", "article__outlet")
            .prefetch_related("topics")
            .iterator(chunk_size=EXPORT_CHUNK)
        )
    writer = csv.DictWriter(file, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for quote in quotes:
        writer.writerow(quote_row(quote))
        count += 1
    return count


class _RowReader:
    """Turns one CSV row into an unsaved or updated Quote, or raises ValueError saying why."""

    def __init__(self) -> None:
        self.topics = {topic.slug: topic for topic in Topic.objects.all()}
        self.speakers: dict[tuple[str, str], Speaker] = {}

    def speaker(self, row: dict[str, str]) -> Speaker | None:
        slug, qid = row.get("speaker", "").strip(), row.get("speaker_wikidata_id", "").strip()
        if not slug and not qid:
            return None
        if (slug, qid) not in self.speakers:
            found = (
                Speaker.objects.by_slug_or_id([slug]).first()
                if slug
                else Speaker.objects.filter(wikidata_id=qid).first()
            )
            if found is None:
                raise ValueError(f"speaker: no speaker {slug or qid!r}")
            self.speakers[slug, qid] = found
        return self.speakers[slug, qid]

    def article(self, row: dict[str, str], said_on: datetime.date | None) -> Article:
        article_id, url = row.get("article_id", "").strip(), row.get("article_url", "").strip()
        if article_id:
            if not article_id.isdigit() or not (found := Article.objects.filter(pk=article_id)):
                raise ValueError(f"article_id: no article {article_id!r}")
            return found.get()
        if not url:
            raise ValueError("article_url: give the article's URL or its article_id")
        if existing := Article.objects.filter(url=url).first():
            return existing
        source = source_url(url)
        if source is None:
            raise ValueError(f"article_url: {url!r} is not an http(s) URL")
        outlet = Outlet.objects.filter(domain=source.domain).first()
        if outlet is None:
            outlet = Outlet.objects.create(
                name=source.domain, slug=_free_outlet_slug(source.outlet_slug), domain=source.domain
            )
        return Article.objects.create(
            url=url, title=url[:500], outlet=outlet, published_on=said_on, body=""
        )

    def topic_list(self, row: dict[str, str]) -> list[Topic]:
        slugs = [slug.strip() for slug in row.get("topics", "").split(TOPIC_SEPARATOR)]
        unknown = [slug for slug in slugs if slug and slug not in self.topics]
        if unknown:
            raise ValueError(f"topics: no topic {', '.join(map(repr, unknown))}")
        return [self.topics[slug] for slug in slugs if slug]

    def quote(self, row: dict[str, str]) -> tuple[Quote, list[Topic], bool]:
        quote_id, import_key = row.get("id", "").strip(), row.get("import_key", "").strip()
        quote, is_new = None, False
        if quote_id:
            if not quote_id.isdigit() or not (quote := Quote.objects.filter(pk=quote_id).first()):
                raise ValueError(
                    f"id: no quote {quote_id!r} here; clear the id to add the row as a new quote"
                )
        elif import_key:
            quote = Quote.objects.filter(import_key=import_key).first()
        if quote is None:
            quote, is_new = Quote(import_key=import_key), True
        text = row.get("text", "").strip()
        if not text:
            raise ValueError("text: a quote needs its text")
        said_on = _date(row.get("said_on", ""))
        quote.text = text
        quote.kind = row.get("kind", "").strip() or QuoteKind.DIRECT
        quote.cue = row.get("cue", "").strip()
        quote.speaker = self.speaker(row)
        quote.speaker_mention = row.get("speaker_mention", "").strip()
        quote.article = self.article(row, said_on)
        quote.said_on = said_on
        quote.language = row.get("language", "").strip() or "en"
        quote.original_text = row.get("original_text", "")
        quote.status = row.get("status", "").strip() or QuoteStatus.PROPOSED
        quote.origin = row.get("origin", "").strip() or QuoteOrigin.IMPORTED
        quote.confidence = _confidence(row.get("confidence", ""))
        if import_key:
            quote.import_key = import_key
        return quote, self.topic_list(row), is_new


def _free_outlet_slug(slug: str) -> str:
    candidate, number = slug, 2
    while Outlet.objects.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _date(raw: str) -> datetime.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"said_on: {raw!r} is not a date as YYYY-MM-DD") from None


def _confidence(raw: str) -> float | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"confidence: {raw!r} is not a number from 0 to 1") from None


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _rows(file: TextIO) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(file)
    missing = {"text"} - set(reader.fieldnames or [])
    if missing:
        raise CsvImportError([RowError(1, "the header has no 'text' column")])
    unknown = set(reader.fieldnames or []) - set(COLUMNS)
    if unknown:
        raise CsvImportError([RowError(1, f"unknown columns: {', '.join(sorted(unknown))}")])
    for row in reader:
        yield reader.line_num, {key: value or "" for key, value in row.items() if key}


def quotes_csv_import(*, file: TextIO, by=None) -> CsvImportSummary:
    """Add or update quotes from a curator's CSV, all rows or none.

    Every row is checked; if any has a problem, a CsvImportError lists them all (with line
    numbers) and the database is left as it was.
    """
    summary, errors = CsvImportSummary(), []
    with transaction.atomic():
        reader = _RowReader()
        for line_number, row in _rows(file):
            try:
                quote, topics, is_new = reader.quote(row)
                quote.full_clean()
            except ValueError as error:
                errors.append(RowError(line_number, str(error)))
                continue
            except ValidationError as error:
                errors.append(RowError(line_number, _validation_message(error)))
                continue
            if is_new and by is not None:
                quote.created_by = by
            quote.save()
            quote.topics.set(topics)
            if is_new:
                summary.added += 1
            else:
                summary.updated += 1
        if errors:
            raise CsvImportError(errors)  # leaving the atomic block by an error undoes it all
    return summary
