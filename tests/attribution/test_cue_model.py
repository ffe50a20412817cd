"""The learned cue classifier: shipped weights, what it accepts, and the train-cues command."""

import json

from articles.attribution import extract
from articles.attribution.__main__ import main
from articles.attribution.cuemodel import (
    CueModel,
    EndModel,
    FrameModel,
    cue_model,
    end_model,
    using_end_model,
    using_frame_model,
)
from articles.attribution.engine import candidate_attributions
from articles.attribution.text import tokenize


def _probability(sentence: str, word: str) -> float:
    tokens = tokenize(sentence, 0, len(sentence))
    position = next(k for k, token in enumerate(tokens) if token.lower == word)
    return cue_model().probability(tokens, position)


def test_shipped_model_is_small_and_loads():
    model = cue_model()
    assert model is not None
    assert {"say", "tell", "report"} <= model.candidates


def test_said_before_that_is_a_cue_and_an_ordinary_verb_is_not():
    assert _probability("The senator said that the bill would pass.", "said") > 0.8
    assert _probability("She walked into the room and sat down.", "walked") < 0.1


def test_a_phrase_cue_takes_its_preposition_and_the_object_is_the_content():
    text = "The governor is confident in the eventual outcome of the vote."
    (found,) = extract(text)
    assert text[found.start : found.end] == "the eventual outcome of the vote"
    assert text[slice(*found.speaker_mention)] == "The governor"
    assert text[slice(*found.cue)] == "confident in"


def test_the_end_model_stops_a_noun_object_before_its_apposition():
    assert end_model() is not None
    text = "The council praised the mayor, a longtime ally, for the plan."
    (found,) = extract(text)
    assert text[found.start : found.end] == "the mayor"


def test_content_stops_at_the_first_end_the_end_model_finds_likely():
    text = 'The mayor said the bridge is "old, and unsafe," and will close, to the dismay of many.'
    stop_at_commas = EndModel({"bias": -4.0, "b=,": 8.0})
    with using_end_model(stop_at_commas):
        (found,) = extract(text)
    # The comma inside the quotation is no end; the first one outside it is.
    assert text[found.start : found.end] == 'the bridge is "old, and unsafe," and will close'
    never = EndModel({"bias": -8.0})
    with using_end_model(never):
        (found,) = extract(text)
    assert text[found.start : found.end] == text[text.index("the bridge") : -1]


def test_confidence_is_the_frame_filters_chance_and_the_filter_drops_unlikely_ones():
    text = (
        "Senator Jane Smith said on Tuesday that the budget would pass. "
        "The statistics show part of the income picture."
    )
    # Without a filter, each construction's own confidence; both statements are kept.
    with using_frame_model(None):
        said, shown = extract(text)
    assert said.cue_lemma == "say" and shown.cue_lemma == "show"
    # With one, its chance that annotators would mark the statement (logistic of the summed
    # weights: 0 -> 0.5, 2 -> 0.88, -1 -> 0.27).
    filter_ = FrameModel({"bias": 0.0, "cue=say": 2.0, "cue=show": -1.0})
    with using_frame_model(filter_):
        (kept,) = extract(text)
    assert kept.cue_lemma == "say" and kept.confidence == 0.88
    with using_frame_model(FrameModel({"bias": 0.0, "cue=show": 0.4})):
        said, shown = extract(text)
    assert (said.confidence, shown.confidence) == (0.5, 0.6)


def test_the_filter_is_told_when_a_statement_lies_inside_another():
    text = (
        "The senator delivered an attack on a political class that he argued was thrusting "
        "the country into decline."
    )
    nesting = {
        text[a.start : a.end]: [f for f in features if f.startswith("nesting=")]
        for a, features in candidate_attributions(text)
    }
    inner = "was thrusting the country into decline"
    assert nesting[inner] == ["nesting=inside"]
    assert ["nesting=holds"] in [v for k, v in nesting.items() if k != inner]


def test_train_cues_writes_weights_without_corpus_text(tmp_path):
    text = (
        "Smith said that taxes would rise. Jones said the plan was fair, despite the cost. "
        "Lee ate lunch."
    )
    cues = [(6, 10), (40, 44)]
    contents = [(16, 32), (45, 62)]
    document = {
        "doc_id": "d1",
        "text": text,
        "quotes": [
            {"cue_start": a, "cue_end": b, "quote_start": c, "quote_end": d}
            for (a, b), (c, d) in zip(cues, contents, strict=True)
        ],
    }
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(document) for _ in range(3)) + "\n")
    assert main(["train-cues", str(train), "--output-directory", str(tmp_path)]) == 0
    model = json.loads((tmp_path / "cue_model.json").read_text())
    assert model["candidates"] == ["say"]
    assert json.loads((tmp_path / "frame_model.json").read_text())["weights"]
    # The end model learned that Jones's statement stops at the comma.
    end_weights = json.loads((tmp_path / "end_model.json").read_text())["weights"]
    assert end_weights["b=,"] > 0
    for name in ("cue_model.json", "frame_model.json", "end_model.json"):
        assert "taxes would rise" not in (tmp_path / name).read_text()


def test_every_form_of_an_annotated_cue_word_is_judged(tmp_path):
    """Candidates are base forms: "says" and "saying" are judged, though only "said" was
    annotated, and in the same context they score as "said" does."""
    text = "Smith said that taxes would rise. Jones said that the plan was fair. Lee ate lunch."
    document = {
        "doc_id": "d1",
        "text": text,
        "quotes": [
            {"cue_start": 6, "cue_end": 10, "quote_start": 16, "quote_end": 32},
            {"cue_start": 40, "cue_end": 44, "quote_start": 50, "quote_end": 67},
        ],
    }
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(document) for _ in range(3)) + "\n")
    assert main(["train-cues", str(train), "--output-directory", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "cue_model.json").read_text())
    model = CueModel(data["weights"], frozenset(data["candidates"]))

    def probability(sentence: str, word: str) -> float:
        tokens = tokenize(sentence, 0, len(sentence))
        return model.probability(tokens, next(k for k, t in enumerate(tokens) if t.lower == word))

    assert probability("Brown says that rates will fall.", "says") > 0.5
    assert probability("Brown is saying that rates will fall.", "saying") > 0.5
    assert probability("Brown ate that lunch.", "ate") == 0.0


def test_the_end_model_sees_and_before_a_verb_in_the_cues_own_form():
    text = "The government denies the crime was a genocide and goes to great lengths to hide it."
    coordinated = EndModel({"bias": -8.0, "coordinated=same|and": 16.0})
    with using_end_model(coordinated):
        (found,) = extract(text)
    assert text[found.start : found.end] == "the crime was a genocide"
    # "and" before a verb in another form ("and is") is no such end.
    text = "The government denies the crime was a genocide and is proud of it."
    with using_end_model(coordinated):
        (found,) = extract(text)
    assert text[found.start : found.end] == "the crime was a genocide and is proud of it"
