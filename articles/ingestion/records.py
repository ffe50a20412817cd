"""What a parser gives back: an article's fields before they are stored, or why it failed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


class ParseError(ValueError):
    """A file or line that holds no usable article; `source` names it ("a.jsonl:3")."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


@dataclass(slots=True)
class ParsedArticle:
    """An article as read from a file or request, outlet given only by the names it printed."""

    source: str
    title: str
    body: str
    published_on: datetime.date | None = None
    dateline: str = ""
    url: str = ""
    byline: str = ""
    external_id: str = ""
    language: str = ""
    # How the source names its outlet; articles.services finds (or creates) the Outlet.
    outlet_short_name: str = ""
    outlet_name: str = ""
    outlet_domain: str = ""
