"""HTML pages: main text and metadata (title, date, author, URL, site name) through trafilatura."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import trafilatura

from articles.ingestion.furniture import normalize_layout, strip_furniture
from articles.ingestion.plaintext import with_dateline
from articles.ingestion.records import ParsedArticle, ParseError


def parse_html(
    html: str | bytes,
    *,
    source: str,
    url: str = "",
    reference_date: datetime.date,
    year: int | None = None,
) -> ParsedArticle:
    """An article from an HTML page; `url` is where it came from, when the page does not say."""
    try:
        document = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False
        )
    except (ValueError, TypeError) as error:
        raise ParseError(source, f"unreadable HTML ({error})") from error
    if document is None or not (document.text or "").strip():
        raise ParseError(source, "no article text found in this HTML")
    title = (document.title or "").strip()
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the page's heading, already kept as the title
    body, external_id = strip_furniture(normalize_layout("\n\n".join(paragraphs)))
    if not body:
        raise ParseError(source, "no article text found in this HTML")
    page_url = url or document.url or ""
    article = ParsedArticle(
        source=source,
        title=title or body.split("\n", 1)[0][:200],
        body=body,
        published_on=_date(document.date),
        url=page_url,
        byline=(document.author or "").strip()[:300],
        external_id=external_id,
        language=(document.language or "").strip(),
        outlet_name=(document.sitename or "").strip(),
        outlet_domain=_domain(page_url) or (document.hostname or ""),
    )
    return with_dateline(article, reference_date=reference_date, year=year)


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")
