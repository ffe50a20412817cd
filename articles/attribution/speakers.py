"""Gazetteer of known speakers and resolution of speaker mentions within an article."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry

from .lexicon import FINITE_AUXILIARIES, FUNCTION_WORDS, WEEKDAYS_AND_TIMES, common_words
from .records import GazetteerEntry, ResolvedSpeaker, SpeakerKind

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
TITLES = frozenset(
    "president vice former mr mrs ms miss dr sen senator rep representative gov governor gen "
    "general secretary minister prime foreign defense state spokesman spokeswoman spokesperson "
    "chairman chairwoman chair director judge justice ambassador mayor speaker leader deputy "
    "chief lt col colonel capt captain adm admiral sgt sir lord lady prof professor rev "
    "reverend candidate nominee sheriff commissioner attorney u.s us republican democratic "
    "democrat gop presidential former' late then-president then-candidate ayatollah sheikh "
    "king queen prince emir pres rival sens reps congressman congresswoman assemblyman "
    "assemblywoman councilman councilwoman supervisor superintendent chancellor premier pope "
    "cardinal bishop archbishop rabbi president-elect pastor imam secretary-general".split()
)
# Abbreviated titles that only ever stand before a person's name.
PERSONAL_TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov lt gen col capt sgt adm maj cmdr cpl pvt prof rev".split()
)
# Adverbs a title-case headline capitalises after a name ("Trump Just Said …").
HEADLINE_ADVERBS = frozenset(
    "just now also still even only already again never then so too very soon yet here there "
    "once finally reportedly".split()
)
# Function words that are also given names ("Will Rogers", "May Boeve").
GIVEN_NAME_WORDS = frozenset({"will", "may"})
# Generational suffixes that end a personal name ("Joseph R. Biden Jr.", "Vann R. Newkirk II").
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Lowercase particles inside a surname ("Pierre de Vos", "Osama bin Laden", "Ludwig van
# Beethoven"); written capitalised ("Chris Van Hollen") they are plain name words.
NAME_PARTICLES = frozenset(
    "de da di del della des du van von der den ter bin ibn al el dos".split()
)
# After a role word, a phrase with one of these names where the person works, or whom they
# work for ("the director of the European Centre", "a spokesman for Jeb Bush"): not their name.
ROLE_PREPOSITIONS = frozenset("of at for to from with".split())
PARTY_LABEL = re.compile(r"[DRI]-[A-Z][a-z]*\.?$")  # "(D-Ill.)", "R-Ky."
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
    "broadcaster daily gazette wire tweeted paper buzzfeed facebook twitter youtube radio".split()
)
ORGANIZATION_WORDS = frozenset(
    "council ministry department committee party campaign government administration office "
    "agency commission company corporation inc corp bank court congress senate house army "
    "military police fbi cia pentagon un nato union association institute university "
    "foundation group organization organisation board center centre bureau authority coalition "
    "team pac camp convention caucus legislature parliament assembly cabinet museum city town "
    "county village school college academy directorate watch technologies industries "
    "service white state embassy airline church federation panel alliance fund firm".split()
)
# Documents cited as sources ("the poll", "the report says"): no speaker to suggest; the
# curator names who published them.
DOCUMENT_WORDS = frozenset(
    "poll polls survey surveys study studies report reports statement statements ad ads "
    "article articles letter letters clip clips spot video videos story memo analysis data "
    "book tweet tweets post posts document documents filing filings law laws bill bills "
    "opinion opinions ruling rulings decision inquiry investigation review audit findings "
    "results figure figures number numbers chart charts estimates projections missive photos "
    "photo jokes event name names proposal measure message messages email emails records "
    "cables transcript transcripts average averages platform".split()
)
# What a body or a person makes and the text then names by its maker ("a tally by the
# Associated Press").
AUTHORED_WORDS = DOCUMENT_WORDS | frozenset("tally count tabulation calculation estimate".split())
# A mention ending in one of these is a time, never a speaker ("this past week").
TIME_WORDS = WEEKDAYS_AND_TIMES | frozenset(
    "today yesterday tonight weeks weekend months years day days january february march april "
    "june july august september october november december".split()
)
# Of those, the ones that are never part of a personal name ("Trump on Tuesday"; but "April
# Ryan", "June Carter").
DATE_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february september "
    "october november december".split()
)
# Honorifics that name nobody on their own ("Ms", "Mr.").
HONORIFICS = frozenset("mr mrs ms miss dr sen rep gov".split())
GROUP_WORDS = frozenset(
    "officials sources analysts experts voters critics supporters observers residents people "
    "witnesses activists aides advisers advisors members leaders lawmakers republicans "
    "democrats democrats conservatives liberals diplomats officers authorities some many "
    "delegates superdelegates groups "
    "others several most few polls surveys studies reports".split()
)
ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson president minister secretary chairman chairwoman "
    "director official governor senator mayor ambassador leader chief commander candidate "
    "nominee speaker head adviser advisor aide representative envoy general prosecutor "
    "judge sheriff manager strategist pollster analyst economist professor lawyer attorney "
    "activist author writer historian researcher scientist expert consultant commentator "
    "columnist editor reporter correspondent founder owner ceo executive officer coach "
    "businessman businesswoman billionaire host anchor dean supervisor commissioner councilman "
    "councilwoman alderman superintendent chancellor treasurer comptroller auditor clerk "
    "administrator".split()
)


def surname_of(name: str) -> str:
    """The last word of a personal name that is not a generational suffix, with the lowercase
    particles before it ("Joseph R. Biden Jr." -> "Biden", "Pierre de Vos" -> "de Vos")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    if not words:
        return ""
    first = len(words) - 1
    while first > 1 and words[first - 1].lower() in NAME_PARTICLES:
        first -= 1
    return " ".join(words[first:])


def is_surname(name: str) -> bool:
    """Whether a name is a surname alone: one word, or particles and one word ("de Vos")."""
    words = name.split()
    return bool(words) and all(w.lower() in NAME_PARTICLES for w in words[:-1])


def surname_matches(full_name: str, surname: str) -> bool:
    """Whether `surname` is the surname of `full_name`, with or without its particles ("Mr. de
    Vos" and "Vos" both name Pierre de Vos, "Van Hollen" Chris Van Hollen)."""
    known = surname_of(full_name)
    return known == surname or known.split()[-1:] == surname.split()


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
        if is_surname(key):
            matches = {
                id(i.entry): i.entry
                for i in self._indexed
                if i.entry.kind == "person" and any(surname_matches(n, key) for n in i.names)
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
# Nouns for people that are no role: their plurals are groups ("two women", "the voters").
PERSON_WORDS = frozenset(GENDERED_WORDS) | frozenset(
    "woman man person voter resident worker citizen student parent veteran donor friend ally "
    "colleague fan relative associate child children family".split()
)
KIND_WORDS = (
    ROLE_WORDS
    | MEDIA_WORDS
    | ORGANIZATION_WORDS
    | GROUP_WORDS
    | PERSON_WORDS
    | frozenset(
        "women men someone somebody everyone police groups veterans individuals families".split()
    )
)
PERSON_NOUN_ENDINGS = ("ists", "ers", "ors", "ians", "ants", "ents")  # environmentalists, ...
# Words that open a noun phrase about several people when its head is plural ("all three
# candidates", "both senators").
QUANTIFIERS = frozenset(
    "all both many several most some few two three four five six seven eight nine ten dozens "
    "hundreds thousands".split()
)


def plural_of(word: str, singulars: frozenset[str]) -> bool:
    """Whether `word` is the plural of one of `singulars` ("candidates", "spokesmen")."""
    if word.endswith("men") and word[:-3] + "man" in singulars:
        return True
    return word.endswith("s") and not word.endswith("ss") and word[:-1] in singulars


NOT_A_NAME_OPENERS = frozenset(
    "despite perhaps meanwhile however instead yes no about not another even overall one each "
    "every both such two three four five six seven eight nine ten".split()
)


# Short English names of states that ISO 3166 gives only in their long or local form.
COUNTRY_SHORT_NAMES = frozenset(
    {
        "russia", "britain", "great britain", "england", "scotland", "wales", "america",
        "turkey", "palestine", "burma", "ivory coast", "holland", "micronesia", "vatican",
        "u.s", "u.s.a", "usa", "u.k", "uk",
    }
)  # fmt: skip
# The news-style abbreviations of the states ("Rep. Jerrold Nadler (D-N.Y.)", "Rochester,
# N.Y."), lowercased and without the final full stop.
STATE_ABBREVIATIONS = frozenset(
    {
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "d.c", "fla", "ga", "ill", "ind",
        "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
        "nebr", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i",
        "s.c", "s.d", "tenn", "tex", "vt", "va", "wash", "w.va", "wis", "wyo",
    }
)  # fmt: skip


@cache
def place_names() -> frozenset[str]:
    """Lowercased names of countries and of the states of the United States: ISO 3166 names,
    official and common names, and a few short English ones ISO does not give ("Russia",
    "Britain")."""
    names = set(COUNTRY_SHORT_NAMES)
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value:
                names.add(value.lower())
    names.update(state.name.lower() for state in pycountry.subdivisions.get(country_code="US"))
    return frozenset(names)


def names_a_place(mention: str) -> bool:
    """ "Germany", "the United States", "South Korea's", "New Jersey": a country or a state,
    which speaks through its government."""
    cleaned = re.sub(r"['’]s?$", "", " ".join(mention.split()).strip(" ,;:"))
    words = cleaned.split()
    if words and words[0].lower() in ("the", "even", "but", "and"):
        words = words[1:]
    name = " ".join(words)
    key = name.lower().rstrip(".")
    return (
        name == "US"
        or key in place_names()
        # "N.Y.", "Calif.": only with the full stop, so "Miss" and "Mo" stay names
        or (name.endswith(".") and key in STATE_ABBREVIATIONS)
    )


def _document_author(mention: str) -> str | None:
    """Who made the document a mention names: "a tally by the Associated Press" -> "the
    Associated Press", "an analysis from Business Insider" -> "Business Insider"."""
    words = mention.split()
    # The mention opens with the document: "a tally by …", "the new Quinnipiac poll by …";
    # not "Salceda, citing data from …".
    for k, word in enumerate(words[1:4], 1):
        if word.lower() not in ("by", "from"):
            continue
        if words[k - 1].lower() not in AUTHORED_WORDS or not (
            k == 1 or words[0].lower() in ("a", "an", "the")
        ):
            return None
        author = words[k + 1 :]
        if not author:
            return None  # "a poll by": the author is not in the mention
        if author[0].lower() in ("the", "a", "an") and len(author) > 1:
            named = author[1]
        else:
            named = author[0]
        return " ".join(author) if named[:1].isupper() else None
    return None


def guess_kind(mention: str, cue_lemma: str = "") -> SpeakerKind:
    if not WORD.search(mention):
        return "person"
    author = _document_author(mention)
    if author is not None:
        return guess_kind(author, cue_lemma)
    mention = _without_trailing_clause(mention)  # "U.S. officials have, in fact"
    if names_a_place(mention):
        return "organization"
    if _names_someone_and_where_they_work(mention):
        return "person"  # "Karlyn Bowman of the American Enterprise Institute"
    head = _name_before_apposition(mention)
    if head is not None:
        # "Working America, a labor-affiliated group": what the apposition says it is; else,
        # as in "Olsen, who has been feuding with the council", what the name is.
        described = _apposition_kind(mention.partition(",")[2])
        return described or guess_kind(head, cue_lemma)
    # The kind is the head noun's: "Democratic voters in all five states" are voters, and
    # "Lobbyists in general" are lobbyists.
    written = WORD.findall(_noun_phrase_head(mention)) or WORD.findall(mention)
    owners = [k for k, w in enumerate(written[:-1]) if w.endswith(("'s", "’s"))]
    if owners and names_people([written[-1].lower()]):
        # What the possessor owns, when it is someone: "Chancellor Angela Merkel's Christian
        # Democratic Union" is a party, "Clinton's allies" a group.
        written = written[owners[-1] + 1 :]
    words = [w.lower() for w in written]
    if _counts_people(words):
        return "group"  # "60 percent", "a mere 9 percent", "the two", "Both"
    if (
        plural_of(words[-1], ROLE_WORDS | PERSON_WORDS)
        # "Candidates", "two spokesmen"; but "Dottie Deans" is named
        and (
            written[-1].islower()
            or len(written) == 1
            or words[0] in PHRASE_DETERMINERS | QUANTIFIERS
        )
    ) or (words[0] in QUANTIFIERS and plural_of(words[-1], KIND_WORDS | ROLE_WORDS)):
        return "group"  # "Both candidates", "All three Republican presidential candidates"
    if any(
        w in ROLE_WORDS and not (k + 1 < len(words) and words[k + 1] in ORGANIZATION_WORDS)
        for k, w in enumerate(words)
    ) or any(
        # "retired Army Lt. Gen. Mick Bednarek": a personal title before a name
        w in PERSONAL_TITLE_ABBREVIATIONS and written[k + 1][:1].isupper()
        for k, w in enumerate(words[:-1])
    ):
        # "the spokesman of the council" is a person, whatever the council is; but "its
        # executive board" is a board.
        return "person"
    if any(w in MEDIA_WORDS for w in words) or (
        cue_lemma == "report" and written[-1][:1].isupper()
    ):
        return "media"
    if words[-1] in GROUP_WORDS or words[0] in GROUP_WORDS or words[0] in GROUP_PRONOUNS:
        return "group"
    acronym = len(written[-1]) > 1 and written[-1].isupper()
    if any(w in ORGANIZATION_WORDS or plural_of(w, ORGANIZATION_WORDS) for w in words) or (
        acronym and all(w in ("the", "a", "an") for w in words[:-1])  # "the IMF", "AROS"
    ):
        return "organization"
    head = words[-1]
    plural = (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith(("ss", "us", "'s", "’s"))
        and (not head.endswith("is") or written[-1][:1].isupper())  # "the Israelis"; not "thesis"
    )
    if plural and (
        (
            not any(w[:1].isupper() for w in written[1:])
            and (
                written[0].islower()  # "environmentalists", "her allies"
                or (len(written) > 1 and words[0] in PHRASE_DETERMINERS)  # "The researchers"
            )
        )
        # "Border Patrol agents", "Democratic voters"; not "America prepares"
        or (written[-1].islower() and head.endswith(PERSON_NOUN_ENDINGS))
        or (written[-1].islower() and words[0] in PHRASE_DETERMINERS)  # "her Democratic allies"
        # "Economists say", "Participants said"; not "Sanders said"
        or (len(written) == 1 and head.endswith(("ists", "ians", "ants", "ents", "ees")))
        # "the Germans", "the Clintons": a people or a family, not a person called Germans
        or (len(written) == 2 and words[0] == "the")
    ):
        return "group"  # "environmentalists", "her allies", "The researchers"; not "Sanders"
    if _titled_with_the(written):
        return "media" if cue_lemma in PUBLISHING_CUES else "organization"
    return "person"


NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred".split()
)


def _is_number(word: str) -> bool:
    return word.replace(".", "").replace(",", "").isdigit() or all(
        part in NUMBER_WORDS for part in word.split("-")
    )


def _counts_people(words: list[str]) -> bool:
    """ "60 percent", "Seventy-two percent", "a mere 9 percent", "the two", "Both": a share
    or a count of people, not someone named so."""
    if "percent" in words[:4]:
        at = words.index("percent")
        return at > 0 and _is_number(words[at - 1])
    if "one" in words or "1" in words:
        return False  # "One said": someone
    return all(w in QUANTIFIERS or w in ("the", "a", "an") or _is_number(w) for w in words)


WORKPLACE_PREPOSITIONS = re.compile(r" (?:of|at|from|with) ", re.IGNORECASE)


def _names_someone_and_where_they_work(mention: str) -> bool:
    """A personal name of two words or more followed by where its bearer works or comes from
    ("Karlyn Bowman of the American Enterprise Institute"): a person, whatever the workplace."""
    if not WORKPLACE_PREPOSITIONS.search(mention):
        return False
    name = person_name_in(mention)
    if not name or len(name.split()) < 2:
        return False
    if any(w.lower() in ORGANIZATION_WORDS or w.lower() in MEDIA_WORDS for w in name.split()):
        return False
    at = mention.find(name)
    rest = mention[at + len(name) :].lstrip(" ,").split() if at >= 0 else []
    return bool(rest) and rest[0].lower() in ("of", "at", "from", "with")


def _apposition_kind(apposition: str) -> SpeakerKind | None:
    """An organisation or a medium when an apposition's noun is one ("a labor-affiliated
    group", "a conservative political action committee"); not "a member of the committee"."""
    words = []
    for word in apposition.split():
        if word.lower() in PHRASE_BREAKS or word.lower() in ("of", "to"):
            break
        words.append(word.rstrip(","))
        if word.endswith(","):
            break
    if not 2 <= len(words) <= 5 or words[0].lower() not in ("a", "an", "the"):
        return None
    if words[-1].lower() in ORGANIZATION_WORDS:
        return "organization"
    return "media" if words[-1].lower() in MEDIA_WORDS else None


# Cues by which a titled name ("The Atlantic") is known to be a publication.
PUBLISHING_CUES = frozenset("report write publish editorialize".split())
# A capitalised word after "the" that describes a person ("the Texan", "the Californian").
DEMONYM_ENDINGS = ("an", "er", "ese", "ite")


def _titled_with_the(written: list[str]) -> bool:
    """ "The Atlantic", "The Iowa Electronic Markets": a title made of "the" and capitalised
    words, with no title or role and no possessive, names a publication or a body; people are
    not named so, though "the Texan" describes one."""
    if len(written) < 2 or written[0].lower() != "the":
        return False
    rest = written[1:]
    if not all(w[:1].isupper() for w in rest):
        return False
    if any(
        w.lower() in TITLES or w.lower() in ROLE_WORDS or w.endswith(("'s", "’s")) for w in rest
    ):
        return False
    return not (len(rest) == 1 and rest[0].lower().endswith(DEMONYM_ENDINGS))


# Words after which a noun phrase goes on to describe its head ("voters in all five states",
# "Proponents, including the mayors", "data released Friday by the regulators").
PHRASE_BREAKS = frozenset("in at from with for across including among on by who which that".split())


def _noun_phrase_head(mention: str) -> str:
    """The mention up to its first comma and the first preposition or relative word after it."""
    words = mention.split()
    while len(words) > 1 and words[0].strip(",").lower() in DISCOURSE_OPENERS:
        words = words[1:]  # "Overall, conservative groups"
    words = " ".join(words).split(",")[0].split()
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if index and word.lower() in PHRASE_BREAKS and not following[:1].isdigit():
            return " ".join(words[:index])  # but "Nine in 10 registered voters" goes on
    return " ".join(words)


def names_people(words: list[str]) -> bool:
    """Whether lowercase words name people or a body of them ("campaign", "allies", "longtime
    personal physician"), as against a thing ("bold agenda", "statement")."""
    return any(
        w in KIND_WORDS
        or plural_of(w, KIND_WORDS)
        or w.endswith(PERSON_NOUN_ENDINGS)
        or w.endswith(("ies", "ian", "ist", "er", "or"))  # allies, physician, lobbyist
        for w in words
    )


# Labels of a page's parts that a headline-style "Label: text" line opens with ("The Latest:
# Trump says ..." is AP's running account, not a speaker called "The Latest").
PAGE_LABELS = frozenset(
    {"the latest", "latest", "update", "updates", "related", "breaking", "breaking news",
     "read more", "editor's note", "editor’s note", "correction", "advertisement"}
)  # fmt: skip


def names_no_speaker(mention: str) -> bool:
    """A document, a time or a page's label rather than someone who speaks: "the new law",
    "a legal opinion", "a new Washington Post-ABC News national poll", "this past week", "The
    Latest". The curator names who published a document; the engine suggests no speaker."""
    if " ".join(mention.lower().split()).strip(" :.-—") in PAGE_LABELS:
        return True
    trimmed = _without_trailing_clause(mention)  # "The bill did something Republicans"
    if trimmed != mention and names_no_speaker(trimmed):
        return True
    written = WORD.findall(_noun_phrase_head(mention))
    if not written:
        return True
    if len(written) > 2 and written[0][:1].isupper() and written[0].lower() not in FUNCTION_WORDS:
        return False  # it opens with a name: "Mr. Manafort helped draft a report"
    last = written[-1].lower()
    if last in TIME_WORDS:
        return True
    return last in DOCUMENT_WORDS and (written[-1].islower() or len(written) == 1)


# Singular nouns for people beyond the role and kind lists, and the indefinite pronouns for
# someone: what a description with no name must end in to be proposed as a new person.
PERSON_HEADS = frozenset(
    "source mother wife daughter sister grandmother aunt niece girlfriend boyfriend partner "
    "neighbor neighbour narrator questioner host guest nominee survivor victim witness "
    "someone somebody anyone anybody everyone everybody nobody one another each either "
    "neither other whoever none boy girl diplomat admiral justice surgeon neurosurgeon voice "
    "pope couple crowd public electorate generation audience tank half third quarter "
    "majority minority plurality tycoon community force staff".split()
)
PERSON_DESCRIPTION_WORDS = KIND_WORDS | PERSON_WORDS | frozenset(GENDERED_WORDS) | PERSON_HEADS
HEAD_ENDS = frozenset("of for in at from on with who which that to about by".split())
SINGULAR_PERSON_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent", "man", "woman", "ee")


def describes_a_person(mention: str) -> bool:
    """Whether a description with no name is of a person or people: a word for one before its
    first preposition ("a friend", "the organizer", "a source close to …", "one questioner",
    "no one", "4 in 10"); not "the implication", "a curfew", "the footage",
    which the walk back found before a cue but which no curator would file as a speaker."""
    written = [w.lower() for w in WORD.findall(_noun_phrase_head(mention))]
    cut = next((k for k, w in enumerate(written) if k and w in HEAD_ENDS), len(written))
    written = written[:cut]  # "the armed occupants | of the refuge"
    if not written:
        return False
    if written[0] in ("those", "these") or written[0] in QUANTIFIERS:
        return True  # "those surveyed", "both sides", "two of the suspects"
    if any(w[:1].isdigit() or w.endswith("old") for w in written):
        return True  # "4 in 10", "the 46-year-old"
    head = written[-1]
    singular = head[:-3] + "y" if head.endswith("ies") else head.removesuffix("s")
    return (
        any(w in PERSON_DESCRIPTION_WORDS for w in written)  # "a source close | to the campaign"
        or singular in PERSON_DESCRIPTION_WORDS  # "families of those affected"
        or singular.endswith(SINGULAR_PERSON_ENDINGS)
    )


def may_name_a_speaker(mention: str) -> bool:
    """Whether a mention with no capitalised name can still name a new speaker: a noun phrase
    ("the woman", "74 percent of voters", "some", "police") or a word the kind lists know."""
    words = [w.lower() for w in WORD.findall(mention)]
    if not words:
        return False
    if all(w in FUNCTION_WORDS or w in HONORIFICS for w in words):
        return False  # "The", "which", "Ms"
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
        if len(words) == 1 and words[0].lower() in DISCOURSE_OPENERS | NOT_A_NAME_OPENERS:
            return None  # "Overall, conservative groups"
        return head
    return None


def person_name_in(mention: str) -> str | None:
    """The personal name inside a mention: the last run of capitalised words, titles removed,
    or the name before an apposition ("Tom Berg, 58, who lives outside Bergen").

    Initials and generational suffixes belong to the name ("Joseph R. Biden Jr."); a possessor
    does not ("CNN’s Jake Tapper"), nor a run that only qualifies a role ("the New York
    businessman", "Border Patrol agents"), nor what follows a role and a preposition ("the
    director of the European Centre", "a spokesman for Jeb Bush"): such a mention describes
    a person without naming them, and gives None.
    """
    mention = re.sub(r"\s*\([^)]*\)", " ", mention)  # "Rep. Sander M. Levin (Mich.)", "(SNSC)"
    head = _name_before_apposition(mention)
    if head is not None:
        named = person_name_in(head)
        if named:
            return named
    words = re.findall(r"[\w.’'\-]+", mention)
    opener = words[0].lower() if words else ""
    if words and words[0].strip(".,").lower() in NOT_A_NAME_OPENERS:
        words = words[1:]  # "Another 19 percent", "Perhaps the debate moderators"
    runs: list[tuple[int, list[str]]] = []  # (index of the first word, the words)
    current: list[str] = []
    started = 0
    role_preposition: tuple[str, int] | None = None  # "director of": ("of", index after it)
    possessor = -1  # the run that owns what follows ("Sanders’s campaign manager")

    def close() -> None:
        nonlocal current
        if current:
            runs.append((started, current))
        current = []

    for index, word in enumerate(words):
        clean = word.strip(".,")
        base = clean.removesuffix("’s").removesuffix("'s")
        folded = base.lower().rstrip(".")
        following = words[index + 1] if index + 1 < len(words) else ""
        if current and folded in NAME_SUFFIXES:
            current.append(base + "." if folded in ("jr", "sr") else base)
            continue
        if folded in ROLE_PREPOSITIONS:
            if current and _names_a_workplace(folded, words[index + 1 :], len(current)):
                close()  # "Karlyn Bowman of the American Enterprise Institute"
                break
            previous = words[index - 1].strip(".,").lower() if index else ""
            described = previous in ROLE_WORDS or previous in TITLES
            if not described and index and words[index - 1].islower():
                described = previous.endswith(("er", "or", "ist"))  # "A producer for Yahoo"
            if role_preposition is None and described:
                role_preposition = (folded, index + 1)
        if PARTY_LABEL.match(clean):
            close()  # "Sen. Richard J. Durbin (D-Ill.)"
            continue
        if (
            clean in NAME_PARTICLES
            and following[:1].isupper()
            and (current or (index and words[index - 1].strip(".,").lower() in TITLES))
        ):
            if not current:
                started = index
            current.append(clean)  # "Pierre de Vos", "Mr. de Vos", "Osama bin Laden"
            continue
        if len(base) == 1 and base.isupper() and word.endswith(".") and following[:1].isupper():
            if not current:
                started = index
            current.append(base + ".")  # an initial: "R. Gil Kerlikowske", "Dan P. McAdams"
            continue
        if (
            base[:1].isupper()
            and folded not in TITLES
            # A role word is a surname when it closes a name ("Howard Dean").
            and (folded not in ROLE_WORDS or (current and not following))
            and folded not in NOT_NAMES
            and folded not in DATE_NAMES
            and not base.isupper()
        ):
            if not current:
                started = index
            current.append(base)
            if base != clean:
                close()  # a possessor: "CNN’s Jake Tapper", "Trump’s"
                possessor = len(runs) - 1
            continue
        if current and (
            folded in ROLE_WORDS
            or folded in KIND_WORDS
            or (folded in TITLES and not (clean[:1].isupper() and following[:1].isupper()))
            or (clean.islower() and folded.endswith(PERSON_NOUN_ENDINGS))
        ):
            current = []  # it qualified the role: "the Vermont senator", "Border Patrol agents"
        close()
    close()
    if not runs:
        return None
    started, name = runs[-1]
    trailing = [w.strip(".,").lower() for w in words[started + len(name) :]]
    if (
        trailing
        and all(w.islower() for w in words[started + len(name) :])
        and (trailing[-1] in ROLE_WORDS)
    ):
        return None  # "the Senate minority leader": the run qualifies the role
    if (
        len(name) == 1
        and name[0].lower().endswith(DEMONYM_ENDINGS)
        and opener in ("the", "a", "an", "one", "another")
    ):
        return None  # "the Texan", "one kind-hearted Canadian": described, not named
    if possessor == len(runs) - 1 and any(
        w.strip(".,").lower() in ROLE_WORDS for w in words[started + len(name) :]
    ):
        return None  # "Sanders’s campaign manager" is not Sanders
    if role_preposition is not None and started >= role_preposition[1]:
        # After "spokesman for" or "director of": the employer, then perhaps the name
        # ("The spokesman of the Supreme National Security Council (SNSC) Kayvan Khosravi").
        preposition, employer_start = role_preposition
        if preposition != "of":
            return None
        workplace = [k for k, w in enumerate(name) if w.lower() in ORGANIZATION_WORDS | MEDIA_WORDS]
        if workplace:
            name = name[workplace[-1] + 1 :]
        elif all(w.lower() in ("the", "a", "an") for w in words[employer_start:started]):
            return None  # "the head of the Fed": the run is the employer itself
    return " ".join(_without_common_words(name)) or None


# Words that open a clause or phrase before its subject, never a given name: "Though Sanders
# held double-digit leads", "Following Sanders on MSNBC".
SUBORDINATORS = frozenset(
    "though although following after before while when unlike like despite because since "
    "once until unless whereas whether amid during".split()
)


def _without_common_words(name: list[str]) -> list[str]:
    """The name without the common words capitalised at its start: "Does Rubio" -> "Rubio",
    "Actor Clint Howard" -> "Clint Howard", "Pastor Joseph Brown" -> "Joseph Brown". Before a
    single remaining word only a function word or an adverb goes ("What Sanders", "Certainly
    Reagan"), since a rarer common word may be a first name ("Guy Cecil", "Win Htein"); a
    name made only of such words ("Will") and the name of a body ("Better Government
    Association") stay whole."""
    while len(name) > 1 and name[-1].lower() in HEADLINE_ADVERBS:
        name = name[:-1]  # a headline's "Trump Just …" (but "Al From" is a name)
    common = common_words()
    first = 0
    while first < len(name) - 1:
        word = name[first].lower()
        if word in NAME_PARTICLES or word not in common:
            break
        if len(name) - first == 2 and not (
            word in FUNCTION_WORDS - GIVEN_NAME_WORDS
            or word in SUBORDINATORS
            or word.endswith("ly")
            or word == "see"
        ):
            break
        first += 1
    if first and name[-1].lower() not in ORGANIZATION_WORDS | MEDIA_WORDS:
        return name[first:]
    return name


def is_common_word(name: str) -> bool:
    """A lone common word capitalised by its place ("Therefore", "Usually", "Holding"): no
    name, unless it is also a given name ("Will"); "One" and "Another" stand for someone."""
    folded = name.lower()
    return (
        name[:1].isupper()
        and " " not in folded
        and folded in common_words()
        and folded not in GIVEN_NAME_WORDS | NOT_A_NAME_OPENERS
    )


def _names_a_workplace(preposition: str, rest: list[str], name_length: int) -> bool:
    """Whether the words after a name and "of"/"at"/"with"/… say where the person works or
    comes from ("of the American Enterprise Institute", "at Harvard", "Brian Schatz of
    Hawaii"), so that the name came before."""
    full_name = name_length > 1
    if not rest or not rest[0][:1].isalpha():
        return False
    if preposition == "of" and full_name and rest[0][:1].isupper():
        return True  # "Sen. Brian Schatz of Hawaii"
    if preposition in ("at", "with", "from"):
        return rest[0][:1].isupper() or rest[0].lower() in ("the", "a", "an")
    return rest[0].lower() in ("the", "a", "an") or any(
        w.strip(".,").lower() in ORGANIZATION_WORDS | MEDIA_WORDS for w in rest
    )


# Words that open a mention without belonging to the name ("Perhaps the debate moderators",
# "which some", "Even China").
DISCOURSE_OPENERS = frozenset(
    "perhaps meanwhile however instead even overall also yet still but and so which what "
    "that including with".split()
)


def _strip_edges(text: str) -> str:
    """Punctuation off both ends, but not the full stop of an abbreviation ("the U.S.")."""
    stripped = text.strip(" ,.;:—–")
    if text.rstrip(" ,;:—–").endswith(".") and re.search(r"(?:^|[\s.])[A-Z]$", stripped):
        return stripped + "."
    return stripped


# Words after which a mention caught by the walk back from a cue goes on into the clause:
# adverbs and, lowercase, auxiliaries ("U.S. officials have", "Mexican officials now") or a
# time ("the Kentucky Republican on Tuesday", "The Obama administration long ago").
TRAILING_ADVERBS = frozenset("now also already still just then meanwhile too alike".split())
TIME_OPENERS = frozenset("on last this next earlier later long".split())


def _without_trailing_clause(mention: str) -> str:
    words = mention.split()
    for k in range(1, len(words)):
        word = words[k].strip(",.;:")
        lower = word.lower()
        following = words[k + 1].strip(",.;:").lower() if k + 1 < len(words) else ""
        previous = words[k - 1].strip(",.;:").lower()
        if (
            (word.islower() and (lower in FINITE_AUXILIARIES or lower in TRAILING_ADVERBS))
            or (lower in DATE_NAMES and not previous.endswith(("ed", "ing")))
            or (
                word.islower()
                and lower in TIME_OPENERS
                and (following in TIME_WORDS or following in DATE_NAMES or following == "ago")
            )
        ):
            kept = " ".join(words[:k]).rstrip(",;:")
            return kept if may_name_a_speaker(kept) else mention
    return mention


def new_speaker_name(mention: str, kind: SpeakerKind) -> str:
    """A normalised name for a speaker not in the gazetteer: the personal name for a person
    named in the mention, otherwise the mention as written up to its first comma, without
    discourse words ("Some Democrats, however" -> "Some Democrats", "The union, which
    endorsed her" -> "the union"), words the walk back from the cue took from the clause
    ("The campaign on Monday" -> "the campaign") or the document cited ("Federal Election
    Commission records" -> "Federal Election Commission")."""
    mention = _document_author(mention) or mention
    cleaned = _strip_edges(_without_trailing_clause(" ".join(mention.split())))
    cleaned = re.sub(r"['’]s?$", "", cleaned)
    words = cleaned.split()
    if (
        kind != "person"
        and len(words) > 1
        and words[-1] in DOCUMENT_WORDS
        and all(w[:1].isupper() or w.lower() == "the" for w in words[:-1])
    ):
        cleaned = " ".join(words[:-1])
    if kind == "person":
        name = person_name_in(cleaned)
        if name:
            return name
    words = cleaned.split()
    while len(words) > 1 and words[0].strip(",").lower() in DISCOURSE_OPENERS:
        words = words[1:]  # "Overall, conservative groups"
    cleaned = _strip_edges(" ".join(words).split(",")[0])
    words = cleaned.split()
    while len(words) > 1 and words[0].lower() in DISCOURSE_OPENERS:
        words = words[1:]
    cleaned = re.sub(r"['’]s?$", "", " ".join(words))
    first, _, rest = cleaned.partition(" ")
    if first.lower() in ("the", "a", "an") and rest:
        return f"{first.lower()} {rest}"
    return cleaned


__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "ResolvedSpeaker",
    "guess_kind",
    "is_common_word",
    "is_surname",
    "may_name_a_speaker",
    "names_a_place",
    "names_no_speaker",
    "names_people",
    "new_speaker_name",
    "normalise_name",
    "person_name_in",
    "surname_matches",
    "surname_of",
]
