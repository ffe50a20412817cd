"""Quote and attribution precision/recall/F1 against gold data, as the evaluation defines them.

Spans become sets of word tokens identified by position (punctuation never counts; a quote's
leading "that" is dropped when more words follow). Predicted and gold quotes pair one-to-one,
best token-overlap F1 first, never below 0.5. Lenient counts every pair, exact only identical
token sets. An attribution is right when its quote pair counts and the speaker spans share a
word (lenient) or are identical (exact); gold quotes without a source are not judged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

WORD_TOKEN = re.compile(r"\w+")
TokenSet = frozenset[tuple[int, int]]
ROW_NAMES = ("quotes/lenient", "quotes/exact", "attribution/lenient", "attribution/exact")
KINDS_ORDER = ("direct", "indirect", "mixed", "unknown")


def word_positions(
    text: str, spans: Iterable[tuple[int, int]], *, drop_leading_that: bool = False
) -> TokenSet:
    positions: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        positions += [m.span() for m in WORD_TOKEN.finditer(text, start, end)]
    if drop_leading_that and len(positions) > 1:
        first_start, first_end = positions[0]
        if text[first_start:first_end].lower() == "that":
            positions = positions[1:]
    return frozenset(positions)


def spans_of(quote: Mapping, role: str) -> list[tuple[int, int]] | None:
    """A quote's `role` ("quote" or "speaker") pieces, or None when it has none."""
    pieces = quote.get(f"{role}_segments")
    if pieces:
        return [(int(a), int(b)) for a, b in pieces]
    start = quote.get(f"{role}_start")
    if start is None:
        return None
    return [(int(start), int(quote[f"{role}_end"]))]


def overlap_f1(first: TokenSet, second: TokenSet) -> float:
    shared = len(first & second)
    if not shared:
        return 0.0
    return 2 * shared / (len(first) + len(second))


@dataclass(frozen=True, slots=True)
class Row:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(slots=True)
class Score:
    rows: dict[str, Row]
    recall_by_kind: dict[str, dict[str, float | int]]
    documents: int

    def as_text(self) -> str:
        lines = [f"{self.documents} gold documents"]
        lines.append(f"{'row':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}")
        for name in ROW_NAMES:
            row = self.rows[name]
            lines.append(
                f"{name:22} {round(row.precision, 4):6.3f} {round(row.recall, 4):6.3f} "
                f"{round(row.f1, 4):6.3f} "
                f"{row.true_positives:6} {row.predicted:6} {row.gold:6}"
            )
        lines.append(
            "recall by gold kind:  kind       gold  quotes-lenient  quotes-exact  "
            "attribution-lenient"
        )
        for kind, values in self.recall_by_kind.items():
            lines.append(
                f"{'':21} {kind:9} {values['gold']:6} "
                f"{round(values['quotes_lenient'], 4):15.3f} "
                f"{round(values['quotes_exact'], 4):13.3f} "
                f"{round(values['attribution_lenient'], 4):20.3f}"
            )
        return "\n".join(lines)


def _pair_quotes(predicted: list[TokenSet], gold: list[TokenSet]) -> dict[int, int]:
    """gold index -> predicted index, greedily by descending overlap F1, each used once."""
    candidates = []
    for p_index, p_tokens in enumerate(predicted):
        if not p_tokens:
            continue
        for g_index, g_tokens in enumerate(gold):
            if g_tokens:
                value = overlap_f1(p_tokens, g_tokens)
                if value >= 0.5:
                    candidates.append((value, p_index, g_index))
    candidates.sort(reverse=True)
    taken_predicted: set[int] = set()
    pairs: dict[int, int] = {}
    for _value, p_index, g_index in candidates:
        if p_index in taken_predicted or g_index in pairs:
            continue
        taken_predicted.add(p_index)
        pairs[g_index] = p_index
    return pairs


def _contents(text: str, quotes: Iterable[Mapping]) -> list[TokenSet]:
    """Each quote's content as the word tokens it covers (a leading "that" dropped)."""
    return [
        word_positions(text, spans_of(q, "quote") or [], drop_leading_that=True) for q in quotes
    ]


def matched_predictions(text: str, gold_quotes: list, predicted_quotes: list) -> set[int]:
    """Indexes of the predicted quotes that the lenient rows count as matching a gold one."""
    return set(
        _pair_quotes(_contents(text, predicted_quotes), _contents(text, gold_quotes)).values()
    )


def score_documents(gold: Mapping[str, Mapping], predicted: Mapping[str, Mapping]) -> Score:
    """Score predicted documents against gold ones, both keyed by doc_id."""
    counts: Counter[str] = Counter()
    per_kind: dict[str, Counter[str]] = {}
    for doc_id, gold_document in gold.items():
        text = gold_document["text"]
        gold_quotes = gold_document.get("quotes", [])
        predicted_quotes = predicted.get(doc_id, {}).get("quotes", [])
        gold_content = _contents(text, gold_quotes)
        predicted_content = _contents(text, predicted_quotes)
        gold_speakers = [_speaker_tokens(text, q) for q in gold_quotes]
        predicted_speakers = [_speaker_tokens(text, q) for q in predicted_quotes]
        pairs = _pair_quotes(predicted_content, gold_content)
        unjudgeable = {p for g, p in pairs.items() if gold_speakers[g] is None}
        counts["predicted_quotes"] += len(predicted_quotes)
        counts["gold_quotes"] += len(gold_quotes)
        counts["gold_pairs"] += sum(s is not None for s in gold_speakers)
        counts["predicted_pairs"] += sum(
            1
            for index, speaker in enumerate(predicted_speakers)
            if speaker is not None and index not in unjudgeable
        )
        for g_index, quote in enumerate(gold_quotes):
            kind = per_kind.setdefault(quote.get("kind") or "unknown", Counter())
            kind["gold"] += 1
            has_speaker = gold_speakers[g_index] is not None
            kind["gold_pairs"] += has_speaker
            if g_index not in pairs:
                continue
            p_index = pairs[g_index]
            is_exact = predicted_content[p_index] == gold_content[g_index]
            counts["quotes_lenient"] += 1
            counts["quotes_exact"] += is_exact
            kind["quotes_lenient"] += 1
            kind["quotes_exact"] += is_exact
            predicted_speaker = predicted_speakers[p_index]
            gold_speaker = gold_speakers[g_index]
            if gold_speaker is None or predicted_speaker is None:
                continue
            if predicted_speaker & gold_speaker:
                counts["attribution_lenient"] += 1
                kind["attribution_lenient"] += 1
            if is_exact and predicted_speaker == gold_speaker:
                counts["attribution_exact"] += 1
    rows = {
        "quotes/lenient": Row(
            counts["quotes_lenient"], counts["predicted_quotes"], counts["gold_quotes"]
        ),
        "quotes/exact": Row(
            counts["quotes_exact"], counts["predicted_quotes"], counts["gold_quotes"]
        ),
        "attribution/lenient": Row(
            counts["attribution_lenient"], counts["predicted_pairs"], counts["gold_pairs"]
        ),
        "attribution/exact": Row(
            counts["attribution_exact"], counts["predicted_pairs"], counts["gold_pairs"]
        ),
    }
    recall_by_kind = {
        kind: {
            "gold": values["gold"],
            "quotes_lenient": _share(values["quotes_lenient"], values["gold"]),
            "quotes_exact": _share(values["quotes_exact"], values["gold"]),
            "attribution_lenient": _share(values["attribution_lenient"], values["gold_pairs"]),
        }
        for kind, values in sorted(per_kind.items())
    }
    return Score(rows, recall_by_kind, len(gold))


def _speaker_tokens(text: str, quote: Mapping) -> TokenSet | None:
    spans = spans_of(quote, "speaker")
    return word_positions(text, spans) if spans else None


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
