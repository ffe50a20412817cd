"""News datelines such as "TEHRAN, Mar. 25 (MNA) –": place, day and the outlet's short name."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

# PLACE[, Month Day[, Year]] [(OUTLET)] dash. The place is in capitals, as news agencies print it.
DATELINE = re.compile(
    r"""
    ^(?P<place>[^\W\d_][^\W\d_'’.\- ]*(?:[ '’.\-/]+[^\W\d_]+)*\.?)
    (?:,\s*(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?
    \s*(?:\((?P<outlet>[^()\n]{1,40})\))?
    \s*[–—-]{1,2}\s+
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    month: int | None
    day: int | None
    year: int | None
    outlet_short_name: str
    text: str

    def date(self, *, reference: datetime.date) -> datetime.date | None:
        """The day the dateline names; without a year, the latest such day on or before
        `reference` (a dateline never lies after the date the file was written or given)."""
        if self.month is None or self.day is None:
            return None
        try:
            if self.year is not None:
                return datetime.date(self.year, self.month, self.day)
            day = datetime.date(reference.year, self.month, self.day)
            if day > reference:
                day = datetime.date(reference.year - 1, self.month, self.day)
            return day
        except ValueError:
            return None  # "Feb. 30": not a day; keep the place and outlet anyway


def dateline_at_start(paragraph: str) -> Dateline | None:
    """The dateline that opens `paragraph`, or None when it does not start with one."""
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    place = match["place"].strip()
    if not place.isupper() or len(place) > 60:
        return None  # an ordinary sentence, not a dateline in capitals
    month = day = year = None
    if match["month"]:
        month = MONTHS.get(match["month"].lower())
        if month is None:
            return None
        day, year = int(match["day"]), int(match["year"]) if match["year"] else None
    return Dateline(
        place=place,
        month=month,
        day=day,
        year=year,
        outlet_short_name=(match["outlet"] or "").strip(),
        text=match.group(0).strip(),
    )
