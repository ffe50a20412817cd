"""The learned cue classifier: shipped weights, what it accepts, and the train-cues command."""

import json

from articles.attribution import extract
from articles.attribution.__main__ import main
from articles.attribution.cuemodel import cue_model
from articles.attribution.text import tokenize


def _probability(sentence: str, word: str) -> float:
    tokens = tokenize(sentence, 0, len(sentence))
    position = next(k for k, token in enumerate(tokens) if token.lower == word)
    return cue_model().probability(tokens, position)


def test_shipped_model_is_small_and_loads():
    model = cue_model()
    assert model is not None
    assert "said" in model.candidates


def test_said_before_that_is_a_cue_and_an_ordinary_verb_is_not():
    assert _probability("The senator said that the bill would pass.", "said") > 0.8
    assert _probability("She walked into the room and sat down.", "walked") < 0.1


def test_a_phrase_cue_takes_its_preposition_and_the_object_is_the_content():
    text = "The governor is confident in the eventual outcome of the vote."
    (found,) = extract(text)
    assert text[found.start : found.end] == "the eventual outcome of the vote"
    assert text[slice(*found.speaker_mention)] == "The governor"
    assert text[slice(*found.cue)] == "confident in"


def test_train_cues_writes_weights_without_corpus_text(tmp_path):
    text = "Smith said that taxes would rise. Jones said the plan was fair. Lee ate lunch."
    cues = [(6, 10), (40, 44)]
    document = {
        "doc_id": "d1",
        "text": text,
        "quotes": [{"cue_start": a, "cue_end": b} for a, b in cues],
    }
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(document) for _ in range(3)) + "\n")
    assert main(["train-cues", str(train), "--output-directory", str(tmp_path)]) == 0
    model = json.loads((tmp_path / "cue_model.json").read_text())
    assert model["candidates"] == ["said"]
    assert json.loads((tmp_path / "frame_model.json").read_text())["weights"]
    for name in ("cue_model.json", "frame_model.json"):
        assert "taxes would rise" not in (tmp_path / name).read_text()
