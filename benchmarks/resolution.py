"""How often the engine resolves a source written as "he", "she", "they" or a role ("the
senator", "the former president") to the right person or group.

usage: python benchmarks/resolution.py [--eval-dir DIR] [--show N]

`benchmarks/data/referents.jsonl` lists statements of the PolNeAR train split whose annotated
source is "he" or "she" (240) or a noun phrase with a role or other description of someone
(149: "the senator", "the former president", "the businessman"), each with the person it
stands for, marked by hand: the offsets of the source and of the last mention of that person's
surname before it (offsets only, so no corpus text is kept here), or none when it stands for no
one the article names ("the man" met once, "the letter"); and 160 sources written "they", with
the head word of the group they stand for ("advisers" of "his advisers"). The corpus itself is
read from --eval-dir.

A case counts as right when the engine finds a statement with that source and resolves it to a
speaker whose name ends in that surname (for "they": whose name holds the head word), or, for
no one, to no one the article names. Side by side, over the same cases: the person (or group)
named last before the source, as the engine's own finder sees them (a baseline, not a system).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.attribution import extract  # noqa: E402
from articles.attribution.corpus import published_date, read_documents  # noqa: E402
from articles.attribution.people import People  # noqa: E402
from articles.attribution.text import pair_quotations, paragraphs, sentences  # noqa: E402

CASES = Path(__file__).parent / "data" / "referents.jsonl"


def surname(name: str) -> str:
    words = re.findall(r"[\w’'\-]+", name)
    words = [w for w in words if w.lower().rstrip(".") not in ("jr", "sr", "ii", "iii")]
    return words[-1].lower().removesuffix("’s").removesuffix("'s") if words else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default="/work/shared/eval", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print the first N wrong cases")
    arguments = parser.parse_args()
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    wanted = {case["doc_id"] for case in cases}
    documents = {
        d["doc_id"]: d
        for d in read_documents(arguments.eval_dir / "polnear_train.jsonl")
        if d["doc_id"] in wanted
    }
    found = {
        doc_id: extract(d["text"], published=published_date(d)) for doc_id, d in documents.items()
    }
    people = {}
    for doc_id, document in documents.items():
        text = document["text"]
        spans = paragraphs(text)
        quotations = pair_quotations(text, spans)
        people[doc_id] = People(text, sentences(text, spans, quotations), quotations)
    outcome: Counter[tuple[str, str]] = Counter()
    shown = 0
    for case in cases:
        kind = case["kind"]
        text = documents[case["doc_id"]]["text"]
        mention = tuple(case["mention"])
        everyone = {surname(m.name) for m in people[case["doc_id"]].mentions}
        if kind == "they":
            found_people = people[case["doc_id"]]
            named = [
                group
                for index in range(found_people.sentence_of(mention[0]) + 1)
                for group in found_people.groups_in(index)
                if group.start < mention[0]
            ]
        else:
            named = people[case["doc_id"]].before(mention[0])
        last = surname(named[-1].name) if named else ""
        if case["referent"] is None and kind == "they":
            outcome[(kind + ", no one", "cases")] += 1
            continue  # generic "they": nothing to judge
        if case["referent"] is None:
            # No one named: "the man" met once, "the letter". Right unless resolved to
            # someone the article names.
            kind += ", no one"
            wanted_surname = None
            baseline_right = not last
        else:
            wanted_surname = surname(text[slice(*case["referent"])])
            baseline_right = last == wanted_surname
        # The engine's mention may go on with an apposition ("the man, who asked not to be
        # named"): it is the same source when it starts where the case's does and holds it.
        statement = next(
            (
                a
                for a in found[case["doc_id"]]
                if a.speaker_mention
                and a.speaker_mention[0] == mention[0]
                and a.speaker_mention[1] >= mention[1]
            ),
            None,
        )
        if statement is None:
            outcome[(kind, "not found")] += 1
            continue
        outcome[(kind, "found")] += 1
        got = statement.speaker.canonical_name if statement.speaker else ""
        outcome[(kind, "found, baseline right")] += baseline_right
        if wanted_surname is None:
            right = not got or surname(got) not in everyone
        elif kind == "they":
            # A group is right when its name holds the head word ("his advisers", "the Clinton
            # campaign", "Anna Palmer and Jake Sherman").
            words = [w.lower() for w in re.findall(r"[\w’'\-]+", got)]
            right = wanted_surname in words
        else:
            right = bool(got) and surname(got) == wanted_surname
        if right:
            outcome[(kind, "right")] += 1
        elif shown < arguments.show:
            shown += 1
            context = text[max(0, mention[0] - 300) : mention[1] + 60].replace("\n", " / ")
            written = text[slice(*mention)]
            print(
                f"--- {kind}: wanted {wanted_surname!r}, got {got!r} for {written!r}: …{context}…"
            )
    print(f"{len(cases)} hand-resolved sources in {len(documents)} PolNeAR train articles")
    print(f"{'source':16} {'cases':>5} {'found':>5}  {'engine right':>14}  {'baseline right':>14}")
    for kind in ("pronoun", "pronoun, no one", "role", "role, no one", "they"):
        total = outcome[(kind, "found")] + outcome[(kind, "not found")]
        judged = outcome[(kind, "found")]
        if not judged:
            continue
        right = outcome[(kind, "right")]
        baseline = outcome[(kind, "found, baseline right")]
        print(
            f"{kind:16} {total:5} {judged:5}  {right:5} ({right / judged:.3f})  "
            f"{baseline:5} ({baseline / judged:.3f})"
        )


if __name__ == "__main__":
    main()
