"""Plain-text articles: the title on the first line, then the body, maybe opened by a dateline."""

from __future__ import annotations

import datetime

from articles.ingestion.datelines import dateline_at_start
from articles.ingestion.furniture import normalize_layout, strip_furniture
from articles.ingestion.records import ParsedArticle, ParseError


def parse_text(
    text: str,
    *,
    source: str,
    title: str = "",
    reference_date: datetime.date,
    year: int | None = None,
) -> ParsedArticle:
    """An article from plain text.

    Without `title`, the first non-blank line is the title and the rest the body. Trailing page
    furniture is dropped (its "News Code N" kept as the external id). A dateline opening the
    body gives the place, the outlet's short name and the day; a dateline without a year takes
    `year` when given, else the latest such day on or before `reference_date` (the file's date).
    """
    text = normalize_layout(text)
    if not text:
        raise ParseError(source, "empty: no text to ingest")
    if not title:
        title, _, text = text.partition("\n")
        title, text = title.strip(), text.strip()
    body, external_id = strip_furniture(text)
    if not body:
        raise ParseError(source, "no body text after the title")
    return with_dateline(
        ParsedArticle(source=source, title=title, body=body, external_id=external_id),
        reference_date=reference_date,
        year=year,
    )


def with_dateline(
    article: ParsedArticle, *, reference_date: datetime.date, year: int | None = None
) -> ParsedArticle:
    """Fill place, day and outlet short name from a dateline opening the body, where missing."""
    first_paragraph = article.body.split("\n\n", 1)[0]
    dateline = dateline_at_start(first_paragraph)
    if dateline is None:
        return article
    article.dateline = article.dateline or dateline.place
    article.outlet_short_name = article.outlet_short_name or dateline.outlet_short_name
    if article.published_on is None:
        if year is not None and dateline.year is None:
            reference_date = datetime.date(year, 12, 31)
        article.published_on = dateline.date(reference=reference_date)
    return article
