"""What every reader shares: field aliases, date parsing, article checks, rejects.

Readers turn raw fields (canonical name -> raw value) into an :class:`Article` with
:func:`article_from_fields`, which raises an :class:`InputError` subclass for a bad record;
the reader turns that into a :class:`Reject` with :func:`reject_from`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Protocol

from whimbrel.errors import BadDate, EmptyText, InputError, MissingDate, TooLarge
from whimbrel.records import Article, Reject

DEFAULT_MAX_BYTES = 2_000_000

# Canonical field -> accepted names (lower case), in order of preference.
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "id": ("id", "story_id"),
        "date": ("date", "pub_date", "publication_date", "published"),
        "title": ("title", "headline"),
        "text": ("text", "body", "content", "article"),
        "url": ("url", "link"),
        "publisher": ("publisher", "source"),
    }
)

_ISO_DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_COMPACT_DAY = re.compile(r"\d{8}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d")
# Common English forms tried with strptime before the (slow) dateparser fallback.
_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x85\u2028\u2029]+\s*")
_DAY_FORMATS = (
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%A, %d %B %Y",
)
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be written
    "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday" relative to now
    "RETURN_AS_TIMEZONE_AWARE": False,
}


class StreamReader(Protocol):
    """A format's stream reader: records from an open binary stream called ``name``."""

    def __call__(
        self, stream: BinaryIO, *, name: str, max_bytes: int
    ) -> Iterator[Article | Reject]: ...


def shorten(value: object, *, limit: int = 40) -> str:
    """``repr`` of a value cut to ``limit`` characters, so a message stays one line."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


@functools.lru_cache(maxsize=4096)
def parse_date(raw: str) -> dt.date:
    """The calendar day ``raw`` names; ``ValueError`` saying why when it names none.

    ISO days, compact ``YYYYMMDD``, ISO datetimes (the day as written, no time-zone shift),
    RFC 2822 and common English forms are parsed directly; other forms go to dateparser.
    Something shaped like an ISO day but impossible (``2021-13-45``) is an error, not a guess.
    """
    value = raw.strip()
    if _ISO_DAY.fullmatch(value):
        year, month, day = (int(part) for part in value.split("-"))
        return dt.date(year, month, day)
    if _COMPACT_DAY.fullmatch(value):
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    if _ISO_DATETIME.match(value):
        # The day as written: a time-zone shift would move stories across midnight.
        return dt.date.fromisoformat(value[:10])
    return _parse_free_date(value)


def _parse_free_date(value: str) -> dt.date:
    for day_format in _DAY_FORMATS:
        parsed = _strptime_or_none(value, day_format)
        if parsed is not None:
            return parsed
    rfc2822 = email.utils.parsedate_tz(value)
    if rfc2822 is not None:
        return dt.date(*rfc2822[:3])
    import dateparser  # slow to import; only needed for unusual forms

    found = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    if found is None:
        raise ValueError("no day, month and year found in it")
    return found.date()


def _strptime_or_none(value: str, day_format: str) -> dt.date | None:
    # strptime signals "other format" only by raising; keep that out of the caller's loop.
    try:
        return dt.datetime.strptime(value, day_format).date()
    except ValueError:
        return None


def parse_record_date(value: object, *, origin: str) -> dt.date:
    """A record's date, or :class:`MissingDate` / :class:`BadDate` naming the bad value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise MissingDate(origin, "no date; give the publication date as YYYY-MM-DD")
    if not isinstance(value, str | int):
        raise BadDate(origin, f"date {shorten(value)} is not a string; write it as YYYY-MM-DD")
    try:
        return parse_date(str(value))
    except (ValueError, OverflowError) as exc:
        raise BadDate(
            origin, f"date {shorten(value)} is not a valid date ({exc}); write it as YYYY-MM-DD"
        ) from exc


def check_size(text: str, *, origin: str, max_bytes: int) -> None:
    """:class:`TooLarge` when ``text`` is over ``max_bytes`` bytes of UTF-8."""
    if len(text) * 4 <= max_bytes:  # no UTF-8 character is longer than 4 bytes
        return
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise too_large(origin, size=size, max_bytes=max_bytes)


def too_large(origin: str, *, size: int, max_bytes: int, at_least: bool = False) -> TooLarge:
    amount = f"more than {size:,}" if at_least else f"{size:,}"
    return TooLarge(
        origin,
        f"article is {amount} bytes, over the {max_bytes:,}-byte limit; "
        "raise --max-bytes to read it",
    )


def pick_fields(record: Mapping[str, object]) -> dict[str, object]:
    """Canonical fields from a record whose keys may use any alias, in any case.

    The first alias with a non-empty value wins; an absent field maps to ``None``.
    """
    lowered: dict[str, object] = {}
    for key, value in record.items():
        lowered.setdefault(str(key).strip().lower(), value)
    return {
        field: next((lowered[name] for name in names if _present(lowered.get(name))), None)
        for field, names in FIELD_ALIASES.items()
    }


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def optional_text(fields: Mapping[str, object], field: str, *, origin: str) -> str | None:
    """A short optional field (id, title, url, publisher) as a stripped string, or ``None``."""
    value = fields.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(origin, f"{field} {shorten(value)} is not a string; give text")
    return str(value).strip() or None


def article_from_fields(
    fields: Mapping[str, object],
    *,
    origin: str,
    max_bytes: int,
    strip: Callable[[str], str] = str.rstrip,
) -> Article:
    """An :class:`Article` from canonical fields; raises an :class:`InputError` if unusable.

    ``strip`` trims the text: trailing whitespace only by default, so offsets that an input
    carries into its own text stay valid.
    """
    raw_text = fields.get("text")
    if raw_text is not None and not isinstance(raw_text, str):
        raise EmptyText(origin, f"text is {shorten(raw_text)}, not a string; give the body")
    text = strip(raw_text or "")
    if not text:
        raise EmptyText(origin, "no text; give the article body in a text/body/content field")
    check_size(text, origin=origin, max_bytes=max_bytes)
    date = parse_record_date(fields.get("date"), origin=origin)
    given_id = optional_text(fields, "id", origin=origin)
    return Article(
        id=given_id or Article.story_id(text=text, date=date),
        date=date,
        text=text,
        title=optional_text(fields, "title", origin=origin),
        url=optional_text(fields, "url", origin=origin),
        publisher=optional_text(fields, "publisher", origin=origin),
        origin=origin,
    )


def given_story_id(fields: Mapping[str, object]) -> str | None:
    """The id a record carries, for a reject; ``None`` when absent or not a scalar."""
    value = fields.get("id")
    if not isinstance(value, str | int):
        return None
    return str(value).strip() or None


def reject_from(exc: InputError, *, story_id: str | None = None) -> Reject:
    """The reject for a bad record: its origin and a one-line reason naming file and record."""
    reason = _LINE_BREAKS.sub(" ", str(exc))  # one line, whatever a quoted value held
    return Reject(origin=exc.origin, reason=reason, stage="read", story_id=story_id)


def unreadable(origin: str, exc: OSError) -> Reject:
    """The reject for a file the operating system would not let us read."""
    problem = exc.strerror or str(exc)
    return reject_from(InputError(origin, f"cannot read it ({problem}); check the path"))


def read_path(
    path: Path, read_stream: StreamReader, *, max_bytes: int
) -> Iterator[Article | Reject]:
    """Open ``path`` in binary mode and read it with a format's stream reader."""
    origin = str(path)
    try:
        with path.open("rb") as stream:
            yield from read_stream(stream, name=origin, max_bytes=max_bytes)
    except OSError as exc:
        yield unreadable(origin, exc)
