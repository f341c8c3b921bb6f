"""CSV (or TSV) with a header row; columns are found by name, case-insensitively.

Recognised names are those of :data:`whimbrel.readers._common.FIELD_ALIASES` (``date``,
``pub_date``, ``published``; ``text``, ``body``, ``article``; ``title``, ``headline``;
``url``, ``link``; ``id``, ``story_id``; ``publisher``, ``source``). A file without a text or
date column yields one reject naming the columns it has. The delimiter (comma, tab or
semicolon) is taken from the header line. Rows are numbered from 1 after the header; blank
rows are skipped. Physical lines are decoded one by one, so only the rows touching a line
that is not UTF-8 are rejected.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, Protocol

from whimbrel.errors import BadEncoding, InputError, MissingColumn
from whimbrel.readers._common import (
    FIELD_ALIASES,
    article_from_fields,
    given_story_id,
    read_path,
    reject_from,
)
from whimbrel.records import Article, Reject

_DELIMITERS = (",", "\t", ";")
_REQUIRED = ("text", "date")


class _Rows(Protocol):
    """What we use of a ``csv.reader``: rows, and how many physical lines it has read."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


class _StrictLines:
    """Physical lines decoded as UTF-8; lines that fail are remembered and decoded lossily."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.bad_lines: list[int] = []

    def __iter__(self) -> Iterator[str]:
        for line_number, raw_line in enumerate(self._stream, start=1):
            yield self._decode(raw_line, line_number=line_number)

    def _decode(self, raw_line: bytes, *, line_number: int) -> str:
        try:
            return raw_line.decode("utf-8")
        except UnicodeDecodeError:
            self.bad_lines.append(line_number)
            return raw_line.decode("utf-8", errors="replace")

    def any_bad_between(self, first: int, last: int) -> bool:
        return any(first <= line_number <= last for line_number in self.bad_lines)


def read(path: Path, *, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles (or rejects) from the CSV file ``path``, one per data row."""
    return read_path(path, read_stream, max_bytes=max_bytes)


def read_stream(stream: BinaryIO, *, name: str, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles (or rejects) from a CSV stream called ``name``."""
    _allow_fields_of(max_bytes)
    lines = _StrictLines(stream)
    line_iter = iter(lines)
    first_line = next(line_iter, None)
    if first_line is None:
        yield reject_from(InputError(name, "empty file; a CSV needs a header row"))
        return
    first_line = first_line.removeprefix("\ufeff")
    delimiter = max(_DELIMITERS, key=first_line.count)
    rows = csv.reader(itertools.chain([first_line], line_iter), delimiter=delimiter)
    header = next(rows)
    try:
        columns = find_columns(header, origin=name)
    except MissingColumn as exc:
        yield reject_from(exc)
        return
    yield from _read_rows(rows, lines, columns=columns, name=name, max_bytes=max_bytes)


def _allow_fields_of(max_bytes: int) -> None:
    # The csv module refuses fields over 128 KiB by default; real articles are longer, and an
    # oversized one should be rejected by TooLarge for its row, not end the file. This is a
    # process-wide setting, so only ever raise it.
    wanted = 4 * max_bytes + 1_000_000
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def find_columns(header: list[str], *, origin: str) -> dict[str, int]:
    """Canonical field -> column index; :class:`MissingColumn` if text or date is absent."""
    positions: dict[str, int] = {}
    for index, column in enumerate(header):
        positions.setdefault(column.strip().lower(), index)
    columns = {
        field: next(positions[name] for name in names if name in positions)
        for field, names in FIELD_ALIASES.items()
        if any(name in positions for name in names)
    }
    for field in _REQUIRED:
        if field not in columns:
            raise MissingColumn(origin, _missing_column_message(field, header))
    return columns


def _missing_column_message(field: str, header: list[str]) -> str:
    looked_for = ", ".join(FIELD_ALIASES[field])
    has = ", ".join(repr(column) for column in header) or "no columns"
    return f"no {field} column (looked for {looked_for}); the header has {has}"


def _read_rows(
    rows: _Rows, lines: _StrictLines, *, columns: Mapping[str, int], name: str, max_bytes: int
) -> Iterator[Article | Reject]:
    row_number = 0
    while True:
        start_line = rows.line_num + 1
        try:
            row = next(rows, None)
        except csv.Error as exc:
            message = f"unreadable CSV ({exc}); the rest of the file was not read"
            yield reject_from(InputError(f"{name} line {rows.line_num}", message))
            return
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1
        origin = f"{name} row {row_number}"
        if lines.any_bad_between(start_line, rows.line_num):
            message = f"not valid UTF-8 (line {start_line}); re-save the file as UTF-8"
            yield reject_from(BadEncoding(origin, message))
        else:
            yield _record_from_row(row, columns=columns, origin=origin, max_bytes=max_bytes)


def _record_from_row(
    row: list[str], *, columns: Mapping[str, int], origin: str, max_bytes: int
) -> Article | Reject:
    fields: dict[str, object] = {
        field: row[index] if index < len(row) and row[index].strip() else None
        for field, index in columns.items()
    }
    try:
        return article_from_fields(fields, origin=origin, max_bytes=max_bytes)
    except InputError as exc:
        return reject_from(exc, story_id=given_story_id(fields))
