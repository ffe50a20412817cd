"""Benchmark the attribution engine: speed, PolNeAR dev scores against a baseline, seed article.

usage: python benchmarks/attribution.py [--eval-dir DIR] [--seed-dir DIR]

Defaults: /work/shared/eval and /work/shared/seed. Prints articles per second on one process
(for the compiled engine, also for its sources run by the interpreter, in the same run),
the score rows of the engine and of a naive "quotation marks only" baseline side by side,
whether the project's scorer agrees with the evaluation's own score.py (when that file is
present), and the seed article result.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.attribution import Gazetteer, GazetteerEntry, RoleSpec, extract, native  # noqa: E402
from articles.attribution.corpus import (  # noqa: E402
    predict_document,
    published_date,
    read_documents,
)
from articles.attribution.scoring import (  # noqa: E402
    ROW_NAMES,
    matched_predictions,
    score_documents,
)
from articles.attribution.text import pair_quotations, paragraphs  # noqa: E402


def baseline_document(document: dict) -> dict:
    """Naive baseline: every double-quoted span is a direct quote with no speaker."""
    text = document["text"]
    quotes = []
    for quotation in pair_quotations(text, paragraphs(text)):
        if (
            quotation.is_single
            or len(re.findall(r"\w+", text[quotation.start : quotation.end])) < 3
        ):
            continue
        quotes.append(
            {
                "quote_start": quotation.start,
                "quote_end": quotation.end,
                "quote_segments": [list(piece) for piece in quotation.pieces],
                "kind": "direct",
                "speaker_start": None,
                "speaker_end": None,
            }
        )
    return {"doc_id": document["doc_id"], "quotes": quotes}


def articles_per_second(documents: list[dict], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for document in documents:
            extract(document["text"], published=published_date(document))
        best = min(best, time.perf_counter() - started)
    return len(documents) / best


def interpreted_speed(eval_dir: Path) -> str:
    """The same measurement with the engine's sources run by the interpreter (a second
    process: the compiled modules are already loaded in this one)."""
    environment = {**os.environ, native.INTERPRETED_VARIABLE: "1"}
    result = subprocess.run(
        [sys.executable, __file__, "--speed-only", "--eval-dir", str(eval_dir)],
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return "not measured: " + (result.stderr.strip().splitlines() or ["no output"])[-1]
    return f"{float(result.stdout):.0f} articles/second"


def reference_rows(gold_path: Path, predicted: dict, score_script: Path) -> dict | None:
    """The evaluation's own score.py on the same predictions, for the agreement check."""
    if not score_script.exists():
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for document in predicted.values():
            handle.write(json.dumps(document) + "\n")
    completed = subprocess.run(
        [sys.executable, str(score_script), str(gold_path), handle.name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(handle.name).unlink()
    return json.loads(completed.stdout)["rows"]


def confidence_report(gold: dict, predicted: dict) -> list[str]:
    """How well `confidence` tells the statements that match an annotated one from the rest:
    the share matched in each band, the area under the ROC curve and the Brier score."""
    judged: list[tuple[float, bool]] = []
    for doc_id, document in gold.items():
        quotes = predicted[doc_id]["quotes"]
        matched = matched_predictions(document["text"], document.get("quotes", []), quotes)
        judged += [(quote["confidence"], index in matched) for index, quote in enumerate(quotes)]
    if not judged:
        return ["confidence: nothing found"]
    # Area under the ROC curve from ranks, ties sharing their average rank.
    judged.sort()
    rank_sum, position = 0.0, 0
    while position < len(judged):
        tied = position
        while tied < len(judged) and judged[tied][0] == judged[position][0]:
            tied += 1
        average_rank = (position + 1 + tied) / 2
        rank_sum += average_rank * sum(right for _c, right in judged[position:tied])
        position = tied
    right = sum(r for _c, r in judged)
    wrong = len(judged) - right
    auc = (rank_sum - right * (right + 1) / 2) / (right * wrong) if right and wrong else 0.0
    brier = sum((c - r) ** 2 for c, r in judged) / len(judged)
    lines = [
        f"confidence against 'matches an annotated statement': ROC AUC {auc:.3f}, "
        f"Brier {brier:.3f} ({len(judged)} statements)"
    ]
    for low in (0.0, 0.3, 0.5, 0.7, 0.9):
        high = {0.0: 0.3, 0.3: 0.5, 0.5: 0.7, 0.7: 0.9, 0.9: 1.01}[low]
        band = [r for c, r in judged if low <= c < high]
        if band:
            lines.append(
                f"  {low:.1f}-{min(high, 1.0):.1f}: {len(band):5} statements, "
                f"{sum(band) / len(band):.2f} matched"
            )
    return lines


def seed_gazetteer(metadata: dict) -> Gazetteer:
    """Known speakers as the Django side would pass them, built from the seed's metadata."""
    published = datetime.date.fromisoformat(metadata["published"])
    entries = []
    for name, facts in metadata.get("speakers", {}).items():
        organisation = facts.get("organization", "")
        acronyms = tuple(re.findall(r"\(([A-Z]{2,})\)", organisation))
        plain = re.sub(r"\s*\([A-Z]{2,}\)", "", organisation)
        role = RoleSpec(
            facts.get("role", ""), plain, acronyms, start=published - datetime.timedelta(days=365)
        )
        entries.append(GazetteerEntry(name, "person", tuple(facts.get("aliases", ())), (role,)))
    return Gazetteer(entries)


def seed_report(seed_dir: Path) -> list[str]:
    gold = json.loads((seed_dir / "mna-198808.gold.json").read_text(encoding="utf-8"))
    text = gold["text"]
    found = extract(
        text,
        published=datetime.date.fromisoformat(gold["metadata"]["published"]),
        gazetteer=seed_gazetteer(gold["metadata"]),
    )
    lines = []
    right = 0
    for quote in gold["quotes"]:
        span = (quote["quote_start"], quote["quote_end"])
        match = next((a for a in found if a.start < span[1] and span[0] < a.end), None)
        wanted = quote["speaker_canonical"] or quote["speaker_text"]
        got = match.speaker.canonical_name if match and match.speaker else None
        mention_ok = match is not None and match.speaker_mention == (
            quote["speaker_start"],
            quote["speaker_end"],
        )
        right += got == wanted and mention_ok
        lines.append(
            f"  {'ok ' if got == wanted and mention_ok else 'BAD'} {wanted!r:28} got {got!r}"
        )
    lines.insert(0, f"seed article: {right}/{len(gold['quotes'])} right, {len(found)} found")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default="/work/shared/eval", type=Path)
    parser.add_argument("--seed-dir", default="/work/shared/seed", type=Path)
    parser.add_argument(
        "--speed-only", action="store_true", help="print articles per second and nothing else"
    )
    arguments = parser.parse_args()
    gold_path = arguments.eval_dir / "polnear_dev.jsonl"
    documents = list(read_documents(gold_path))
    gold = {d["doc_id"]: d for d in documents}
    speed = articles_per_second(documents)
    if arguments.speed_only:
        print(f"{speed:.1f}")
        return
    predicted = {d["doc_id"]: predict_document(d) for d in documents}
    baseline = {d["doc_id"]: baseline_document(d) for d in documents}
    engine_score = score_documents(gold, predicted)
    baseline_score = score_documents(gold, baseline)
    characters = sum(len(d["text"]) for d in documents) / len(documents)
    print(f"PolNeAR dev: {len(documents)} articles, {characters:.0f} characters on average")
    if native.in_use():
        interpreted = interpreted_speed(arguments.eval_dir)
        print(
            f"speed: {speed:.0f} articles/second, one process, compiled engine "
            f"(interpreted, same run: {interpreted})"
        )
    else:
        print(
            f"speed: {speed:.0f} articles/second, one process, interpreted engine "
            f"(compiled build: {native.status()})"
        )
    print(f"{'row':22} {'engine P/R/F1':>22}   {'baseline P/R/F1':>22}")
    for name in ROW_NAMES:
        ours, theirs = engine_score.rows[name], baseline_score.rows[name]
        print(
            f"{name:22} {ours.precision:6.3f} {ours.recall:6.3f} {ours.f1:6.3f}   "
            f"{theirs.precision:6.3f} {theirs.recall:6.3f} {theirs.f1:6.3f}"
        )
    print("engine recall by gold kind (quotes lenient / attribution lenient):")
    for kind, values in engine_score.recall_by_kind.items():
        print(
            f"  {kind:9} {values['gold']:5}  "
            f"{values['quotes_lenient']:.3f} / {values['attribution_lenient']:.3f}"
        )
    for line in confidence_report(gold, predicted):
        print(line)
    reference = reference_rows(gold_path, predicted, arguments.eval_dir / "score.py")
    if reference is not None:
        agree = all(
            f"{round(engine_score.rows[name].f1, 4):.3f}" == f"{reference[name]['f1']:.3f}"
            for name in ROW_NAMES
        )
        print(f"scorer agrees with score.py to three decimals: {'yes' if agree else 'NO'}")
    for line in seed_report(arguments.seed_dir):
        print(line)


if __name__ == "__main__":
    main()
