"""Seed text: one article per UTF-8 file, the first line starting ``date YYYY-MM-DD ``.

The article text follows the date on the same line and the lines after it. The prefix is
optional leading whitespace or BOM, ``date``, the date, then the spaces (and at most one line
break) separating it from the text; ``Article.text`` is everything after that with only
trailing whitespace stripped, because later stages index into it. The input carries no id, so
the story id is the content hash of date and text (a file name is never taken for an id).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from whimbrel.errors import BadEncoding, InputError, MissingDate
from whimbrel.readers._common import (
    article_from_fields,
    reject_from,
    shorten,
    too_large,
    unreadable,
)
from whimbrel.records import Article, Reject

# Room for the date prefix on top of the article's own byte limit.
_PREFIX_ALLOWANCE = 4096
_DATE_PREFIX = re.compile(r"[\ufeff\s]*date[ \t]+(?P<date>\S+)[ \t]*(?:\r?\n)?")


def read(path: Path, *, max_bytes: int) -> Iterator[Article | Reject]:
    """The one article in seed-text file ``path``, or the reject saying why it is unusable."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes + _PREFIX_ALLOWANCE:  # refuse before reading megabytes
            yield reject_from(too_large(origin, size=size, max_bytes=max_bytes))
            return
        with path.open("rb") as stream:
            yield from read_stream(stream, name=origin, max_bytes=max_bytes)
    except OSError as exc:
        yield unreadable(origin, exc)


def read_stream(stream: BinaryIO, *, name: str, max_bytes: int) -> Iterator[Article | Reject]:
    """The one article in a seed-text stream called ``name`` (a path, or ``<stdin>``)."""
    limit = max_bytes + _PREFIX_ALLOWANCE
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield reject_from(too_large(name, size=limit, max_bytes=max_bytes, at_least=True))
        return
    try:
        yield article_from_seed(data, origin=name, max_bytes=max_bytes)
    except InputError as exc:
        yield reject_from(exc)


def article_from_seed(data: bytes, *, origin: str, max_bytes: int) -> Article:
    """An :class:`Article` from the bytes of a seed-text file; :class:`InputError` if unusable."""
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadEncoding(
            origin, f"not valid UTF-8 at byte {exc.start:,}; re-save the file as UTF-8"
        ) from exc
    prefix = _DATE_PREFIX.match(content)
    if prefix is None:
        first_line = content.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
        raise MissingDate(
            origin,
            f"first line {shorten(first_line)} does not start with 'date YYYY-MM-DD '; "
            "put the publication date first",
        )
    fields = {"date": prefix["date"], "text": content[prefix.end() :]}
    return article_from_fields(fields, origin=origin, max_bytes=max_bytes)
