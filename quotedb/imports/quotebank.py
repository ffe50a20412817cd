"""Reading Quotebank JSON lines: one validated record per line, malformed lines reported."""

from __future__ import annotations

import bz2
import contextlib
import datetime
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import orjson
from django.utils.text import slugify

from quotedb.fingerprints import fingerprint
from speakers.names import normalize_name

WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
# Column limits of the tables the records end up in (Speaker.name, Quote.speaker_mention,
# Article.url, Quote.import_key, Outlet.domain).
MAX_SPEAKER_NAME = 200
MAX_MENTION = 300
MAX_URL = 1000
MAX_IMPORT_KEY = 100
MAX_DOMAIN = 200
NO_SPEAKER = "None"  # Quotebank's speaker when it could not attribute the quotation


class MalformedLine(ValueError):
    """A line that is not a usable Quotebank record; the message says why."""


@dataclass(frozen=True, slots=True)
class SourceUrl:
    url: str
    domain: str

    @property
    def outlet_slug(self) -> str:
        return _outlet_slug(self.domain)


@functools.lru_cache(maxsize=65536)
def _outlet_slug(domain: str) -> str:
    # Cached: a file names a few thousand domains across millions of URLs.
    return slugify(domain.replace(".", "-"))[:200] or "outlet"


@functools.lru_cache(maxsize=65536)
def _speaker_slug(name: str, qid: str) -> str:
    # The QID makes the slug unique however common the name is. Cached: speakers recur.
    base = slugify(name)[:180] or "speaker"
    return f"{base}-{qid.lower()}"


@dataclass(frozen=True, slots=True)
class QuotebankRecord:
    """One Quotebank quotation, reduced to what QuoteDB stores."""

    quote_id: str
    text: str
    speaker_name: str  # empty when Quotebank's best guess is "None"
    speaker_qid: str  # the first Wikidata id Quotebank lists for the speaker, or empty
    said_on: datetime.date
    confidence: float | None
    urls: tuple[SourceUrl, ...]
    fingerprint: str = field(repr=False)

    @property
    def speaker_normalized(self) -> str:
        return _normalized_name(self.speaker_name)

    @property
    def speaker_slug(self) -> str:
        return _speaker_slug(self.speaker_name, self.speaker_qid)


@dataclass(frozen=True, slots=True)
class Problem:
    """A skipped line: where it is and why it was skipped."""

    path: str
    line_number: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line_number}: {self.reason}"


_normalized_name = functools.lru_cache(maxsize=65536)(normalize_name)

# The usual shape of a news URL: lowercase scheme, a plain host name, maybe a port, then a
# path, query or fragment. For these the host is read straight off; anything else (user
# info, IPv6 literals, odd characters) goes through urlsplit.
_PLAIN_URL = re.compile(r"(?:https?)://([A-Za-z0-9.-]+)(?::[0-9]{1,5})?(?:[/?#][!-~]*)?")


def source_url(raw: object) -> SourceUrl | None:
    """An http(s) URL with a host, or None for anything QuoteDB cannot store as an article."""
    if not isinstance(raw, str) or not raw or len(raw) > MAX_URL:
        return None
    if plain := _PLAIN_URL.fullmatch(raw):
        host = plain.group(1).lower()
        if len(host) > MAX_DOMAIN:
            return None
        return SourceUrl(url=raw, domain=host.removeprefix("www."))
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or len(host) > MAX_DOMAIN:
        return None
    return SourceUrl(url=raw, domain=host.removeprefix("www."))


def _top_probability(probas: object) -> float | None:
    if probas in (None, []):
        return None
    if not isinstance(probas, list):
        raise MalformedLine("probas is not a list of [speaker, probability] pairs")
    best = None
    for pair in probas:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise MalformedLine("probas is not a list of [speaker, probability] pairs")
        try:
            probability = float(pair[1])
        except (TypeError, ValueError):
            raise MalformedLine(f"probability {pair[1]!r} is not a number") from None
        if not 0.0 <= probability <= 1.0:
            raise MalformedLine(f"probability {probability} is not between 0 and 1")
        best = probability if best is None else max(best, probability)
    return best


def _said_on(raw: object) -> datetime.date:
    if not isinstance(raw, str):
        raise MalformedLine("date is missing")
    try:
        return datetime.date.fromisoformat(raw[:10])
    except ValueError:
        raise MalformedLine(f"date {raw!r} is not YYYY-MM-DD[ hh:mm:ss]") from None


def parse_record(line: bytes) -> QuotebankRecord:
    """One Quotebank JSON line as a record, or MalformedLine saying what is wrong with it."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise MalformedLine(f"not JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise MalformedLine("not a JSON object")
    # PostgreSQL text cannot hold NUL characters: they are dropped from every stored string.
    quote_id = data.get("quoteID")
    if isinstance(quote_id, str):
        quote_id = quote_id.replace("\x00", "")
    if not isinstance(quote_id, str) or not quote_id.strip():
        raise MalformedLine("quoteID is missing")
    if len(quote_id) > MAX_IMPORT_KEY:
        raise MalformedLine(f"quoteID is longer than {MAX_IMPORT_KEY} characters")
    text = data.get("quotation")
    if not isinstance(text, str) or not text.strip():
        raise MalformedLine("quotation is missing")
    text = text.replace("\x00", "").strip()
    speaker = data.get("speaker")
    speaker = (
        speaker.replace("\x00", "").strip()
        if isinstance(speaker, str) and speaker != NO_SPEAKER
        else ""
    )
    qids = data.get("qids") or []
    if not isinstance(qids, list):
        raise MalformedLine("qids is not a list")
    # Quotebank lists every Wikidata entity bearing the name; the first is its best guess.
    qid = next((q for q in qids if isinstance(q, str) and WIKIDATA_ID.match(q)), "")
    urls = tuple(url for url in map(source_url, data.get("urls") or []) if url is not None)
    if not urls:
        raise MalformedLine("no usable http(s) URL in urls")
    return QuotebankRecord(
        quote_id=quote_id.strip(),
        text=text,
        speaker_name=speaker[:MAX_SPEAKER_NAME],
        speaker_qid=qid if speaker else "",
        said_on=_said_on(data.get("date")),
        confidence=_top_probability(data.get("probas")),
        urls=urls,
        fingerprint=fingerprint(text),
    )


def read_quotebank(
    path: Path,
    *,
    on_problem: Callable[[Problem], None],
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[QuotebankRecord]:
    """Records from one file, streamed line by line; each malformed line goes to `on_problem`.

    `on_progress(n)` is told how many more bytes of the file (compressed, for .bz2) were read.
    """
    decompress = bz2.open if path.suffix == ".bz2" else contextlib.nullcontext
    with path.open("rb") as raw_file, decompress(raw_file) as stream:
        position = line_number = 0
        try:
            for line_number, line in enumerate(stream, start=1):
                if on_progress is not None:
                    now = raw_file.tell()
                    on_progress(now - position)
                    position = now
                if not line.strip():
                    continue
                try:
                    yield parse_record(line)
                except MalformedLine as error:
                    on_problem(Problem(str(path), line_number, str(error)))
        except (OSError, EOFError) as error:
            # A truncated or corrupt .bz2: keep what was read, report where it broke off.
            on_problem(Problem(str(path), line_number + 1, f"unreadable: {error}"))
