"""The command line: predictions in the evaluation format, and readable errors on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articles.attribution.__main__ import main

REPOSITORY = Path(__file__).resolve().parents[2]


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_predict_writes_quotes_in_the_evaluation_format(tmp_path: Path) -> None:
    source = write_lines(
        tmp_path / "in.jsonl",
        json.dumps({"doc_id": "a", "text": "The mayor said that the bridge will reopen."}),
        json.dumps({"doc_id": "b", "text": "", "metadata": {"published": "2024-02-01"}}),
    )
    output = tmp_path / "out.jsonl"
    assert main(["predict", str(source), str(output)]) == 0
    first, second = [json.loads(line) for line in output.read_text().splitlines()]
    assert second == {"doc_id": "b", "quotes": []}
    [found] = first["quotes"]
    assert found["quote_text"] == "the bridge will reopen"
    assert found["quote_segments"] == [[found["quote_start"], found["quote_end"]]]
    assert (found["speaker_text"], found["cue_text"], found["kind"]) == (
        "The mayor",
        "said",
        "indirect",
    )
    assert found["speaker_canonical"] == "the mayor"


def test_evaluate_prints_the_score_rows(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    text = "The mayor said that the bridge will reopen."
    gold = {
        "doc_id": "a",
        "text": text,
        "quotes": [{"quote_start": 20, "quote_end": 42, "speaker_start": 0, "speaker_end": 9}],
    }
    gold_path = write_lines(tmp_path / "gold.jsonl", json.dumps(gold))
    assert main(["evaluate", str(gold_path)]) == 0
    printed = capsys.readouterr().out
    assert "quotes/lenient          1.000  1.000  1.000" in printed
    assert "attribution/exact" in printed


def test_missing_file_is_one_readable_line(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "articles.attribution",
            "predict",
            str(tmp_path / "nope.jsonl"),
            str(tmp_path / "out.jsonl"),
        ],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
    )
    assert completed.returncode != 0
    assert completed.stderr.count("\n") == 1
    assert "nope.jsonl" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_malformed_line_names_the_file_and_line(tmp_path: Path) -> None:
    broken = write_lines(tmp_path / "gold.jsonl", json.dumps({"doc_id": "a", "text": "x"}), "{oops")
    completed = subprocess.run(
        [sys.executable, "-m", "articles.attribution", "evaluate", str(broken)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
    )
    assert completed.returncode != 0
    assert f"{broken}:2: malformed JSON" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_a_line_without_doc_id_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = write_lines(tmp_path / "in.jsonl", json.dumps({"text": "hello"}))
    assert main(["predict", str(source), str(tmp_path / "out.jsonl")]) == 1
    assert "in.jsonl:1: expected an object with a doc_id" in capsys.readouterr().err
