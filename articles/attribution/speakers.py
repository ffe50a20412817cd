"""Gazetteer of known speakers and resolution of speaker mentions within an article."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import FUNCTION_WORDS
from .records import GazetteerEntry, ResolvedSpeaker, SpeakerKind

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
TITLES = frozenset(
    "president vice former mr mrs ms miss dr sen senator rep representative gov governor gen "
    "general secretary minister prime foreign defense state spokesman spokeswoman spokesperson "
    "chairman chairwoman chair director judge justice ambassador mayor speaker leader deputy "
    "chief lt col colonel capt captain adm admiral sgt sir lord lady prof professor rev "
    "reverend candidate nominee sheriff commissioner attorney u.s us republican democratic "
    "democrat gop presidential former' late then-president then-candidate ayatollah sheikh "
    "king queen prince emir".split()
)
NOT_NAMES = frozenset(
    "the a an his her their its our my this that these those some many several according "
    "meanwhile but and however also in on at of for".split()
)
PERSON_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
# Words in a mention that tell a person's gender: honorifics and gendered role nouns.
GENDERED_WORDS = {
    **dict.fromkeys(
        "mr sir spokesman chairman congressman councilman businessman father husband son "
        "brother grandfather uncle nephew king prince actor".split(),
        "male",
    ),
    **dict.fromkeys(
        "mrs ms miss madam spokeswoman chairwoman congresswoman councilwoman businesswoman "
        "mother wife daughter sister grandmother aunt niece queen princess actress".split(),
        "female",
    ),
}
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
MEDIA_WORDS = frozenset(
    "media tv news newspaper agency press times post journal herald tribune guardian "
    "reuters ap afp cnn msnbc fox bbc nbc abc cbs npr politico breitbart axios bloomberg "
    "irna isna tasnim mehr fars reported outlet outlets network channel magazine website "
    "broadcaster daily gazette wire tweeted".split()
)
ORGANIZATION_WORDS = frozenset(
    "council ministry department committee party campaign government administration office "
    "agency commission company corporation inc corp bank court congress senate house army "
    "military police fbi cia pentagon un nato union association institute university "
    "foundation group organization organisation board center centre bureau authority "
    "service white state embassy".split()
)
# Documents cited as sources ("the poll", "the report says"): no speaker to suggest; the
# curator names who published them.
DOCUMENT_WORDS = frozenset(
    "poll polls survey surveys study studies report reports statement statements ad ads "
    "article articles letter letters clip clips spot video videos story memo analysis data "
    "book tweet tweets post posts document documents filing filings".split()
)
GROUP_WORDS = frozenset(
    "officials sources analysts experts voters critics supporters observers residents people "
    "witnesses activists aides advisers advisors members leaders lawmakers republicans "
    "democrats democrats conservatives liberals diplomats officers authorities some many "
    "others several most few polls surveys studies reports".split()
)
ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson president minister secretary chairman chairwoman "
    "director official governor senator mayor ambassador leader chief commander candidate "
    "nominee speaker head adviser advisor aide representative envoy general prosecutor "
    "judge sheriff manager strategist pollster analyst economist professor lawyer attorney "
    "activist author writer historian researcher scientist expert consultant commentator "
    "columnist editor reporter correspondent founder owner ceo executive officer coach "
    "businessman businesswoman billionaire host anchor".split()
)


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for matching names and aliases."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = WORD.findall(folded.replace("’", "'"))
    return " ".join(w.removesuffix("'s") for w in words)


@dataclass(slots=True)
class _Indexed:
    entry: GazetteerEntry
    names: list[str]  # normalised canonical name and aliases


class Gazetteer:
    """Known speakers, searchable by name, alias, surname and role on a date."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self.entries: list[GazetteerEntry] = list(entries)
        self._indexed = [
            _Indexed(entry, [normalise_name(n) for n in (entry.canonical_name, *entry.aliases)])
            for entry in self.entries
        ]
        self._by_name: dict[str, GazetteerEntry] = {}
        for indexed in self._indexed:
            for name in indexed.names:
                self._by_name.setdefault(name, indexed.entry)

    def __len__(self) -> int:
        return len(self.entries)

    def by_name(self, name: str) -> GazetteerEntry | None:
        """The entry whose canonical name or alias equals `name` (normalised)."""
        key = normalise_name(name)
        if key in self._by_name:
            return self._by_name[key]
        # A surname alone matches a person whose name ends with it, when only one does.
        words = key.split()
        if len(words) == 1:
            matches = {
                id(i.entry): i.entry
                for i in self._indexed
                if i.entry.kind == "person" and any(n.split()[-1:] == words for n in i.names)
            }
            if len(matches) == 1:
                return next(iter(matches.values()))
        return None

    def within(self, mention: str) -> GazetteerEntry | None:
        """The entry with the longest name or alias that occurs inside `mention` as words."""
        key = f" {normalise_name(mention)} "
        best: tuple[int, GazetteerEntry] | None = None
        for indexed in self._indexed:
            for name in indexed.names:
                if name and f" {name} " in key and (best is None or len(name) > best[0]):
                    best = (len(name), indexed.entry)
        return best[1] if best else None

    def holder_of_role(self, mention: str, day: datetime.date | None) -> GazetteerEntry | None:
        """The person who held the role a mention names ("the SNSC spokesman") on `day`."""
        key = f" {normalise_name(mention)} "
        candidates: list[tuple[int, GazetteerEntry]] = []
        for entry in self.entries:
            for role in entry.roles:
                if not role.held_on(day):
                    continue
                title = normalise_name(role.title)
                if not title or f" {title} " not in key:
                    continue
                organisations = [role.organization, *role.organization_aliases]
                names = [normalise_name(o) for o in organisations if o]
                names += [_acronym_inside(o) for o in organisations if _acronym_inside(o)]
                organisation_named = any(f" {n} " in key for n in names if n)
                candidates.append((2 if organisation_named else 1, entry))
        if not candidates:
            return None
        candidates.sort(key=lambda c: -c[0])
        best = [entry for score, entry in candidates if score == candidates[0][0]]
        return best[0] if len({e.canonical_name for e in best}) == 1 else None


def _acronym_inside(organisation: str) -> str:
    """'Supreme National Security Council (SNSC)' -> 'snsc'."""
    match = re.search(r"\(([A-Z]{2,})\)", organisation)
    return match.group(1).lower() if match else ""


# Pronouns that stand for the speaker on their own; "his", "her", "their" and "its" open a
# phrase ("her allies") instead.
STANDALONE_PRONOUNS = frozenset("he him she they them we it".split())
# Words that open a noun phrase naming people ("the woman", "her allies", "some").
# PHRASE_DETERMINERS before a plural noun also mark it as a group ("The researchers", not
# "Sanders").
PHRASE_DETERMINERS = frozenset("the his her their its our my your these those some many".split())
SPEAKER_PHRASE_OPENERS = PHRASE_DETERMINERS | frozenset(
    "a an this that most few several all both each every no none other others another any "
    "one two three four five".split()
)
KIND_WORDS = (
    ROLE_WORDS
    | MEDIA_WORDS
    | ORGANIZATION_WORDS
    | GROUP_WORDS
    | frozenset(GENDERED_WORDS)
    | frozenset(
        "woman women man men person someone somebody everyone police groups veterans "
        "individuals families".split()
    )
)
PERSON_NOUN_ENDINGS = ("ists", "ers", "ors", "ians", "ants", "ents")  # environmentalists, ...
NOT_A_NAME_OPENERS = frozenset("despite perhaps meanwhile however instead yes no".split())


def guess_kind(mention: str, cue_lemma: str = "") -> SpeakerKind:
    words = [w.lower() for w in WORD.findall(mention)]
    if not words:
        return "person"
    if any(w in ROLE_WORDS for w in words):
        return "person"  # "the spokesman of the council" is a person, whatever the council is
    head = _name_before_apposition(mention)
    if head is not None:
        # "Olsen, who has been feuding with the council": the name before the apposition.
        return guess_kind(head, cue_lemma)
    if any(w in MEDIA_WORDS for w in words) or (
        cue_lemma == "report" and mention.split()[-1][:1].isupper()
    ):
        return "media"
    if words[-1] in GROUP_WORDS or words[0] in GROUP_WORDS or words[0] in GROUP_PRONOUNS:
        return "group"
    if any(w in ORGANIZATION_WORDS for w in words) or (len(words) == 1 and mention.isupper()):
        return "organization"
    head = words[-1]
    written = WORD.findall(mention)
    if (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is", "'s", "’s"))
        and not any(w[:1].isupper() for w in written[1:])
        and (
            written[0].islower()
            or (len(written) > 1 and words[0] in PHRASE_DETERMINERS)
            or head.endswith(("ists", "ians"))  # "Economists say", not "Sanders said"
        )
    ):
        return "group"  # "environmentalists", "her allies", "The researchers"; not "Sanders"
    return "person"


def may_name_a_speaker(mention: str) -> bool:
    """Whether a mention with no capitalised name can still name a new speaker: a noun phrase
    ("the woman", "74 percent of voters", "some", "police") or a word the kind lists know."""
    words = [w.lower() for w in WORD.findall(mention)]
    if not words:
        return False
    acronym = len(mention.strip()) > 1 and mention.strip().isupper()
    if words[0] in SPEAKER_PHRASE_OPENERS or words[0][:1].isdigit() or acronym:
        return True  # "the woman", "74 percent of voters", "AROS"
    if any(w in KIND_WORDS or w.endswith(PERSON_NOUN_ENDINGS) for w in words):
        return True
    name = person_name_in(mention)
    return name is not None and name.lower() not in FUNCTION_WORDS | NOT_A_NAME_OPENERS


def _name_before_apposition(mention: str) -> str | None:
    """In "Name, apposition", the part before the first comma when all its words are
    capitalised ("Tom Berg, 58, who lives outside Bergen" -> "Tom Berg")."""
    head, comma, _rest = mention.partition(",")
    words = re.findall(r"[\w.’'\-]+", head)
    if comma and words and all(word[:1].isupper() for word in words):
        return head
    return None


def person_name_in(mention: str) -> str | None:
    """The personal name inside a mention: the last run of capitalised words, titles removed,
    or the name before an apposition ("Tom Berg, 58, who lives outside Bergen")."""
    head = _name_before_apposition(mention)
    if head is not None:
        name = person_name_in(head)
        if name:
            return name
    runs: list[list[str]] = []
    current: list[str] = []
    for word in re.findall(r"[\w.’'\-]+", mention):
        clean = word.strip(".,")
        folded = clean.lower().rstrip(".")
        if (
            clean[:1].isupper()
            and folded not in TITLES
            and folded not in ROLE_WORDS
            and folded not in NOT_NAMES
            and not clean.isupper()
        ):
            current.append(clean.removesuffix("’s").removesuffix("'s"))
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if not runs:
        return None
    return " ".join(runs[-1])


def new_speaker_name(mention: str, kind: SpeakerKind) -> str:
    """A normalised name for a speaker not in the gazetteer."""
    cleaned = " ".join(mention.split()).strip(" ,.;:—–")
    cleaned = re.sub(r"['’]s?$", "", cleaned)
    if kind == "person":
        name = person_name_in(cleaned)
        if name:
            return name
    first, _, rest = cleaned.partition(" ")
    if first.lower() in ("the", "a", "an") and rest:
        return f"{first.lower()} {rest}"
    return cleaned


__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "ResolvedSpeaker",
    "guess_kind",
    "may_name_a_speaker",
    "new_speaker_name",
    "normalise_name",
    "person_name_in",
]
