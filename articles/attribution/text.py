"""Tokens, paragraphs, quotation-mark pairing and sentences of an article's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A word keeps its inner apostrophes and hyphens ("don't", "Iran’s", "al-Omar"); NYT's doubled
# apostrophe is one quotation-mark token.
TOKEN = re.compile(r"''|``|\w+(?:['’\-]\w+)*|[^\w\s]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")

DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
DOUBLE_EITHER = ('"', "''", "``")
SINGLE_OPENING = "‘"
SINGLE_EITHER_OR_APOSTROPHE = "’'"
QUOTE_CHARACTERS = set("“”„«»\"‘’'`")
OPENING_CONTEXT = set(" \t\n([{—–-/") | set(DOUBLE_OPENING)


class Token:
    """A word or mark of a sentence. A plain class, not a dataclass: one is made for every
    word of every article, and a dataclass's generated __init__ stays interpreted Python even
    when the engine is compiled (native.py)."""

    __slots__ = ("start", "end", "text", "lower", "is_quoted", "cue_probability")

    def __init__(
        self, start: int, end: int, text: str, lower: str, is_quoted: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.is_quoted = is_quoted  # inside a double-quoted span (marks excluded)
        self.cue_probability = -1.0  # the cue classifier's answer, once asked

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(slots=True)
class Quotation:
    """Text between a pair of quotation marks (or up to a paragraph end when unclosed).

    `pieces` hold one content span per paragraph: a quotation running over several paragraphs
    repeats its opening mark at each paragraph start and closes only in the last one.
    """

    pieces: list[tuple[int, int]]
    outer_start: int  # position of the opening mark (or of the content when it has none)
    outer_end: int  # position after the closing mark (or the content end when unclosed)
    is_single: bool = False
    is_closed: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    paragraph_index: int = 0


@dataclass(slots=True)
class Mark:
    position: int
    length: int
    is_single: bool
    role: str  # "open", "close" or "either"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines; a single newline ends a paragraph too (plain-text exports)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[position : match.start()].strip():
            spans.append(_strip_span(text, position, match.start()))
        position = match.end()
    if text[position:].strip():
        spans.append(_strip_span(text, position, len(text)))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _marks(text: str, start: int, end: int) -> list[Mark]:
    """Quotation marks of one paragraph, each with the role its neighbours suggest."""
    marks: list[Mark] = []
    position = start
    while position < end:
        character = text[position]
        if character not in QUOTE_CHARACTERS:
            position += 1
            continue
        previous = text[position - 1] if position > start else " "
        if text.startswith("''", position) or text.startswith("``", position):
            length = 2
        else:
            length = 1
        following = text[position + length] if position + length < end else " "
        if character in DOUBLE_OPENING or text.startswith("``", position):
            # A curly mark facing the wrong way ('not,“ he said') is judged by its place.
            context = _role_from_context(previous, following)
            marks.append(Mark(position, length, False, "close" if context == "close" else "open"))
        elif character in DOUBLE_CLOSING:
            context = _role_from_context(previous, following)
            marks.append(Mark(position, length, False, "open" if context == "open" else "close"))
        elif character == '"' or length == 2:
            marks.append(Mark(position, length, False, _role_from_context(previous, following)))
        elif character == "‘":
            marks.append(Mark(position, 1, True, "open"))
        elif character in SINGLE_EITHER_OR_APOSTROPHE and not (
            previous.isalnum() and following.isalnum()
        ):
            # An apostrophe between letters ("Iran’s", "don't") is never a quotation mark.
            role = _role_from_context(previous, following)
            if character == "'" and role == "open" and following.isdigit():
                role = ""  # '90s
            if role:
                marks.append(Mark(position, 1, True, role))
        position += length
    return marks


def _role_from_context(previous: str, following: str) -> str:
    opens = previous in OPENING_CONTEXT or previous in "'‘\"“"
    closes = following.isspace() or following in ".,;:!?)]}—–-'’\"”" or not following
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def pair_quotations(text: str, paragraph_spans: list[tuple[int, int]]) -> list[Quotation]:
    """Pair quotation marks paragraph by paragraph, recovering from unbalanced marks.

    An opening mark left open at a paragraph end continues into the next paragraph when that
    one starts with an opening mark, and otherwise closes at the paragraph end. A closing mark
    with no opener before it in its paragraph opens at the paragraph start. One bad mark
    therefore costs at most one paragraph, never the article.
    """
    quotations: list[Quotation] = []
    carried: Quotation | None = None
    for index, (start, end) in enumerate(paragraph_spans):
        marks = _marks(text, start, end)
        doubles = [mark for mark in marks if not mark.is_single]
        open_mark: Mark | None = None
        open_quotation = carried
        carried = None
        if open_quotation is not None and doubles and doubles[0].position == start:
            # The repeated opening mark of a multi-paragraph quotation.
            open_mark = doubles.pop(0)
            open_quotation.pieces.append((open_mark.position + open_mark.length, end))
        elif open_quotation is not None:
            open_quotation = None
        seen_any = False
        for mark in doubles:
            if open_quotation is not None:
                if mark.role in ("close", "either"):
                    last_start = open_quotation.pieces[-1][0]
                    open_quotation.pieces[-1] = (last_start, mark.position)
                    open_quotation.outer_end = mark.position + mark.length
                    quotations.append(open_quotation)
                    open_quotation = None
                else:
                    # A second opener: the first one was never closed, so it ends here.
                    last_start = open_quotation.pieces[-1][0]
                    open_quotation.pieces[-1] = (last_start, _trim_end(text, mark.position))
                    open_quotation.outer_end = open_quotation.pieces[-1][1]
                    open_quotation.is_closed = False
                    quotations.append(open_quotation)
                    open_quotation = _opened(mark, end)
            elif mark.role in ("open", "either"):
                open_quotation = _opened(mark, end)
            elif not seen_any and mark.position - start > 1:
                quotations.append(Quotation([(start, mark.position)], start, mark.position + 1))
                quotations[-1].is_closed = False
            seen_any = True
        if open_quotation is not None:
            next_start = paragraph_spans[index + 1][0] if index + 1 < len(paragraph_spans) else -1
            if next_start >= 0 and text[next_start] in "“\"'`":
                carried = open_quotation
                continue
            open_quotation.outer_end = end
            open_quotation.is_closed = False
            quotations.append(open_quotation)
        quotations.extend(_single_quotations(text, marks, quotations, start, end))
    if carried is not None:
        carried.is_closed = False
        quotations.append(carried)
    quotations.sort(key=lambda quotation: quotation.start)
    return [quotation for quotation in quotations if quotation.end > quotation.start]


def _opened(mark: Mark, paragraph_end: int) -> Quotation:
    content_start = mark.position + mark.length
    return Quotation([(content_start, paragraph_end)], mark.position, paragraph_end)


def _trim_end(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _single_quotations(
    text: str, marks: list[Mark], doubles: list[Quotation], start: int, end: int
) -> list[Quotation]:
    """Pair single marks outside double quotations; an unmatched ’ is just an apostrophe."""
    inside = [(q.outer_start, q.outer_end) for q in doubles if q.outer_end > start]
    singles = [
        mark
        for mark in marks
        if mark.is_single and not any(a <= mark.position < b for a, b in inside)
    ]
    found: list[Quotation] = []
    open_mark: Mark | None = None
    for mark in singles:
        if open_mark is None:
            if mark.role == "open":
                open_mark = mark
        elif mark.role in ("close", "either"):
            content = (open_mark.position + 1, mark.position)
            if content[1] - content[0] > 1:
                found.append(Quotation([content], open_mark.position, mark.position + 1, True))
            open_mark = None
    return found


# Abbreviations of places, which also end sentences ("... moved to the U.S. He said ...").
PLACE_ABBREVIATIONS = frozenset(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo "
    "mont neb nev okla ore pa tenn tex va vt wash wis wyo u.s".split()
)
ABBREVIATIONS = PLACE_ABBREVIATIONS | frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm st jr sr prof rev hon pres "
    "sec dept no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec "
    "ft mt".split()
)
# Words that, capitalised after a place abbreviation, start a new sentence.
SENTENCE_STARTERS = frozenset(
    "The He She It They We I But And In On At This That These Those There A An His Her Their "
    "Its Our Mr Mrs Ms After Before When While If As Still Yet So Now Then".split()
)
SENTENCE_END = re.compile(r"[.!?]+['’\"”)]*(?=\s+['‘\"“(\[]?[A-Z0-9`'‘\"“])")


def sentences(
    text: str, paragraph_spans: list[tuple[int, int]], quotations: list[Quotation]
) -> list[Sentence]:
    """Split paragraphs into sentences, never inside a quotation (its cue belongs with it)."""
    protected = sorted(
        (piece for q in quotations if not q.is_single for piece in q.pieces),
    )
    found: list[Sentence] = []
    for index, (start, end) in enumerate(paragraph_spans):
        position = start
        for match in SENTENCE_END.finditer(text, start, end):
            cut = match.end()
            if _inside(protected, match.start()) and not _closes_at(text, match.end()):
                continue
            if _short_clause_follows(text, match, end):
                continue
            word_before = text[max(start, match.start() - 6) : match.start()].split()
            if match.group()[0] == "." and word_before:
                last = word_before[-1].lower().lstrip("(\"“'‘")
                place = last in PLACE_ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last)
                if place and _sentence_starter_after(text, match.end(), end):
                    pass  # "... to enter the U.S. The proposal has drawn ...": a sentence ends
                elif last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                    continue
                elif place:
                    continue  # initials such as "U.S" or "D.C"
            found.append(Sentence(position, cut, paragraph_index=index))
            position = cut
            while position < end and text[position].isspace():
                position += 1
        if position < end:
            found.append(Sentence(position, end, paragraph_index=index))
    return found


def _sentence_starter_after(text: str, position: int, end: int) -> bool:
    match = re.match(r"\s+([A-Za-z]+)", text[position:end])
    return match is not None and match.group(1) in SENTENCE_STARTERS


def _short_clause_follows(text: str, match: re.Match, end: int) -> bool:
    """A question or exclamation closing a quotation, then a short clause: one sentence, as
    after a comma, so that a cue in the clause reaches the quotation (`"Why?" Sanders asked.`
    as `"No," Sanders said.`). Whether the clause attributes it is the frames' decision."""
    if "." in match.group() or not _closes_at(text, match.end()):
        return False
    following = SENTENCE_END.search(text, match.end(), end)
    tail = text[match.end() : following.start() if following else end]
    return len(tail.split()) <= 12


def _inside(pieces: list[tuple[int, int]], position: int) -> bool:
    return any(a <= position < b for a, b in pieces)


def _closes_at(text: str, position: int) -> bool:
    return position > 0 and text[position - 1] in "”\"'’"


def tokenize(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    for match in TOKEN.finditer(text, start, end):
        word = match.group()
        tokens.append(Token(*match.span(), word, word.lower()))
    return tokens
