"""Page furniture around an article's text: comment forms, share buttons, the outlet's news code."""

from __future__ import annotations

import re

# The outlet's own id for the article, printed on a line of its own ("News Code 198808").
OUTLET_ID = re.compile(r"^(?:news|story|article)\s+(?:code|id|no\.?)\s*:?\s*(\d{1,20})$", re.I)

# Lines that belong to the page, not the article, when they close it.
TRAILING_FURNITURE = [
    OUTLET_ID,
    re.compile(r"^your comment$", re.I),
    re.compile(r"^you are replying to\b.*$", re.I),
    re.compile(r"^\W*captcha\W*$", re.I),
    re.compile(r"^(?:leave|post|add|write) (?:a |your )?comments?$", re.I),
    re.compile(r"^comments?(?: \(\d+\))?$", re.I),
    re.compile(r"^(?:share|print|send|email)(?: this)?(?: article| story| page)?:?$", re.I),
    re.compile(r"^(?:related|more|latest) (?:news|stories|articles)$", re.I),
    re.compile(r"^tags?:.*$", re.I),
    re.compile(r"^(?:©|copyright\b).*$", re.I),
    re.compile(r"^all rights reserved\.?$", re.I),
    re.compile(r"^\W*$"),  # blank lines, bullets and separators
]


def normalize_layout(text: str) -> str:
    """Unix newlines, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def strip_furniture(body: str) -> tuple[str, str]:
    """The body without its trailing page furniture, and the outlet's id found in it (or "")."""
    lines = body.split("\n")
    end = len(lines)
    while end > 0 and any(pattern.match(lines[end - 1].strip()) for pattern in TRAILING_FURNITURE):
        end -= 1
    removed = lines[end:]
    kept = [line for line in lines[:end] if not OUTLET_ID.match(line.strip())]
    outlet_ids = [
        match[1] for line in removed + lines[:end] if (match := OUTLET_ID.match(line.strip()))
    ]
    return normalize_layout("\n".join(kept)), (outlet_ids[0] if outlet_ids else "")
