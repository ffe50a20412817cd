"""The one name normaliser: how QuoteDB compares names of speakers, outlets and roles."""

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_name(name: str) -> str:
    """Fold case, accents and punctuation so that "Kayván  Khosravi," matches "kayvan khosravi".

    >>> normalize_name("  Jean-Luc Mélenchon ")
    'jean luc melenchon'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", without_accents.casefold()).strip()
