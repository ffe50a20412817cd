"""The project's scorer against hand-computed values, and against the evaluation's score.py."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articles.attribution.corpus import predict_document, read_documents
from articles.attribution.scoring import ROW_NAMES, score_documents, word_positions

EVALUATION = Path("/work/shared/eval")

TEXT = "Ann said that taxes will rise. Taxes rose, Bob said."
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901


def document(*quotes: dict) -> dict:
    return {"doc_id": "d", "text": TEXT, "quotes": list(quotes)}


def quote(start: int, end: int, speaker: tuple[int, int] | None, kind: str = "indirect") -> dict:
    return {
        "quote_start": start,
        "quote_end": end,
        "speaker_start": speaker[0] if speaker else None,
        "speaker_end": speaker[1] if speaker else None,
        "kind": kind,
    }


GOLD = {"d": document(quote(9, 29, (0, 3)), quote(31, 41, (43, 46)))}


def test_leading_that_and_punctuation_do_not_count() -> None:
    assert word_positions(TEXT, [(9, 30)], drop_leading_that=True) == word_positions(
        TEXT, [(14, 29)]
    )


def test_perfect_prediction_scores_one_everywhere() -> None:
    result = score_documents(GOLD, GOLD)
    for name in ROW_NAMES:
        assert result.rows[name].f1 == 1.0


def test_partial_overlap_counts_lenient_but_not_exact() -> None:
    # "taxes will" against "taxes will rise": overlap F1 = 2*2/(2+3) = 0.8.
    predicted = {"d": document(quote(14, 24, (0, 3)))}
    rows = score_documents(GOLD, predicted).rows
    assert (rows["quotes/lenient"].true_positives, rows["quotes/exact"].true_positives) == (1, 0)
    assert rows["quotes/lenient"].precision == 1.0
    assert rows["quotes/lenient"].recall == 0.5
    assert rows["attribution/lenient"].true_positives == 1
    assert rows["attribution/exact"].true_positives == 0


def test_speaker_must_share_a_word_with_the_gold_mention() -> None:
    predicted = {"d": document(quote(31, 41, (0, 3)))}  # right quote, wrong speaker (Ann)
    rows = score_documents(GOLD, predicted).rows
    assert rows["quotes/lenient"].true_positives == 1
    assert rows["attribution/lenient"].true_positives == 0
    assert rows["attribution/lenient"].predicted == 1


def test_overlap_below_one_half_is_no_match() -> None:
    at_half = {"d": document(quote(25, 29, None))}  # "rise" vs "taxes will rise": 2/4 = 0.5
    assert score_documents(GOLD, at_half).rows["quotes/lenient"].true_positives == 1
    # "rise" against the six words "Ann said that taxes will rise": 2*1/(1+6) = 0.29.
    long_gold = {"d": document(quote(0, 29, (0, 3)))}
    predicted = {"d": document(quote(25, 29, None))}
    assert score_documents(long_gold, predicted).rows["quotes/lenient"].true_positives == 0


def test_gold_without_a_source_is_not_judged() -> None:
    gold = {"d": document(quote(9, 29, None))}
    predicted = {"d": document(quote(9, 29, (0, 3)))}
    rows = score_documents(gold, predicted).rows
    assert rows["attribution/lenient"].predicted == 0
    assert rows["attribution/lenient"].gold == 0


def test_segments_replace_start_and_end() -> None:
    gold = {"d": {**document(), "quotes": [{**quote(9, 41, None), "quote_segments": [[9, 29]]}]}}
    predicted = {"d": document(quote(14, 29, None))}
    assert score_documents(gold, predicted).rows["quotes/exact"].true_positives == 1


@pytest.mark.skipif(not (EVALUATION / "score.py").exists(), reason="evaluation data absent")
def test_agrees_with_the_evaluation_scorer_to_three_decimals(tmp_path: Path) -> None:
    """Both scorers print the same table for the engine's predictions on the dev split."""
    gold_path = EVALUATION / "polnear_dev.jsonl"
    gold = {d["doc_id"]: d for d in read_documents(gold_path)}
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(
        "".join(json.dumps(predict_document(d)) + "\n" for d in gold.values()), encoding="utf-8"
    )
    reference = subprocess.run(
        [sys.executable, str(EVALUATION / "score.py"), str(gold_path), str(predictions)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ours = subprocess.run(
        [
            sys.executable,
            "-m",
            "articles.attribution",
            "evaluate",
            str(gold_path),
            str(predictions),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    assert ours == reference
    assert score_documents(gold, {}).rows["quotes/lenient"].true_positives == 0
