"""PETRARCH and UniversalPetrarch XML: ``<Sentence>`` or ``<Article>`` records with a ``<Text>``.

::

    <Sentences><Sentence date="20150805" id="AFP_1" source="AFP" sentence="true">
      <Text>...</Text><Parse>...</Parse></Sentence></Sentences>
    <Articles><Article date="20070301" id="AAW_1" source="AAW"><Text>...</Text></Article>

Each record becomes one article whose id is the file's ``id`` attribute (the content hash
when absent) and whose publisher is ``source``. The text is stripped at both ends: the line
breaks around it are the file's layout, not the story. The file is parsed incrementally, so a
large corpus is never held whole; bytes that are not UTF-8 or XML that is not well formed end
the file with one reject after the records already read.
"""

from __future__ import annotations

import codecs
import xml.etree.ElementTree as ET
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

RECORD_TAGS = frozenset({"sentence", "article"})
_CHUNK_BYTES = 1 << 16


class _RecordCounter:
    """Numbers the records of one file, so a record without an id can still be named."""

    def __init__(self, *, name: str, max_bytes: int) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self.count = 0


def read(path: Path, *, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles (or rejects) from the PETRARCH XML file ``path``, one per record element."""
    return read_path(path, read_stream, max_bytes=max_bytes)


def read_stream(stream: BinaryIO, *, name: str, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles (or rejects) from a PETRARCH XML stream called ``name``."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("end",))
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    counter = _RecordCounter(name=name, max_bytes=max_bytes)
    consumed = 0
    while True:
        chunk = stream.read(_CHUNK_BYTES)
        try:
            _feed(parser, decoder, chunk, consumed=consumed, name=name)
            yield from _records(parser, counter)
        except InputError as exc:
            yield reject_from(exc)
            return
        if not chunk:
            return
        consumed += len(chunk)


def _feed(
    parser: ET.XMLPullParser[ET.Element],
    decoder: codecs.IncrementalDecoder,
    chunk: bytes,
    *,
    consumed: int,
    name: str,
) -> None:
    """Feed one chunk (the empty chunk ends the input); :class:`InputError` if it is bad."""
    try:
        text = decoder.decode(chunk, final=not chunk)
    except UnicodeDecodeError as exc:
        position = consumed + exc.start
        message = f"not valid UTF-8 at byte {position:,}; the rest of the file was not read"
        raise BadEncoding(name, message) from exc
    parser.feed(text)  # a syntax error is queued, and raised by read_events
    if not chunk:
        try:
            parser.close()
        except ET.ParseError as exc:
            raise _not_well_formed(exc, name=name) from exc


def _not_well_formed(exc: ET.ParseError, *, name: str) -> InputError:
    line, column = exc.position
    problem = str(exc).rsplit(": line ", 1)[0]  # expat appends the 0-based position
    message = f"XML not well formed ({problem}); the rest of the file was not read"
    return InputError(f"{name} line {line} column {column + 1}", message)


def _records(
    parser: ET.XMLPullParser[ET.Element], counter: _RecordCounter
) -> Iterator[Article | Reject]:
    """Records completed so far; :class:`InputError` where the XML stops being well formed."""
    try:
        for event in parser.read_events():
            element = event[-1]  # ("end", element) for the only events asked for
            if isinstance(element, ET.Element) and _local_name(element) in RECORD_TAGS:
                counter.count += 1
                yield _record_from_element(element, counter)
                element.clear()  # a parsed record is not needed again; keep memory flat
    except ET.ParseError as exc:
        raise _not_well_formed(exc, name=counter.name) from exc


def _local_name(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower()


def _record_from_element(element: ET.Element, counter: _RecordCounter) -> Article | Reject:
    fields = pick_fields(element.attrib)
    fields["text"] = _element_text(element)  # the <Text> child, never an attribute
    record_id = given_story_id(fields)
    tag = element.tag.rsplit("}", 1)[-1]
    origin = f"{counter.name} {tag} {counter.count}" + (f" id={record_id}" if record_id else "")
    try:
        return article_from_fields(
            fields, origin=origin, max_bytes=counter.max_bytes, strip=str.strip
        )
    except InputError as exc:
        return reject_from(exc, story_id=record_id)


def _element_text(element: ET.Element) -> str | None:
    for child in element:
        if _local_name(child) == "text":
            return "".join(child.itertext())
    return None
