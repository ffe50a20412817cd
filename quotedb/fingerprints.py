"""The one quote-fingerprint normaliser: when two reports carry the same statement."""

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_statement(text: str) -> str:
    """Words only, case and accents folded, so quotation marks and spacing do not matter."""
    if text.isascii():
        # ASCII has nothing to decompose or strip (most imported quotes): the same result,
        # several times faster.
        return " ".join(_WORD.findall(text.lower()))
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(without_accents.casefold()))


def fingerprint(text: str) -> str:
    """A stable hash of the normalised statement; equal fingerprints mean the same words."""
    return hashlib.sha1(normalize_statement(text).encode("utf-8")).hexdigest()
