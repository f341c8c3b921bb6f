"""JSON Lines: one JSON object per line with ``id, date, title, text, url, publisher``.

Only the date and the text are required. Field names are matched case-insensitively and may
use the aliases in :data:`whimbrel.readers._common.FIELD_ALIASES` (``pub_date``,
``publication_date``, ``body``, ``content``...). Blank lines are skipped; every other line
yields an article or a reject naming its line number. Text keeps its leading whitespace so
offsets an input carries stay valid; trailing whitespace is stripped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from whimbrel.errors import BadEncoding, InputError
from whimbrel.readers._common import (
    article_from_fields,
    given_story_id,
    pick_fields,
    read_path,
    reject_from,
)
from whimbrel.records import Article, Reject


def read(path: Path, *, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles (or rejects) from the JSON Lines file ``path``, one per non-blank line."""
    return read_path(path, read_stream, max_bytes=max_bytes)


def read_stream(stream: BinaryIO, *, name: str, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles (or rejects) from a JSON Lines stream called ``name``."""
    for line_number, raw_line in enumerate(stream, start=1):
        if not raw_line.strip():
            continue
        origin = f"{name} line {line_number}"
        yield _record_from_line(raw_line, origin=origin, max_bytes=max_bytes)


def _record_from_line(raw_line: bytes, *, origin: str, max_bytes: int) -> Article | Reject:
    fields: dict[str, object] = {}
    try:
        record = _decode_object(raw_line, origin=origin)
        fields = pick_fields(record)
        return article_from_fields(fields, origin=origin, max_bytes=max_bytes)
    except InputError as exc:
        return reject_from(exc, story_id=given_story_id(fields))


def _decode_object(raw_line: bytes, *, origin: str) -> dict[str, object]:
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadEncoding(
            origin, f"not valid UTF-8 at byte {exc.start:,} of the line; re-save it as UTF-8"
        ) from exc
    try:
        record = json.loads(line.removeprefix("\ufeff"))  # a BOM some editors write first
    except json.JSONDecodeError as exc:
        raise InputError(
            origin,
            f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line",
        ) from exc
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise InputError(origin, f"a JSON {kind} where an object was expected; write objects")
    return record
