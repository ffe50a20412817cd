"""The people an article names, speakers or not, for resolving "he", "she" and surnames.

A news article introduces a person once by full name ("Donald Trump arrived in Ohio") and
then calls them by surname or pronoun ("He said ..."), often before they have said anything.
The resolver therefore needs every person named, not only earlier speakers. Names are found
as runs of capitalised words; a run counts as a person when its name has two words or more
and reads as a person's (not a place, a body or a medium), or when it is a single word after
an honorific or title ("Mr. Kasich", "President Obama"), or when it is the surname of a person
named in full earlier ("Trump" after "Donald Trump"). A lone capitalised word otherwise names
no one: most are a sentence's first word, a place or a party.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from .lexicon import DATA_DIRECTORY, FINITE_AUXILIARIES, common_words
from .speakers import (
    GENDERED_WORDS,
    GROUP_WORDS,
    HONORIFICS,
    ORGANIZATION_WORDS,
    PERSON_WORDS,
    ROLE_WORDS,
    TITLES,
    guess_kind,
    person_name_in,
    plural_of,
    surname_of,
)
from .text import Quotation, Sentence, pair_quotations, paragraphs, sentences

PREPOSITIONS = frozenset(
    "of about with to by for from against after before between among at on in into over "
    "under than like including behind toward towards".split()
)
GIVEN_NAMES_PATH = DATA_DIRECTORY / "given_names.json"
# A given name tells a gender when the article evidence for one outweighs the other this much.
GIVEN_NAME_MAJORITY = 3

# A run of capitalised words, with initials ("R."), abbreviated titles ("Sen.") and the
# lowercase particles of surnames ("de Vos", "bin Laden") inside it.
NAME_RUN = re.compile(
    r"[A-Z][\w’'\-]*\.?"
    r"(?:[^\S\n]+(?:[A-Z][\w’'\-]*\.?|(?:de|da|del|der|van|von|bin|ibn|al|el|la|le)(?=[^\S\n]+[A-Z])))*"
)


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """One mention of a person: where the name is, whom it names, and what it tells of them."""

    start: int
    end: int
    name: str  # the fullest name met so far: "Donald Trump" for a later "Mr. Trump"
    gender: str | None  # "male" / "female" when the mention says so ("Mrs.", "spokeswoman")
    sentence_index: int
    quoted: bool  # inside a double quotation: someone else's words, less likely the topic
    # Neither after a preposition nor a possessor: likelier the subject of its clause
    # ("Trump asserted", not "the murder of Father Jacques Hamel" or "Trump's words").
    subject_like: bool = True
    # The sentence's span, where `People.described` reads the words that describe the person
    # (what a later "the Florida senator" is matched against) when first asked.
    sentence_span: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class NamedGroup:
    """A mention of several people or a body that "they" may stand for: "Republicans", "his
    advisers", "the Clinton campaign", "Anna Palmer and Jake Sherman"."""

    start: int
    end: int
    name: str  # as written: what the speaker is called when "they" resolves to it
    sentence_index: int
    quoted: bool
    subject_like: bool
    of_named_people: bool = False  # "Anna Palmer and Jake Sherman"
    body: bool = False  # one body, for "it": "the Clinton campaign", "the committee"


# Heads of plural mentions that name no group of speakers on their own.
NOT_GROUP_HEADS = frozenset(
    "some many several most few others polls surveys studies reports mrs ms messrs".split()
)
# What may stand between the groups of a list: "activists and intellectuals", "his family,
# friends and employees".
LIST_SEPARATORS = frozenset({" and ", ", ", ", and "})
# "The two squabbled over immigration": a number standing for people named before.
NUMBER_WORDS = frozenset("two three four five both".split())
# Words that may open a group's mention before its head: "his advisers", "the two senators",
# "many Republican voters".
GROUP_OPENERS = frozenset(
    "the his her their its our these those some many several most both all two three four "
    "five other top senior".split()
)
# Plural endings of nouns for people (activists, Republicans, attendees, volunteers), and
# plurals for people whose endings other words share ("voters" but "numbers").
PEOPLE_ENDINGS = ("ists", "ians", "ees", "eers")
PEOPLE_PLURALS = frozenset(
    "workers employers owners readers viewers listeners protesters protestors demonstrators "
    "organizers donors investors reporters writers teachers farmers lawyers bankers insiders "
    "outsiders residents students parents immigrants participants opponents proponents "
    "constituents respondents migrants evangelicals moderates independents rivals allies "
    "progressives millennials operatives families friends colleagues fans backers "
    "strategists pollsters economists scientists historians consumers taxpayers".split()
)
# What opens the mention of one particular body: "the campaign", "its board", "Clinton's
# campaign" (a possessor); not "a campaign".
BODY_OPENERS = frozenset("the its their his her".split())
WORD_TOKEN = re.compile(r"[A-Za-z][\w’'\-]*")


class People:
    """Every person an article names, in text order, with lookups by position."""

    def __init__(
        self, text: str, found_sentences: list[Sentence], quotations: list[Quotation]
    ) -> None:
        self.mentions: list[NamedPerson] = []
        self.genders: dict[str, dict[str, int]] = {}
        self.sentence_starts = [sentence.start for sentence in found_sentences]
        self._quoted = sorted(piece for q in quotations if not q.is_single for piece in q.pieces)
        full_names: dict[str, list[str]] = {}  # surname -> full names met, latest last
        for index, sentence in enumerate(found_sentences):
            for run in NAME_RUN.finditer(text, sentence.start, sentence.end):
                mention = self._person(text, run, full_names)
                if mention is None:
                    continue
                name, gender = mention
                words = run.group().split()
                subject_like = not (
                    _after_preposition(text, run.start(), sentence.start)
                    # "With Merrick Garland, President Obama made …": the capitalised
                    # preposition opening the sentence is part of the run.
                    or (len(words) > 1 and words[0].lower() in PREPOSITIONS)
                    or words[-1].endswith(("’s", "'s"))
                )
                self.mentions.append(
                    NamedPerson(
                        run.start(),
                        run.end(),
                        name,
                        gender,
                        index,
                        self.quotation_at(run.start()) is not None,
                        subject_like,
                        (sentence.start, sentence.end),
                    )
                )
                if gender is not None:
                    counts = self.genders.setdefault(name, {})
                    counts[gender] = counts.get(gender, 0) + 1
        self._starts = [m.start for m in self.mentions]
        self._sentences = found_sentences
        self._groups: dict[int, list[NamedGroup]] = {}
        self._text = text
        self._described: dict[int, frozenset[str]] = {}

    def quotation_at(self, position: int) -> tuple[int, int] | None:
        """The double quotation piece `position` is in, if any."""
        index = bisect.bisect_right(self._quoted, (position, float("inf"))) - 1
        if index >= 0 and self._quoted[index][0] <= position < self._quoted[index][1]:
            return self._quoted[index]
        return None

    def _person(
        self, text: str, run: re.Match[str], full_names: dict[str, list[str]]
    ) -> tuple[str, str | None] | None:
        words = run.group().split()
        # A possessor ends the name: "Hillary Clinton’s Contributors Are Small Donors".
        owner = next((k for k, w in enumerate(words) if w.endswith(("’s", "'s"))), None)
        if owner is not None:
            words = words[: owner + 1]
        if (
            len(words) == 1
            and words[0].rstrip(".").removesuffix("’s").removesuffix("'s").lower() not in full_names
        ):
            return None  # a lone capitalised word, and no one of that surname named before
        before = text[max(0, run.start() - 30) : run.start()].split()
        told = [GENDERED_WORDS.get(w.lower().rstrip(".")) for w in words[:2]]
        if before:
            told.append(GENDERED_WORDS.get(before[-1].lower().strip(".,")))
        genders = {g for g in told if g}
        gender = genders.pop() if len(genders) == 1 else None
        titled = words[0].lower().rstrip(".") in HONORIFICS | TITLES
        while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]  # "State Hillary Clinton" of "Secretary of State Hillary Clinton"
        written = " ".join(words)
        if not written.endswith(" Jr."):
            written = written.rstrip(".")
        if len(words) == 1:
            # A lone capitalised word is a person only as the surname of one named before.
            earlier = full_names.get(written.removesuffix("’s").removesuffix("'s").lower())
            return (self._latest(earlier, gender), gender) if earlier else None
        name, full = _person_name(written)
        if not name:
            return None
        if full:
            full_names.setdefault(surname_of(name).lower(), []).append(name)
            return name, gender
        earlier = full_names.get(name.lower())
        if earlier:
            return self._latest(earlier, gender), gender
        if titled:
            return name, gender  # "Mr. Kasich", "President Obama"
        return None

    def _groups_in(self, text: str, sentence: Sentence, index: int) -> list[NamedGroup]:
        """Plural mentions of people ("Republicans", "his advisers"), bodies after "the" or a
        possessor ("the Clinton campaign"), and two people named together ("Anna Palmer and
        Jake Sherman")."""
        found: list[NamedGroup] = []
        words = list(WORD_TOKEN.finditer(text, sentence.start, sentence.end))
        for k, word in enumerate(words):
            head = word.group().lower()
            before_head = words[k - 1].group().lower() if k else ""
            following = words[k + 1].group().lower() if k + 1 < len(words) else ""
            plural = (
                head not in NOT_GROUP_HEADS
                and (
                    head in GROUP_WORDS
                    or plural_of(head, ROLE_WORDS | PERSON_WORDS)
                    or head in PEOPLE_PLURALS
                    or (head.endswith(PEOPLE_ENDINGS) and len(head) > 5)
                    # "The two squabbled", "the two have": a number of people, not of things
                    or (
                        head in NUMBER_WORDS
                        and before_head == "the"
                        and (following in FINITE_AUXILIARIES or following.endswith("ed"))
                    )
                    # "The Obamas cut back the ritual": a family named by its surname
                    or (
                        before_head == "the"
                        and word.group()[:1].isupper()
                        and head.endswith("s")
                        and head[:-1] in self._surnames_before(word.start())
                    )
                )
            )
            body = (
                not plural
                and head in ORGANIZATION_WORDS
                and k > 0
                # "the FBI director", "the campaign manager": the body only qualifies a person
                and not (k + 1 < len(words) and words[k + 1].group().lower() in ROLE_WORDS)
            )
            if not (plural or body):
                continue
            first = k
            while first > 0 and k - first < 3:
                before = words[first - 1]
                between = text[before.end() : words[first].start()]
                if between.strip() or not (
                    before.group().lower() in GROUP_OPENERS
                    or before.group()[:1].isupper()
                    or before.group().endswith(("’s", "'s"))
                    # "the ethics committee"; not "chairman of Clinton's campaign"
                    or (body and before.group().lower() not in PREPOSITIONS)
                ):
                    break
                first -= 1
                if body and before.group().lower() in BODY_OPENERS:
                    break
            opening = [w.group() for w in words[first:k]]
            if body and not any(
                w.lower() in BODY_OPENERS or w.endswith(("’s", "'s")) for w in opening
            ):
                continue  # "campaign" alone, "a campaign": no particular body
            last = k
            if word.group()[:1].isupper():
                # A name goes on: "the White House", "the University of Michigan".
                while (
                    last + 1 < len(words)
                    and not text[words[last].end() : words[last + 1].start()].strip()
                ):
                    following = words[last + 1].group()
                    if following[:1].isupper():
                        last += 1
                    elif (
                        following in ("of", "for")
                        and last + 2 < len(words)
                        and words[last + 2].group()[:1].isupper()
                    ):
                        last += 2
                    else:
                        break
            found.append(
                self._group(text, words[first].start(), words[last].end(), index, body=body)
            )
        # "activists and intellectuals", "his family, friends and employees": one group.
        run: list[NamedGroup] = []
        for group in [*found, None]:
            if group is not None and run and text[run[-1].end : group.start] in LIST_SEPARATORS:
                run.append(group)
                continue
            if len(run) > 1 and any(
                text[a.end : b.start] in (" and ", ", and ") for a, b in pairwise(run)
            ):
                found.append(self._group(text, run[0].start, run[-1].end, index))
            run = [group] if group is not None else []
        people = [m for m in self.mentions if m.sentence_index == index]
        for left, right in pairwise(people):
            if text[left.end : right.start] == " and ":
                found.append(self._group(text, left.start, right.end, index, named=True))
        # The longest first where several start together: "activists and intellectuals"
        # before "activists".
        return sorted(
            {(g.start, g.end): g for g in found}.values(), key=lambda g: (g.start, -g.end)
        )

    def _group(
        self,
        text: str,
        start: int,
        end: int,
        index: int,
        *,
        named: bool = False,
        body: bool = False,
    ) -> NamedGroup:
        while end > start and text[end - 1] in ".,":
            end -= 1
        subject_like = not _after_preposition(text, start, self._sentences[index].start)
        quoted = self.quotation_at(start) is not None
        return NamedGroup(start, end, text[start:end], index, quoted, subject_like, named, body)

    def groups_in(self, index: int) -> list[NamedGroup]:
        """The groups sentence `index` names, in text order (read when first asked for: only
        a "they" needs them, and only in the sentences before it)."""
        found = self._groups.get(index)
        if found is None:
            found = self._groups_in(self._text, self._sentences[index], index)
            self._groups[index] = found
        return found

    def described(self, mention: NamedPerson) -> frozenset[str]:
        """The folded words that describe a person where named: at most five before the name
        within its sentence ("the Vermont senator, Lena Ward", "Sen. Marco Rubio") and an
        apposition right after it ("Mike Pence, the Indiana governor,"), abbreviated titles
        spelled out."""
        found = self._described.get(mention.start)
        if found is None:
            text = self._text
            sentence_start, sentence_end = mention.sentence_span
            before = text[max(sentence_start, mention.start - 60) : mention.start].split()
            # Back over what can describe a person ("the former Vermont senator,"), to the
            # first word that cannot ("FBI Director James Comey stated | Clinton").
            taken = 0
            for word in reversed(before[-5:]):
                folded = word.strip(".,’'").lower()
                if not (
                    word[:1].isupper()
                    or folded in DESCRIBING_WORDS
                    or folded in TITLE_ABBREVIATIONS
                    or folded in TITLES
                    or folded in ROLE_WORDS
                    or folded in GENDERED_WORDS
                ):
                    break
                taken += 1
            words = before[len(before) - taken :] + text[mention.start : mention.end].split()
            apposition = APPOSITION.match(text, mention.end, sentence_end)
            if apposition:
                words += apposition.group(1).split()
            plain = (w.strip(".,’'").lower().removesuffix("’s").removesuffix("'s") for w in words)
            found = frozenset(TITLE_ABBREVIATIONS.get(w, w) for w in plain if w)
            self._described[mention.start] = found
        return found

    def _latest(self, names: list[str], gender: str | None) -> str:
        """The last of these full names whose gender may be `gender` ("Mrs. Clinton" is
        Hillary Clinton, not Bill Clinton named after her)."""
        if gender is not None:
            for name in reversed(names):
                if self.gender_of(name) in (None, gender):
                    return name
        return names[-1]

    def _surnames_before(self, position: int) -> set[str]:
        return {m.name.split()[-1].lower() for m in self.mentions if m.start < position}

    def sentence_of(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def before(self, position: int) -> list[NamedPerson]:
        """Mentions that start before `position`, in text order."""
        return self.mentions[: bisect.bisect_left(self._starts, position)]

    def gender_of(self, name: str) -> str | None:
        """What the article's mentions of this person tell of their gender ("Mrs.",
        "spokeswoman"); failing that, what their given name does."""
        counts = self.genders.get(name)
        if not counts:
            return given_name_gender(name)
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]


# Abbreviated titles, spelled out so that "Sen. Rubio" is a later "the senator".
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "pres": "president",
    "sec": "secretary",
    "atty": "attorney",
    "amb": "ambassador",
}
# Lowercase words that may stand before a name in its description.
DESCRIBING_WORDS = frozenset(
    "the a an former then late longtime veteran retired outgoing incoming acting deputy "
    "assistant senior top chief vice republican democratic gop conservative liberal "
    "presidential of".split()
)
# Last words of the names of places and buildings, seldom of a person ("Persian Gulf",
# "Trump Plaza", "Wall Street"); "Hill" and "Park" are too often surnames, so "Capitol Hill"
# is told by its first word.
PLACE_WORDS = frozenset(
    "valley gulf river sea ocean mountain mountains island islands street avenue square plaza "
    "tower towers hotel center centre building airport station county beach bay".split()
)
PLACE_FIRST_WORDS = frozenset({"capitol"})
APPOSITION = re.compile(r",\s+(?:the|a|an)\s+([^,.;:()“”\"]{1,60})")


def _after_preposition(text: str, position: int, floor: int) -> bool:
    """Whether the word before `position` (within the sentence from `floor`) is a
    preposition: "the murder of | Father Jacques Hamel", "among | the delegates"."""
    before = text[max(floor, position - 20) : position].split()
    return bool(before) and before[-1].lower() in PREPOSITIONS


@lru_cache(maxsize=16384)  # names recur across articles; bounded for a long-lived worker
def _person_name(written: str) -> tuple[str | None, bool]:
    """(the person's name in a run of capitalised words, whether it is a full name); no name
    when the run names a place, a body, a medium or is made of common words."""
    name = person_name_in(written)
    if not name or guess_kind(name) != "person":
        return None, False
    words = name.split()
    if len(words) < 2:
        return name, False
    common = common_words()
    if (
        all(word.lower() in common for word in words)
        or (words[-1].lower() in common and words[0].lower() not in given_names())
        or words[-1].lower() in PLACE_WORDS
        or words[0].lower() in PLACE_FIRST_WORDS
    ):
        return None, False  # "Election Day", "Transatlantic Trade"; but "Tom Price"
    return name, True


@cache
def given_names() -> dict[str, tuple[int, int]]:
    """Given name -> (male, female) evidence counts (see `mine_given_names`); empty when
    not mined."""
    if not GIVEN_NAMES_PATH.exists():
        return {}
    with GIVEN_NAMES_PATH.open(encoding="utf-8") as handle:
        return {name: tuple(counts) for name, counts in json.load(handle)["names"].items()}


def given_name_gender(name: str) -> str | None:
    """The gender a full name's first word tells, when the mined evidence is one-sided."""
    words = name.split()
    if len(words) < 2:
        return None
    male, female = given_names().get(words[0].lower(), (0, 0))
    if male > female and male >= GIVEN_NAME_MAJORITY * female:
        return "male"
    if female > male and female >= GIVEN_NAME_MAJORITY * male:
        return "female"
    return None


def mine_given_names(documents: Iterable[dict]) -> dict:
    """Count, for the given name of every person named in full, the evidence of their
    gender in each article: an honorific or gendered role noun with the name ("Mrs.
    Clinton", "spokeswoman Jane Doe"), and a sentence opening with "He" or "She" right after
    a sentence that opens with this person's name and names no one else. Names alone leave
    the corpus, with counts.
    """
    evidence: dict[str, Counter[str]] = {}
    for document in documents:
        text = document["text"]
        spans = paragraphs(text)
        quotations = pair_quotations(text, spans)
        found = sentences(text, spans, quotations)
        people = People(text, found, quotations)
        told: dict[str, Counter[str]] = {}
        for name, counts in people.genders.items():
            told.setdefault(name, Counter()).update(counts)
        by_sentence: dict[int, set[str]] = {}
        opens: dict[int, str] = {}  # sentence -> the person named first in it, at its start
        for mention in people.mentions:
            if not mention.quoted:
                by_sentence.setdefault(mention.sentence_index, set()).add(mention.name)
            if mention.start == found[mention.sentence_index].start:
                opens[mention.sentence_index] = mention.name
        for index, sentence in enumerate(found[1:], start=1):
            opener = text[sentence.start : sentence.start + 4]
            gender = "male" if opener[:3] == "He " else "female" if opener == "She " else None
            named = by_sentence.get(index - 1, set())
            if gender and len(named) == 1 and opens.get(index - 1) in named:
                told.setdefault(next(iter(named)), Counter())[gender] += 1
        for name, counts in told.items():
            words = name.split()
            if len(words) < 2 or len(words[0]) < 2 or words[0].endswith("."):
                continue
            evidence.setdefault(words[0].lower(), Counter()).update(counts)
    names = {
        name: [counts["male"], counts["female"]]
        for name, counts in sorted(evidence.items())
        if counts["male"] + counts["female"] >= 2
    }
    return {
        "about": "given name -> [male, female] evidence counts: honorifics and gendered role "
        "nouns with a full name, and a 'He'/'She' sentence right after one naming only that "
        "person, mined from the PolNeAR train split by `python -m articles.attribution train`",
        "names": names,
    }
