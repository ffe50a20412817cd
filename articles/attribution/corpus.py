"""Reading and writing the evaluation JSONL format, and turning attributions into its quotes."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path

from .engine import extract
from .records import Attribution


class CorpusError(Exception):
    """Bad input: the message names the file and line and is meant for the user as is."""


def read_documents(path: str | Path) -> Iterator[dict]:
    """Documents of a JSONL file, one per non-blank line, each with at least doc_id and text."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise CorpusError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    document = json.loads(line)
                except json.JSONDecodeError as error:
                    raise CorpusError(f"{path}:{number}: malformed JSON: {error.msg}") from None
                if not isinstance(document, dict) or "doc_id" not in document:
                    raise CorpusError(f"{path}:{number}: expected an object with a doc_id")
                if not isinstance(document.get("text", ""), str):
                    raise CorpusError(f"{path}:{number}: text must be a string")
                yield document
        except UnicodeDecodeError:
            raise CorpusError(f"{path}: not UTF-8 text") from None


def published_date(document: dict) -> datetime.date | None:
    value = (document.get("metadata") or {}).get("published")
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def attribution_as_quote(text: str, attribution: Attribution) -> dict:
    """One attribution in the evaluation format's quote shape."""
    speaker = attribution.speaker_mention
    cue = attribution.cue
    return {
        "quote_start": attribution.start,
        "quote_end": attribution.end,
        "quote_segments": [list(piece) for piece in attribution.segments],
        "quote_text": text[attribution.start : attribution.end],
        "kind": attribution.kind,
        "speaker_start": speaker[0] if speaker else None,
        "speaker_end": speaker[1] if speaker else None,
        "speaker_text": text[speaker[0] : speaker[1]] if speaker else None,
        "cue_start": cue[0] if cue else None,
        "cue_end": cue[1] if cue else None,
        "cue_text": text[cue[0] : cue[1]] if cue else None,
        "cue_lemma": attribution.cue_lemma,
        "speaker_canonical": attribution.speaker.canonical_name if attribution.speaker else None,
        "speaker_kind": attribution.speaker.kind if attribution.speaker else None,
        "relayed_by": attribution.relayed_by,
        "confidence": attribution.confidence,
    }


def predict_document(document: dict) -> dict:
    text = document.get("text", "")
    attributions = extract(text, published=published_date(document))
    return {
        "doc_id": document["doc_id"],
        "quotes": [attribution_as_quote(text, a) for a in attributions],
    }
