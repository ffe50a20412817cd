"""Attribution engine: finds who said what in article text (pure Python, no Django)."""

from . import native

native.guard()  # before the engine's modules are imported: a stale compiled build never runs

from .engine import extract  # noqa: E402
from .records import Attribution, GazetteerEntry, ResolvedSpeaker, RoleSpec  # noqa: E402
from .speakers import Gazetteer  # noqa: E402

__all__ = ["Attribution", "Gazetteer", "GazetteerEntry", "ResolvedSpeaker", "RoleSpec", "extract"]
