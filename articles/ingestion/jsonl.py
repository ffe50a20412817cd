"""The evaluation format (one JSON document per line): the text is stored exactly as given."""

from __future__ import annotations

import datetime
import json

from articles.ingestion.records import ParsedArticle, ParseError


def parse_jsonl_line(line: str, *, source: str) -> ParsedArticle:
    """An article from one line: `doc_id`, `text` and `metadata` (published, title, publisher,
    author). The text is kept byte for byte so that offsets given with it stay valid."""
    try:
        document = json.loads(line)
    except json.JSONDecodeError as error:
        raise ParseError(source, f"malformed JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(document, dict):
        raise ParseError(source, "each line must be a JSON object")
    text = document.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ParseError(source, 'no "text"')
    metadata = document.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ParseError(source, '"metadata" must be an object')
    published_on = None
    if published := metadata.get("published"):
        try:
            published_on = datetime.date.fromisoformat(str(published)[:10])
        except ValueError:
            raise ParseError(source, f'"metadata.published" is not a date: {published!r}') from None
    title = str(metadata.get("title") or "").strip() or text.strip().split("\n", 1)[0].strip()
    return ParsedArticle(
        source=source,
        title=title,
        body=text,
        published_on=published_on,
        byline=str(metadata.get("author") or "").strip(),
        external_id=str(document.get("doc_id") or "").strip(),
        url=str(metadata.get("url") or "").strip(),
        outlet_name=str(metadata.get("publisher") or "").strip(),
    )
