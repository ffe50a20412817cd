"""Find source–cue–content frames in sentences: the rule-based core of the engine."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cuemodel import (
    END_THRESHOLD,
    cue_model,
    end_features,
    end_model,
    end_recorder,
    is_end_candidate,
)
from .lexicon import (
    FINITE_AUXILIARIES,
    FUNCTION_WORDS,
    WEEKDAYS_AND_TIMES,
    cue_lexicon,
    cue_probability,
    inflection,
    lemma,
)
from .speakers import KIND_WORDS, guess_kind
from .text import ABBREVIATIONS, Quotation, Sentence, Token

WORD_PATTERN = re.compile(r"\w+")
# A party and state label after a lawmaker's name: "R-Ky", "D-Mass", "I-Vt".
PARTY_STATE = re.compile(r"[rdi]-[a-z]{1,5}")
# A word counts as a cue when at least this share of its training occurrences were cues.
CUE_SHARE_THRESHOLD = 0.25
# With the learned cue classifier (data/cue_model.json), the probability a word must reach.
CUE_MODEL_THRESHOLD = 0.3
# A word the mined context counts make a cue this often stays one whatever the classifier says.
CONFIDENT_CUE_SHARE = 0.5
# A cue the classifier is this sure of takes a following preposition into the cue phrase.
PHRASE_CUE_PROBABILITY = 0.5
CUE_PHRASE_PREPOSITIONS = frozenset("about with on against for of in to at over from".split())
# Verbs whose "to" opens an infinitive, which is part of the content ("promised to push"),
# not a preposition that belongs to the cue ("pointed to the polls").
TO_INFINITIVE_VERBS = frozenset(
    "expect appear want plan promise seem decline seek refuse vow pledge hope ask agree "
    "threaten urge decide like intend aim try attempt offer mean vote design prefer wish need "
    "choose hesitate fail prepare tend struggle manage encourage advise order invite "
    "propose".split()
)
# ... and, when the usual walk back finds no source, takes the nearest subject before it.
FALLBACK_SOURCE_PROBABILITY = 0.5
# Longest source mention we accept when walking back from a cue, in tokens.
MAXIMUM_SOURCE_TOKENS = 16
MULTIPLE_PER_SENTENCE = True
# Longest adverbial tail after a sentence-final cue ("..., he said on Tuesday in Ohio.").
MAXIMUM_TRAILING_TOKENS = 15
# Verbs that say how something seems, not what anyone said: their subject is content.
RAISING_LEMMAS = frozenset({"seem", "appear"})
NOT_RAISED = frozenset({"that", ",", ":", "as", "like", ".", "before", "if"})
# Participles whose by-phrase is what the subject feels about, not who spoke.
FEELING_PARTICIPLES = frozenset(
    "outraged angered alarmed concerned troubled disturbed frustrated disappointed encouraged "
    "pleased surprised shocked worried bothered impressed offended upset dismayed heartened "
    "incensed irritated annoyed amused puzzled baffled stunned horrified inspired "
    "moved".split()
)
# What a passive's by-phrase may be followed by that is still part of the content.
PASSIVE_COMPLEMENTS = frozenset({"as", "for"})
PASSIVE_ADVERBS = frozenset("also first not never already widely still even all both".split())
# "The move was hotly criticized", "The names are surfacing": with no agent the passive's
# subject is the content and no source is named (the passive-without-agent round).
PASSIVE_WITHOUT_AGENT = True
# A passive of these is no statement about its subject ("She was told …", "He was asked …").
NOT_PASSIVE_STATEMENTS = frozenset("tell ask expect quote schedule set suppose inform".split())
# What may follow a passive whose subject is its content: the sentence's end or a comma, a
# place or a time ("was announced on a police scanner", "was released Tuesday").
PASSIVE_TAILS = frozenset(
    "on in at during after before last this earlier later yesterday today monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
# Participles without "-ed", "-en" or "-wn".
PAST_FORMS = frozenset("said told known seen shown made given held thought found".split())
# A subject too empty to be the content ("It was announced …", "who was nominated").
SUBJECT_PRONOUNS_AND_RELATIVES = frozenset("it he she they i we you who which that this".split())
BE_FORMS = frozenset("is are was were be been being isn't aren't wasn't weren't".split())
# How far after a cue an opening adverbial may run to its comma ("said on Tuesday, …").
MAXIMUM_ADVERBIAL_TOKENS = 8
# How far after a cue an adverbial may run before ", that" opens the content.
MAXIMUM_INTERRUPTION_TOKENS = 25

PRONOUNS = frozenset("he she they it we i you who which that one".split())
CLAUSE_OPENERS = frozenset(
    "that and but because while when if after before since although though so whereas where "
    "until than or nor unless once whether whom whose to into as".split()
)
BOUNDARY_PUNCTUATION = frozenset(",;:—–\"“”‘’'`[]{}!?") | {"''", "``", "."}
DISCOURSE_OPENERS = frozenset(
    "meanwhile but and however also still yet now then instead indeed moreover later "
    "separately similarly earlier finally so thus hence plus or".split()
)
# "The nominee and his aides haven't said much": a negated auxiliary is no part of the source
# either, whichever apostrophe it is written with.
NEGATED_AUXILIARIES = frozenset(
    f"{word}{mark}t"
    for word in "hasn haven hadn didn doesn don won wouldn couldn can isn wasn aren weren "
    "shouldn mustn".split()
    for mark in ("'", "’")
)
AUXILIARIES_AND_ADVERBS = (
    frozenset(
        "has have had also further would will could can did does do is was are were be been "
        "then later once again not never previously recently repeatedly already often just still "
        "even first initially last subsequently since too both all himself herself themselves "
        "'d ’d 's ’s may might must should shall".split()
    )
    | NEGATED_AUXILIARIES
)
# Below this overall cue share, a cue word inside another statement's content is no cue.
NESTED_CUE_SHARE = 0.7
QUOTATION_FIRST = True
# After a sentence-opening quotation and its source, a verb this often a cue is its cue.
LOOSE_CUE_SHARE = 0.05
PAIRED_DASHES = True
# Longest source after "according to", in words less one. Opening the sentence, the source
# runs to its comma and may be long ("According to early results of exit polls conducted by
# Edison Research for the Associated Press and television networks, ...").
MAXIMUM_ACCORDING_SOURCE = 10
MAXIMUM_OPENING_ACCORDING_SOURCE = 18
COORDINATED_CUE_ENDS = True
# "pointed to X and dismissed Y": "and" before a cue in the statement's own form ends it.
COORDINATED_FORMS = True
# Adverbs the cue classifier may take for the cue; the verb after them is the cue.
CUE_ADVERBS = frozenset(
    "often long also repeatedly publicly frequently openly privately again".split()
)
# Adverbs of order or time that stand before a cue verb ("first reported", "later said").
ORDER_ADVERBS = frozenset("first later previously recently initially earlier originally".split())
OPENING_SUBORDINATORS = frozenset(
    "while though although as because if when whenever after before since despite unless once "
    "until whereas even".split()
)
RELATIVE_OPENERS = frozenset({"who", "which", *OPENING_SUBORDINATORS})
SUBJECT_PRONOUNS = frozenset("he she they we i".split())
# Verbs that, coordinated after content ("... and said ..."), start a statement of their own.
STATEMENT_LEMMAS = frozenset(
    "say add tell note argue insist warn call claim suggest accuse ask vow promise urge "
    "predict acknowledge admit announce declare explain write tweet deny blame praise "
    "criticize defend describe".split()
)
TELL_VERBS = frozenset("tell ask assure inform remind warn urge notify promise".split())
OBJECT_PRONOUNS = frozenset("me him her us them reporters".split())
TIME_AND_MANNER_OPENERS = frozenset(
    "on in at during after before last earlier yesterday today tonight this monday tuesday "
    "wednesday thursday friday saturday sunday recently later publicly privately repeatedly "
    "flatly simply bluntly again also frequently in an interview with".split()
)
QUANTIFIERS = frozenset(
    "some many several most both all other others one two three four five few critics".split()
)
# "As the Post reported, ...": verbs that make an opening "as" clause name a source.
AS_CUE_LEMMAS = frozenset(
    "report note say write point explain observe argue put tell reveal detail document "
    "suggest show indicate acknowledge admit predict warn describe".split()
)
# Verbs that also appear after their source at a sentence end (", said Smith.").
INVERSION_LEMMAS = frozenset(
    "say add write ask tell continue explain note recall argue conclude insist reply respond "
    "tweet warn declare acknowledge observe complain joke quip counter remark report read "
    "state".split()
)
# After a comma these start a clause that is no longer part of an indirect statement.
CONTENT_ENDING_CONJUNCTIONS = frozenset(
    "but which while who because although though even according whereas".split()
)
PREPOSITIONS = frozenset(
    "against in on at by with from into onto over after before during under through across "
    "toward towards near around between behind beyond within without upon off down".split()
)
SURVEY_WORDS = frozenset("poll polls survey surveys study report analysis".split())
# Capitalised labels before a colon that are not speakers.
NOT_SPEAKER_LABELS = frozenset(
    "update updated watch breaking exclusive photo photos video note related read more "
    "correction editor's editor’s source sources via listen see also advertisement q a "
    "latest remember email e-mail contributing revealed follow contact subscribe tags filed".split()
)
# "by calling for", "while insisting": the gerund's source is the clause subject.
# Words that open an introductory phrase or clause at a sentence start, never its subject.
TIME_PHRASE_WORDS = frozenset(
    "ago later earlier last next week weeks month months year years day days decade decades "
    "morning afternoon evening night hours".split()
)
TIME_UNITS = frozenset(
    "minute minutes hour hours day days week weeks month months year years decade decades".split()
)
# Words that may stand in a time phrase beside the time words ("a few days later").
TIME_PHRASE_FILLERS = frozenset("a an the this that last next early late few couple of".split())
SUBJECT_SKIPPED_OPENERS = (
    TIME_AND_MANNER_OPENERS
    | PREPOSITIONS
    | (CLAUSE_OPENERS - {"that", "and", "or", "nor", "to"})
    | frozenset("despite for like unlike amid among as of".split())
    | frozenset("outside inside beside besides throughout along aside".split())
    # "Back in 1999, Mr. Trump ...", "Shortly after the vote, she ..."
    | frozenset("back shortly soon immediately here".split())
)
GERUND_PREPOSITIONS = frozenset("by while after before without in for when since".split())
# Words that open the question after "Asked" ("Asked whether ...", "Asked about ...").
QUESTION_OPENERS = frozenset("if whether what why how who where when which about".split())
RELATIVE_WORDS = frozenset("who whose whom which where when what".split())
POSSESSIVE_MARKS = frozenset({"'", "’", "'s", "’s"})
POSSESSIVE_DETERMINERS = frozenset("his her their its our my".split())
DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())
CLOSING_MARKS = frozenset({"”", '"', "''", "’", "'"})
QUOTE_OPENERS = frozenset({"“", '"', "''", "``", "‘"})


@dataclass(slots=True)
class Frame:
    """An attribution as found in one sentence, before speaker resolution."""

    segments: list[tuple[int, int]]
    cue: tuple[int, int] | None
    cue_lemma: str
    source: tuple[int, int] | None
    configuration: str  # "source-cue-content", "content-source-cue", "according-to", ...
    confidence: float
    sentence_index: int = 0
    paragraph_index: int = 0
    quotations: list[Quotation] = field(default_factory=list)
    cue_probability: float = 1.0  # the cue classifier's probability for the cue word


def is_cue(tokens: list[Token], position: int) -> bool:
    token = tokens[position]
    if position > 0 and token.text[:1].isupper():
        return False  # a capitalised word mid-sentence is a name, not a verb
    model = cue_model()
    if model is not None:
        if model.judges(token.lower):
            if model.probability(tokens, position) >= CUE_MODEL_THRESHOLD:
                return True
        elif token.lower not in cue_lexicon():
            return False  # neither the classifier nor the mined lexicon knows the word
    previous = tokens[position - 1].text if position else "."
    following = tokens[position + 1].text if position + 1 < len(tokens) else "."
    threshold = CUE_SHARE_THRESHOLD if model is None else CONFIDENT_CUE_SHARE
    return cue_probability(token.lower, previous, following) >= threshold


def _model_probability(tokens: list[Token], position: int) -> float:
    model = cue_model()
    return model.probability(tokens, position) if model is not None else 0.0


def _is_form_of(word: str, verbs: frozenset[str]) -> bool:
    """Whether `word` is a form of one of `verbs` ("promised", "urges", "hoping", "tries"):
    exact where `lemma`'s stem rule is not ("agreed", "invited" give "agre", "invit")."""
    if word in verbs:
        return True
    for ending in ("s", "es", "ed", "d", "ing"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if stem in verbs or stem + "e" in verbs or (ending == "ed" and stem[:-1] in verbs):
                return True
    return word.endswith(("ied", "ies")) and word[:-3] + "y" in verbs


def cue_share(token: Token) -> float:
    return cue_lexicon().get(token.lower, 0.0)


class SentenceFrames:
    """Frame finder for one sentence; holds its tokens and the quotations touching it."""

    def __init__(
        self, text: str, sentence: Sentence, quotations: list[Quotation], index: int
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.tokens = sentence.tokens
        self.index = index
        self.quotations = [
            q for q in quotations if q.outer_start < sentence.end and q.outer_end > sentence.start
        ]
        self.doubles = [q for q in self.quotations if not q.is_single]
        pieces = [piece for q in self.quotations for piece in q.pieces]
        if pieces:  # most sentences quote nothing, and their tokens keep the default
            for token in self.tokens:
                token.is_quoted = any(a <= token.start < b for a, b in pieces)

    # -- public -----------------------------------------------------------------------------

    def frames(self) -> list[Frame]:
        found = self._frames()
        if len(found) > 1:
            self._end_before_coordinated_sources(found)
        for frame in found:
            frame.paragraph_index = self.sentence.paragraph_index
            if frame.cue is not None:
                k = next((k for k, t in enumerate(self.tokens) if t.start == frame.cue[0]), None)
                if k is not None and self.tokens[k].lower[:1].isalpha():
                    frame.cue_probability = _model_probability(self.tokens, k)
        return found

    def _end_before_coordinated_sources(self, found: list[Frame]) -> None:
        """'Cruz accuses Obama of "leading from behind" and Trump says …': a content ends
        before the source of a statement coordinated with it ("and", "but", a comma), which
        is not nested in it as "the paper reported that the minister told aides …" is."""
        tokens = self.tokens
        for frame in found:
            if frame.cue is None:
                continue
            start, end = frame.segments[-1]
            for other in found:
                if other is frame or other.source is None or other.cue is None:
                    continue
                if not (start < other.source[0] < end and frame.cue[1] <= other.source[0]):
                    continue
                k = next((k for k, t in enumerate(tokens) if t.start == other.source[0]), None)
                if k is None or k < 2 or tokens[k - 1].lower not in ("and", "but", ","):
                    continue
                cut = k - 1
                while cut > 0 and tokens[cut - 1].lower in (",", "and", "but"):
                    cut -= 1
                kept = sum(1 for t in tokens[:cut] if t.start >= start and t.lower[0].isalnum())
                if kept >= 2:
                    end = tokens[cut - 1].end
                    frame.segments = [*frame.segments[:-1], (start, end)]

    def _frames(self) -> list[Frame]:
        tokens = self.tokens
        if len(tokens) < 3:
            return []
        cues = [i for i in self._known_words() if is_cue(tokens, i)]
        cues = sorted({self._verb_after_adverb(i) for i in cues})
        according = [
            i
            for i, t in enumerate(tokens[:-1])
            if t.lower == "according" and tokens[i + 1].lower == "to" and not t.is_quoted
        ]
        found: list[Frame] = []
        as_frame = self._as_source_said_frame()
        if as_frame is not None:
            found.append(as_frame)
        else:
            found += self._trailing_cue_frames(cues)
        asked = self._asked_frame()
        if asked is not None:
            # "Asked if X, Ryan said, "Sure."": the question is no part of the answer.
            found = [f for f in (self._without(f, asked) for f in found) if f is not None]
        if not found and QUOTATION_FIRST:
            opening = self._quotation_first_frame()
            if opening is not None:
                found.append(opening)
        if not found:
            cue_first = self._cue_first_frame()
            if cue_first is not None:
                found.append(cue_first)
        for special in (
            self._speaker_label_frame(),
            self._survey_frame(),
            asked,
        ):
            if special is not None and not _overlaps_any(special, found):
                found.append(special)
        for i in according:
            frame = self._according_to_frame(i)
            if frame is not None and not _overlaps_any(frame, found):
                found.append(frame)
        for i in cues:
            if i in according or any(_covers_cue(frame, tokens[i]) for frame in found):
                continue
            if cue_share(tokens[i]) < NESTED_CUE_SHARE and any(
                a <= tokens[i].start < b for frame in found for a, b in frame.segments
            ):
                continue  # a weak cue word inside content already found is part of it
            frame = None
            if found and found[-1].source is not None and self._is_participle_after_comma(i):
                # '"…," Trump said at a rally in San Diego, adding that …': the same source
                # makes a second statement, whatever name stands just before the comma.
                frame = self._participle_frame(i, found[-1].source)
            if frame is None and PASSIVE_WITHOUT_AGENT:
                frame = self._passive_frame(i)
            if frame is None:
                frame = self._source_cue_content_frame(i, cues)
            if frame is None:
                frame = self._passive_by_frame(i)
            if frame is None and found and self._is_participle_after_comma(i):
                # "..., saying ...": the same source makes a second statement.
                frame = self._participle_frame(i, found[-1].source)
            if frame is not None:
                found.append(frame)
                if not MULTIPLE_PER_SENTENCE:
                    break
        if not found:
            found += self._headline_frames()
        if not found:
            quote_frame = self._lone_quotation_frame()
            if quote_frame is not None:
                found.append(quote_frame)
        return found

    def _known_words(self) -> list[int]:
        """Positions of unquoted words the cue classifier or the mined lexicon knows: only
        they can be cues, and most words of a sentence are neither."""
        model = cue_model()
        lexicon = cue_lexicon()
        if model is None:
            return [i for i, t in enumerate(self.tokens) if not t.is_quoted and t.lower in lexicon]
        judges = model.judges
        return [
            i
            for i, t in enumerate(self.tokens)
            if not t.is_quoted and (judges(t.lower) or t.lower in lexicon)
        ]

    # -- configurations ---------------------------------------------------------------------

    def _trailing_cue_frames(self, cues: list[int]) -> list[Frame]:
        """CONTENT, SOURCE CUE [tail].  or  CONTENT, CUE SOURCE [tail]."""
        tokens = self.tokens
        for i in reversed(cues):
            if i < 2 or tokens[i].lower.endswith("ing"):
                continue
            boundary = self._boundary_before(i)
            if boundary is None or boundary < 1:
                continue
            cue_lemma = lemma(tokens[i].lower)
            cue_end_index = self._extend_cue(i)
            if cue_end_index + 1 < len(tokens) and tokens[cue_end_index + 1].lower == ":":
                continue  # "In a speech last July, he said: ...": the colon opens the content
            source_tokens = self._trim_source(boundary + 1, i)
            if source_tokens is not None:
                if not self._plausible_source(*source_tokens):
                    continue
                after_source = cue_end_index + 1
                configuration = "content-source-cue"
            else:
                if cue_lemma not in INVERSION_LEMMAS:
                    continue
                if tokens[boundary].lower == ",":
                    subject = self._source_before(i)
                    if (
                        subject is not None
                        and (subject[0] <= 1 or self._follows_quotation(subject[0]))
                        and not self._holds_a_clause(subject[0], boundary)
                    ):
                        # "Smith, an expert, said ...", '"…," Smith, an expert, told X.':
                        # the subject comes before the cue.
                        continue
                inverted = self._inverted_source(cue_end_index + 1, cue_lemma)
                if inverted is None:
                    continue
                source_tokens, after_source = inverted
                configuration = "content-cue-source"
            if self._tail_is_clause(after_source, cue_lemma) and not self._quoted_before(boundary):
                # "On the flight, Bush said he did not ...": the comma closed an adverbial
                # opener and the clause after the cue is the content.
                continue
            is_short_source = source_tokens[1] - source_tokens[0] < 4
            tail = self._tail_after_cue_clause(
                after_source,
                is_short_source,
                configuration == "content-cue-source",
                after_quotation=self._quoted_before(boundary),
            )
            if tail is None:
                continue
            tail_segments, participle = tail
            content_start = self._content_start_before(boundary)
            content_end = self._end_before(boundary)
            if content_start is None or content_end <= content_start:
                continue
            if (
                not tokens[0].is_quoted
                and tokens[0].lower in OPENING_SUBORDINATORS - {"even", "as"}
                and content_start == tokens[0].start
            ):
                continue  # "While she says X, Berg praised his plan.": a clause, not content
            if not tokens[0].is_quoted and self._only_openers_before(boundary):
                continue  # "During the Politico interview, Sharpton also talked about …"
            if self._only_adverbs(content_start, content_end):
                continue  # "Not surprisingly, Sanders supports the proposal."
            if (
                not tail_segments
                and boundary <= 6
                and not any(t.is_quoted or t.lower == "," for t in self.tokens[:boundary])
                and self._time_phrase_opener(0, boundary + 1)
            ):
                continue  # "Last week, Trump endorsed Smith.": the time, not what was said
            segments = [(content_start, content_end), *tail_segments]
            source = (tokens[source_tokens[0]].start, tokens[source_tokens[1]].end)
            cue = (tokens[i].start, tokens[cue_end_index].end)
            confidence = 0.55 + 0.4 * cue_share(tokens[i])
            found = [
                Frame(
                    segments,
                    cue,
                    cue_lemma,
                    source,
                    configuration,
                    round(min(confidence, 0.95), 2),
                    self.index,
                )
            ]
            if participle is not None:
                follow_up = self._participle_frame(participle, source)
                if follow_up is not None:
                    found.append(follow_up)
            return found
        return []

    def _holds_a_clause(self, first: int, last: int) -> bool:
        """Whether the words from `first` up to their first comma (before `last`) hold a
        finite verb, so that they are a clause, not the head of a subject with an apposition:
        "China's influence has provoked …, said Nargis Kassenova" against "Gov. John Kasich
        of Ohio, a Republican who has refused …, said …"."""
        tokens = self.tokens
        for k in range(first, last):
            token = tokens[k]
            if token.lower == ",":
                return False
            if not token.is_quoted and (
                token.lower in FINITE_AUXILIARIES or token.lower in ("is", "are", "was", "were")
            ):
                return True
        return False

    def _quotation_first_frame(self) -> Frame | None:
        """'"QUOTE," SOURCE[, apposition,] VERB ...' or '"QUOTE," VERB SOURCE ...' when the
        general rule found nothing: after a sentence-opening quotation even a rare cue verb
        ("Kelly charged", "opined") attributes it, and a long apposition or adverbial tail
        does not matter."""
        tokens = self.tokens
        words = [k for k, t in enumerate(tokens) if t.lower[0].isalnum()]
        if not words or not tokens[words[0]].is_quoted:
            return None
        quotation = next(
            (q for q in self.doubles if q.start <= tokens[words[0]].start < q.end), None
        )
        if quotation is None or quotation.end >= self.sentence.end:
            return None
        k = next((m for m, t in enumerate(tokens) if t.start >= quotation.end), None)
        if k is None or tokens[k - 1].lower not in CLOSING_MARKS | {","}:
            return None
        while k < len(tokens) and tokens[k].lower in CLOSING_MARKS | {","}:
            k += 1
        if k >= len(tokens) - 1:
            return None
        pieces = self._pieces_in_sentence(quotation)
        if pieces is None:
            return None
        head = tokens[k]
        if head.text[:1].islower() and (self._loose_cue(k) or _past_tense_shape(head)):
            cue_lemma = lemma(head.lower)
            inverted = self._inverted_source(k + 1, cue_lemma)
            # Any verb the lexicon knows inverts when the source closes the sentence
            # ('"…," opined Cleveland's Plain Dealer.'); the usual ones also before a tail.
            if inverted is None:
                return None
            (first, last), after = inverted
            if cue_lemma not in INVERSION_LEMMAS and any(
                t.lower[0].isalnum() for t in tokens[after:]
            ):
                return None
            source = (tokens[first].start, tokens[last].end)
            cue = (head.start, head.end)
            return Frame(
                pieces + self._resumed_after_apposition(after),
                cue,
                cue_lemma,
                source,
                "quotation-cue-source",
                0.8,
                self.index,
            )
        if not (head.text[:1].isupper() or head.lower in PRONOUNS | DETERMINERS | QUANTIFIERS):
            return None
        name_end = None  # last token of the source before an apposition's comma
        for m in range(k + 1, min(len(tokens), k + 25)):
            token = tokens[m]
            if token.is_quoted and name_end is not None:
                continue  # a quoted name in the apposition: 'wearing "Ted Cruz" pins'
            if token.is_quoted or (
                token.lower in (".", ";", ":", "?", "!") and not self._is_name_dot(m)
            ):
                return None
            if token.lower == "," and name_end is None:
                name_end = m - 1
                continue
            after_apposition = name_end is None or tokens[m - 1].lower == ","
            if (
                after_apposition
                and token.text[:1].islower()
                and token.lower not in AUXILIARIES_AND_ADVERBS
                and (
                    self._loose_cue(m)
                    # '"Go back to Univision," Trump barked and …': right after a short
                    # source, any verb in the past tense says how the quotation was said.
                    or (
                        name_end is None
                        and m - k <= 4
                        and _past_tense_shape(token)
                        and self._ends_verb_phrase(m)
                    )
                )
            ):
                last = name_end if name_end is not None else m - 1
                while last > k and (
                    tokens[last].lower in AUXILIARIES_AND_ADVERBS or tokens[last].lower == ","
                ):
                    last -= 1
                if last - k >= 8:
                    return None
                source = (tokens[k].start, tokens[last].end)
                cue = (token.start, token.end)
                return Frame(
                    pieces,
                    cue,
                    lemma(token.lower),
                    source,
                    "quotation-source-cue",
                    0.8,
                    self.index,
                )
        return None

    def _ends_verb_phrase(self, m: int) -> bool:
        """Whether the verb at `m` closes its clause or takes only an adverbial: the sentence
        ends, or a comma, "and", an adverb or a preposition follows."""
        tokens = self.tokens
        if m + 1 >= len(tokens):
            return True
        following = tokens[m + 1].lower
        return (
            not following[0].isalnum()
            or following in ("and", "as", "to", "at", "from", "before", "after", "while")
            or following in PREPOSITIONS
            or following.endswith("ly")
        )

    def _resumed_after_apposition(self, after: int) -> list[tuple[int, int]]:
        """'"The risk," said Edward Leamer, an economist who …, "is that …"': the quotation
        that resumes after the source's apposition, as more content; else nothing."""
        tokens = self.tokens
        for k in range(after, min(len(tokens), after + 30)):
            if tokens[k].is_quoted:
                if k < 2 or tokens[k - 2].lower != "," or tokens[k - 1].lower not in QUOTE_OPENERS:
                    return []
                quotation = self._quotation_starting_at(k)
                if quotation is None:
                    return []
                return [
                    (a, min(b, self.sentence.end))
                    for a, b in quotation.pieces
                    if a < self.sentence.end
                ]
        return []

    def _cue_first_frame(self) -> Frame | None:
        """'Said Comey, "…"' and 'Said Dorothy Poynter, who grew up with Ali, "…"': a reporting
        verb opens the sentence, its source follows, and a quotation after a comma or colon is
        the content."""
        tokens = self.tokens
        if len(tokens) < 5 or tokens[0].is_quoted:
            return None
        cue_lemma = lemma(tokens[0].lower)
        if cue_lemma not in INVERSION_LEMMAS or not tokens[0].text[:1].isupper():
            return None
        head = tokens[1]
        if not (head.text[:1].isupper() or head.lower in DETERMINERS | QUANTIFIERS):
            return None
        opening = next((k for k, t in enumerate(tokens) if t.is_quoted), None)
        if opening is None or opening > 30:
            return None
        mark = opening - 1
        while mark > 1 and tokens[mark].lower in ("“", '"', "``", "‘", "'"):
            mark -= 1
        if tokens[mark].lower not in (",", ":"):
            return None
        last = next(k for k in range(1, mark + 1) if tokens[k].lower in (",", ":")) - 1
        if last < 1 or last > 8 or any(t.lower in FINITE_AUXILIARIES for t in tokens[1:last]):
            return None
        quotation = self._quotation_starting_at(opening)
        if quotation is None:
            return None
        pieces = self._pieces_in_sentence(quotation)
        if pieces is None:
            return None
        source = (head.start, tokens[last].end)
        cue = (tokens[0].start, tokens[0].end)
        return Frame(pieces, cue, cue_lemma, source, "cue-source-quotation", 0.8, self.index)

    def _pieces_in_sentence(self, quotation: Quotation) -> list[tuple[int, int]] | None:
        """The quotation's pieces within this sentence, or None when they hold fewer than
        two words."""
        pieces = [
            (max(a, self.sentence.start), b)
            for a, b in quotation.pieces
            if a < self.sentence.end and b > self.sentence.start
        ]
        if sum(len(WORD_PATTERN.findall(self.text, a, b)) for a, b in pieces) < 2:
            return None
        return pieces

    def _loose_cue(self, k: int) -> bool:
        return cue_lexicon().get(self.tokens[k].lower, 0.0) >= LOOSE_CUE_SHARE

    def _speaker_label_frame(self) -> Frame | None:
        """'Name: content' — transcripts and headlines that give the speaker before a colon."""
        tokens = self.tokens
        colon = next((k for k, t in enumerate(tokens[:8]) if t.lower == ":"), None)
        if colon is None or colon == 0 or tokens[0].is_quoted:
            return None
        label = tokens[:colon]
        if not all(
            t.text[:1].isupper() or self._is_name_dot(k) or t.lower in ("at", "of", "-")
            for k, t in enumerate(label)
        ):
            return None
        if any(t.lower in NOT_SPEAKER_LABELS for t in label):
            return None
        rest = [t for t in tokens[colon + 1 :] if t.lower[0].isalnum()]
        if len(rest) < 3:
            return None
        after = tokens[colon + 1 :]
        if sum(1 for t in after if t.lower == ",") >= 3 and all(
            t.text[:1].isupper() or not t.lower[:1].isalpha() or t.lower in ("and", "of")
            for t in after
        ):
            return None  # "Nevada: Adam Khan, Andres Ramirez, …": a list of names says nothing
        first = 0
        if colon - first > 1 and tokens[1].lower in ("–", "-", "—"):
            first = 2
        content = (rest[0].start, self._sentence_content_end())
        source = (tokens[first].start, tokens[colon - 1].end)
        cue = (tokens[colon].start, tokens[colon].end)
        return Frame([content], cue, ":", source, "speaker-label", 0.5, self.index)

    def _is_headline(self) -> bool:
        """Whether the sentence is a line of its own in title case ("Trump Says He Never
        Pledged To …"), where a capitalised word may be the verb."""
        text, sentence = self.text, self.sentence
        if text[text.rfind("\n", 0, sentence.start) + 1 : sentence.start].strip():
            return False
        line_end = text.find("\n", sentence.end)
        if text[sentence.end : len(text) if line_end < 0 else line_end].strip(" .\u00a0"):
            return False
        words = [t for t in self.tokens if t.lower[:1].isalpha() and not t.is_quoted]
        if len(words) < 4:
            return False
        lowercase = [t for t in words if not t.text[:1].isupper()]
        return len(lowercase) <= len(words) // 5 and all(
            t.lower in FUNCTION_WORDS for t in lowercase
        )

    def _headline_frames(self) -> list[Frame]:
        """'SOURCE CUE CONTENT' in a title-case headline: "Clinton Says Russians Hacked DNC",
        "Conservative Icon Morton Blackwell Endorses Ted Cruz". The cue is judged as if the
        headline were written in lowercase; the source is the capitalised words before it."""
        model = cue_model()
        if model is None or not self._is_headline():
            return []
        tokens = self.tokens
        lowered = [Token(t.start, t.end, t.lower, t.lower, t.is_quoted) for t in tokens]
        for k in range(1, len(tokens) - 1):
            token = tokens[k]
            if token.is_quoted or not token.lower[:1].isalpha() or token.lower in FUNCTION_WORDS:
                continue
            if model.probability(lowered, k) < CUE_MODEL_THRESHOLD:
                continue
            last = k - 1
            while last >= 0 and tokens[last].lower in FINITE_AUXILIARIES | {"not", "also"}:
                last -= 1
            first = last
            while (
                first > 0
                and (tokens[first - 1].text[:1].isupper() or self._is_name_dot(first - 1))
                and tokens[first - 1].lower not in FINITE_AUXILIARIES
            ):
                first -= 1
            if last < 0 or last - first > 6 or not tokens[first].text[:1].isupper():
                return []
            if tokens[first].lower in (FUNCTION_WORDS | OPENING_SUBORDINATORS) - {"the"}:
                return []  # "If You’re Not Voting …", "When …": a clause, not a source
            source = (tokens[first].start, tokens[last].end)
            found: list[Frame] = []
            # "Clinton Says Russians Hacked DNC, Calls Trump’s Remarks ‘Troubling’": a cue
            # after a comma starts a second statement by the same source.
            cue_at: int | None = k
            while cue_at is not None:
                following = next(
                    (
                        j + 1
                        for j in range(cue_at + 1, len(tokens) - 1)
                        if tokens[j].lower == ","
                        and not tokens[j + 1].is_quoted
                        and tokens[j + 1].lower not in FUNCTION_WORDS
                        and model.probability(lowered, j + 1) >= CUE_MODEL_THRESHOLD
                    ),
                    None,
                )
                end = (
                    self._sentence_content_end() if following is None else tokens[following - 2].end
                )
                rest = [t for t in tokens[cue_at + 1 :] if t.lower[0].isalnum() and t.start < end]
                if len(rest) >= 2 or (rest and found):
                    start = (
                        rest[1].start
                        if rest[0].lower == "that" and len(rest) > 1
                        else rest[0].start
                    )
                    cue = (tokens[cue_at].start, tokens[cue_at].end)
                    cue_lemma = lemma(tokens[cue_at].lower)
                    found.append(
                        Frame([(start, end)], cue, cue_lemma, source, "headline", 0.5, self.index)
                    )
                cue_at = following
            return found
        return []

    def _survey_frame(self) -> Frame | None:
        """'In a new poll by X, most voters ...': the poll is the source."""
        tokens = self.tokens
        if len(tokens) < 6 or tokens[0].lower != "in" or tokens[1].lower not in DETERMINERS:
            return None
        comma = next((k for k, t in enumerate(tokens[:16]) if t.lower == ","), None)
        if comma is None or comma < 3:
            return None
        if not any(t.lower in SURVEY_WORDS for t in tokens[2:comma]):
            return None
        rest = [t for t in tokens[comma + 1 :] if t.lower[0].isalnum()]
        if len(rest) < 3:
            return None
        content = (rest[0].start, self._content_end_from(comma + 1))
        source = (tokens[1].start, tokens[comma - 1].end)
        cue = (tokens[0].start, tokens[0].end)
        return Frame([content], cue, "in", source, "survey", 0.6, self.index)

    def _without(self, frame: Frame, other: Frame) -> Frame | None:
        """`frame` less the content segments that lie within `other`'s content, or None when
        nothing is left."""
        start = min(other.segments[0][0], other.cue[0] if other.cue else other.segments[0][0])
        end = other.segments[-1][1]
        kept = [(a, b) for a, b in frame.segments if not (start <= a and b <= end + 1)]
        if kept == frame.segments:
            return frame
        if not kept:
            return None
        frame.segments = kept
        return frame

    def _asked_frame(self) -> Frame | None:
        """'Asked [at a briefing] whether X, she said ...', '…, he said when asked whether
        X.': the question is a statement whose asker the text does not name."""
        tokens = self.tokens
        k = 1 if tokens[0].lower == "when" else 0
        if tokens[k].lower != "asked" or tokens[k].is_quoted:
            return self._trailing_asked_frame()
        first = next(
            (
                m
                for m in range(k + 1, min(k + 10, len(tokens)))
                if tokens[m].lower in QUESTION_OPENERS
            ),
            None,
        )
        if first is None or any(self._is_break(m) for m in range(k + 1, first)):
            return None
        comma = next(
            (
                m
                for m in range(first + 1, len(tokens))
                if self._is_break(m) and tokens[m].lower == ","
            ),
            None,
        )
        if comma is None or comma - first < 2 or comma + 2 >= len(tokens):
            return None
        cue_last = k
        if tokens[first].lower == "about" and first == k + 1:
            cue_last, first = first, first + 1  # "Asked about the plan,": the object is asked
        content = (tokens[first].start, self._end_before(comma))
        cue = (tokens[k].start, tokens[cue_last].end)
        return Frame([content], cue, "ask", None, "asked", 0.5, self.index)

    def _trailing_asked_frame(self) -> Frame | None:
        """', he said, when asked whether X.': a question closing the sentence."""
        tokens = self.tokens
        k = next(
            (
                m
                for m in range(2, len(tokens) - 3)
                if tokens[m].lower == "asked"
                and tokens[m - 1].lower in ("when", "after", "while", ",")
                and not tokens[m].is_quoted
                and tokens[m + 1].lower in QUESTION_OPENERS
            ),
            None,
        )
        if k is None:
            return None
        first = cue_last = k + 1
        if tokens[first].lower == "about":
            first += 1  # "when asked about the vagueness": the object is the question
        else:
            cue_last = k
        last = first
        while last + 1 < len(tokens) and not (
            self._is_break(last + 1) or tokens[last + 1].is_quoted
        ):
            last += 1
        if last - first < 1 or (last + 1 < len(tokens) and tokens[last + 1].lower not in ".?!,"):
            return None  # only a question that runs to the sentence end or a comma
        content = (tokens[first].start, tokens[last].end)
        cue = (tokens[k].start, tokens[cue_last].end)
        return Frame([content], cue, "ask", None, "asked", 0.5, self.index)

    def _is_participle_after_comma(self, i: int) -> bool:
        tokens = self.tokens
        return i > 0 and tokens[i].lower.endswith("ing") and tokens[i - 1].lower == ","

    def _participle_frame(self, i: int, source: tuple[int, int] | None) -> Frame | None:
        """'..., he said, adding that ...': a second statement by the same source."""
        content_first = self._content_start_after(i, i)
        if content_first is None:
            return None
        cue_last = i
        if self._takes_cue_preposition(i, content_first):
            # ", referring to the number of seats": the preposition belongs to the cue.
            cue_last, content_first = content_first, content_first + 1
        quotation = self._quotation_starting_at(content_first)
        if quotation is not None and self._clause_goes_on_after(quotation):
            quotation = None  # 'concluded that "top secret" information was included in …'
        if quotation is not None:
            segments = list(quotation.pieces)
        else:
            end = self._learned_end(i, content_first, self._content_end_from(content_first, cue=i))
            if end <= self.tokens[content_first].start:
                return None
            segments = [(self.tokens[content_first].start, end)]
        cue = (self.tokens[i].start, self.tokens[cue_last].end)
        return Frame(
            segments, cue, lemma(self.tokens[i].lower), source, "participle", 0.6, self.index
        )

    def _as_source_said_frame(self) -> Frame | None:
        """ "As The Washington Post reported, CONTENT." or "As reported by X, CONTENT.": the
        opening clause names the source and the main clause after its comma is the content."""
        tokens = self.tokens
        k = 0
        while k < len(tokens) and (
            tokens[k].lower in DISCOURSE_OPENERS or (k and tokens[k].lower == ",")
        ):
            k += 1  # "However, as POLITICO has reported, ..."
        if k + 3 >= len(tokens) or tokens[k].lower != "as" or tokens[k].is_quoted:
            return None
        comma = next(
            (m for m in range(k + 2, min(len(tokens), k + 16)) if tokens[m].lower == ","), None
        )
        if comma is None or comma + 3 >= len(tokens):
            return None
        if any(t.is_quoted or t.lower in (";", ":", "(") for t in tokens[k:comma]):
            return None
        if lemma(tokens[k + 1].lower) in AS_CUE_LEMMAS and tokens[k + 2].lower == "by":
            # "As reported by Western Journalism,"
            cue_first, cue_last = k + 1, k + 2
            source_tokens = (k + 3, comma - 1)
            if comma - 1 < k + 3 or not tokens[k + 3].text[:1].isupper():
                return None
        else:
            cue_last = comma - 1
            if tokens[cue_last].lower in ("it", "out") and cue_last > k + 2:
                cue_first = cue_last - 1  # "As Smith put it,", "As she pointed out,"
            else:
                cue_first = cue_last
            if lemma(tokens[cue_first].lower) not in AS_CUE_LEMMAS:
                return None
            trimmed = self._trim_source(k + 1, cue_first)
            if trimmed is None or not self._plausible_source(*trimmed):
                return None
            source_tokens = trimmed
        start = comma + 1
        while start < len(tokens) and tokens[start].lower in BOUNDARY_PUNCTUATION:
            start += 1
        content_end = self._sentence_content_end()
        if start >= len(tokens) or tokens[start].start >= content_end:
            return None
        return Frame(
            self._content_segments(tokens[start].start, content_end),
            (tokens[cue_first].start, tokens[cue_last].end),
            lemma(tokens[cue_first].lower),
            (tokens[source_tokens[0]].start, tokens[source_tokens[1]].end),
            "as-source-cue",
            0.8,
            self.index,
        )

    def _according_to_frame(self, i: int) -> Frame | None:
        """According to SOURCE, CONTENT.  or  CONTENT, according to SOURCE."""
        tokens = self.tokens
        source_first = i + 2
        source_last = source_first
        opener = i == 0 or (i <= 2 and all(t.lower in DISCOURSE_OPENERS for t in tokens[:i]))
        # Opening the sentence, the source runs to its comma ("According to the AP and
        # Reuters, …"); closing it, "and" or "who" may start another clause.
        stops = BOUNDARY_PUNCTUATION | ({"that"} if opener else {"that", "and", "who"})
        while source_last + 1 < len(tokens) and (
            tokens[source_last + 1].lower not in stops
            or self._is_name_dot(source_last + 1)  # "according to the U.S. Census Bureau"
        ):
            source_last += 1
            if source_last - source_first > (
                MAXIMUM_OPENING_ACCORDING_SOURCE if i == 0 else MAXIMUM_ACCORDING_SOURCE
            ):
                return None
        if source_first >= len(tokens) or tokens[source_first].lower in BOUNDARY_PUNCTUATION:
            return None
        source = (tokens[source_first].start, tokens[source_last].end)
        cue = (tokens[i].start, tokens[i + 1].end)
        resumed = None
        if opener:
            start_index = source_last + 1
            while start_index < len(tokens) and tokens[start_index].lower in BOUNDARY_PUNCTUATION:
                start_index += 1
            if start_index >= len(tokens) - 1:
                return None
            content = (tokens[start_index].start, self._sentence_content_end())
        else:
            end_index = i - 1
            while end_index >= 0 and tokens[end_index].lower in BOUNDARY_PUNCTUATION:
                end_index -= 1
            start = self._content_start_before(end_index + 1)
            # "Fundraising, according to the campaign, has surged": the content goes on
            # after a parenthetical source.
            if (
                source_last + 2 < len(tokens)
                and tokens[source_last + 1].lower == ","
                and tokens[i - 1].lower == ","
                and sum(1 for t in tokens[source_last + 2 :] if t.lower[0].isalnum()) >= 2
                and not tokens[source_last + 2].is_quoted
                and tokens[source_last + 2].lower not in {"and", "but", "or", "so", "while"}
            ):
                resumed = (tokens[source_last + 2].start, self._sentence_content_end())
                if start is None and end_index >= 0 and tokens[0].lower[0].isalnum():
                    start = tokens[0].start  # "Fundraising, according to …, has surged"
            if end_index < (0 if resumed else 1) or start is None:
                return None
            if tokens[end_index].lower == "that" and resumed is None:
                return None  # "The AP reported that, according to X and Y, …": no content here
            content = (start, tokens[end_index].end)
        segments = self._content_segments(*content)
        if resumed is not None:
            if tokens[i - 2].lower == "that" and not tokens[i - 2].is_quoted:
                # "The AP reported that, according to X, …": what comes before is another
                # statement's source and cue, not content.
                segments = []
            segments += self._content_segments(*resumed)
        return Frame(
            segments,
            cue,
            "according to",
            source,
            "according-to",
            0.85,
            self.index,
        )

    def _takes_cue_preposition(self, i: int, content_first: int) -> bool:
        """Whether the preposition at `content_first` belongs to the cue at `i` ("stand with
        X", "referring to X"): when the classifier is sure of the verb, its object is the
        content. An infinitive's "to" ("promised to push") stays with the content."""
        tokens = self.tokens
        preposition = tokens[content_first]
        return (
            preposition.lower in CUE_PHRASE_PREPOSITIONS
            and not preposition.is_quoted
            and not (
                preposition.lower == "to" and _is_form_of(tokens[i].lower, TO_INFINITIVE_VERBS)
            )
            and (
                _model_probability(tokens, i) >= PHRASE_CUE_PROBABILITY
                # "Trump's attacks on Clinton", "his support for the ban": after a possessive
                # the cue is a noun, and its preposition belongs to it.
                or (i > 0 and tokens[i - 1].lower in POSSESSIVE_MARKS | POSSESSIVE_DETERMINERS)
            )
            and content_first + 2 < len(tokens)
        )

    def _source_cue_content_frame(self, i: int, cues: list[int]) -> Frame | None:
        """SOURCE CUE [object] [that] CONTENT."""
        tokens = self.tokens
        cue_end_index = self._extend_cue(i)
        content_first = self._content_start_after(i, cue_end_index)
        if content_first is None:
            return self._next_paragraph_frame(i, cue_end_index)
        if any(i < j < content_first and tokens[j - 1].lower in POSSESSIVE_MARKS for j in cues):
            # "reacted to the officials' claims that ...": the nearer cue owns the content.
            return None
        probability = _model_probability(tokens, i)
        if (
            tokens[content_first].lower.endswith("ly")
            and not tokens[content_first].is_quoted
            and content_first + 1 < len(tokens)
            and self._takes_cue_preposition(i, content_first + 1)
        ):
            # "complained bitterly about X", "spoke briefly of X": the adverb and the
            # preposition both belong to the cue.
            cue_end_index = content_first + 1
            content_first += 2
        elif self._takes_cue_preposition(i, content_first):
            # "stand with X", "is confident in X": when the classifier is sure of the verb,
            # the preposition belongs to the cue and its object is the content.
            cue_end_index = content_first
            content_first += 1
        elif tokens[content_first].lower in PREPOSITIONS and not tokens[content_first].is_quoted:
            # "fired against the bases": a preposition after the verb is no statement.
            return None
        source_tokens = self._source_before(i)
        if source_tokens is None and probability >= FALLBACK_SOURCE_PROBABILITY:
            source_tokens = self._nearest_subject(i)
        if source_tokens is None:
            return None
        quotation = self._quotation_starting_at(content_first)
        if quotation is not None and self._clause_goes_on_after(quotation):
            quotation = None  # 'concluded that "top secret" information was included in …'
        if quotation is not None:
            segments = [(a, b) for a, b in quotation.pieces]
            configuration = "source-cue-quotation"
        else:
            end = self._learned_end(i, content_first, self._content_end_from(content_first, cue=i))
            opener_end = self._opening_clause_comma(i)
            if opener_end is not None:
                if opener_end < content_first:
                    return None  # the words after the clause's comma are the main clause
                # "While Clinton claimed that X, experts affirm ...": the clause ends there.
                end = min(end, tokens[opener_end - 1].end)
            start = tokens[content_first].start
            if end <= start:
                return None
            segments = [(start, end)]
            configuration = "source-cue-content"
        words = sum(1 for t in tokens[content_first:] if t.lower[0].isalnum())
        if words < 2 and not tokens[content_first].text[:1].isupper():
            return None  # one word is content only as a name: "have endorsed Clinton."
        share = cue_share(tokens[i])
        confidence = 0.35 + 0.55 * share
        subject = (tokens[source_tokens[0]].start, tokens[source_tokens[1]].end)
        source: tuple[int, int] | None = subject
        cue = (tokens[i].start, tokens[cue_end_index].end)
        if configuration == "source-cue-content" and self._raises_subject(i, source_tokens[1]):
            # "The decision is expected to be unfavorable": no one is quoted; the subject and
            # the infinitive together are the content.
            segments = [subject, *segments]
            source = None
            configuration = "raising"
        return Frame(
            segments,
            cue,
            lemma(tokens[i].lower),
            source,
            configuration,
            round(confidence, 2),
            self.index,
        )

    def _passive_by_frame(self, i: int) -> Frame | None:
        """CONTENT was CUE by SOURCE: "This proposal was rejected by 64 percent of the
        electorate", "The meeting was first reported by Politico"."""
        tokens = self.tokens
        by = i + 1
        if by + 1 >= len(tokens) or tokens[by].lower != "by" or tokens[i].is_quoted:
            return None
        k = i - 1
        while k >= 0 and (tokens[k].lower.endswith("ly") or tokens[k].lower in PASSIVE_ADVERBS):
            k -= 1
        if k < 1 or tokens[k].lower not in BE_FORMS:
            return None
        last = by + 1
        while (
            last + 1 < len(tokens)
            and last - by < MAXIMUM_SOURCE_TOKENS
            and not self._is_break(last + 1)
            and tokens[last + 1].lower not in CLAUSE_OPENERS | PREPOSITIONS | PASSIVE_COMPLEMENTS
            and tokens[last + 1].lower not in ("who", "which")
            and not tokens[last + 1].is_quoted
        ):
            last += 1
        if not tokens[by + 1].lower[:1].isalnum() or not self._plausible_source(by + 1, last):
            return None
        content = self._source_before(i)
        if content is None or tokens[content[0]].is_quoted:
            return None
        subject = (tokens[content[0]].start, tokens[content[1]].end)
        agent = (tokens[by + 1].start, tokens[last].end)
        segments = [subject]
        if tokens[i].lower in FEELING_PARTICIPLES:
            # "Advocates were outraged by the raids": the subject holds the view.
            segments, agent = [agent], subject
        elif last + 2 < len(tokens) and tokens[last + 1].lower in PASSIVE_COMPLEMENTS:
            # "was seen by some as a demotion", "criticized by rivals for failing to …"
            end = self._content_end_from(last + 1)
            if end > tokens[last + 1].start:
                segments.append((tokens[last + 1].start, end))
        return Frame(
            segments,
            (tokens[k].start, tokens[by].end),
            lemma(tokens[i].lower),
            agent,
            "passive-by",
            0.5,
            self.index,
        )

    def _passive_frame(self, i: int) -> Frame | None:
        """CONTENT was CUE, no agent named: "The report was released", "Syed Farook's name
        was announced on a police scanner", "The move was hotly criticized"."""
        tokens = self.tokens
        word = tokens[i].lower
        if tokens[i].is_quoted or not (word.endswith(("ed", "en", "wn")) or word in PAST_FORMS):
            return None
        if lemma(word) in NOT_PASSIVE_STATEMENTS:
            return None
        following = tokens[i + 1].lower if i + 1 < len(tokens) else "."
        if following not in PASSIVE_TAILS and following[:1].isalnum():
            return None  # an object or complement follows: "was accused of …", "was named CEO"
        k = i - 1
        while k >= 0 and (tokens[k].lower.endswith("ly") or tokens[k].lower in PASSIVE_ADVERBS):
            k -= 1
        if k < 1 or tokens[k].lower not in BE_FORMS:
            return None
        if any(t.lower == "by" for t in tokens[i + 1 : i + 8]):
            return None  # an agent follows after all: "was announced Tuesday by the mayor"
        content = self._source_before(k + 1)
        if content is None or tokens[content[0]].is_quoted:
            return None
        if tokens[content[0]].lower in SUBJECT_PRONOUNS_AND_RELATIVES:
            return None
        return Frame(
            [(tokens[content[0]].start, tokens[content[1]].end)],
            (tokens[k].start, tokens[i].end),
            lemma(word),
            None,
            "passive",
            0.4,
            self.index,
        )

    def _raises_subject(self, i: int, source_last: int) -> bool:
        """Whether the cue at i is a raising verb whose subject is no speaker: "X seemed to
        …", "X appears ready …", "X is expected to …" (a passive "expect")."""
        tokens = self.tokens
        between = [t.lower for t in tokens[source_last + 1 : i]]
        if any(not word.isalpha() for word in between) or len(between) > 3:
            return False
        base = lemma(tokens[i].lower)
        if base in RAISING_LEMMAS:
            following = tokens[i + 1].lower if i + 1 < len(tokens) else "."
            return following not in PREPOSITIONS | CUE_PHRASE_PREPOSITIONS | NOT_RAISED or (
                following == "to" and i + 2 < len(tokens) and tokens[i + 2].text[:1].islower()
            )
        return base == "expect" and any(word in BE_FORMS for word in between)

    def _next_paragraph_frame(self, i: int, cue_end_index: int) -> Frame | None:
        """'Trump tweeted:' ending a paragraph introduces the next paragraph."""
        tokens = self.tokens
        if cue_end_index + 2 != len(tokens) or tokens[-1].lower != ":":
            return None
        source_tokens = self._source_before(i)
        if source_tokens is None:
            return None
        start = self.sentence.end
        while start < len(self.text) and (self.text[start].isspace() or self.text[start] in "“\"'"):
            start += 1
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        if end - start < 10:
            return None
        source = (tokens[source_tokens[0]].start, tokens[source_tokens[1]].end)
        cue = (tokens[i].start, tokens[cue_end_index].end)
        return Frame(
            [(start, end)],
            cue,
            lemma(tokens[i].lower),
            source,
            "cue-colon-paragraph",
            0.6,
            self.index,
        )

    def _lone_quotation_frame(self) -> Frame | None:
        """A sentence that is one direct quotation with no cue: a continuation of a quote."""
        tokens = self.tokens
        words = [t for t in tokens if t.lower[0].isalnum()]
        if not words or not all(t.is_quoted for t in words):
            return None
        quotation = next((q for q in self.doubles if q.start <= words[0].start < q.end), None)
        if quotation is None or len(words) < 4:
            return None
        pieces = [
            (max(a, self.sentence.start), min(b, self.sentence.end))
            for a, b in quotation.pieces
            if a < self.sentence.end and b > self.sentence.start
        ]
        # A continuation stated on its own (the next paragraph's quotation after indirect
        # speech) matched an annotated statement 62 times in 100 on held-out train quarters.
        return Frame(
            pieces, None, "", None, "continuation", 0.6, self.index, quotations=[quotation]
        )

    # -- pieces -----------------------------------------------------------------------------

    def _is_name_dot(self, k: int) -> bool:
        """A full stop that belongs to a name: "Mr.", "J.M.", "Sen."."""
        tokens = self.tokens
        if tokens[k].lower != "." or k == 0:
            return False
        before = tokens[k - 1].lower
        if PARTY_STATE.fullmatch(before):
            return True  # "Sen. Rand Paul, R-Ky., said"
        return before in ABBREVIATIONS or (len(before) == 1 and before.isalpha())

    def _is_break(self, k: int) -> bool:
        lower = self.tokens[k].lower
        return lower in BOUNDARY_PUNCTUATION and not self._is_name_dot(k)

    def _boundary_before(self, i: int) -> int | None:
        """Index of the comma (or closing mark) that ends the content before a final cue."""
        tokens = self.tokens
        j = i - 1
        steps = 0
        while j >= 0 and steps <= MAXIMUM_SOURCE_TOKENS:
            lower = tokens[j].lower
            if lower in (",", "—", "–", ":") or (lower in CLOSING_MARKS and j > 0):
                return j
            if lower == ")" and not tokens[j].is_quoted:
                # "Sen. Chuck Schumer (D-N.Y.) said": a short bracket inside the source.
                opening = self._bracket_opening(j)
                if opening is not None:
                    steps += j - opening
                    j = opening - 1
                    continue
            if tokens[j].is_quoted or lower in ("(", ")", ";", "who", "which"):
                return None
            if lower == "." and not self._is_name_dot(j):
                return None
            if lower in CLAUSE_OPENERS:
                return None
            j -= 1
            steps += 1
        return None

    def _bracket_opening(self, closing: int) -> int | None:
        """Index of the "(" that the ")" at `closing` closes, within a few words, or None."""
        tokens = self.tokens
        for k in range(closing - 1, max(-1, closing - 9), -1):
            if tokens[k].lower == "(":
                return k
            if tokens[k].lower in (")", ",", ";") or tokens[k].is_quoted:
                return None
        return None

    def _end_before(self, boundary: int) -> int:
        """End of the content that stops at `boundary` (a comma or a closing mark)."""
        tokens = self.tokens
        k = boundary - 1
        while k > 0 and not tokens[k].lower[0].isalnum() and tokens[k].lower not in ("?", "!"):
            k -= 1
        return tokens[k].end

    def _plausible_source(self, first: int, last: int) -> bool:
        tokens = self.tokens
        if last - first >= 12:
            return False
        head = tokens[first]
        if not (
            head.text[:1].isupper()
            or self._role_before_name(first, last)
            or self._bare_group(first, last)  # "…, analysts say.", "…, police said."
            or head.lower in PRONOUNS
            or head.lower in DETERMINERS
            or head.lower in QUANTIFIERS
            or head.lower[:1].isdigit()
        ):
            return False
        return not any(
            tokens[k].lower in CLAUSE_OPENERS
            or tokens[k].lower in RELATIVE_WORDS
            or self._looks_verbal(tokens[k])
            or (tokens[k].lower.endswith("ed") and tokens[k].text.islower() and k > first)
            for k in range(first, last + 1)
        )

    def _role_before_name(self, first: int, last: int) -> bool:
        """A lowercase role, then a name: "spokesman Stuart Roy", "former Obama adviser David
        Axelrod"."""
        tokens = self.tokens
        head = tokens[first]
        return (
            head.text.isalpha()
            and head.text.islower()
            and head.lower not in DETERMINERS | QUANTIFIERS | PREPOSITIONS
            and head.lower not in TIME_AND_MANNER_OPENERS | CLAUSE_OPENERS
            and head.lower not in ("of", "to", "for", "about", "as", "like")  # "said of Cruz"
            and 0 < last - first <= 11
            and tokens[last].text[:1].isupper()
            and (
                last - first <= 5
                # a long title of capitalised words: "former Pennsylvania Gov. and Democratic
                # National Committee Chairman Ed Rendell"
                or all(
                    t.text[:1].isupper() or t.lower == "and" or self._is_name_dot(k)
                    for k, t in enumerate(tokens[first + 1 : last + 1], first + 1)
                )
            )
        )

    def _bare_group(self, first: int, last: int) -> bool:
        """A plural or collective noun with no determiner: "analysts", "state police"."""
        words = self.tokens[first : last + 1]
        if len(words) > 3 or not all(t.text.isalpha() and t.text.islower() for t in words):
            return False
        mention = " ".join(t.text for t in words)
        return words[-1].lower in KIND_WORDS or guess_kind(mention) == "group"

    def _trim_source(self, first: int, cue_index: int) -> tuple[int, int] | None:
        tokens = self.tokens
        last = cue_index - 1
        while last >= first and (
            tokens[last].lower in AUXILIARIES_AND_ADVERBS or tokens[last].lower.endswith("ly")
        ):
            last -= 1
        while first <= last and (
            (self._is_break(first) and tokens[first].lower != "(")
            or tokens[first].lower in DISCOURSE_OPENERS
        ):
            first += 1
        if first > last:
            return None
        if tokens[last].lower == ")":
            opening = self._bracket_opening(last)
            if opening is not None and opening > first:
                last = opening - 1  # "Sen. Chuck Schumer (D-N.Y.)": the name is the source
        if tokens[first].lower in CLAUSE_OPENERS and tokens[first].lower != "that":
            return None
        if tokens[last].lower in ("of", "the", "a", "to", "in", "and", "for", "with", ","):
            return None
        return first, last

    def _source_before(self, i: int) -> tuple[int, int] | None:
        """Walk back from a cue to the start of its subject."""
        tokens = self.tokens
        if i > 0 and tokens[i - 1].lower in POSSESSIVE_MARKS:
            # "the officials' claims that ...": the possessor is the source.
            j = i - 2
            while j >= 0 and i - j < 8 and not self._is_break(j):
                if tokens[j].lower in CLAUSE_OPENERS or tokens[j].lower in ("of", "on", "in"):
                    break
                if tokens[j].lower in DETERMINERS:
                    j -= 1
                    break
                j -= 1
            first = j + 1
            if first > i - 2:
                return None
            return first, i - 2
        last = i - 1
        while last >= 0 and (
            tokens[last].lower in AUXILIARIES_AND_ADVERBS | CUE_ADVERBS
            or tokens[last].lower.endswith("ly")
        ):
            last -= 1
        if (
            last >= 2
            and tokens[last].lower in WEEKDAYS_AND_TIMES
            and tokens[last - 1].lower in ("on", "last", "this", "early", "late", "next")
            and tokens[last - 2].lower in ("and", "but")
        ):
            last -= 2  # "Scott freed up funds and on Monday announced …"
        is_gerund = tokens[i].lower.endswith("ing")
        if is_gerund and (i == 0 or (i == 1 and tokens[0].lower in SUBJECT_SKIPPED_OPENERS)):
            # "Despite challenging X, Cruz said …", "Rallying workers, Clinton promised …":
            # the participle's subject is the main clause's.
            return self._main_clause_subject(i)
        # 'needled the CNN “reporter,” saying': the comma inside the closing mark counts too.
        comma_in_mark = (
            last >= 1 and tokens[last].lower in CLOSING_MARKS and tokens[last - 1].lower == ","
        )
        if last >= 0 and (
            tokens[last].lower in ("and", "but")
            or (is_gerund and (tokens[last].lower in GERUND_PREPOSITIONS | {","} or comma_in_mark))
        ):
            # "Smith visited the plant and said ...": the sentence subject speaks.
            if tokens[last].lower in ("and", "but"):
                nearer = self._subordinate_subject(last)
                if nearer is not None:
                    return nearer
            return self._sentence_subject(last)
        if (
            last >= 2
            and tokens[last].lower in WEEKDAYS_AND_TIMES
            and tokens[last - 1].lower in ("on", "last", "this", "early", "late")
            and tokens[last - 2].lower == ","
        ):
            last -= 2  # "Trump, who has been feuding with X, on Friday described ..."
        j = last
        appositive = last >= 1 and tokens[last].lower == ","
        if appositive:
            # A name opening the sentence owns the appositions up to the cue.
            leading = self._leading_name_apposition(last)
            if leading is not None:
                return leading
            # "Smith, an expert on X, said ...": take the name and its apposition.
            j = last - 1
            while j >= 0 and tokens[j].lower != "," and last - j <= 24:
                if tokens[j].lower in (";", ".") and not self._is_name_dot(j):
                    return None
                j -= 1
            if j < 1 or tokens[j].lower != ",":
                return None
            j -= 1
            if j >= 2 and tokens[j].lower.isdigit() and tokens[j - 1].lower == ",":
                j -= 2  # "Woodrow Benford, 58, who lives outside X, says": an age before it
        depth = 0
        while j >= 0:
            token = tokens[j]
            lower = token.lower
            if lower == ")":
                depth += 1
            elif lower == "(":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0:
                if token.is_quoted or self._is_break(j):
                    break
                if lower in ("who", "which"):
                    j -= 1
                    break
                if lower in CLAUSE_OPENERS:
                    break
            if i - j > MAXIMUM_SOURCE_TOKENS + (24 if appositive else 0):
                return None
            j -= 1
        trimmed = self._trim_source(j + 1, last if appositive else last + 1)
        if trimmed is None:
            return None
        first, last = trimmed
        if appositive and (
            not tokens[first].text[:1].isupper()
            or tokens[first].lower in PREPOSITIONS | TIME_AND_MANNER_OPENERS
        ):
            return None
        name_part = range(first, last + 1)
        if not appositive and any(self._looks_verbal(tokens[k]) for k in name_part):
            return None
        return first, last

    def _nearest_subject(self, i: int) -> tuple[int, int] | None:
        """The nearest pronoun or capitalised name before the cue within its clause."""
        tokens = self.tokens
        modifier: tuple[int, int] | None = None
        j = i - 1
        while j >= 0 and i - j <= MAXIMUM_SOURCE_TOKENS:
            token = tokens[j]
            if token.is_quoted or token.lower in (";", ":", ".") and not self._is_name_dot(j):
                return modifier
            if token.lower in PRONOUNS and token.lower not in ("that", "which", "one", "it"):
                return j, j
            if token.text[:1].isupper() and j > 0 or (j == 0 and token.lower not in PRONOUNS):
                if not token.text[:1].isupper():
                    return modifier
                first = j
                while first > 0 and (
                    tokens[first - 1].text[:1].isupper() or self._is_name_dot(first - 1)
                ):
                    first -= 1
                if tokens[first].lower in SUBJECT_SKIPPED_OPENERS | DISCOURSE_OPENERS:
                    return modifier
                if (
                    first > 0
                    and tokens[first - 1].lower in DETERMINERS
                    and j + 1 < i
                    and tokens[j + 1].text.isalpha()
                    and tokens[j + 1].text.islower()
                ):
                    # "the Democratic nominee": a capitalised modifier, not a name; a name
                    # further back is the likelier subject.
                    modifier = modifier or (first, j)
                    j = first - 2
                    continue
                return first, j
            j -= 1
        return modifier

    def _sentence_subject(self, before: int) -> tuple[int, int] | None:
        """The subject at the start of the clause: a pronoun or a capitalised name."""
        tokens = self.tokens
        k = 0
        while k < before and tokens[k].lower in DISCOURSE_OPENERS | {","}:
            k += 1
        for opener in range(2):  # a dateline, then an opening phrase
            # Only the first word can be a dateline: "FBI" after "Last month," is a name.
            is_dateline = opener == 0 and k < before and _is_dateline_at(tokens, k)
            if not (
                k < before
                and (
                    tokens[k].lower in SUBJECT_SKIPPED_OPENERS
                    or tokens[k].lower.endswith("ing")
                    or is_dateline
                    or self._time_phrase_opener(k, before)
                    or self._passive_opener(k)
                )
            ):
                break
            # Skip an introductory phrase ("While he was there,", "Despite X,", "ORLANDO, Fla.
            # (Reuters) -") up to its comma or dash: its words are not the subject.
            stops = ("—", "–", "-", "--") if is_dateline else (",",)
            comma = next((m for m in range(k, before) if tokens[m].lower in stops), None)
            if comma is None:
                return None
            k = comma + 1
        k = self._after_bare_time_phrase(k, before)
        if k >= before:
            return None
        if tokens[k].lower in PRONOUNS and tokens[k].lower not in ("that", "which", "one"):
            return k, k
        if tokens[k].lower in ("the", "a", "an"):
            # "the American Bar Association completed ... and deemed": a noun phrase up to
            # its verb.
            last = k + 1
            while last < before and last - k <= 6:
                token = tokens[last]
                if (
                    not token.text.isalpha()
                    and not self._is_name_dot(last)
                    and "-" not in token.text
                ):
                    break
                if (
                    token.lower
                    in FINITE_AUXILIARIES | AUXILIARIES_AND_ADVERBS | CLAUSE_OPENERS | PREPOSITIONS
                ):
                    break
                if token.text.islower() and (token.lower.endswith("ed") or is_cue(tokens, last)):
                    break
                last += 1
            return (k, last - 1) if last - 1 > k else None
        if not tokens[k].text[:1].isupper():
            return None
        return k, self._name_end(k, before)

    def _subordinate_subject(self, last: int) -> tuple[int, int] | None:
        """In "While she says X and considers Y" or "when he brought up X and later said",
        the subject after the nearest subordinator before "and", with no comma between."""
        tokens = self.tokens
        for m in range(last - 1, -1, -1):
            lower = tokens[m].lower
            if lower in (",", ";", ":", "—", "–") or tokens[m].is_quoted:
                return None
            if lower == "who":  # "an official who worked with X and called him": "who"
                return m, m
            if lower in OPENING_SUBORDINATORS - {"despite", "even"}:
                k = m + 1
                if k < last and tokens[k].lower in SUBJECT_PRONOUNS:
                    return k, k
                return None
        return None

    def _passive_opener(self, k: int) -> bool:
        """ "Reached by POLITICO,", "Asked about it,": a participle opening the sentence."""
        tokens = self.tokens
        return (
            tokens[k].lower.endswith("ed")
            and tokens[k].text[:1].isupper()
            and k + 1 < len(tokens)
            and tokens[k + 1].lower in PREPOSITIONS | {"by", "about", "to", "for", "as"}
        )

    def _leading_name_apposition(self, last: int) -> tuple[int, int] | None:
        """ "Christopher Shelton, the president of X, which endorsed Y in December, said":
        a name opening the sentence, then commas up to the cue; the name and what follows."""
        tokens = self.tokens
        k = 0
        while k < last and tokens[k].lower in DISCOURSE_OPENERS | {","}:
            k += 1
        if k >= last or not tokens[k].text[:1].isupper() or tokens[k].is_quoted:
            return None
        if tokens[k].lower in SUBJECT_SKIPPED_OPENERS | DISCOURSE_OPENERS | TIME_PHRASE_WORDS:
            return None
        if _is_dateline_at(tokens, k) or tokens[k].lower in PRONOUNS:
            return None
        r = self._name_end(k, last)
        if r + 1 >= last or tokens[r + 1].lower != "," or r - k > 4:
            return None
        for m in range(r + 1, last):
            if tokens[m].lower in (";", ":", ".") and not self._is_name_dot(m):
                return None
        return k, last - 1

    def _after_bare_time_phrase(self, k: int, before: int) -> int:
        """Past a time phrase with no comma before its subject ("A few minutes later they
        reversed themselves"); `k` itself when there is none."""
        tokens = self.tokens
        m = k
        while (
            m < before
            and m - k < 6
            and (
                tokens[m].lower in TIME_PHRASE_FILLERS
                or tokens[m].lower in QUANTIFIERS
                or tokens[m].lower.isdigit()
                or tokens[m].lower in TIME_UNITS
            )
        ):
            m += 1
        if m == k or m + 1 >= before or tokens[m].lower not in ("later", "ago", "earlier"):
            return k
        following = tokens[m + 1]
        if following.lower in SUBJECT_PRONOUNS or following.text[:1].isupper():
            return m + 1
        return k

    def _time_phrase_opener(self, k: int, before: int) -> bool:
        """A short time phrase up to a comma opens the sentence: "Eight years ago,", "Late last
        month,", "Two days later,"."""
        tokens = self.tokens
        comma = next((m for m in range(k, min(before, k + 6)) if tokens[m].lower == ","), None)
        if comma is not None and any(
            tokens[m].lower in FINITE_AUXILIARIES | SUBJECT_PRONOUNS for m in range(k, comma)
        ):
            return False  # "It was a good day, she said": a clause with a verb, not a time
        return comma is not None and any(
            tokens[m].lower in TIME_PHRASE_WORDS for m in range(k, comma)
        )

    def _looks_verbal(self, token: Token) -> bool:
        # A cue-like or common verb inside the subject means we walked into another clause.
        return token.lower in ("is", "are", "was", "were", "be", "been") or (
            token.lower in cue_lexicon() and cue_lexicon()[token.lower] >= 0.5
        )

    def _extend_cue(self, i: int) -> int:
        """Take particles that belong to the cue ("pointed out", "called for")."""
        tokens = self.tokens
        if (
            i + 1 < len(tokens)
            and tokens[i + 1].lower in ("out", "for", "on", "up")
            and tokens[i].lower.startswith(("point", "call", "weigh", "sum", "spell"))
        ):
            return i + 1
        return i

    def _inverted_source(self, first: int, cue_lemma: str) -> tuple[tuple[int, int], int] | None:
        """', said SOURCE[, apposition].' -> source span and the index after it."""
        tokens = self.tokens
        if first >= len(tokens):
            return None
        head = tokens[first]
        indefinite_allowed = cue_lemma in ("say", "add", "ask") or (
            # '"…," wrote one commenter.'
            cue_lemma in INVERSION_LEMMAS and self._follows_quotation(first - 1)
        )
        # Otherwise only "said former Obama adviser David Axelrod" (checked once its end is known).
        role_first = not (
            head.text[:1].isupper()
            or head.lower in ("the", "his", "her", "their", "its")
            or (indefinite_allowed and head.lower in DETERMINERS | QUANTIFIERS)
        )
        if (
            head.lower in SUBJECT_PRONOUNS
            and first + 1 < len(tokens)
            and tokens[first + 1].lower[0].isalnum()
        ):
            return None  # "…, says he didn't know …": the pronoun opens the content
        j = first
        while j < len(tokens) and not self._is_break(j):
            # "said former Pennsylvania Gov. and Democratic National Committee Chairman Ed
            # Rendell": after "and", a second title (or a second name) of the same source.
            if tokens[j].lower in CLAUSE_OPENERS | {"who", "which"} and not (
                tokens[j].lower == "and" and self._capitalised_to_break(j + 1)
            ):
                break
            if tokens[j].lower in FINITE_AUXILIARIES:
                return None  # "..., said Hillary Clinton should be ready": not inverted
            if (
                j > first
                and tokens[j].text.islower()
                and (
                    self._looks_verbal(tokens[j])
                    or (
                        tokens[j].lower.endswith("ed")
                        and j + 1 < len(tokens)
                        and tokens[j + 1].lower in DETERMINERS
                    )
                )
            ):
                # "…, said the convention represented the …": a clause, not an inverted source
                # (but "said one Republican involved in the planning" is one).
                return None
            j += 1
            if j - first > 12:
                return None
        if j == first:
            return None
        if role_first and not self._role_before_name(first, j - 1):
            return None
        return (first, j - 1), j

    def _capitalised_to_break(self, k: int) -> bool:
        """Whether the words from `k` to the next break are all capitalised (or initials)."""
        tokens = self.tokens
        if k >= len(tokens) or self._is_break(k):
            return False
        while k < len(tokens) and not self._is_break(k):
            if not (tokens[k].text[:1].isupper() or self._is_name_dot(k)):
                return False
            k += 1
        return True

    def _tail_is_clause(self, after: int, cue_lemma: str = "") -> bool:
        """Whether the words after a cue start a clause of their own rather than an adverbial
        ("said he was ready" against "said on Tuesday", "said in a statement"). After a
        tell-verb its object comes first ("told POLITICO earlier this week")."""
        tokens = self.tokens
        if after >= len(tokens) or not tokens[after].lower[0].isalnum():
            return False
        if cue_lemma in TELL_VERBS:
            start = after
            if tokens[after].lower in OBJECT_PRONOUNS:
                after += 1
            elif tokens[after].lower in DETERMINERS:
                # "told his closest advisers", "told the court in his filing"
                after += 1
                while (
                    after < len(tokens)
                    and after - start <= 4
                    and tokens[after].lower[0].isalnum()
                    and tokens[after].lower not in PREPOSITIONS | TIME_AND_MANNER_OPENERS
                    and tokens[after].lower not in ("to", "that")
                    and not self._looks_verbal(tokens[after])
                ):
                    after += 1
            else:
                while after < len(tokens) and (
                    tokens[after].text[:1].isupper() or self._is_name_dot(after)
                ):
                    after += 1
            if after > start and (
                after >= len(tokens)
                or not tokens[after].lower[0].isalnum()
                or self._is_time_phrase(after)
                or tokens[after].lower in PREPOSITIONS | TIME_AND_MANNER_OPENERS
            ):
                return False
            after = start
        words = [t for t in tokens[after:] if t.lower[0].isalnum()]
        if len(words) < 3 or self._is_time_phrase(after):
            return False
        first = tokens[after].lower
        return first not in PREPOSITIONS | TIME_AND_MANNER_OPENERS | GERUND_PREPOSITIONS | {
            "to",
            "of",
            "about",
            "for",
            "as",
            "via",
        } and not first.endswith(("ing", "ly"))

    def _is_time_phrase(self, k: int) -> bool:
        """Whether the words from `k` to the next comma or the sentence end only say when:
        "a few days later", "earlier this month", "two weeks ago"."""
        has_time_word = False
        for token in self.tokens[k:]:
            lower = token.lower
            if not lower[0].isalnum():
                return has_time_word and lower in (",", ".", "!", "?", ";")
            if lower in TIME_PHRASE_WORDS or lower in WEEKDAYS_AND_TIMES:
                has_time_word = True
            elif not (lower in TIME_PHRASE_FILLERS or lower in QUANTIFIERS or lower.isdigit()):
                return False
        return has_time_word

    def _quoted_before(self, boundary: int) -> bool:
        """Whether a quotation closes at (or just before) the comma that ends the content."""
        tokens = self.tokens
        return (
            any(tokens[k].is_quoted for k in range(max(0, boundary - 2), boundary + 1))
            or (boundary + 1 < len(tokens) and tokens[boundary + 1].lower in CLOSING_MARKS)
            or tokens[boundary].lower in CLOSING_MARKS
        )

    def _tail_after_cue_clause(
        self, after: int, is_short_source: bool, is_inverted: bool, *, after_quotation: bool
    ) -> tuple[list[tuple[int, int]], int | None] | None:
        """What may follow a final cue clause: nothing, a short adverbial, a resumed quote,
        a participle adding a second statement, or (after a short parenthetical source in
        unquoted content) the rest of the content. Returns extra content segments and the
        participle's index."""
        tokens = self.tokens
        rest = tokens[after:]
        words = [t for t in rest if t.lower[0].isalnum()]
        if not words:
            return [], None
        # Skip a short adverbial before a comma ("said on Tuesday, adding ...").
        comma = next((k for k in range(after, len(tokens)) if tokens[k].lower == ","), None)
        if comma is not None and comma - after <= 6:
            following = comma + 1
            while following < len(tokens) and tokens[following].lower in ("“", '"', "''", "``"):
                following += 1
            if following < len(tokens):
                quotation = self._quotation_starting_at(following)
                if quotation is not None and tokens[following].is_quoted:
                    # '"We will," he said, "win."' resumes the quotation after the cue.
                    return [
                        (a, min(b, self.sentence.end))
                        for a, b in quotation.pieces
                        if a < self.sentence.end
                    ], None
                if tokens[following].lower.endswith("ing") and is_cue(tokens, following):
                    return [], following
                if after_quotation and tokens[following].lower == "and":
                    # '"…," he said at a news conference, and then predicted: "…"': the same
                    # source's next statement.
                    verb = following + 1
                    while verb < len(tokens) and tokens[verb].lower in ("then", "later", "also"):
                        verb += 1
                    if verb < len(tokens) and tokens[verb].text.islower() and is_cue(tokens, verb):
                        return [], verb
                if is_inverted and comma == after:
                    # "…, said a former spokesman for the ministry, Oleg Voloshyn, who …": the
                    # name in apposition belongs to the source.
                    following = self._after_name_apposition(following)
                    if following >= len(tokens) or not tokens[following].lower[0].isalnum():
                        return [], None
                apposition = tokens[following].lower in RELATIVE_WORDS or (
                    is_inverted
                    and (
                        tokens[following].lower in DETERMINERS | QUANTIFIERS
                        or tokens[following].lower.isdigit()  # "said Peter Hart, 25, a ..."
                    )
                )
                # "Over the years, she said, email helped": the rest goes on with the content;
                # but after a closed quotation ('"…," Spencer said, as fighters worked out')
                # unquoted words are the narrator's.
                if is_short_source and comma == after and not apposition and not after_quotation:
                    end = self._content_end_from(following)
                    if end > tokens[following].start and len(tokens) - following >= 4:
                        return [(tokens[following].start, end)], None
                if is_inverted and comma == after and apposition:
                    # "…, said Smith, a lawyer, adding that …": a participle after the
                    # apposition adds a second statement by the same source.
                    for k in range(following + 1, min(len(tokens) - 1, following + 12)):
                        if tokens[k].lower == "," and tokens[k + 1].lower.endswith("ing"):
                            if is_cue(tokens, k + 1):
                                return [], k + 1
                            break
                if (
                    is_inverted
                    and comma == after
                    and apposition
                    and not any(t.is_quoted for t in rest)
                    # "that" only inside a relative clause ("…, who notes that …"), whose
                    # statement is found on its own
                    and not any(t.lower == "that" for t in tokens[after : self._relative(after)])
                ):
                    # "..., said David Autor, a professor at M.I.T., who is ...": however long,
                    # the apposition describes the source and adds nothing said.
                    return [], None
        dash = next(
            (k for k, t in enumerate(rest) if t.lower in ("—", "–", "--") and not t.is_quoted),
            None,
        )
        if dash and not any(t.lower == rest[dash].lower for t in rest[dash + 1 :]):
            # "… said this week at an event in Wyoming — an apparent reversal": what follows a
            # dash comments on the statement; only the words before it belong to the cue.
            words = [t for t in rest[:dash] if t.lower[0].isalnum()]
            rest = rest[:dash]
        quoted_words = sum(1 for t in words if t.is_quoted)
        if (
            len(words) <= MAXIMUM_TRAILING_TOKENS
            and quoted_words <= 4
            and not any(t.lower == "that" for t in rest)
        ):
            return [], None
        return None

    def _relative(self, k: int) -> int:
        """The index of the first relative word from `k` on, or the sentence's length."""
        tokens = self.tokens
        return next(
            (j for j in range(k, len(tokens)) if tokens[j].lower in RELATIVE_WORDS), len(tokens)
        )

    def _after_name_apposition(self, k: int) -> int:
        """The index after ", Oleg Voloshyn," when a short capitalised name starting at `k`
        runs to a comma; else `k`."""
        tokens = self.tokens
        j = k
        while (
            j < len(tokens)
            and j - k < 5
            and (tokens[j].text[:1].isupper() or tokens[j].lower == ".")
        ):
            j += 1
        if j == k or j >= len(tokens) or tokens[j].lower != ",":
            return k
        if tokens[k].lower in DETERMINERS or tokens[k].lower in RELATIVE_WORDS:
            return k
        return j + 1

    def _content_start_before(self, boundary: int) -> int | None:
        """Start of the content that precedes a final cue clause: the sentence start."""
        tokens = self.tokens
        first = 0
        while first < boundary and not tokens[first].lower[0].isalnum():
            first += 1
        if first >= boundary:
            return None
        for k in range(boundary - 2, first, -1):
            # 'X suggested that … - "we need the details," she said - and …', 'did so, with a
            # caveat: "…," the source said': the quotation set off by a dash or a colon is the
            # content, not the clause before it.
            if (
                tokens[k].lower in ("—", "–", "-", "--", ":")
                and not tokens[k].is_quoted
                and (tokens[k + 1].is_quoted or tokens[k + 1].lower in QUOTE_OPENERS)
            ):
                first = k + 1
                while first < boundary and not tokens[first].lower[0].isalnum():
                    first += 1
                break
        words = [t for t in tokens[first:boundary] if t.lower[0].isalnum()]
        # One word is content only when quoted ('"Quiet," he demanded.').
        if not words or (len(words) == 1 and not words[0].is_quoted):
            return None
        return tokens[first].start

    def _content_start_after(self, i: int, cue_end_index: int) -> int | None:
        tokens = self.tokens
        j = cue_end_index + 1
        if j >= len(tokens):
            return None
        # A direct quotation introduced within reach of the cue ("said ... that "...", "said:").
        for quotation in self.doubles:
            if quotation.outer_start < tokens[j].start:
                continue
            gap = [t for t in tokens[j:] if t.end <= quotation.outer_start]
            if len(gap) > 30:
                break
            adverbial_gap = not gap or gap[0].lower in TIME_AND_MANNER_OPENERS | {
                ":",
                ",",
                "that",
                "to",
                "about",
                "of",
                "from",
                "with",
                "when",
                "while",
                "as",
            }
            if any(
                is_cue(tokens, m)
                and not tokens[m].is_quoted
                # "tweeted in response:", "said in a statement:": a noun after a preposition
                and tokens[m - 1].lower not in PREPOSITIONS | DETERMINERS
                for m in range(j, j + len(gap))
            ):
                break  # "talk about X, Reed said: "…"": the nearer cue owns the quotation
            if adverbial_gap and (not gap or gap[-1].lower in ("that", ":", ",", "—")):
                k = j + len(gap)
                while k < len(tokens) and not tokens[k].is_quoted:
                    k += 1
                return k if k < len(tokens) else None
            break
        window = tokens[j : j + 9]
        for offset, token in enumerate(window):
            if (
                token.lower == "that"
                and not token.is_quoted
                and (offset + 1 < len(window) or j + offset + 1 < len(tokens))
            ):
                if self._demonstrative_that(j + offset):
                    if offset == 0:
                        return j  # "rebut that criticism": the object is the content
                    continue  # "stay in the race through that contest": no clause follows
                return j + offset + 1
            if token.lower in (".", ";") or token.is_quoted:
                break
            if token.lower in SUBJECT_PRONOUNS:
                break  # "said she was not going to jump to that conclusion": no "that" clause
            if (
                token.lower == ","
                and j + offset + 1 < len(tokens)
                and (
                    tokens[j + offset + 1].lower.endswith("ing")
                    or tokens[j + offset + 1].lower in CONTENT_ENDING_CONJUNCTIONS
                )
            ):
                break  # "denied the report, explaining that ...": that "that" is not ours
        far_that = self._that_after_interruption(j)
        if far_that is not None:
            return far_that
        if tokens[j].lower == ":":
            return j + 1 if j + 1 < len(tokens) else None
        if lemma(tokens[i].lower) in TELL_VERBS:
            k = j
            while (
                k < len(tokens)
                and k - j < 5
                and (
                    tokens[k].text[:1].isupper()
                    or tokens[k].lower
                    in ("the", "a", "reporters", "him", "her", "them", "us", "me")
                )
            ):
                k += 1
            if tokens[j].lower in DETERMINERS and lemma(tokens[i].lower) != "promise":
                # "told his aides he …", "told the crowd that …": the object's nouns too, when
                # a subject, "that", a quotation or a colon follows them.
                m = k
                while (
                    m < len(tokens)
                    and m - j < 6
                    and tokens[m].text.isalpha()
                    and tokens[m].text.islower()
                    and tokens[m].lower not in SUBJECT_PRONOUNS | {"that"}
                    and not self._looks_verbal(tokens[m])
                ):
                    m += 1
                if (
                    m > k
                    and m < len(tokens)
                    and (
                        tokens[m].lower
                        in (SUBJECT_PRONOUNS - {"who", "which"}) | {"that", ",", ":"}
                        or tokens[m].is_quoted
                        or tokens[m].lower in QUOTE_OPENERS
                    )
                    # "urged a strong stand, saying …": a participle after the comma is a
                    # second statement, so the object before it is this one's content.
                    and not (
                        tokens[m].lower == ","
                        and m + 1 < len(tokens)
                        and tokens[m + 1].lower.endswith("ing")
                    )
                ):
                    k = m
            if k < len(tokens) and tokens[k].lower in (",", ":"):
                k += 1
            j = k
        elif tokens[j].lower in TIME_AND_MANNER_OPENERS:
            pronoun = next(
                (
                    k
                    for k in range(j + 1, min(j + 3, len(tokens) - 1))
                    if tokens[k].lower in SUBJECT_PRONOUNS
                    and tokens[k - 1].lower in WEEKDAYS_AND_TIMES | TIME_AND_MANNER_OPENERS
                ),
                None,
            )
            if pronoun is not None and (
                tokens[pronoun + 1].lower[:1].isalnum() or tokens[pronoun + 1].lower == ","
            ):
                return pronoun  # "said Wednesday she, too, wants …", "said on Monday he …"
            # "said on Tuesday, ...": skip the adverbial up to its comma.
            for k in range(j, min(j + MAXIMUM_ADVERBIAL_TOKENS, len(tokens))):
                if tokens[k].lower == ",":
                    j = k + 1
                    if j < len(tokens) and tokens[j].lower in SUBJECT_PRONOUNS:
                        break  # "explained after winning Ohio on Mar. 15, he would …"
                    if any(
                        is_cue(tokens, m) and not tokens[m].is_quoted
                        for m in range(j + 1, min(j + 5, len(tokens)))
                    ):
                        # "talked on Tuesday about X, Reed said: …": another statement
                        # follows the comma, not this cue's content.
                        return None
                    break
        if j < len(tokens) and tokens[j].lower == ",":
            j += 1
        return j if j < len(tokens) else None

    def _demonstrative_that(self, k: int) -> bool:
        """Whether the "that" at `k` points at a noun rather than opening a clause: after a
        preposition ("through that contest") or before a lone word that ends the clause
        ("rebut that criticism.")."""
        tokens = self.tokens
        if k > 0 and tokens[k - 1].lower in PREPOSITIONS | {"of", "about", "for", "to"}:
            return True
        following = k + 1
        while following < len(tokens) and tokens[following].lower[:1].isalnum():
            following += 1
        return following == k + 2 and (
            following == len(tokens) or tokens[following].lower in (".", ";", ",", "—", "?", "!")
        )

    def _that_after_interruption(self, j: int) -> int | None:
        """'said Thursday during a taping in Buffalo, New York, that …': a ", that" further
        on than the nearby window, with no verb, quotation or clause break before it, opens
        the content after an adverbial."""
        tokens = self.tokens
        for k in range(j, min(j + MAXIMUM_INTERRUPTION_TOKENS, len(tokens) - 1)):
            token = tokens[k]
            if token.is_quoted or token.lower in (".", ";", ":", "—", "–") or is_cue(tokens, k):
                return None
            if token.lower in FINITE_AUXILIARIES or token.lower in SUBJECT_PRONOUNS:
                return None
            if token.lower == "that" and k > j and tokens[k - 1].lower == ",":
                return k + 1
        return None

    def _clause_goes_on_after(self, quotation: Quotation) -> bool:
        """Words of the same clause follow the quotation's closing mark in this sentence."""
        tokens = self.tokens
        after = [t for t in tokens if t.start >= quotation.outer_end]
        if after and after[0].is_quoted or (len(after) > 1 and after[1].is_quoted):
            return True  # 'said that “ethanol people” “do a fantastic job …”': quote after quote
        if not after or not after[0].lower[0].isalnum():
            return False
        first = after[0].lower
        return (
            after[0].text[:1].islower()
            and first not in SUBJECT_PRONOUNS | CLAUSE_OPENERS | PREPOSITIONS
            and first not in TIME_AND_MANNER_OPENERS | {"said", "says", "or", "nor"}
        )

    def _quotation_starting_at(self, token_index: int) -> Quotation | None:
        token = self.tokens[token_index]
        for quotation in self.doubles:
            if quotation.start <= token.start < quotation.start + 3:
                return quotation
        return None

    def _content_end_from(self, first: int, *, cue: int | None = None) -> int:
        """Where indirect content ends: the sentence end, or a dash, semicolon or ", but"
        that opens a new clause outside quotation marks, or "and" before another cue of the
        source (`cue`, when given, is the statement's own)."""
        tokens = self.tokens
        last = len(tokens) - 1
        skip_to = -1
        for k in range(first + 1, len(tokens)):
            token = tokens[k]
            if token.is_quoted or k <= skip_to:
                continue
            is_dash = token.lower in ("—", "–") or (
                token.lower == "-" and self.text[token.start - 1 : token.start] == " "
            )
            if k < first + 3 and not (is_dash and PAIRED_DASHES):
                continue  # only a parenthetical's opening dash counts this early
            if is_dash and PAIRED_DASHES:
                closing = next(
                    (m for m in range(k + 2, len(tokens)) if tokens[m].lower == token.lower), None
                )
                if (
                    closing is not None
                    and closing + 1 < len(tokens) - 1
                    and not any(t.is_quoted for t in tokens[k + 1 : closing])
                ):
                    # "strength — not frustration — when ...": a parenthetical, not the end;
                    # but '- "Again, we need …," she said -' is a statement of its own.
                    skip_to = closing
                    continue
            if token.lower == ";" or is_dash:
                last = k - 1
                break
            if COORDINATED_CUE_ENDS and token.lower in ("and", "but") and k + 1 < len(tokens):
                following = k + 1
                if tokens[following].lower in AUXILIARIES_AND_ADVERBS and following + 1 < len(
                    tokens
                ):
                    following += 1
                if (
                    not tokens[following].is_quoted
                    and tokens[following].text[:1].islower()
                    and is_cue(tokens, following)
                    and (
                        lemma(tokens[following].lower) in STATEMENT_LEMMAS
                        or (
                            COORDINATED_FORMS
                            and cue is not None
                            and inflection(tokens[following].lower) in ("s", "ed")
                            and inflection(tokens[following].lower) == inflection(tokens[cue].lower)
                        )
                    )
                ):
                    # "praised Garland and said ...": the next verb starts another statement;
                    # so does one in the cue's own form ("pointed to X and dismissed Y").
                    last = k - 1
                    break
            if token.lower in ("and", "but") and self._new_clause_at(k + 1):
                # "… and she accused …", ", and Emanuel fired …": another subject's clause.
                last = k - 1
                break
            # 'was "corrupt," noting that': a comma inside the closing mark counts too.
            comma_before = tokens[k - 1].lower == "," or (
                tokens[k - 1].lower in CLOSING_MARKS
                and tokens[k - 2].lower == ","
                and k - 2 > first
            )
            if comma_before and token.lower in ("who", "which"):
                closing = self._parenthetical_relative_end(k)
                if closing is not None:
                    # "his son Beau, who died last year, were still serving …": the relative
                    # clause sits inside the content, whose verb follows its closing comma.
                    skip_to = closing
                    continue
            if comma_before and (
                token.lower in CONTENT_ENDING_CONJUNCTIONS
                or (token.lower.endswith("ing") and token.lower not in ("during", "including"))
            ):
                last = k - 2
                break
        while last > first and not tokens[last].lower[0].isalnum():
            last -= 1
        return tokens[last].end

    def _parenthetical_relative_end(self, k: int) -> int | None:
        """The comma closing a relative clause opened at `k` when a finite verb follows it
        (the clause was set inside the sentence's own subject); else None."""
        tokens = self.tokens
        for m in range(k + 1, min(len(tokens) - 1, k + 30)):
            if tokens[m].is_quoted:
                continue
            if (
                tokens[m].lower in (";", ":", "—", "–")
                or self._is_break(m)
                and tokens[m].lower != ","
            ):
                return None
            if tokens[m].lower == ",":
                following = tokens[m + 1].lower
                if following in FINITE_AUXILIARIES or following in ("is", "are", "was", "were"):
                    return m
                return None
        return None

    def _learned_end(self, cue_index: int, first: int, end: int) -> int:
        """Where the end model stops indirect content that the rules run to `end`: the first
        possible end it finds likely enough, else `end`."""
        model = end_model()
        recorder = end_recorder()
        if model is None and recorder is None:
            return end
        tokens = self.tokens
        if not tokens[first].lower[:1].isalnum():
            return end
        cue_lemma = lemma(tokens[cue_index].lower)
        cuts: list[tuple[int, list[str]]] = []
        last_word_end = tokens[first].end
        for k in range(first + 1, len(tokens)):
            token = tokens[k]
            if token.start >= end:
                break
            if not token.is_quoted and is_end_candidate(token):
                features = end_features(tokens, first, k, cue_lemma, tokens[cue_index].lower)
                if recorder is not None:
                    cuts.append((last_word_end, features))
                elif model is not None and model.probability(features) >= END_THRESHOLD:
                    return last_word_end
            if token.lower[:1].isalnum():
                last_word_end = token.end
        if recorder is not None:
            recorder.append((tokens[first].start, end, cuts))
        return end

    def _opening_clause_comma(self, i: int) -> int | None:
        """The comma closing an introductory clause ("While Clinton claimed that X, experts
        affirm ...", "Watching Trump talk about Y, Reed said") or a relative clause ("Sanders,
        who has argued that X, won ...") that holds the cue at i: its content ends there."""
        tokens = self.tokens
        k = 0
        while k < i and tokens[k].lower in DISCOURSE_OPENERS | {","}:
            k += 1
        relative = next(
            (m for m in range(i - 1, max(-1, i - 4), -1) if tokens[m].lower in ("who", "which")),
            None,
        )
        if relative is None:
            # "PAC, which was founded by X and is dedicated to Y, launched ..."
            comma = next(
                (m for m in range(i - 1, 0, -1) if tokens[m].lower in (",", ";", ":", ".")), None
            )
            if (
                comma is not None
                and tokens[comma].lower == ","
                and comma + 1 < i
                and tokens[comma + 1].lower in ("who", "which")
            ):
                relative = comma + 1
        if relative is not None and relative > 0 and tokens[relative - 1].lower == ",":
            k = relative
        if k > i or tokens[k].is_quoted:
            return None
        opens_clause = tokens[k].lower in RELATIVE_OPENERS or (
            k == 0
            and (
                (tokens[k].lower.endswith("ing") and tokens[k].text[:1].isupper())
                or tokens[k].lower == "asked"
                or self._passive_opener(k)
            )
        )
        if not opens_clause:
            return None
        if any(tokens[m].lower in (",", ";", ":", "—", "–") for m in range(k, i)):
            return None  # the clause closed before the cue
        for m in range(i + 1, len(tokens) - 2):
            if tokens[m].is_quoted:
                continue
            if tokens[m].lower in (";", ":", "—", "–"):
                return None
            if tokens[m].lower == ",":
                return m
        return None

    def _only_openers_before(self, boundary: int) -> bool:
        """Everything before the boundary is opening phrases ("During the Politico interview,",
        "Earlier this month, during an appearance on CBS,"), each up to its comma or dash."""
        tokens = self.tokens
        k = 0
        skipped = False
        while k < boundary:
            token = tokens[k]
            if token.is_quoted:
                return False
            dateline = k == 0 and _is_dateline_at(tokens, k)
            if not (
                token.lower in SUBJECT_SKIPPED_OPENERS
                or dateline
                or self._time_phrase_opener(k, boundary + 1)
            ):
                return False
            stops = ("—", "–", "-", "--") if dateline else (",",)
            stop = next((m for m in range(k + 1, boundary + 1) if tokens[m].lower in stops), None)
            if stop is None:
                return False
            if token.lower in ("but", "so", "yet", "and", "or") or any(
                tokens[m].lower in FINITE_AUXILIARIES | SUBJECT_PRONOUNS | {"it"}
                for m in range(k, stop)
            ):
                return False  # "But this was the first time, she said": a clause, not a phrase
            k = stop + 1
            skipped = True
        return skipped

    def _only_adverbs(self, start: int, end: int) -> bool:
        """The span holds at most three words, all unquoted adverbs ("Not surprisingly")."""
        words = [t for t in self.tokens if start <= t.start < end and t.lower[0].isalnum()]
        return 0 < len(words) <= 3 and all(
            not t.is_quoted
            and (t.lower.endswith("ly") or t.lower in DISCOURSE_OPENERS | AUXILIARIES_AND_ADVERBS)
            for t in words
        )

    def _verb_after_adverb(self, i: int) -> int:
        """The verb an adverb taken for a cue modifies ("has often complained", "has long
        argued"): the cue is the verb."""
        tokens = self.tokens
        word = tokens[i].lower
        following = i + 1
        if word in ORDER_ADVERBS:
            # "was first reported by MSNBC": the verb is the cue when it is one itself, and
            # "the first debate" keeps its ordinal.
            if (
                following < len(tokens)
                and not tokens[following].is_quoted
                and is_cue(tokens, following)
            ):
                return following
            return i
        if word not in CUE_ADVERBS:
            return i
        if following >= len(tokens) or tokens[following].is_quoted:
            return i
        text = tokens[following].text
        if not (text.isalpha() and text.islower()):
            return i
        if text in PREPOSITIONS | DETERMINERS | CLAUSE_OPENERS | AUXILIARIES_AND_ADVERBS:
            return i
        return following

    def _main_clause_subject(self, i: int) -> tuple[int, int] | None:
        """The pronoun or name right after the comma closing the clause that holds token i."""
        tokens = self.tokens
        comma = next(
            (
                m
                for m in range(i + 1, len(tokens))
                if tokens[m].lower == "," and not tokens[m].is_quoted
            ),
            None,
        )
        if comma is None or comma + 1 >= len(tokens):
            return None
        k = comma + 1
        if tokens[k].lower in SUBJECT_PRONOUNS:
            return k, k
        if not tokens[k].text[:1].isupper() or tokens[k].is_quoted:
            return None
        return k, self._name_end(k, len(tokens))

    def _name_end(self, k: int, before: int) -> int:
        """The last token of the run of capitalised words (and their dots) starting at k."""
        last = k
        while last + 1 < before and (
            self.tokens[last + 1].text[:1].isupper() or self._is_name_dot(last + 1)
        ):
            last += 1
        return last

    def _follows_quotation(self, k: int) -> bool:
        """Only a closing quotation mark and a comma stand between a quotation and token k."""
        j = k - 1
        while (
            j >= 0
            and self.tokens[j].lower in CLOSING_MARKS | {","}
            and not self.tokens[j].is_quoted
        ):
            j -= 1
        return j >= 0 and j < k - 1 and self.tokens[j].is_quoted

    def _new_clause_at(self, k: int) -> bool:
        """A subject and its verb start at k: "... and she accused ...", ", and Emanuel fired"."""
        tokens = self.tokens
        if k + 1 >= len(tokens) or tokens[k].is_quoted:
            return False
        verb = k + 1
        if tokens[k].lower in DETERMINERS | QUANTIFIERS and tokens[k - 2].lower == ",":
            # ", and other GOP leaders said …", ", and most don’t expect …": a noun phrase
            # of a few words, then its verb.
            for verb in range(k + 1, min(k + 6, len(tokens))):
                token = tokens[verb]
                if token.is_quoted or not token.lower[:1].isalnum():
                    return False
                if token.lower in FINITE_AUXILIARIES or (
                    token.text[:1].islower() and is_cue(tokens, verb)
                ):
                    return True
            return False
        if tokens[k].lower not in SUBJECT_PRONOUNS:
            if not tokens[k].text[:1].isupper():
                return False
            after_comma = tokens[k - 2].lower == ","
            while verb < len(tokens) and (
                tokens[verb].text[:1].isupper() or self._is_name_dot(verb)
            ):
                verb += 1
            if verb >= len(tokens):
                return False
            if not after_comma:
                # "… and Senator Bernie Sanders pressing his attack that …": without a comma,
                # only a name and a statement verb of its own.
                return (
                    tokens[verb].text.islower()
                    and is_cue(tokens, verb)
                    and lemma(tokens[verb].lower) in STATEMENT_LEMMAS
                )
        return tokens[verb].lower in FINITE_AUXILIARIES or is_cue(tokens, verb)

    def _sentence_content_end(self) -> int:
        tokens = self.tokens
        last = len(tokens) - 1
        while last > 0 and not tokens[last].lower[0].isalnum():
            last -= 1
        return tokens[last].end

    def _content_segments(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(start, end)]


def _past_tense_shape(token: Token) -> bool:
    """A lowercase word that looks like a regular past tense ("barked", "quipped")."""
    text = token.text
    return len(text) >= 5 and text.isalpha() and text.islower() and text.endswith("ed")


def _is_dateline(token: Token) -> bool:
    """An all-capitals place name opening a wire story ("WASHINGTON", "ORLANDO")."""
    return len(token.text) >= 3 and token.text.isupper() and token.text.isalpha()


def _is_dateline_at(tokens: list[Token], k: int) -> bool:
    """A wire dateline opening at `k`: "WASHINGTON —", or a place and the agency in brackets
    before a dash ("Washington (AFP) –", "Des Moines, Iowa (AP) -")."""
    if _is_dateline(tokens[k]):
        return True
    for m in range(k + 1, min(len(tokens) - 3, k + 6)):
        if tokens[m].lower == "(":
            return (
                tokens[m + 1].text.isupper()
                and tokens[m + 2].lower == ")"
                and tokens[m + 3].lower in ("—", "–", "-", "--")
                and all(t.text[:1].isupper() or t.lower in (",", ".") for t in tokens[k:m])
            )
    return False


def _covers_cue(frame: Frame, token: Token) -> bool:
    """The token is this frame's cue, lies in its source or between its cue and content."""
    if frame.cue and frame.cue[0] <= token.start < max(frame.cue[1], frame.segments[0][0]):
        return True
    return bool(frame.source and frame.source[0] <= token.start < frame.source[1])


def _overlaps_any(frame: Frame, frames: list[Frame]) -> bool:
    return any(
        a < d and c < b for other in frames for a, b in frame.segments for c, d in other.segments
    )
