"""Attribution tracking: the same statement reported again, in the same or other words."""

import datetime
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from quotedb.fingerprints import normalize_statement
from quotedb.models import Quote, QuoteQuerySet

#: Reports of a statement by the same speaker this many days apart are compared for variants.
VARIANT_WINDOW_DAYS = 60
#: Token-set similarity (0-100) from which two wordings count as variants of one statement.
VARIANT_SIMILARITY = 85
#: At most this many candidates are compared, so one prolific speaker cannot make it slow.
MAX_CANDIDATES = 500


@dataclass
class Echoes:
    """What the database knows about a statement beyond one report of it."""

    quote: Quote
    first_appearance: Quote
    same_words: list[Quote] = field(default_factory=list)
    variants: list[tuple[Quote, float]] = field(default_factory=list)
    conflicts: list[Quote] = field(default_factory=list)


def quote_echoes(*, quote: Quote, among: QuoteQuerySet) -> Echoes:
    """Reports in `among` of the statement `quote` carries.

    same_words: the same fingerprint (words equal once case and punctuation are folded);
    variants: the same speaker within VARIANT_WINDOW_DAYS in nearly the same words;
    conflicts: the same words credited to a different speaker.
    """
    same = list(
        among.filter(fingerprint=quote.fingerprint).exclude(pk=quote.pk).order_by("said_on", "pk")
    )
    variants: list[tuple[Quote, float]] = []
    if quote.speaker_id is not None:
        window = datetime.timedelta(days=VARIANT_WINDOW_DAYS)
        candidates = (
            among.filter(
                speaker_id=quote.speaker_id,
                said_on__gte=quote.said_on - window,
                said_on__lte=quote.said_on + window,
            )
            .exclude(fingerprint=quote.fingerprint)
            .order_by("said_on", "pk")[:MAX_CANDIDATES]
        )
        wording = normalize_statement(quote.text)
        for candidate in candidates:
            score = fuzz.token_set_ratio(wording, normalize_statement(candidate.text))
            if score >= VARIANT_SIMILARITY:
                variants.append((candidate, round(score / 100, 3)))
    conflicts = [
        other
        for other in same
        if other.speaker_id is not None
        and quote.speaker_id is not None
        and other.speaker_id != quote.speaker_id
    ]
    reports = [quote, *same, *(variant for variant, _ in variants)]
    first = min(reports, key=lambda q: (q.said_on, q.article.published_on or q.said_on, q.pk))
    return Echoes(
        quote=quote,
        first_appearance=first,
        same_words=same,
        variants=variants,
        conflicts=conflicts,
    )
