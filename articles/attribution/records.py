"""Data classes the attribution engine takes in (gazetteer) and gives back (attributions)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]
QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "media", "group"]


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A title a speaker held in an organisation between two dates (end None: still holds it)."""

    title: str
    organization: str = ""
    organization_aliases: tuple[str, ...] = ()
    start: datetime.date | None = None
    end: datetime.date | None = None

    def held_on(self, day: datetime.date | None) -> bool:
        """True when the role was held on `day` (an unknown day matches every role)."""
        if day is None:
            return True
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known speaker: canonical name, kind, other names, and roles over time."""

    canonical_name: str
    kind: SpeakerKind = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class ResolvedSpeaker:
    """Who a speaker mention refers to.

    `canonical_name` is the gazetteer entry's name when `is_known` is true; otherwise a
    normalised name suggested for a new speaker ("Joe Biden" for "President Joe Biden",
    "local media in Syria" for a group or outlet mentioned without a name).
    """

    canonical_name: str
    kind: SpeakerKind
    is_known: bool = False


@dataclass(slots=True)
class Attribution:
    """One attributed statement found in the text. All offsets index the input text.

    Fields:
      start, end          content span, first piece's start to last piece's end
      segments            content pieces, sorted; more than one when the cue interrupts the
                          quotation ('"We will," he said, "win."')
      kind                "direct" (all inside quotation marks), "mixed" (partly), "indirect"
      cue                 span of the cue ("said", "according to", "told", ":"), or None
      cue_lemma           base form of the cue ("say", "claim", "according to")
      speaker_mention     span of the source mention tied to the cue ("He", "The SNSC
                          spokesman"), or None when the text names no source
      speaker             the resolved speaker, or None when there is no mention
      relayed_by          the intermediary of a second-hand statement ("Press TV" in
                          '..., Press TV reported' quoting somebody else), or None
      confidence          0-1, how much the engine trusts this attribution
    """

    start: int
    end: int
    segments: list[Span]
    kind: QuoteKind
    cue: Span | None
    cue_lemma: str
    speaker_mention: Span | None
    speaker: ResolvedSpeaker | None = None
    relayed_by: str | None = None
    confidence: float = 0.5
