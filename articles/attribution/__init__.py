"""Attribution engine: finds who said what in article text (pure Python, no Django)."""

from .engine import extract
from .records import Attribution, GazetteerEntry, ResolvedSpeaker, RoleSpec
from .speakers import Gazetteer

__all__ = ["Attribution", "Gazetteer", "GazetteerEntry", "ResolvedSpeaker", "RoleSpec", "extract"]
