"""Readers: files, directories and stdin in; :class:`Article` or :class:`Reject` records out.

Formats (:data:`FORMATS`): ``seed`` (text whose first line is ``date YYYY-MM-DD``), ``jsonl``,
``csv`` (with a header) and ``xml`` (PETRARCH / UniversalPetrarch). A file's format comes
from ``fmt`` when given, else from its extension (:data:`EXTENSIONS`), else is sniffed from
its first bytes like stdin (``-``): ``{`` is JSON Lines, ``date`` seed text, ``<`` XML, and
anything else CSV with a header.

Directories are walked recursively in sorted order, skipping hidden entries; without ``fmt``
only files with a known extension are read, with ``fmt`` every file is read in that format.

A bad record never raises: it becomes a :class:`Reject` whose reason names the file and the
record. Only unusable options raise :class:`ConfigError`, and they do so at call time,
before anything is read.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from whimbrel.errors import ConfigError, InputError
from whimbrel.readers import csv, jsonl, petrarch_xml, seedtext
from whimbrel.readers._common import (
    DEFAULT_MAX_BYTES,
    StreamReader,
    parse_date,
    reject_from,
    unreadable,
)
from whimbrel.records import Article, Reject

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "FORMATS",
    "STDIN",
    "parse_date",
    "read_inputs",
    "sniff_format",
]

FORMATS: tuple[str, ...] = ("seed", "jsonl", "csv", "xml")
EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {
        ".txt": "seed",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".tsv": "csv",
        ".xml": "xml",
    }
)
STDIN = "-"
_STDIN_NAME = "<stdin>"
_SNIFF_BYTES = 4096
_READ_STREAM: Mapping[str, StreamReader] = MappingProxyType(
    {
        "seed": seedtext.read_stream,
        "jsonl": jsonl.read_stream,
        "csv": csv.read_stream,
        "xml": petrarch_xml.read_stream,
    }
)


def read_inputs(
    inputs: Sequence[str], *, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Reject]:
    """Every article (or reject) in ``inputs``: paths of files or directories, or ``-``.

    ``max_bytes`` caps one article's text in UTF-8 bytes; a longer one is rejected.
    Raises :class:`ConfigError` at once for an unknown ``fmt`` or a ``max_bytes`` below 1.
    """
    chosen = _check_format(fmt)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"max_bytes {max_bytes!r} is not a positive whole number of bytes")
    paths = [inputs] if isinstance(inputs, str) else [str(given) for given in inputs]
    if "" in paths:  # Path("") is the working directory: never read it by accident
        raise ConfigError("an input path is empty; give a file, a directory or '-' for stdin")
    return _read_all(paths, fmt=chosen, max_bytes=max_bytes)


def _check_format(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    if fmt.lower() not in FORMATS:
        raise ConfigError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt.lower()


def _read_all(inputs: list[str], *, fmt: str | None, max_bytes: int) -> Iterator[Article | Reject]:
    for given in inputs:
        if given == STDIN:
            yield from _read_stdin(fmt=fmt, max_bytes=max_bytes)
        elif Path(given).is_dir():
            for path in _walk(Path(given), take_all=fmt is not None):
                yield from _read_file(path, fmt=fmt, max_bytes=max_bytes)
        else:
            yield from _read_file(Path(given), fmt=fmt, max_bytes=max_bytes)


def _walk(root: Path, *, take_all: bool) -> list[Path]:
    """Files under ``root`` sorted by path, hidden ones skipped; symlinked dirs not followed."""
    found: list[Path] = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in files:
            path = Path(directory) / name
            if not name.startswith(".") and (take_all or path.suffix.lower() in EXTENSIONS):
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _read_file(path: Path, *, fmt: str | None, max_bytes: int) -> Iterator[Article | Reject]:
    chosen = fmt or EXTENSIONS.get(path.suffix.lower())
    if chosen == "seed":  # seed text checks the file size before opening it
        yield from seedtext.read(path, max_bytes=max_bytes)
        return
    origin = str(path)
    try:
        with path.open("rb") as stream:
            yield from _read_stream(stream, fmt=chosen, name=origin, max_bytes=max_bytes)
    except OSError as exc:
        yield unreadable(origin, exc)


def _read_stdin(*, fmt: str | None, max_bytes: int) -> Iterator[Article | Reject]:
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:  # a text-only stand-in for stdin: re-encode what it holds
        binary = io.BytesIO(sys.stdin.read().encode("utf-8"))
    yield from _read_stream(binary, fmt=fmt, name=_STDIN_NAME, max_bytes=max_bytes)


def _read_stream(
    stream: BinaryIO, *, fmt: str | None, name: str, max_bytes: int
) -> Iterator[Article | Reject]:
    if fmt is not None:
        yield from _READ_STREAM[fmt](stream, name=name, max_bytes=max_bytes)
        return
    head = _read_head(stream)
    sniffed = sniff_format(head)
    if sniffed is None:
        yield reject_from(InputError(name, "empty input; nothing to read"))
        return
    replayed = io.BufferedReader(_ReplayedStream(head, stream))
    yield from _READ_STREAM[sniffed](replayed, name=name, max_bytes=max_bytes)


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes of an input suggest, or ``None`` if they are all blank."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not start:
        return None
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "xml"
    if start[:5] in (b"date ", b"date\t"):
        return "seed"
    return "csv"


def _read_head(stream: BinaryIO) -> bytes:
    """The first bytes of ``stream``, read until one is not blank (or the stream ends)."""
    head = b""
    while True:
        chunk = stream.read(_SNIFF_BYTES)
        head += chunk
        if not chunk or head.removeprefix(b"\xef\xbb\xbf").strip():
            return head


class _ReplayedStream(io.RawIOBase):
    """A stream that gives back the bytes already read for sniffing, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        wanted = len(buffer)
        if self._head:
            data, self._head = self._head[:wanted], self._head[wanted:]
        else:
            data = self._rest.read(wanted)
        buffer[: len(data)] = data
        return len(data)
