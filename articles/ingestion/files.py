"""Reading article files by extension; a bad file or line becomes a ParseError naming it."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from articles.ingestion.html import parse_html
from articles.ingestion.jsonl import parse_jsonl_line
from articles.ingestion.plaintext import parse_text
from articles.ingestion.records import ParsedArticle, ParseError

SUPPORTED_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl")


def files_under(paths: Iterable[Path]) -> list[Path]:
    """The paths given, with each directory replaced by the supported files below it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_EXTENSIONS)
            )
        else:
            found.append(path)
    return found


def parse_file(path: Path, *, year: int | None = None) -> Iterator[ParsedArticle | ParseError]:
    """The articles in `path`: one for .txt and .html, one per line for .jsonl.

    A problem with the whole file or with one line is yielded as a ParseError (not raised), so
    that the caller reports it and carries on with the rest.
    """
    source = str(path)
    extension = path.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        yield ParseError(
            source, f"unknown extension {extension or '(none)'!r}: use .txt, .html or .jsonl"
        )
        return
    try:
        raw = path.read_bytes()
        # A dateline without a year is read as the latest such day on or before the file's date.
        file_date = datetime.date.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        yield ParseError(source, f"cannot read ({error.strerror or error})")
        return
    if not raw.strip():
        yield ParseError(source, "empty file")
        return
    if extension in (".html", ".htm"):
        yield _parsed(partial(parse_html, raw, source=source, reference_date=file_date, year=year))
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield ParseError(source, f"not UTF-8 text (byte {error.start})")
        return
    if extension == ".txt":
        yield _parsed(partial(parse_text, text, source=source, reference_date=file_date, year=year))
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _parsed(partial(parse_jsonl_line, line, source=f"{source}:{number}"))


def _parsed(parse: Callable[[], ParsedArticle]) -> ParsedArticle | ParseError:
    try:
        return parse()
    except ParseError as error:
        return error
