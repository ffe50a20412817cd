"""The learned cue classifier: whether a word in its sentence introduces an attribution."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cache
from pathlib import Path

from .lexicon import (
    DATA_DIRECTORY,
    FINITE_AUXILIARIES,
    FUNCTION_WORDS,
    WORD,
    inflection,
    lemma,
    token_class,
)
from .text import Token

CUE_MODEL_PATH = DATA_DIRECTORY / "cue_model.json"
# A word is considered at all only when the training corpus saw its base form as a cue this
# often; the rest of the vocabulary never is one, and skipping it keeps the engine fast.
# Counting by base form lets the classifier judge "hailed" and "defends" when annotators
# marked only "hail" and "defended" twice: the lemma and context features carry over.
MINIMUM_CANDIDATE_CUES = 2
MINIMUM_CANDIDATE_PROBABILITY = 0.2
# A feature must occur this often in training to be kept in the shipped weights.
MINIMUM_FEATURE_COUNT = 3
EPOCHS = 6
LEARNING_RATE = 0.1
L2 = 1e-6
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})
SUBJECT_WORDS = frozenset("he she they it we i you who officials sources".split())
NEGATIONS = frozenset({"not", "never", "t"})  # "t" of "didn't" split by the word pattern
MODALS = frozenset("would could might may should will can".split())


def is_candidate_form(lower: str) -> bool:
    return (
        lower[:1].isalpha()
        and lower not in FUNCTION_WORDS
        and not lower.endswith("ly")
        and not lower.isdigit()
    )


def cue_features(tokens: list[Token], i: int) -> list[str]:
    """Features of token `i` as a cue: the word, its neighbours and the clause around it."""
    return [*word_features(tokens[i].lower), *context_features(tokens, i)]


@cache
def word_features(word: str) -> tuple[str, ...]:
    """The features of a cue candidate that depend on the word alone."""
    base = _lemma(word)
    return ("bias", "w=" + word, "l=" + base, "s3=" + word[-3:], "s2=" + word[-2:])


def context_features(tokens: list[Token], i: int) -> list[str]:
    """The features of token `i` as a cue that depend on its place in the sentence."""
    token = tokens[i]
    word = token.lower
    previous = tokens[i - 1].lower if i else "<s>"
    previous2 = tokens[i - 2].lower if i > 1 else "<s>"
    following = tokens[i + 1].lower if i + 1 < len(tokens) else "</s>"
    following2 = tokens[i + 2].lower if i + 2 < len(tokens) else "</s>"
    previous_class = token_class(tokens[i - 1].text) if i else "start"
    following_class = token_class(tokens[i + 1].text) if i + 1 < len(tokens) else "end"
    # Plain loops over the small windows: this runs for every candidate word of every text.
    that_near = quote_after = quote_before = subject_before = trailing = False
    for k, t in enumerate(tokens[i + 1 : i + 5]):
        if t.lower == "that" and not t.is_quoted:
            that_near = True
        if k < 3 and (t.is_quoted or t.lower in QUOTE_MARKS):
            quote_after = True
    for k in range(max(0, i - 6), i):
        t = tokens[k]
        if k >= i - 3 and (t.is_quoted or t.lower in QUOTE_MARKS):
            quote_before = True
        if k >= i - 4 and (t.lower in SUBJECT_WORDS or t.text[:1].isupper()):
            subject_before = True
    colon_after = following == ":" or following2 == ":"
    short_tail = len(tokens) - i <= 12 and (
        sum(1 for t in tokens[i + 1 :] if t.lower[:1].isalnum()) <= 5
    )
    if short_tail:
        trailing = any(t.lower in (",", "—") for t in tokens[max(0, i - 6) : i])
    position = "first" if i == 0 else "early" if i < 4 else "late" if i > 20 else "middle"
    base = _lemma(word)
    features = [
        "p=" + previous,
        "n=" + following,
        "p2=" + previous2,
        "n2=" + following2,
        "pc=" + previous_class,
        "nc=" + following_class,
        "pc+nc=" + previous_class + "|" + following_class,
        "w+nc=" + word + "|" + following_class,
        "w+pc=" + word + "|" + previous_class,
        "w+n=" + word + "|" + following,
        "w+p=" + word + "|" + previous,
        "pos=" + position,
        "cap=" + str(token.text[:1].isupper() and i > 0),
    ]
    if that_near:
        features += ["that", "l+that=" + base]
    if quote_after:
        features += ["qa", "l+qa=" + base]
    if quote_before:
        features += ["qb", "l+qb=" + base]
    if subject_before:
        features += ["subj", "l+subj=" + base]
    if trailing:
        features += ["trail", "l+trail=" + base]
    elif short_tail:
        features.append("short-tail")
    if colon_after:
        features.append("colon")
    return features


@cache
def _lemma(word: str) -> str:
    return lemma(word)


class CueModel:
    """Logistic regression over sparse string features; pure Python at run time."""

    def __init__(self, weights: dict[str, float], candidates: frozenset[str]) -> None:
        self.weights = weights
        self.candidates = candidates
        self._judged: dict[str, bool] = {}
        self._word_scores: dict[str, float] = {}  # the word's own features, summed once

    def probability(self, tokens: list[Token], i: int) -> float:
        token = tokens[i]
        if token.cue_probability < 0.0:
            token.cue_probability = self._probability(tokens, i)
        return token.cue_probability

    def judges(self, lower: str) -> bool:
        """Whether the word's base form is a candidate: no other word is ever a cue."""
        judged = self._judged.get(lower)
        if judged is None:
            judged = self._judged[lower] = _lemma(lower) in self.candidates
        return judged

    def _probability(self, tokens: list[Token], i: int) -> float:
        word = tokens[i].lower
        if not self.judges(word):
            return 0.0
        weights = self.weights
        score = self._word_scores.get(word)
        if score is None:
            score = self._word_scores[word] = sum(
                weights.get(feature, 0.0) for feature in word_features(word)
            )
        for feature in context_features(tokens, i):
            score += weights.get(feature, 0.0)
        return _logistic(score)

    def as_json(self) -> dict:
        return {
            "about": "logistic-regression weights over word and context features for "
            "'is this word an attribution cue', trained on the PolNeAR train split by "
            "`python -m articles.attribution train-cues`; candidates are the base forms "
            "of words annotated as cues at least twice, and every form of them is judged",
            "candidates": sorted(self.candidates),
            "weights": {k: round(v, 3) for k, v in sorted(self.weights.items()) if abs(v) >= 5e-3},
        }


_substitute: list[CueModel | None] = []  # set while training on cross-validation folds


def cue_model() -> CueModel | None:
    """The shipped model, or None when it has not been trained."""
    if _substitute:
        return _substitute[-1]
    return _shipped_cue_model()


@contextmanager
def _pushed(stack: list, value: object) -> Iterator[None]:
    """`value` on top of `stack` for the duration of a with block."""
    stack.append(value)
    try:
        yield
    finally:
        stack.pop()


def using_cue_model(model: CueModel | None) -> AbstractContextManager[None]:
    """Run the engine with another cue model (one that has not seen the documents)."""
    return _pushed(_substitute, model)


@cache
def _shipped_cue_model() -> CueModel | None:
    if not CUE_MODEL_PATH.exists():
        return None
    with CUE_MODEL_PATH.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return CueModel(data["weights"], frozenset(data["candidates"]))


def labelled_tokens(documents: Iterable[dict]) -> Iterator[tuple[list[Token], int, bool]]:
    """(sentence tokens, index, is a cue) for every candidate word, through the engine's own
    paragraphs, quotations, sentences and tokens, so that features match at run time."""
    from .frames import SentenceFrames
    from .text import pair_quotations, paragraphs, sentences, tokenize

    for document in documents:
        text = document["text"]
        cue_positions: set[int] = set()
        for quote in document.get("quotes", []):
            start, end = quote.get("cue_start"), quote.get("cue_end")
            if start is not None and end is not None and end - start <= 40:
                cue_positions.update(m.start() for m in WORD.finditer(text, start, end))
        paragraph_spans = paragraphs(text)
        quotations = pair_quotations(text, paragraph_spans)
        for index, sentence in enumerate(sentences(text, paragraph_spans, quotations)):
            sentence.tokens = tokenize(text, sentence.start, sentence.end)
            tokens = SentenceFrames(text, sentence, quotations, index).tokens
            for k, token in enumerate(tokens):
                if not token.is_quoted and is_candidate_form(token.lower):
                    yield tokens, k, token.start in cue_positions


def fit_logistic_regression(
    examples: list[tuple[list[str], int]], *, seed: int = 13
) -> dict[str, float]:
    """Weights by stochastic gradient descent (AdaGrad steps) on the log loss; features seen
    fewer than MINIMUM_FEATURE_COUNT times are left out."""
    feature_counts: Counter[str] = Counter(f for features, _label in examples for f in features)
    kept = {f for f, n in feature_counts.items() if n >= MINIMUM_FEATURE_COUNT}
    examples = [([f for f in features if f in kept], label) for features, label in examples]
    weights: dict[str, float] = {}
    squared: dict[str, float] = {}  # AdaGrad: each feature's accumulated squared gradient
    randomness = random.Random(seed)
    for _epoch in range(EPOCHS):
        randomness.shuffle(examples)
        for features, label in examples:
            gradient = _logistic(sum(weights.get(f, 0.0) for f in features)) - label
            if abs(gradient) < 1e-4:
                continue
            for f in features:
                old = weights.get(f, 0.0)
                g = gradient + L2 * old
                total = squared.get(f, 1e-8) + g * g
                squared[f] = total
                weights[f] = old - LEARNING_RATE * g / math.sqrt(total)
    return weights


def _logistic(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def train_cue_model(documents: list[dict], *, seed: int = 13) -> CueModel:
    """Fit the classifier by stochastic gradient descent on the log loss."""
    cue_counts: Counter[str] = Counter()
    for tokens, k, is_cue in labelled_tokens(documents):
        if is_cue:
            cue_counts[_lemma(tokens[k].lower)] += 1
    candidates = frozenset(w for w, n in cue_counts.items() if n >= MINIMUM_CANDIDATE_CUES)
    examples: list[tuple[list[str], int]] = []
    for tokens, k, is_cue in labelled_tokens(documents):
        if _lemma(tokens[k].lower) in candidates:
            examples.append((cue_features(tokens, k), int(is_cue)))
    weights = fit_logistic_regression(examples, seed=seed)
    # Keep as candidates only the words the model ever finds likely in training: the others
    # would cost the engine time and never pass the threshold.
    model = CueModel(weights, candidates)
    likely = {
        _lemma(tokens[k].lower)
        for tokens, k, _is_cue in labelled_tokens(documents)
        if _lemma(tokens[k].lower) in candidates
        and model._probability(tokens, k) >= MINIMUM_CANDIDATE_PROBABILITY
    }
    return CueModel(weights, frozenset(likely))


# -- the frame filter ----------------------------------------------------------------------

FRAME_MODEL_PATH = DATA_DIRECTORY / "frame_model.json"
CROSS_FITTING_FOLDS = 2


def _bucket(value: int, limits: tuple[int, ...]) -> str:
    for limit in limits:
        if value <= limit:
            return str(limit)
    return "more"


def frame_features(
    text: str,
    *,
    configuration: str,
    cue_lemma: str,
    cue_probability: float,
    cue: tuple[int, int] | None,
    source: tuple[int, int] | None,
    segments: list[tuple[int, int]],
    kind: str,
    nesting: str = "",
) -> list[str]:
    """Features of a found statement for 'does annotators' content match it': the construction,
    the cue and how sure the classifier was of it, the content's length and edges, the source."""
    words = WORD.findall(text, segments[0][0], segments[-1][1])
    length = _bucket(len(words), (1, 2, 3, 5, 8, 13, 21, 34))
    first = words[0].lower() if words else ""
    last = words[-1].lower() if words else ""
    first_class = first if first in FUNCTION_WORDS else "cap" if words[0][:1].isupper() else "w"
    last_class = last if last in FUNCTION_WORDS else "w"
    probability = "p" + str(min(9, int(cue_probability * 10)))
    features = [
        "bias",
        "cfg=" + configuration,
        "kind=" + kind,
        "cue=" + cue_lemma,
        "cue+cfg=" + cue_lemma + "|" + configuration,
        "prob=" + probability,
        "prob+cfg=" + probability + "|" + configuration,
        "prob+kind=" + probability + "|" + kind,
        "len=" + length,
        "len+kind=" + length + "|" + kind,
        "cue+len=" + cue_lemma + "|" + length,
        "first=" + first_class,
        "last=" + last_class,
        "first+last=" + first_class + "|" + last_class,
        "segments=" + _bucket(len(segments), (1, 2)),
    ]
    if nesting:
        # Inside another statement's content ("… a class that he argued was …"), or holding one.
        features += ["nesting=" + nesting, "nesting+kind=" + nesting + "|" + kind]
        features.append("nesting+cfg=" + nesting + "|" + configuration)
    content_text = text[segments[0][0] : segments[-1][1]]
    if any(mark in content_text for mark in QUOTE_MARKS):
        features.append("marks-inside")
    if cue is not None:
        gap = segments[0][0] - cue[1]
        cue_words = WORD.findall(text, *cue)
        features.append("gap=" + _bucket(gap, (-1, 1, 3, 8, 20, 60)))
        features.append("cue-words=" + _bucket(len(cue_words), (1, 2)))
        # The form tells "says" from "said", and what stands just before it tells a denial
        # ("did not say") or a conjecture ("would argue") from a statement.
        features.append("cue-form=" + (cue_words[-1].lower() if cue_words else ""))
        before = [w.lower() for w in WORD.findall(text, max(0, cue[0] - 30), cue[0])][-3:]
        if any(w in NEGATIONS for w in before):
            features += ["negated", "negated+cue=" + cue_lemma]
        modal = next((w for w in before if w in MODALS), None)
        if modal is not None:
            features.append("modal=" + modal)
        if 0 <= gap <= 8 and "that" in text[cue[1] : segments[0][0]].lower().split():
            features.append("that")
    if source is None:
        features.append("source=none")
    else:
        mention = WORD.findall(text, *source)
        head = mention[0] if mention else ""
        source_class = (
            "pronoun"
            if head.lower() in SUBJECT_WORDS
            else "cap"
            if head[:1].isupper()
            else "det"
            if head.lower() in FUNCTION_WORDS
            else "lower"
        )
        features.append("source=" + source_class)
        features.append("source-len=" + _bucket(len(mention), (1, 2, 4, 8)))
        features.append("source+cfg=" + source_class + "|" + configuration)
        if head.lower() in SUBJECT_WORDS:
            features.append("source-word=" + head.lower())  # "he", "officials", "who"
        elif mention and not mention[-1][:1].isupper():
            features.append("source-last=" + mention[-1].lower())  # "the poll", "analysts"
    return features


class FrameModel:
    """Logistic regression over a found statement's features."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def probability(self, features: list[str]) -> float:
        weights = self.weights
        return _logistic(sum(weights.get(feature, 0.0) for feature in features))

    def as_json(self) -> dict:
        return {
            "about": "logistic-regression weights over a found statement's construction, cue "
            "and shape for 'annotators marked this content', trained on the PolNeAR train "
            "split by `python -m articles.attribution train-cues` with cue models that had "
            "not seen the documents",
            "weights": {k: round(v, 3) for k, v in sorted(self.weights.items()) if abs(v) >= 5e-3},
        }


_frame_substitute: list[FrameModel | None] = []


def frame_model() -> FrameModel | None:
    """The shipped frame filter; none while cue models are being cross-fitted, unless one is
    given for that."""
    if _frame_substitute:
        return _frame_substitute[-1]
    if _substitute:
        return None
    return _shipped_frame_model()


def using_frame_model(model: FrameModel | None) -> AbstractContextManager[None]:
    """Run the engine with another frame filter, or (None) with none."""
    return _pushed(_frame_substitute, model)


# -- the content-end model -----------------------------------------------------------------
#
# Indirect content after its cue runs, by the rules, to the end of the sentence or of its
# clause. Annotators often end it sooner: "confirmed [the meeting] on the condition of
# anonymity", "defended [his position] by citing a poll", "said [donors have come aboard since
# January], when ...". The end model looks at each word where the content could stop (a
# comma or other punctuation, a preposition, a conjunction, a relative word) from left to
# right and gives the chance that the annotated content stops there, having gone on so far.
# Before "to" and "of", verb forms and auxiliaries it almost never does, so those are no stops.

END_MODEL_PATH = DATA_DIRECTORY / "end_model.json"
END_THRESHOLD = 0.6
END_WORDS = frozenset(
    "in on at by with from over after before during under through across toward towards for "
    "as because while when where which who whom whose since until although though but and than "
    "amid despite including like among without unless even".split()
)
END_PUNCTUATION = frozenset(",;:()—–-[]")
END_SUBJECTS = frozenset("he she they we i it".split())
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december today yesterday tonight week month "
    "year morning afternoon evening night weekend".split()
)


def is_end_candidate(token: Token) -> bool:
    """Whether the content may stop just before this word."""
    lower = token.lower
    return lower in END_WORDS or lower in END_PUNCTUATION


def _end_class(token: Token | None) -> str:
    if token is None:
        return "</s>"
    lower = token.lower
    if not lower[:1].isalnum() or lower in END_WORDS or lower in FINITE_AUXILIARIES:
        return lower
    if lower in FUNCTION_WORDS:
        return lower
    if lower[:1].isdigit():
        return "num"
    if lower in TIME_WORDS:
        return "time"
    if lower.endswith("ing"):
        return "ing"
    if lower.endswith("ed"):
        return "ed"
    return "cap" if token.text[:1].isupper() else "w"


def _coordinated_verb(tokens: list[Token], k: int, cue_form: str) -> str:
    """Whether the word after "and"/"but"/"or" at k (an adverb skipped) has the cue's ending:
    "denies [the crime was a genocide] and goes …", "pointed to X and dismissed …" start a
    second predicate of the source, not more of the content."""
    if tokens[k].lower not in ("and", "but", "or") or not cue_form:
        return ""
    m = k + 1
    if m < len(tokens) and tokens[m].lower.endswith("ly"):
        m += 1
    if m >= len(tokens) or not tokens[m].lower[:1].isalpha() or tokens[m].text[:1].isupper():
        return ""
    following = inflection(tokens[m].lower)
    if following and following == inflection(cue_form):
        return "same"
    if tokens[m].lower in FINITE_AUXILIARIES:
        return "aux"
    return ""


def end_features(
    tokens: list[Token], first: int, k: int, cue_lemma: str, cue_form: str = ""
) -> list[str]:
    """Features of 'the content that starts at token `first` stops before token `k`'."""
    boundary = _end_class(tokens[k])
    previous = _end_class(tokens[k - 1])
    following = _end_class(tokens[k + 1] if k + 1 < len(tokens) else None)
    words = sum(1 for t in tokens[first:k] if t.lower[:1].isalnum())
    rest = sum(1 for t in tokens[k:] if t.lower[:1].isalnum())
    length = _bucket(words, (1, 2, 3, 4, 6, 9, 14, 20))
    after_that = "that" if first > 0 and tokens[first - 1].lower == "that" else "bare"
    clause = (
        "clause"
        if any(t.lower in FINITE_AUXILIARIES or t.lower in END_SUBJECTS for t in tokens[first:k])
        else "phrase"
    )
    opener = _end_class(tokens[first])
    # The words themselves around the boundary ("in an interview", ", who"), whether a verb
    # follows soon (a new clause) and how many commas the content has crossed.
    following_word = tokens[k + 1].lower if k + 1 < len(tokens) else "</s>"
    following_word2 = tokens[k + 2].lower if k + 2 < len(tokens) else "</s>"
    verb_after = any(t.lower in FINITE_AUXILIARIES for t in tokens[k + 1 : k + 6])
    commas = _bucket(sum(1 for t in tokens[first:k] if t.lower == ","), (0, 1, 2))
    coordinated = _coordinated_verb(tokens, k, cue_form)
    extra = ["coordinated=" + coordinated + "|" + boundary] if coordinated else []
    return [
        *extra,
        "bias",
        "b=" + boundary,
        "b+p=" + boundary + "|" + previous,
        "b+n=" + boundary + "|" + following,
        "cue=" + cue_lemma,
        "cue+b=" + cue_lemma + "|" + boundary,
        "cue+len=" + cue_lemma + "|" + length,
        "len=" + length,
        "b+len=" + boundary + "|" + length,
        "rest=" + _bucket(rest, (0, 2, 5, 10, 20)),
        "that=" + after_that,
        "b+that=" + boundary + "|" + after_that,
        "clause=" + clause,
        "b+clause=" + boundary + "|" + clause,
        "b+clause+that=" + boundary + "|" + clause + "|" + after_that,
        "first=" + opener,
        "first+b=" + opener + "|" + boundary,
        "cue+clause=" + cue_lemma + "|" + clause,
        "b+nw=" + boundary + "|" + following_word,
        "b+nw+nw2=" + boundary + "|" + following_word + "|" + following_word2,
        "pw+b=" + tokens[k - 1].lower + "|" + boundary,
        "b+verb=" + boundary + "|" + ("verb" if verb_after else "noverb"),
        "b+commas=" + boundary + "|" + commas,
        "cue+b+n=" + cue_lemma + "|" + boundary + "|" + following,
    ]


class EndModel(FrameModel):
    """Logistic regression over a possible content end's features."""

    def as_json(self) -> dict:
        return {
            "about": "logistic-regression weights for 'annotated indirect content stops "
            "before this word', trained on the PolNeAR train split by `python -m "
            "articles.attribution train-cues` on statements found by cue models that had not "
            "seen the documents",
            "weights": {k: round(v, 3) for k, v in sorted(self.weights.items()) if abs(v) >= 5e-3},
        }


_end_substitute: list[EndModel | None] = []
# While training, possible content ends are recorded here instead of being decided.
_end_recorders: list[list[tuple[int, int, list[tuple[int, list[str]]]]]] = []


def end_model() -> EndModel | None:
    """The shipped end model; none while cue models are being cross-fitted, unless one is
    given for that."""
    if _end_substitute:
        return _end_substitute[-1]
    if _substitute:
        return None
    return _shipped_end_model()


def end_recorder() -> list[tuple[int, int, list[tuple[int, list[str]]]]] | None:
    return _end_recorders[-1] if _end_recorders else None


def using_end_model(model: EndModel | None) -> AbstractContextManager[None]:
    """Run the engine with another end model, or (None) with none."""
    return _pushed(_end_substitute, model)


@cache
def _shipped_end_model() -> EndModel | None:
    weights = _shipped_weights(END_MODEL_PATH)
    return None if weights is None else EndModel(weights)


def labelled_ends(documents: Iterable[dict]) -> Iterator[tuple[list[str], int]]:
    """(features, 1 if the annotated content stops there) for each possible end of indirect
    content the engine finds, up to the annotated end, when an annotated content starts where
    the engine's does."""
    from .corpus import published_date
    from .engine import candidate_attributions

    for document in documents:
        text = document["text"]
        gold_ends: dict[int, int] = {}
        for quote in document.get("quotes", []):
            start, end = quote.get("quote_start"), quote.get("quote_end")
            segments = quote.get("quote_segments") or (
                [[start, end]] if start is not None and end is not None else []
            )
            words = [m for a, b in segments for m in WORD.finditer(text, a, b)]
            if len(words) > 1 and words[0].group().lower() == "that":
                words = words[1:]
            if words:
                gold_ends.setdefault(words[0].start(), words[-1].end())
        recorded: list[tuple[int, int, list[tuple[int, list[str]]]]] = []
        with _pushed(_end_recorders, recorded):
            candidate_attributions(text, published=published_date(document))
        for first_word, _rule_end, cuts in recorded:
            gold_end = gold_ends.get(first_word)
            if gold_end is None:
                continue
            for cut_end, features in cuts:
                if cut_end > gold_end:
                    break
                yield features, int(cut_end == gold_end)
                if cut_end == gold_end:
                    break


@cache
def _shipped_frame_model() -> FrameModel | None:
    weights = _shipped_weights(FRAME_MODEL_PATH)
    return None if weights is None else FrameModel(weights)


def _shipped_weights(path: Path) -> dict[str, float] | None:
    """A weights-only model's weights, or None when it has not been trained."""
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)["weights"]


def labelled_frames(documents: Iterable[dict]) -> Iterator[tuple[list[str], int]]:
    """(features, 1 if an annotated content matches it) for every statement the engine finds,
    under the cue model in force."""
    from .corpus import published_date
    from .engine import candidate_attributions
    from .scoring import overlap_f1, spans_of, word_positions

    for document in documents:
        text = document["text"]
        gold = [
            word_positions(text, spans_of(quote, "quote") or [], drop_leading_that=True)
            for quote in document.get("quotes", [])
        ]
        for attribution, features in candidate_attributions(
            text, published=published_date(document)
        ):
            found = word_positions(text, attribution.segments, drop_leading_that=True)
            yield features, int(any(overlap_f1(found, other) >= 0.5 for other in gold))


def train_models(documents: list[dict]) -> tuple[CueModel, FrameModel, EndModel]:
    """The cue classifier on all documents; the end model and then the frame filter on
    statements found in each fold by a cue classifier trained on the other folds (so they
    learn from honest mistakes)."""
    folds = []
    for fold in range(CROSS_FITTING_FOLDS):
        fitted = [d for k, d in enumerate(documents) if k % CROSS_FITTING_FOLDS != fold]
        held = [d for k, d in enumerate(documents) if k % CROSS_FITTING_FOLDS == fold]
        folds.append((train_cue_model(fitted), held))
    end_examples: list[tuple[list[str], int]] = []
    for fold_model, held in folds:
        with using_cue_model(fold_model), using_end_model(None):
            end_examples.extend(labelled_ends(held))
    end = EndModel(fit_logistic_regression(end_examples))
    examples: list[tuple[list[str], int]] = []
    for fold_model, held in folds:
        with using_cue_model(fold_model), using_end_model(end):
            examples.extend(labelled_frames(held))
    return train_cue_model(documents), FrameModel(fit_logistic_regression(examples)), end
