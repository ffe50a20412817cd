"""Command line: predict, evaluate and train (mine the cue lexicon) for the attribution engine."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import native
from .corpus import CorpusError, predict_document, read_documents
from .cuemodel import CUE_MODEL_PATH, END_MODEL_PATH, FRAME_MODEL_PATH, train_models
from .lexicon import (
    COMMON_WORDS_PATH,
    CUE_CONTEXT_PATH,
    CUE_LEXICON_PATH,
    mine_common_words,
    mine_cue_contexts,
    mine_cue_lexicon,
)
from .people import GIVEN_NAMES_PATH, mine_given_names
from .scoring import score_documents


def _predict(arguments: argparse.Namespace) -> None:
    output = Path(arguments.output)
    documents = list(read_documents(arguments.input))
    try:
        with output.open("w", encoding="utf-8") as handle:
            for document in documents:
                handle.write(json.dumps(predict_document(document), ensure_ascii=False) + "\n")
    except OSError as error:
        raise CorpusError(f"{output}: cannot write: {error.strerror or error}") from None
    print(f"{len(documents)} documents -> {output}", file=sys.stderr)


def _evaluate(arguments: argparse.Namespace) -> None:
    gold = {d["doc_id"]: d for d in read_documents(arguments.gold)}
    for doc_id, document in gold.items():
        if not isinstance(document.get("quotes", []), list) or "text" not in document:
            raise CorpusError(f"{arguments.gold}: document {doc_id} lacks text or quotes")
    if arguments.predictions:
        predicted = {d["doc_id"]: d for d in read_documents(arguments.predictions)}
        ignored = set(predicted) - set(gold)
        if ignored:
            print(
                f"note: {len(ignored)} predicted documents are not in the gold file; ignored",
                file=sys.stderr,
            )
    else:
        predicted = {doc_id: predict_document(d) for doc_id, d in gold.items()}
    try:
        result = score_documents(gold, predicted)
    except (KeyError, TypeError, ValueError) as error:
        raise CorpusError(f"malformed quote offsets in the input: {error!r}") from None
    print(result.as_text())


def _train(arguments: argparse.Namespace) -> None:
    """Mine the cue lexicon, each cue word's contexts, the common words and the given names'
    genders from a training file."""
    output = Path(arguments.output_directory)
    output.mkdir(parents=True, exist_ok=True)
    lexicon = mine_cue_lexicon(read_documents(arguments.train))
    lexicon_path = output / CUE_LEXICON_PATH.name
    lexicon_path.write_text(
        json.dumps(lexicon, indent=0, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    contexts = mine_cue_contexts(read_documents(arguments.train), lexicon["cue_words"])
    contexts_path = output / CUE_CONTEXT_PATH.name
    contexts_path.write_text(
        json.dumps(contexts, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    common = mine_common_words(read_documents(arguments.train))
    common_path = output / COMMON_WORDS_PATH.name
    common_path.write_text(
        json.dumps(common, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    given = mine_given_names(read_documents(arguments.train))
    given_path = output / GIVEN_NAMES_PATH.name
    given_path.write_text(json.dumps(given, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"{len(lexicon['cue_words'])} cue words -> {lexicon_path}, "
        f"{len(contexts['contexts'])} contexts -> {contexts_path}, "
        f"{len(common['words'])} common words -> {common_path}, "
        f"{len(given['names'])} given names -> {given_path}",
        file=sys.stderr,
    )


def _train_cues(arguments: argparse.Namespace) -> None:
    """Fit the cue classifier on a training file and save its weights."""
    output = Path(arguments.output_directory)
    documents = list(read_documents(arguments.train))
    cue_model, frame_model, end_model = train_models(documents)
    output.mkdir(parents=True, exist_ok=True)
    for model, path in (
        (cue_model, CUE_MODEL_PATH),
        (frame_model, FRAME_MODEL_PATH),
        (end_model, END_MODEL_PATH),
    ):
        (output / path.name).write_text(
            json.dumps(model.as_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
    print(
        f"cue classifier: {len(cue_model.candidates)} candidate base forms, "
        f"{len(cue_model.weights)} weights; frame filter: {len(frame_model.weights)} weights; "
        f"end model: {len(end_model.weights)} weights -> {output}",
        file=sys.stderr,
    )


def _compile(arguments: argparse.Namespace) -> None:
    """Compile the engine with mypyc, or report or remove the build."""
    if arguments.status:
        state = native.status()
        print(f"compiled engine: {state}")
        if state != "current":
            raise CorpusError(f"the engine runs interpreted (build {state})")
        return
    if arguments.remove:
        native.remove()
        print("compiled engine removed; the engine runs interpreted", file=sys.stderr)
        return
    if native.status() == "current" and not arguments.force:
        print("compiled engine: current", file=sys.stderr)
        return
    try:
        native.build(verbose=arguments.verbose)
    except native.BuildError as error:
        if arguments.optional:
            print(f"note: {error}; the engine runs interpreted", file=sys.stderr)
            return
        raise CorpusError(str(error)) from None
    print(f"compiled engine: built ({len(native.extension_files())} files)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m articles.attribution",
        description="Find attributed quotations in article text.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    predict = commands.add_parser("predict", help="write predictions for a JSONL file")
    predict.add_argument("input")
    predict.add_argument("output")
    predict.set_defaults(run=_predict)
    evaluate = commands.add_parser("evaluate", help="score predictions (or the engine) on gold")
    evaluate.add_argument("gold")
    evaluate.add_argument("predictions", nargs="?")
    evaluate.set_defaults(run=_evaluate)
    train = commands.add_parser("train", help="mine the cue lexicon from a training JSONL file")
    train.add_argument("train")
    train.add_argument("--output-directory", default=str(CUE_LEXICON_PATH.parent))
    train.set_defaults(run=_train)
    train_cues = commands.add_parser(
        "train-cues",
        help="train the cue classifier, the frame filter and the content-end model from a "
        "training JSONL file",
    )
    train_cues.add_argument("train")
    train_cues.add_argument("--output-directory", default=str(CUE_MODEL_PATH.parent))
    train_cues.set_defaults(run=_train_cues)
    compile_ = commands.add_parser(
        "compile",
        help="compile the engine with mypyc (same results, faster); a build from older "
        "sources is never loaded",
    )
    compile_.add_argument("--status", action="store_true", help="exit 1 unless current")
    compile_.add_argument("--remove", action="store_true", help="delete the build")
    compile_.add_argument("--force", action="store_true", help="rebuild even when current")
    compile_.add_argument("--optional", action="store_true", help="on failure, say why and exit 0")
    compile_.add_argument("--verbose", action="store_true")
    compile_.set_defaults(run=_compile)
    arguments = parser.parse_args(argv)
    try:
        arguments.run(arguments)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
