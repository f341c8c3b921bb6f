"""Tell the line breaks that only wrap a sentence (hard-wrapped wire copy, e-mail, text from
PDFs) from those that end a headline, a dateline or a paragraph. Text in, offsets out."""

from __future__ import annotations

import re
from itertools import pairwise

# A line ending in one of these ends its sentence even inside a hard-wrapped block.
SENTENCE_FINAL = tuple('.!?:"\u201d')
# Wrapped text is set in a column of 40-160 characters (wire copy 69-80, e-mail 72-78, PDF
# text up to ~130); wider "lines" are whole paragraphs, whose breaks are all real.
COLUMN_RANGE = (40, 160)
# A wrapped line stops within a word or so of the column (its 90th-percentile width): at
# least this share of it and, as a few lines run past that percentile, at most this much over.
FULL_LINE_SHARE = (0.8, 1.15)
# A paragraph is hard-wrapped when at least this share of its single line breaks follow
# full, open lines; one-paragraph-a-line text has almost none (its lines end in full stops).
WRAPPED_SHARE = 0.5
# Set in a column, at most one line (a long headline or address), or one in this many, runs
# past it.
OVERLONG_ONE_IN = 20
_BULLET = re.compile(r"\s*(?:[-*\u2022\u2013\u2014]|\d{1,3}[.)])\s")
# A dateline opening a line ("KABUL, March 3 -", "LONDON (Wire) -"): the line above it is a
# headline, however wide. Only mixed-case lines can show it (in upper case every line could).
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z]| \(| [-\u2013\u2014] )")
_LOWER = re.compile(r"[a-z]")


def soft_line_breaks(text: str) -> frozenset[int]:
    """Offsets of the line breaks in ``text`` that only wrap a line inside a sentence.

    One pass over the lines: estimate the text's column width, then call a single break
    soft when the line before it is full (near the column) and open (no sentence-final
    punctuation) and the next line neither is indented deeper nor starts a list item. A
    paragraph (lines between blank lines) with too few such breaks keeps all of its breaks:
    headlines, datelines and one-paragraph-a-line text stay split at every line."""
    lines = text.split("\n")
    column = _column_width([len(line.rstrip()) for line in lines])
    if column is None:
        return frozenset()
    soft: list[int] = []
    block: list[int | None] = []  # per single break of the paragraph: its offset if soft
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line) + 1
        if line.strip() and following.strip():
            block.append(offset - 1 if _wraps(line, following, column=column) else None)
        elif block:
            soft.extend(_wrapped_paragraph(block))
            block = []
    soft.extend(_wrapped_paragraph(block))
    return frozenset(soft) if len(soft) >= 2 else frozenset()


def _wrapped_paragraph(breaks: list[int | None]) -> list[int]:
    offsets = [offset for offset in breaks if offset is not None]
    return offsets if offsets and len(offsets) >= WRAPPED_SHARE * len(breaks) else []


def _column_width(widths: list[int]) -> int | None:
    """The width most full lines reach (90th percentile of non-blank lines), if the text is
    plausibly set in a column: not too wide, and few lines running well past it."""
    filled = sorted(width for width in widths if width)
    if len(filled) < 3:
        return None
    column = filled[(len(filled) - 1) * 9 // 10]
    overlong = sum(width > FULL_LINE_SHARE[1] * column for width in filled)
    low, high = COLUMN_RANGE
    if not low <= column <= high or overlong > max(1, len(filled) // OVERLONG_ONE_IN):
        return None
    return column


def _wraps(line: str, following: str, *, column: int) -> bool:
    text = line.rstrip()
    low, high = FULL_LINE_SHARE
    if text.endswith(SENTENCE_FINAL) or not low * column <= len(text) <= high * column:
        return False
    deeper = len(following) - len(following.lstrip()) > len(line) - len(line.lstrip())
    return not deeper and _BULLET.match(following) is None and not _opens_dateline(following)


def _opens_dateline(line: str) -> bool:
    return _DATELINE.match(line) is not None and _LOWER.search(line) is not None
