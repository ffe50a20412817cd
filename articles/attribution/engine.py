"""The `extract` pipeline: segment, pair quotation marks, find frames, resolve speakers."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .cuemodel import frame_features, frame_model
from .frames import Frame, SentenceFrames
from .lexicon import noun_shares
from .people import NamedPerson, People
from .records import Attribution, GazetteerEntry, QuoteKind, ResolvedSpeaker
from .speakers import (
    DATE_NAMES,
    DOCUMENT_WORDS,
    GENDERED_WORDS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PERSON_WORDS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    STANDALONE_PRONOUNS,
    Gazetteer,
    describes_a_person,
    guess_kind,
    is_common_word,
    is_surname,
    may_name_a_speaker,
    names_a_place,
    names_no_speaker,
    names_people,
    new_speaker_name,
    person_name_in,
    place_names,
    surname_matches,
)
from .text import Quotation, Sentence, pair_quotations, paragraphs, sentences, tokenize

WORD = re.compile(r"\w+")
# A possessive opening a mention that names no one ("His bold agenda") stands for its owner.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Objects of a cue that name no statement: "did not respond to a request for comment",
# "requested anonymity to discuss ...", "released a statement Wednesday".
NO_STATEMENT = re.compile(
    r"(?:to )?(?:an? |the |repeated |several |multiple )?"
    r"(?:requests?|messages?|inquir(?:y|ies)|e-?mails?|calls?)\b[^.]{0,30}\bcomments?\b"
    r"|anonymity\b"
    r"|(?:an? |the )?(?:written |brief )?(?:statement|news release|press release)"
    r"(?: (?:on )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|tonight)"
    r"(?: morning| afternoon| evening| night)?)?$",
    re.IGNORECASE,
)
CONTINUATION_ACROSS_PARAGRAPHS = True
# People a report names by their part in the scene, seldom by name ("the moderator said").
UNNAMED_PARTICIPANTS = frozenset(
    "man woman person narrator moderator host interviewer questioner caller voter resident "
    "cashier official reporter".split()
)
# Things, not people, though they end like "senator", "resident" or "historian": "The number
# marked a victory for Obama" is no description of Obama. ("-ment" words are never people.)
THING_NOUNS = frozenset(
    "number letter paper order matter power water center centre chapter quarter border answer "
    "computer other weather offer poster filter character error floor door factor sector color "
    "colour favor labor labour terror honor behavior behaviour rumor restaurant plant grant "
    "warrant empire fire event percent content incident accident river summer winter dinner "
    "corner banner manner cover register trailer headquarter survey tweet".split()
)
# Statements the learned frame filter gives less than this chance of matching are dropped.
FRAME_THRESHOLD = 0.35
# A source's mention takes the bracket and apposition that describe it (the
# passive-and-coordination round).
APPOSITIONS = True
# A noun cue's article taken for its source: "The hope has been that …".
# The source's mention takes someone named before it with "and" at the sentence's start.
COORDINATED = True
# A closing "according to" source runs to the sentence's end over "and" or "who".
ACCORDING_TO_END = True
ARTICLES_ALONE = frozenset({"the", "a", "an"})
# The time or occasion after a source is no part of its mention ("The White House on Monday").
TIME_AFTER_SOURCE_TRIM = True
# A description with no name is proposed as a new person only when it ends in a word for one.
DESCRIPTIONS_OF_PEOPLE_ONLY = True
DESCRIPTION_OPENERS = frozenset("the a an this that these my our your his her its their".split())


def extract(
    text: str,
    *,
    published: datetime.date | None = None,
    gazetteer: Gazetteer | Iterable[GazetteerEntry] | None = None,
) -> list[Attribution]:
    """Find attributed statements in `text`, in text order.

    `published` picks which role holder a role mention ("the spokesman") refers to;
    `gazetteer` lists known speakers so that mentions resolve to their canonical names.
    """
    return [
        attribution
        for attribution, _features in _extract(
            text, published=published, gazetteer=gazetteer, filter_frames=True
        )
    ]


def candidate_attributions(
    text: str, *, published: datetime.date | None = None
) -> list[tuple[Attribution, list[str]]]:
    """Every statement the rules find, unfiltered, with its frame-filter features (training)."""
    return [
        pair
        for pair in _extract(text, published=published, gazetteer=None, filter_frames=False)
        if pair[1]
    ]


def _extract(
    text: str,
    *,
    published: datetime.date | None,
    gazetteer: Gazetteer | Iterable[GazetteerEntry] | None,
    filter_frames: bool,
) -> list[tuple[Attribution, list[str]]]:
    if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
        gazetteer = Gazetteer(gazetteer)
    frame_filter = frame_model() if filter_frames else None
    paragraph_spans = paragraphs(text)
    quotations = pair_quotations(text, paragraph_spans)
    found_sentences = sentences(text, paragraph_spans, quotations)
    frames: list[Frame] = []
    for index, sentence in enumerate(found_sentences):
        sentence.tokens = tokenize(text, sentence.start, sentence.end)
        frames.extend(SentenceFrames(text, sentence, quotations, index).frames())
    frames.sort(key=lambda frame: frame.segments[0][0])
    nesting = _nesting(frames)
    people = People(text, found_sentences, quotations)
    resolver = _Resolver(text, gazetteer or Gazetteer(), published, people)
    attributions: list[Attribution] = []
    found_features: list[list[str]] = []
    previous: Attribution | None = None
    previous_sentence = -2
    previous_paragraph = -1
    # The last cue-less continuation and its quotation, which later sentences may extend.
    continued: Attribution | None = None
    continued_quotation: Quotation | None = None
    for frame in frames:
        segments = _clean_segments(text, frame.segments)
        if not segments:
            continue
        if len(segments) == 1 and NO_STATEMENT.match(text, *segments[0]):
            continue
        if frame.configuration == "continuation":
            # A cue-less quotation right after an attribution continues that speaker.
            if previous is None or frame.sentence_index - previous_sentence > 2:
                continue
            if any(_overlap(segments, earlier.segments) for earlier in attributions[-3:]):
                continue  # already part of a multi-paragraph quotation
            if (
                continued is not None
                and frame.quotations
                and frame.quotations[0] is continued_quotation
                and frame.sentence_index == previous_sentence + 1
            ):
                # The next sentence of the same quotation, which runs on over paragraphs
                # (each opened by a mark): more of the same statement.
                continued.segments = sorted(continued.segments + segments)
                continued.end = continued.segments[-1][1]
                continued.kind = _kind(text, continued.segments, quotations)
                previous_sentence = frame.sentence_index
                continue
            # A quotation's next paragraph, opened by a quotation of its own, is annotated
            # as more of the same statement when that statement was quoted, not as a new one.
            same_statement = frame.paragraph_index == previous_paragraph or (
                frame.paragraph_index == previous_paragraph + 1 and previous.kind != "indirect"
            )
            if same_statement and frame.sentence_index == previous_sentence + 1:
                # '"A," he said. "B."' is one statement in two pieces.
                previous.segments = sorted(previous.segments + segments)
                previous.end = previous.segments[-1][1]
                previous.kind = _kind(text, previous.segments, quotations)
                previous_sentence = frame.sentence_index
                continue
            if not CONTINUATION_ACROSS_PARAGRAPHS:
                continue
            chance = None
            source = frame.source
            speaker = previous.speaker
            cue_lemma = previous.cue_lemma
            features: list[str] = []
            kind = _kind(text, segments, quotations)
        else:
            kind = _kind(text, segments, quotations)
            features = frame_features(
                text,
                configuration=frame.configuration,
                cue_lemma=frame.cue_lemma,
                cue_probability=frame.cue_probability,
                cue=frame.cue,
                source=frame.source,
                segments=segments,
                kind=kind,
                nesting=nesting.get(id(frame), ""),
            )
            # The filter's chance that annotators would mark this statement is its
            # confidence: it ranks right from wrong better than the construction's fixed
            # confidence does (docs/attribution.md, "Confidence").
            chance = frame_filter.probability(features) if frame_filter is not None else None
            if chance is not None and chance < FRAME_THRESHOLD:
                continue  # the learned filter judges the rules' find unlike annotated ones
            source = _source_alone(text, frame.source) if frame.source else None
            if (
                source is not None
                and NOUN_CUE_MODIFIERS
                and _modifies_noun_cue(text, source, frame.cue)
            ):
                source = None
            speaker = resolver.resolve(source, frame.cue_lemma) if source else None
            if source is not None:
                sentence = found_sentences[frame.sentence_index]
                source = _source_as_marked(text, source, frame, segments, sentence)
            cue_lemma = frame.cue_lemma
        attribution = Attribution(
            start=segments[0][0],
            end=segments[-1][1],
            segments=segments,
            kind=kind,
            cue=frame.cue,
            cue_lemma=cue_lemma,
            speaker_mention=source,
            speaker=speaker,
            confidence=frame.confidence if chance is None else round(chance, 2),
        )
        attributions.append(attribution)
        found_features.append(features)
        if frame.configuration == "continuation" and frame.quotations:
            continued, continued_quotation = attribution, frame.quotations[0]
        if frame.configuration != "continuation":
            previous = attribution
        previous_sentence = frame.sentence_index
        previous_paragraph = frame.paragraph_index
    _mark_relays(attributions)
    return list(zip(attributions, found_features, strict=True))


# "It is said that …", "it was revealed in March that …", "it is unclear whether …": an "it"
# that stands for nothing.
EXPLETIVE_WORDS = (
    r"(?:\w+ly\s+)?(?:said|reported|revealed|unclear|clear|believed|thought|understood|known|"
    r"expected|alleged|rumou?red|claimed|likely|unlikely|possible|true|worth|time|hard|"
    r"difficult|important|obvious|evident|apparent|doubtful|not)\b"
)
EXPLETIVE_IT = re.compile(
    r"\s+(?:is|was|has been|had been|seems|seemed|appears|appeared)\s+" + EXPLETIVE_WORDS
)
EXPLETIVE_AFTER_IS = re.compile(r"\s+" + EXPLETIVE_WORDS)  # "It’s unclear whether …"
EXPLETIVE_MENTION = re.compile(r"(?i)it[’']s\s+" + EXPLETIVE_WORDS)  # the walk took "It's worth"
# "Dianne Feinstein of California, who": the person, not the state.
NAME_OF_PLACE_BEFORE = re.compile(
    r"((?:[A-Z][\w.’'\-]*[ \t])*[A-Z][\w.’'\-]*)[ \t]+(?:of|from)[ \t]+"
    r"(?:[A-Z][\w.’'\-]*[ \t]?){1,3}$"
)
# "Matt Duss, the president of the Foundation for Middle East Peace, who": the name before.
APPOSITION_BEFORE = re.compile(
    r"((?:[A-Z][\w.’'\-]*[ \t])*[A-Z][\w.’'\-]*),\s+(?:the|a|an)\s[^,.;]{1,80},\s*$"
)
# A subject pronoun closing a source the walk back took with words before it ("which he",
# "at least based on how he", "during 36 minutes of remarks she", "He’s"): the pronoun alone
# is the source, as annotators mark it. Not "Clinton and she".
PRONOUN_AT_END = re.compile(
    r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?=(?:[’'](?:s|re|ve|d|ll))?$)"
)


def _may_be_someone(speaker: ResolvedSpeaker) -> bool:
    """Whether a speaker may be the person a later "he" or "she" stands for: one named, or
    described by a role or as a person ("the man", "the senator"); not a source the walk
    back took with the wrong words ("A video of the episode", "My favorite")."""
    name = speaker.canonical_name
    if speaker.is_known or name[:1].isupper():
        return True
    words = WORD.findall(name.lower())
    return bool(words) and words[-1] in ROLE_WORDS | PERSON_WORDS | UNNAMED_PARTICIPANTS


# What may stand between an apposition's closing comma and the cue: "Smith, an expert on
# the region, has long said".
AFTER_APPOSITION = re.compile(r",\s*(?:(?:has|have|had|also|later|then|further|again)\s+)*$")
# An apposition opens with a lowercase word ("a lawyer in Orlando", "the group's senior vice
# president", "who used to work on Capitol Hill", "director of …"), a party
# and state ("R-Mass", "Democrat of Tennessee") or someone's role ("Politifact's editor");
# not an aside ("however", "for instance", "in fact", "particularly in Iowa", "eager to …")
# or another clause ("he faces …").
APPOSITION_START = re.compile(
    r"(?:[a-z]|[RDI]-[A-Z]|(?:Democrat|Republican|Independent)\s+of\b"
    r"|(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*[’']s\s+[a-z]"
    # "Europe coordinator at …", "Democratic strategist"
    r"|(?:[A-Z][\w.\-]*\s+){1,3}[a-z]+(?:or|er|ist|ant|ent|ian|man|woman|chief)\b)"
)
NO_APPOSITION = re.compile(
    r"(?:however|though|although|for|in|at|on|by|with|after|before|during|since|from|to|"
    r"particularly|especially|eager|also|too|then|now|meanwhile|instead|still|and|but|or|"
    r"he|she|they|it|we|i|you|there|this|that|not|almost|even|like|as|if|when|while|"
    r"because|once|where|whom)\b"
    r"|\w+(?:ly|ed|ing)\b"  # "he, once again", "Grant, defended …", "Kirby, referring to"
    r"|\d"  # an age: annotators mark it with the name as often as not
)
MAXIMUM_APPOSITION_WORDS = 30
STATE_AFTER_TOWN = re.compile(r",(?=\s+[A-Z][a-z]{1,4}\.(?:\s|,|$))")
# A role, then the name of the person holding it: "the bureau's director, James B. Comey".
NAME_APPOSITION = re.compile(r"(?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+\s*(?:,|$)")


def _with_apposition(
    text: str,
    source: tuple[int, int],
    cue: tuple[int, int] | None,
    segments: list[tuple[int, int]],
    sentence_end: int,
) -> tuple[int, int]:
    """The source with the bracket and apposition that describe it, as annotators mark it:
    "Paul H. Chipok, a lawyer in Orlando," "Sen. Marco Rubio (R-Fla.)", "said Steve Schmidt,
    a top Republican strategist", "the White House spokesman, Josh Earnest"; resolution still
    reads the source as found."""
    start, end = source
    if cue is None or not APPOSITIONS or text[cue[0] : cue[1]].endswith("ing"):
        return source  # ", saying …": the source was named before, with its own verb
    if end > cue[0] and _content_follows(source, segments):
        return source  # "according to the World Bank, about 12 percent …"
    limit = cue[0] if end <= cue[0] else sentence_end
    rest = text[end:limit]
    bracket = re.match(r"\s*\([^()]{1,40}\)", rest)
    if bracket is not None:
        end += bracket.end()
        rest = text[end:limit]
    if not rest.startswith(", "):
        return (start, end)
    # A state after its town is no new apposition: "in Alexandria, Va.", "Fort Lauderdale,
    # Fla.": its comma is masked.
    masked = STATE_AFTER_TOWN.sub(lambda m: "\x00" + m.group()[1:], rest)
    named = text[start:end].split()[-1][:1].islower() and NAME_APPOSITION.match(masked, 2)
    if not named and (not APPOSITION_START.match(masked, 2) or NO_APPOSITION.match(masked, 2)):
        return (start, end)
    if end <= cue[0]:
        closing = AFTER_APPOSITION.search(masked)
        if closing is None or closing.start() <= 2:
            return (start, end)
        apposition = masked[2 : closing.start()]
    else:
        # After an inverted cue it runs to the sentence end or the next comma: "said Howard
        # Rubel, a senior analyst at Jefferies, who …".
        apposition = masked[2:].split(",")[0].rstrip(" ;:!?")
        if re.search(r"[^A-Z]\.$", apposition):
            apposition = apposition[:-1]  # the sentence's full stop, not "M.I.T." or "Va."
    if (
        any(mark in apposition for mark in '“”"(),;')
        or re.search(r"[a-z]{2}[.!?]\s+[A-Z“\"]", apposition)
        or len(apposition.split()) > MAXIMUM_APPOSITION_WORDS
    ):
        return (start, end)
    return (start, end + 2 + len(apposition))


# An aside the walk back took with the source: "Murphy, though, said", "Others, however,".
ASIDE_AFTER_SOURCE = re.compile(
    r",\s*(?:however|though|for instance|for example|in fact|meanwhile|too|also|instead|"
    r"indeed|of course|in turn|by contrast|as well|in particular|at least|in other words)"
    r"\s*,?\s*$",
    re.IGNORECASE,
)


# When the source spoke, said after it: "The White House on Monday", "lawmakers this week",
# "Sanders now", "I can now", "Mr. Trump, in an interview on Friday", "Sean Spicer in a
# Friday tweet". A poll's date stays ("a WBUR poll last week", "a poll released Sunday"):
# annotators keep it.
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME_AFTER_SOURCE = re.compile(
    r"(?:"
    r"(?:,?\s+(?:on\s+)?" + WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?)"
    r"|(?:,?\s+(?:earlier\s+|later\s+)?(?:this|last|next)\s+"
    r"(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|fall|autumn|winter))"
    r"|(?:(?:\s+(?:has|have|had|can|could|will|would|may|might|must|should))?\s+"
    r"(?:now|today|yesterday|tonight))"
    r"|(?:,?\s+in\s+(?:an?|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}"
    r"(?:interview|statement|tweet|speech|op-ed|letter|email|appearance)"
    r"(?:\s+(?:on|with)\s+[^,;:]{1,40})?)"
    r")\s*,?$"
)
POLL_WORDS = re.compile(r"\b(?:poll|polls|survey|surveys|released|published|conducted)\b", re.I)


def _without_time(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    if not TIME_AFTER_SOURCE_TRIM:
        return span
    tail = TIME_AFTER_SOURCE.search(text, start, end)
    if tail is None or tail.start() <= start or POLL_WORDS.search(text, start, tail.start()):
        return span
    if text[start : tail.start()].rstrip(",").endswith(("ing", "ed")):
        return span  # "voters in all five states voting Tuesday": the time is the voting's
    return (start, tail.start())


# A verb the walk back took with the source, before a cue that is its object ("he expanded |
# upon", "The documents raised | new questions", "Mrs. Clinton ticked | off"). Participles that
# qualify people ("those surveyed", "voters polled") stay.
VERB_AFTER_SOURCE = re.compile(r"\s+([a-z]+ed)$")
QUALIFYING_PARTICIPLES = frozenset(
    "surveyed polled interviewed asked questioned sampled contacted involved concerned affected "
    "quoted cited named unnamed accused deceased aged based retired elected appointed related "
    "associated registered unaffiliated undecided detained arrested displaced wounded injured "
    "killed employed unemployed disabled armed enlisted licensed hired fired".split()
)


def _without_verb(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    verb = VERB_AFTER_SOURCE.search(text, start, end)
    if verb is None or verb.start() <= start or verb.group(1) in QUALIFYING_PARTICIPLES:
        return span
    before = text[start : verb.start()].split()
    subject = before[-1]
    if not subject[-1:].isalnum() or subject.lower() in ARTICLES_ALONE | {"made", "get", "got"}:
        return span  # "Cruz made an unprompted | call for": no subject and verb
    if len(before) == 1 and subject.islower() and subject not in PERSON_PRONOUNS:
        return span
    return (start, verb.start())


# Words the walk back took before the source: "with many", "In a statement", "particularly
# his", "which students", "Even an anti-Trump PAC".
LEAD_BEFORE_SOURCE = re.compile(
    r"(?:(?:with|in|from|among|particularly|especially|even|only|also|just|which|whom|"
    r"including|like|in particular)\s+)+",
    re.IGNORECASE,
)


# Someone named first in a sentence and joined to the source by "and": "Bernie Sanders and
# Ted Cruz said", "Republican Trump and Democrat Clinton have both …".
COORDINATED_BEFORE = re.compile(
    r"((?:[A-Z][\w.’'\-]*[ \t]+){0,4}[A-Z][\w.’'\-]*(?:[ \t]+\([^()]{1,20}\))?"
    r"|(?:he|she|they|we|I)"
    r"|(?:(?:some|many|most|the|his|her|their|its|other|current|former|several)[ \t]+)"
    r"(?:[a-z][\w’'\-]*[ \t]+){0,2}[a-z][\w’'\-]*s"
    r")[ \t]+and[ \t]+$"
)
# What may stand before the first of the sources named together: nothing (the sentence's
# start), an introductory phrase closed by a comma, or one opening word.
COORDINATION_OPENING = re.compile(
    r"^(?:|.*,|but|and|yet|so|while|because|though|although|as|where|when|whereas)$",
    re.IGNORECASE | re.DOTALL,
)


def _with_coordinated_subject(
    text: str, source: tuple[int, int], sentence_start: int
) -> tuple[int, int]:
    start, end = source
    before = COORDINATED_BEFORE.search(text, sentence_start, start)
    if before is None:
        return source
    first_start = before.start(1)
    opener = re.match(r"(\w+)\s+", before.group(1))
    if opener and COORDINATION_OPENING.match(opener.group(1)) and opener.group(1)[:1].isupper():
        first_start += opener.end()  # "While Trump and his supporters …"
    first = text[first_start : before.end(1)]
    if any(w.endswith("ed") and w.islower() for w in first.split()):
        return source  # "Trump attacked Clinton and Sanders said": two clauses
    opening = text[sentence_start:first_start].strip(" \t\n“\"'‘")
    if COORDINATION_OPENING.match(opening) is None:
        return source  # only where the subject stands
    return (first_start, end)


# The rest of a closing "according to" source: "according to Democrats involved in the
# negotiations and planning.", "according to a senior official who spoke on condition of
# anonymity."
ACCORDING_TO_REST = re.compile(r"[ \t]+(?:and|who|that)[ \t][^,;:“”\"()]{1,120}?[.!?]?$")


def _to_sentence_end(
    text: str, source: tuple[int, int], segments: list[tuple[int, int]], sentence_end: int
) -> tuple[int, int]:
    start, end = source
    if _content_follows(source, segments):
        return source  # "According to X, CONTENT"
    rest = ACCORDING_TO_REST.match(text, end, sentence_end)
    if rest is None or len(rest.group().split()) > 20:
        return source
    return (start, sentence_end - (1 if text[sentence_end - 1] in ".!?" else 0))


def _without_lead(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    lead = LEAD_BEFORE_SOURCE.match(text, start, end)
    if lead is None or lead.end() >= end:
        return span
    return (lead.end(), end)


def _without_aside(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    aside = ASIDE_AFTER_SOURCE.search(text, start, end)
    return (start, aside.start()) if aside is not None and aside.start() > start else span


def _source_alone(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The source the walk back found, less what it took with it: words before it ("with
    many"), an aside after it ("Murphy, though,"), whatever comes before a closing pronoun
    ("which he"); none when it is only a noun cue's article ("The hope has been that …")."""
    span = _without_aside(text, _pronoun_alone(text, span))
    span = _without_lead(text, _without_time(text, _without_verb(text, span)))
    return None if text[span[0] : span[1]].lower() in ARTICLES_ALONE else span


# A determiner and a word or two right before a cue that is a noun ("a clear | message",
# "The mere | mention of", "a strong | supporter of"): the words describe the cue, they name
# no one.
NOUN_CUE_MODIFIERS = True
NOUN_CUE_SHARE = 0.1
MODIFIER_OF_CUE = re.compile(r"(?:the|a|an)(?:[ \t]+[a-z][a-z\-]*){1,2}", re.IGNORECASE)


def _modifies_noun_cue(text: str, source: tuple[int, int], cue: tuple[int, int] | None) -> bool:
    if cue is None or not text[source[1] : cue[0]].isspace():
        return False
    if MODIFIER_OF_CUE.fullmatch(text, source[0], source[1]) is None:
        return False
    words = text[source[0] : source[1]].split()
    if any(not word.islower() for word in words[1:]):
        return False  # "The Clinton | campaign": a name is a source
    if words[-1] in ROLE_WORDS or words[-1] in PERSON_WORDS:
        return False  # "The candidate | claims": a verb after all
    cue_word = re.match(r"\w+", text[cue[0] : cue[1]])
    return (
        cue_word is not None and noun_shares().get(cue_word.group().lower(), 0.0) >= NOUN_CUE_SHARE
    )


def _source_as_marked(
    text: str,
    source: tuple[int, int],
    frame: Frame,
    segments: list[tuple[int, int]],
    sentence: Sentence,
) -> tuple[int, int]:
    """The mention as annotators mark it, once resolution has read the source: with someone
    named before it by "and", with its bracket and apposition, and after a closing "according
    to" with the rest of the sentence."""
    if COORDINATED:
        source = _with_coordinated_subject(text, source, sentence.start)
    source = _with_apposition(text, source, frame.cue, segments, sentence.end)
    if frame.cue_lemma == "according to" and ACCORDING_TO_END:
        source = _to_sentence_end(text, source, segments, sentence.end)
    return source


def _content_follows(source: tuple[int, int], segments: list[tuple[int, int]]) -> bool:
    """Whether content comes after the source ("According to X, CONTENT")."""
    return any(start >= source[1] for start, _end in segments)


def _pronoun_alone(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    mention = text[start:end]
    found = PRONOUN_AT_END.search(mention)
    if found is None or (found.start() == 0 and found.end() == len(mention)):
        return span
    if re.search(r"\band\s+$", mention[: found.start()]):
        return span
    return start + found.start(), start + found.end()


def _nesting(frames: list[Frame]) -> dict[int, str]:
    """For each frame (by id) whose content lies inside another's, "inside"; whose content
    holds another's, "holds": "that he argued was thrusting …" inside "delivering a sweeping
    indictment of a class that he argued was …". Continuations are left out."""
    judged = [
        (frame, (frame.segments[0][0], frame.segments[-1][1]))
        for frame in frames
        if frame.configuration != "continuation"
    ]
    found: dict[int, str] = {}
    for frame, (start, end) in judged:
        for _other, (other_start, other_end) in judged:
            if (other_start, other_end) == (start, end):
                continue
            if other_start <= start and end <= other_end:
                found[id(frame)] = "inside"
                break
            if start <= other_start and other_end <= end:
                found[id(frame)] = "holds"
    return found


def _overlap(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in first for c, d in second)


def _clean_segments(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Trim spaces and stray quotation marks at segment edges; drop empty pieces."""
    cleaned: list[tuple[int, int]] = []
    for start, end in sorted(segments):
        while start < end and (text[start].isspace() or text[start] in "\"“”'‘’`,:"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”'‘’`,:;"):
            end -= 1
        if WORD.search(text, start, end):
            cleaned.append((start, end))
    return cleaned


def _kind(text: str, segments: list[tuple[int, int]], quotations: list[Quotation]) -> QuoteKind:
    """direct: every word inside quotation marks; mixed: some; indirect: none."""
    pieces = [piece for q in quotations for piece in q.pieces]
    inside = total = 0
    for start, end in segments:
        # Only the quotations that reach into this segment (an article has many).
        near = [(a, b) for a, b in pieces if a < end and b > start]
        for match in WORD.finditer(text, start, end):
            total += 1
            inside += bool(near) and any(a <= match.start() < b for a, b in near)
    if total and inside == total:
        return "direct"
    return "mixed" if inside else "indirect"


def _mark_relays(attributions: list[Attribution]) -> None:
    """A statement whose cue sits inside a media report's content was relayed by that medium."""
    for outer in attributions:
        if outer.speaker is None or outer.speaker.kind != "media":
            continue
        for inner in attributions:
            if inner is outer or inner.cue is None:
                continue
            if any(a <= inner.cue[0] < b for a, b in outer.segments):
                inner.relayed_by = outer.speaker.canonical_name


@dataclass(slots=True)
class _Mentioned:
    position: int
    speaker: ResolvedSpeaker
    mention: str


class _Resolver:
    """Resolves mentions in text order, remembering who was already introduced."""

    def __init__(
        self,
        text: str,
        gazetteer: Gazetteer,
        published: datetime.date | None,
        people: People,
    ) -> None:
        self.text = text
        self.people = people
        self.gazetteer = gazetteer
        self.published = published
        self.history: list[_Mentioned] = []
        # What the article tells of each person's gender: honorifics and gendered role nouns in
        # their mentions ("Mrs. Clinton", "the spokeswoman"). Not the pronouns resolved to them:
        # one wrong guess would then be taken as evidence for the next.
        self.genders: dict[str, Counter[str]] = {}

    def resolve(self, span: tuple[int, int], cue_lemma: str) -> ResolvedSpeaker | None:
        mention = self.text[span[0] : span[1]]
        speaker = self._resolve(mention, span, cue_lemma)
        if speaker is not None:
            self.history.append(_Mentioned(span[0], speaker, mention))
            if speaker.kind == "person":
                told = [GENDERED_WORDS.get(w.lower()) for w in WORD.findall(mention)]
                if told := [g for g in told if g]:
                    self.genders.setdefault(speaker.canonical_name, Counter()).update(told)
        return speaker

    def _gender(self, speaker: ResolvedSpeaker) -> str | None:
        counts = self.genders.get(speaker.canonical_name)
        if not counts:
            return None
        (gender, most), *rest = counts.most_common()
        return gender if not rest or rest[0][1] < most else None

    def _resolve(
        self, mention: str, span: tuple[int, int], cue_lemma: str
    ) -> ResolvedSpeaker | None:
        lower = mention.lower().strip()
        if lower in RELATIVE_PRONOUNS:
            antecedent = self._antecedent_before(span[0], people=lower == "who")
            if antecedent:
                return self._resolve(antecedent, span, cue_lemma)
            return self._latest(("person", "organization", "media", "group"))
        if lower in PERSON_PRONOUNS:
            # The most recent person the pronoun can stand for: "she" skips a man the article
            # has called "Mr." or "spokesman"; with no such person, nobody.
            return self._person_before(span[0], PERSON_PRONOUNS[lower])
        if lower in GROUP_PRONOUNS:
            if lower != "we":  # "we" speaks for the speaker's side, usually quoted
                return self._group_before(span[0])
            return self._latest(("group", "organization", "media"))
        if lower == "it":
            if (
                EXPLETIVE_IT.match(self.text, span[1])
                or (mention.endswith(("’s", "'s")) and EXPLETIVE_AFTER_IS.match(self.text, span[1]))
                or EXPLETIVE_MENTION.match(self.text, span[0], span[1])
            ):
                return None  # "it is said", "it was revealed": no one in particular
            return self._group_before(span[0], body=True)
        known = self.gazetteer.within(mention)
        if known is not None:
            return ResolvedSpeaker(known.canonical_name, known.kind, True)
        words = [w.lower() for w in WORD.findall(mention)]
        possessor = POSSESSIVE_PRONOUNS.get(words[0]) if len(words) > 1 else None
        if (
            possessor
            and not any(w[:1].isupper() for w in WORD.findall(mention)[1:])
            and not names_people(words[1:])
        ):
            # "His bold agenda", "her statement": what the owner says.
            return self._resolve(possessor, span, cue_lemma)
        if names_no_speaker(mention):
            return None  # "the new law", "this past week"
        if not any(
            w[:1].isupper() and w.lower() not in DATE_NAMES for w in WORD.findall(mention)[1:]
        ):
            # A pronoun the walk back took with a word or two ("which he", "he doesn't",
            # "it's", "the $18 million he") is that pronoun.
            for pronoun in (words[-1], words[0]) if len(words) > 1 else ():
                if pronoun in STANDALONE_PRONOUNS:
                    return self._resolve(pronoun, span, cue_lemma)
            if not may_name_a_speaker(mention) or words[-1] in DOCUMENT_WORDS:
                return None  # "perhaps", "in a box", "the poll": no speaker to name
        name = person_name_in(mention)
        kind = guess_kind(mention, cue_lemma)
        if kind == "person" and not name and any(w in ROLE_WORDS for w in words):
            holder = self.gazetteer.holder_of_role(mention, self.published)
            if holder is not None:
                return ResolvedSpeaker(holder.canonical_name, holder.kind, True)
            introduced = self._introduced_with_role(words, mention, span[0])
            if introduced is not None:
                return introduced
        if (
            kind == "person"
            and not name
            and (self._describes_someone_named(mention, words, span[0]))
        ):
            # "the businessman", "the Vermont senator": a definite description of someone
            # the article is about, who was named before with other words.
            told = {GENDERED_WORDS.get(w) for w in words} - {None}
            described = self._person_before(
                span[0], told.pop() if len(told) == 1 else None, mention
            )
            if described is not None:
                return described
        if name and is_surname(name) and (kind == "person" or names_a_place(mention)):
            # A surname takes the person met earlier, even one that is also a country's
            # name ("Rep. Jim Jordan" ... "Jordan said").
            told = {GENDERED_WORDS.get(w) for w in words} - {None}
            gender = told.pop() if len(told) == 1 else None
            earlier = self._earlier_full_name(name, gender) or self._named_in_full(
                name, gender, span[0]
            )
            if earlier is not None:
                return earlier
            known = self.gazetteer.by_name(name)
            if kind == "person" and known is not None:
                return ResolvedSpeaker(known.canonical_name, known.kind, True)
        if (
            DESCRIPTIONS_OF_PEOPLE_ONLY
            and kind == "person"
            and not name
            and not any(w[:1].isupper() for w in WORD.findall(mention)[1:])
            and (mention[:1].islower() or words[0] in DESCRIPTION_OPENERS)
            and not describes_a_person(mention)
        ):
            return None  # "the implication", "a curfew": no one a curator would file
        suggested = new_speaker_name(mention, kind)
        if kind == "person" and is_common_word(suggested) and not self._in_earlier_name(suggested):
            if names_people([suggested.lower()]) and suggested.endswith("s"):
                return ResolvedSpeaker(suggested, "group", False)  # "Progressives", "Investors"
            return None  # "Therefore", "Holding": a word capitalised by its place, no one
        return ResolvedSpeaker(suggested, kind, False)

    def _in_earlier_name(self, word: str) -> bool:
        """Whether the article writes this word as part of a longer name ("Ban" after "Ban
        Ki-moon"), or a speaker met earlier has it in their name."""
        if re.search(
            rf"\b{re.escape(word)}\s+[A-Z]|(?:\b[A-Z]\.|[A-Z][\w’'-]*)[ \t]+{re.escape(word)}\b",
            self.text,
        ):
            return True
        return any(word in mentioned.speaker.canonical_name.split() for mentioned in self.history)

    def _latest(self, kinds: tuple[str, ...]) -> ResolvedSpeaker | None:
        """The most recent speaker of one of these kinds."""
        for mentioned in reversed(self.history):
            if mentioned.speaker.kind in kinds:
                return mentioned.speaker
        return None

    def _compatible(self, name: str, gender: str | None, speaker: ResolvedSpeaker | None) -> bool:
        """Whether a person of this name may be "he" (male) or "she" (female): unless the
        article (honorifics, gendered role nouns) or their given name says otherwise."""
        if gender is None:
            return True
        told = self.people.gender_of(name)
        if told is None and speaker is not None:
            told = self._gender(speaker)
        return told in (None, gender)

    def _person_before(
        self, position: int, gender: str | None, description: str = ""
    ) -> ResolvedSpeaker | None:
        """The person a "he" or "she" at `position` stands for, or a description such as "the
        senator": in the nearest sentence before it (or its own, before it) that names a
        person of a compatible gender outside quotation marks, the source of a statement
        there, else the person named there most like its subject (not after a preposition,
        not a possessor), else the first. In its own sentence only such a subject counts
        ("Asked about Sullivan, Feinstein said …, she said"). A person named with the
        description's role and another place is someone else ("the Florida senator" is not
        "the Vermont senator, Lena Ward")."""
        people = self.people
        roles = {w.lower() for w in WORD.findall(description) if w.lower() in ROLE_WORDS}
        qualifiers = {w.lower() for w in WORD.findall(description)[1:] if w[:1].isupper()}

        def other_holder(described: set[str] | frozenset[str]) -> bool:
            # Named with the same role and another place: "the Vermont senator, Lena Ward".
            return (
                bool(roles & described)
                and not qualifiers <= described
                and any(word in place_names() for word in described - qualifiers)
            )

        own_sentence = people.sentence_of(position)
        own_quotation = people.quotation_at(position)

        def opens_sentence(m: NamedPerson) -> bool:
            # "Suu Kyi's fate is still unclear, but she said …": the possessor the sentence
            # opens with is its topic.
            return not self.text[people.sentence_starts[m.sentence_index] : m.start].strip(
                " \n\"“‘'"
            )

        def may_be(m: NamedPerson) -> bool:
            return (
                not m.quoted
                and (m.subject_like or m.sentence_index != own_sentence or opens_sentence(m))
                and self._compatible(m.name, gender, None)
                and not (roles and other_holder(people.described(m)))
            )

        def may_have_said(h: _Mentioned) -> bool:
            return (
                h.position < position
                and h.speaker.kind == "person"
                and _may_be_someone(h.speaker)
                # A statement quoted inside another is no antecedent outside that quotation.
                and people.quotation_at(h.position) in (None, own_quotation)
                and self._compatible(h.speaker.canonical_name, gender, h.speaker)
                and not (roles and other_holder({w.lower() for w in WORD.findall(h.mention)}))
            )

        # The latest of each, read backwards: only the nearest sentence matters.
        mentions = people.before(position)
        last_named = next((m for m in reversed(mentions) if may_be(m)), None)
        last_source = next((h for h in reversed(self.history) if may_have_said(h)), None)
        if last_named is None and last_source is None:
            return None
        sentence = max(
            -1 if last_named is None else last_named.sentence_index,
            -1 if last_source is None else people.sentence_of(last_source.position),
        )
        if last_source is not None and people.sentence_of(last_source.position) == sentence:
            return last_source.speaker
        there = [m for m in mentions if m.sentence_index == sentence and may_be(m)]
        subject = min(there, key=lambda m: not m.subject_like)  # the first subject-like one
        return self._named_speaker(subject.name)

    def _describes_someone_named(self, mention: str, words: list[str], position: int) -> bool:
        """Whether a mention is a definite description of one person the article has named
        ("the businessman", "the Vermont senator"), not of someone it never names: a
        participant known by a function ("the moderator", "the woman"), an office of a body
        ("the program's host"), or one introduced without a name ("One man … the man")."""
        head = words[-1]
        if (
            words[0] != "the"
            or len(words) < 2
            or "’s" in mention
            or "'s" in mention
            or head in UNNAMED_PARTICIPANTS
            or head in THING_NOUNS
            or head.endswith("ment")
            or (head.endswith("s") and not head.endswith("ss"))
        ):
            return False
        if not (
            head in ROLE_WORDS
            or head in GENDERED_WORDS
            or head.endswith(("er", "or", "ist", "ian", "ant", "ent", "ire", "ul"))
        ):
            return False  # "the older population"
        # Introduced unnamed: "One man in the crowd", "another unnamed GOP official"; not
        # an apposition or a predicate about someone named ("Cruz, a candidate", "as a
        # candidate", "he is a candidate").
        introduced = re.compile(
            rf"(?<!,\s)(?<!\bas\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bbe\s)"
            rf"\b(?:an?|one|another)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b",
            re.IGNORECASE,
        )
        return not introduced.search(self.text, 0, position)

    def _group_before(self, position: int, *, body: bool = False) -> ResolvedSpeaker | None:
        """What a "they" (or, for `body`, an "it") at `position` stands for: in the nearest
        sentence before it (or its own, before it) that names a group or a body outside
        quotation marks, the source of a statement there, else the group named there most like
        its subject, people named together before a description."""
        people = self.people
        own_sentence = people.sentence_of(position)
        own_quotation = people.quotation_at(position)
        kinds = ("organization", "media") if body else ("group", "organization", "media")
        sources: dict[int, _Mentioned] = {}  # sentence -> its last such source
        for h in self.history:
            if (
                h.position < position
                and h.speaker.kind in kinds
                and people.quotation_at(h.position) in (None, own_quotation)
            ):
                sources[people.sentence_of(h.position)] = h
        for index in range(own_sentence, -1, -1):
            there = [
                g
                for g in people.groups_in(index)
                if g.start < position
                and not g.quoted
                and (g.subject_like or index != own_sentence)
                and (g.body or not body)
            ]
            if index in sources:
                source = sources[index]
                # "According to the Post, Bush campaign officials looked into it. They …":
                # a plural named as the subject there, not the one medium that told of it.
                plural = [g for g in there if g.subject_like and not g.body]
                if body or source.speaker.kind == "group" or not plural:
                    return source.speaker
                there = plural
            if there:
                # Most like the subject; people named ("The new editors are Anna Palmer and
                # Jake Sherman") before a description of them.
                named = min(there, key=lambda g: (not g.subject_like, not g.of_named_people))
                known = self.gazetteer.within(named.name)
                if known is not None:
                    return ResolvedSpeaker(known.canonical_name, known.kind, True)
                kind = guess_kind(named.name)
                kind = kind if kind in kinds else "group"
                if "," in named.name and " and " in named.name:
                    # "his friends, aides and employees": the list, which the cleaning of a
                    # mention would cut at its first comma.
                    return ResolvedSpeaker(named.name, "group", False)
                return ResolvedSpeaker(new_speaker_name(named.name, kind), kind, False)
        return None

    def _named_speaker(self, name: str) -> ResolvedSpeaker:
        """The speaker a person named in the text is: a gazetteer entry, the speaker met
        earlier under that name, or a new person."""
        known = self.gazetteer.within(name)
        if known is not None:
            return ResolvedSpeaker(known.canonical_name, known.kind, True)
        for mentioned in reversed(self.history):
            if mentioned.speaker.canonical_name == name:
                return mentioned.speaker
        return ResolvedSpeaker(name, "person", False)

    def _earlier_full_name(self, surname: str, gender: str | None) -> ResolvedSpeaker | None:
        """The last person met with this surname ("Mrs. Clinton" skips a Mr. Clinton)."""
        for mentioned in reversed(self.history):
            speaker = mentioned.speaker
            if (
                speaker.kind == "person"
                and surname_matches(speaker.canonical_name, surname)
                and (gender is None or self._gender(speaker) in (None, gender))
            ):
                return speaker
        return None

    def _named_in_full(
        self, surname: str, gender: str | None, position: int
    ) -> ResolvedSpeaker | None:
        """The person named in full earlier with this surname ("Dianne Feinstein" for a later
        "Feinstein"), when the article names only one such person of a compatible gender."""
        full_names = {
            m.name
            for m in self.people.before(position)
            if " " in m.name
            and surname_matches(m.name, surname)
            and self._compatible(m.name, gender, None)
        }
        return self._named_speaker(full_names.pop()) if len(full_names) == 1 else None

    def _introduced_with_role(
        self, words: list[str], mention: str, position: int
    ) -> ResolvedSpeaker | None:
        """The person met last with this role word, as a speaker or named with it in the text
        ("Sen. Marco Rubio", "Mike Pence, the Indiana governor"); a qualifier in the mention
        ("the Florida senator") must be in the earlier mention too."""
        roles = {w for w in words if w in ROLE_WORDS}
        qualifiers = {w.lower() for w in WORD.findall(mention)[1:] if w[:1].isupper()}
        holders: dict[str, tuple[int, ResolvedSpeaker]] = {}  # name -> (last seen, speaker)
        for mentioned in self.history:
            earlier = {w.lower() for w in WORD.findall(mentioned.mention)}
            if mentioned.speaker.kind == "person" and roles & earlier and qualifiers <= earlier:
                holders[mentioned.speaker.canonical_name] = (mentioned.position, mentioned.speaker)
        mentions = self.people.before(position)
        for named in mentions:
            described = self.people.described(named)
            if roles & described and qualifiers <= described:
                holders[named.name] = (named.start, self._named_speaker(named.name))
        if not holders:
            return None
        if len(holders) == 1:
            return next(iter(holders.values()))[1]
        # Several holders: the one the text is about here, as for "he" ("Rubio sought to stoke
        # positive energy … the senator said", though Sen. Sanders was named more), else the
        # one the article names most, the later on a tie ("World Bank President Jim Yong Kim"
        # in a story about Obama).
        nearest = self._person_before(position, None, mention)
        if nearest is not None and nearest.canonical_name in holders:
            return nearest
        counts = Counter(m.name for m in mentions)
        best = max(holders, key=lambda name: (counts[name], holders[name][0]))
        return holders[best][1]

    def _antecedent_before(self, position: int, *, people: bool = True) -> str | None:
        """What a relative pronoun stands for: the capitalised name just before it ("Smith,
        who said …"); for a "who" (`people`), also the name before an apposition ("Matt Duss,
        the president of the Foundation for Middle East Peace, who …") or the group just
        before it ("senators who wanted …", "his aides, who …")."""
        before = self.text[max(0, position - 160) : position]
        apposition = APPOSITION_BEFORE.search(before) if people else None
        if apposition:
            return apposition.group(1).strip()
        before = before.rstrip(" ,")
        if people and (placed := NAME_OF_PLACE_BEFORE.search(before)):
            return placed.group(1)  # "Sen. Dianne Feinstein of California, who …"
        match = re.search(r"((?:[A-Z][\w.’'\-]*\s?)+)$", before)
        if match:
            return match.group(1).strip()
        if not people:
            return None  # "which", "that": a name before it or nothing
        end = len(self.text[:position].rstrip(" ,"))
        for group in self.people.groups_in(self.people.sentence_of(position)):
            if group.end == end:
                return self.text[group.start : group.end]
        return None
