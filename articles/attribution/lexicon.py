"""The cue lexicon: which words introduce attributions, how often, and their base forms."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

# Found through the package, not this module's __file__: a module compiled by mypyc (native.py)
# reports a __file__ of its own making.
DATA_DIRECTORY = Path(str(resources.files(__name__.rpartition(".")[0]))) / "data"
CUE_LEXICON_PATH = DATA_DIRECTORY / "cues.json"
CUE_CONTEXT_PATH = DATA_DIRECTORY / "cue_contexts.json"
COMMON_WORDS_PATH = DATA_DIRECTORY / "common_words.json"
# A word is a common word, not the first word of a personal name, when it was seen in
# lowercase this often and capitalised after a lowercase word (inside running text, not in a
# title-case line) at most this share of the time: "does", "see", "actor"; not "guy", "sue",
# "bill" or "hope", which are also first names.
MINIMUM_COMMON_WORD_COUNT = 5
MAXIMUM_COMMON_WORD_CAPITALISED_SHARE = 0.01
# How many observations of a context outweigh the word's overall share.
CONTEXT_PRIOR_WEIGHT = 3.0
MINIMUM_CONTEXT_SHARE = 0.1
WORD = re.compile(r"\w+(?:['’\-]\w+)*")

# Forms a suffix rule cannot undo.
IRREGULAR_LEMMAS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "spoke": "speak",
    "felt": "feel",
    "made": "make",
    "gave": "give",
    "took": "take",
    "found": "find",
    "held": "hold",
    "began": "begin",
    "meant": "mean",
    "heard": "hear",
    "taught": "teach",
    "sought": "seek",
    "read": "read",
    "led": "lead",
    "put": "put",
    "let": "let",
    "bet": "bet",
    "swore": "swear",
    "chose": "choose",
    "forgot": "forget",
    "understood": "understand",
    "focused": "focus",
    "focusing": "focus",
}

# Minimum evidence for a word to count as a cue: seen as a cue this often in the training
# corpus, and at least this share of all its occurrences.
MINIMUM_CUE_COUNT = 3
MINIMUM_CUE_SHARE = 0.03

# Words that sit inside multi-word cues ("has said", "talked about") without carrying them.
FUNCTION_WORDS = frozenset(
    "a an the this that these those to of for in on at by with from about against into out up "
    "over as and or but not no nor so than then also has have had having is are was were be been "
    "being am do does did doing will would can could should may might must shall it its he she "
    "they we i you his her their our my your him them us me who which what when where why how "
    "there here all some any more most very just even still again already ever never only much "
    "didn’t didn't doesn’t doesn't don’t don't isn’t isn't wasn’t wasn't won’t won't "
    "further furthermore later once now soon yet then thus too".split()
)

# Weekdays and times of day: a phrase ending in one is a time ("late Tuesday", "last week").
WEEKDAYS_AND_TIMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning "
    "evening afternoon".split()
)

# Auxiliaries that make a clause finite: a subject and its verb, not a noun phrase.
FINITE_AUXILIARIES = frozenset(
    "is are was were has have had will would should could can may might must does did do "
    "isn't wasn't won't can't didn't doesn't".split()
)


def inflection(word: str) -> str:
    """A verb form's ending, as far as spelling tells: "s", "ed" (or an irregular past such as
    "said"), "ing" or none."""
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed") or (word in IRREGULAR_LEMMAS and not word.endswith("s")):
        return "ed"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return "s"
    return ""


@cache
def lemma(word: str) -> str:
    """Base form by a small suffix rule ("argued" -> "argue", "adding" -> "add")."""
    lower = word.lower()
    if lower in IRREGULAR_LEMMAS:
        return IRREGULAR_LEMMAS[lower]
    if " " in lower:
        return lower
    if lower.endswith(("ied", "ies")) and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("ing") and len(lower) > 5:
        return _restore_stem(lower[:-3])
    if lower.endswith("ed") and len(lower) > 4:
        return _restore_stem(lower[:-2])
    if lower.endswith("izes") or (
        lower.endswith("ses") and not lower.endswith(("sses", "uses")) and len(lower) > 5
    ):
        return lower[:-1]  # criticizes -> criticize, praises -> praise, proposes -> propose
    if lower.endswith("uses") and not lower.endswith("ocuses"):
        return lower[:-1]  # accuses -> accuse, refuses -> refuse (but focuses -> focus)
    if lower.endswith("es") and lower[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def _restore_stem(stem: str) -> str:
    """Undo what English spelling does to a stem before -ed/-ing."""
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # planned -> plan
    if stem.endswith(("v", "c", "u", "z")) or stem.endswith(("rg", "ng", "dg", "rs", "ns")):
        return stem + "e"  # believe, announce, argue, criticize, urge, pledge
    vowels = "aeiou"
    if (
        len(stem) >= 3
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and stem[-3] not in vowels
        and not stem.endswith(("en", "er", "on", "it", "et"))
    ):
        return stem + "e"  # note, state, declare, vote
    if stem.endswith("s") and len(stem) > 2 and stem[-2] in "aiou" and not stem.endswith("us"):
        return stem + "e"  # raise, use, refuse, praise
    return stem


@cache
def cue_lexicon() -> dict[str, float]:
    """Word form -> share of its training-corpus occurrences that were attribution cues."""
    with CUE_LEXICON_PATH.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return {form: share for form, (share, _count) in data["cue_words"].items()}


PRONOUN_CLASS = frozenset("he she they it we i you who".split())
DETERMINER_CLASS = frozenset("the a an his her their its this that these those some many".split())
AUXILIARY_CLASS = frozenset("has have had is was are were be been will would also not".split())
PREPOSITION_CLASS = frozenset("in on at by with from for of about to into against over".split())


@cache
def token_class(text: str) -> str:
    """A coarse class of the word next to a cue candidate; the context the cue model keys on."""
    lower = text.lower()
    if lower == "that":
        return "that"
    if lower in PRONOUN_CLASS:
        return "pronoun"
    if lower in DETERMINER_CLASS:
        return "determiner"
    if lower in AUXILIARY_CLASS:
        return "auxiliary"
    if lower in PREPOSITION_CLASS:
        return "preposition"
    if lower in ("“", "”", '"', "''", "``", "‘", "’", "'"):
        return "quote"
    if lower in (",", ":", ".", ";", "—", "–", "(", ")"):
        return lower
    if text[:1].isupper():
        return "capitalised"
    if lower.endswith("ly"):
        return "adverb"
    if text[:1].isdigit():
        return "number"
    return "word"


def context_key(form: str, previous: str, following: str) -> str:
    return f"{form}|{token_class(previous)}|{token_class(following)}"


@cache
def cue_contexts() -> dict[str, tuple[int, int]]:
    """'form|previous class|next class' -> (times a cue, times seen) in the training corpus."""
    if not CUE_CONTEXT_PATH.exists():
        return {}
    with CUE_CONTEXT_PATH.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return {key: (cue, seen) for key, (cue, seen) in data["contexts"].items()}


@cache
def noun_shares() -> dict[str, float]:
    """For each cue word form, the share of its occurrences in the training corpus that follow
    a determiner: a noun's mark ("the message", "a promise": 0.47, 0.53), which a verb almost
    never has ("said" 0.0, "shows" 0.03)."""
    seen: Counter[str] = Counter()
    after_determiner: Counter[str] = Counter()
    for key, (_cue, times) in cue_contexts().items():
        form, previous, _following = key.split("|")
        seen[form] += times
        if previous == "determiner":
            after_determiner[form] += times
    return {form: after_determiner[form] / times for form, times in seen.items() if times}


def cue_probability(form: str, previous: str, following: str) -> float:
    """How likely this word is a cue between these neighbours: the context's own share,
    pulled towards the word's overall share when the context was seldom seen."""
    prior = cue_lexicon().get(form, 0.0)
    if prior == 0.0:
        return 0.0
    cue, seen = cue_contexts().get(context_key(form, previous, following), (0, 0))
    return (cue + CONTEXT_PRIOR_WEIGHT * prior) / (seen + CONTEXT_PRIOR_WEIGHT)


def mine_cue_contexts(documents: Iterable[dict], cue_forms: Iterable[str]) -> dict:
    """Count each cue word by its neighbours' classes, as a cue and overall."""
    from .text import tokenize  # the engine's own tokens, so contexts match at run time

    forms = set(cue_forms)
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for document in documents:
        text = document["text"]
        cue_positions: set[int] = set()
        for quote in document.get("quotes", []):
            start, end = quote.get("cue_start"), quote.get("cue_end")
            if start is not None and end is not None and end - start <= 40:
                cue_positions.update(m.start() for m in WORD.finditer(text, start, end))
        tokens = tokenize(text, 0, len(text))
        for index, token in enumerate(tokens):
            if token.lower not in forms:
                continue
            previous = tokens[index - 1].text if index else "."
            following = tokens[index + 1].text if index + 1 < len(tokens) else "."
            key = context_key(token.lower, previous, following)
            seen[key] += 1
            as_cue[key] += token.start in cue_positions
    return {
        "about": "'form|previous class|next class' -> [times a cue, times seen], mined from the "
        "PolNeAR train split by `python -m articles.attribution train`",
        "contexts": {key: [as_cue[key], count] for key, count in sorted(seen.items()) if count > 1},
    }


def mine_cue_lexicon(documents: Iterable[dict]) -> dict:
    """Count, for every word, how often annotators marked it inside a cue and how often it occurs.

    Only word statistics leave the corpus: no sentence or span text is kept.
    """
    as_cue: Counter[str] = Counter()
    everywhere: Counter[str] = Counter()
    for document in documents:
        text = document["text"]
        cue_positions: set[int] = set()
        for quote in document.get("quotes", []):
            start, end = quote.get("cue_start"), quote.get("cue_end")
            if start is None or end is None or end - start > 40:
                continue  # long cue spans are whole phrases, not cue words
            for match in WORD.finditer(text, start, end):
                cue_positions.add(match.start())
        for match in WORD.finditer(text):
            form = match.group().lower()
            everywhere[form] += 1
            if match.start() in cue_positions:
                as_cue[form] += 1
    cue_words = {
        form: [round(count / everywhere[form], 3), count]
        for form, count in as_cue.most_common()
        if count >= MINIMUM_CUE_COUNT
        and count / everywhere[form] >= MINIMUM_CUE_SHARE
        and not form.isdigit()
        and form not in FUNCTION_WORDS
        and not form.endswith("ly")
    }
    return {
        "about": "word form -> [share of occurrences marked as an attribution cue, cue count], "
        "mined from the PolNeAR train split by `python -m articles.attribution train`",
        "cue_words": cue_words,
    }


@cache
def common_words() -> dict[str, int]:
    """Words written in lowercase in running text, with how often (see `mine_common_words`);
    empty when the list has not been mined."""
    if not COMMON_WORDS_PATH.exists():
        return {}
    with COMMON_WORDS_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)["words"]


def mine_common_words(documents: Iterable[dict]) -> dict:
    """Count, for every word, its lowercase occurrences and its capitalised ones right after
    a lowercase word, and keep the words almost always written in lowercase: such a word
    capitalised at the start of a mention ("Does Rubio", "See Sexton", "Actor Clint Howard")
    is not part of the name.

    Only word statistics leave the corpus: no sentence or span text is kept.
    """
    lowercase: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for document in documents:
        text = document["text"]
        previous_is_lowercase = False
        previous_end = -1
        for match in WORD.finditer(text):
            word = match.group()
            adjacent = previous_is_lowercase and text[previous_end : match.start()] == " "
            if word.islower():
                lowercase[word] += 1
            elif adjacent and word[0].isupper() and word[1:].islower():
                capitalised[word.lower()] += 1
            previous_is_lowercase = word.islower()
            previous_end = match.end()
    words = {
        word: count
        for word, count in sorted(lowercase.items())
        if count >= MINIMUM_COMMON_WORD_COUNT
        and word.isalpha()
        and capitalised[word] <= MAXIMUM_COMMON_WORD_CAPITALISED_SHARE * count
    }
    return {
        "about": "word -> lowercase count, for the words seen in lowercase at least "
        f"{MINIMUM_COMMON_WORD_COUNT} times and capitalised after a lowercase word at most "
        f"{MAXIMUM_COMMON_WORD_CAPITALISED_SHARE:.0%} as often, mined from the PolNeAR train "
        "split by `python -m articles.attribution train`",
        "words": words,
    }
