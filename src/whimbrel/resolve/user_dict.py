"""Time-aware user actor dictionaries: the user's own names, which outrank the built-ins.

A dictionary is YAML (a list of rows, or ``{entries: [...]}``) or CSV with a header; each
row has ``pattern, country, sector, name, ids, valid_from, valid_to`` and optionally
``exact``. Only ``pattern`` and one of ``country``/``sector`` are required. An entry applies
when the article's date falls in ``[valid_from, valid_to]`` (either end may be open)::

    pattern,country,sector,name,ids,valid_from,valid_to
    Taliban,AFG,GOV,Taliban,wikidata:Q42418,2021-08-15,
    Imran Khan,PAK,GOV,Imran Khan,,2018-08-18,2022-04-10

``ids`` in CSV are separated by ``;``. ``exact`` (true/false) makes a pattern match only as
written; by default patterns written in capitals ("ISI") are exact. Parsing is pure
(:func:`parse_user_dict`); :func:`load_user_dict` only reads the file and hands it over.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from whimbrel.errors import DataFileError
from whimbrel.lexicon.actor_forms import SECTOR_CODES, is_country_code, is_exact_form

FIELDS = ("pattern", "country", "sector", "name", "ids", "valid_from", "valid_to", "exact")


@dataclass(frozen=True, slots=True)
class UserEntry:
    """One user (or imported) dictionary row. ``source`` names where it came from."""

    pattern: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    ids: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    exact: bool = False
    source: str = "user"


def load_user_dict(path: Path | str) -> list[UserEntry]:
    """Read a user dictionary (``.yaml``/``.yml`` or ``.csv``) and parse it."""
    path = Path(path)
    fmt: Literal["yaml", "csv"] = "csv" if path.suffix.lower() == ".csv" else "yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(str(path), [f"cannot read the user dictionary: {e}"]) from e
    return parse_user_dict(text, fmt=fmt, origin=str(path))


def parse_user_dict(
    text: str, *, fmt: Literal["yaml", "csv"], origin: str = "<user dictionary>"
) -> list[UserEntry]:
    """Entries of a user dictionary; raises :class:`DataFileError` listing every bad row."""
    rows = _csv_rows(text) if fmt == "csv" else _yaml_rows(text, origin)
    problems: list[str] = []
    entries = [_entry(f"row {i + 1}", row, problems) for i, row in enumerate(rows)]
    if problems:
        raise DataFileError(origin, problems)
    return [e for e in entries if e is not None]


def _csv_rows(text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def _yaml_rows(text: str, origin: str) -> list[Any]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise DataFileError(origin, [f"not valid YAML: {e}"]) from e
    if isinstance(raw, dict) and "entries" in raw:
        raw = raw["entries"]
    if not isinstance(raw, list):
        raise DataFileError(origin, ["expected a list of rows (or a mapping with 'entries')"])
    return raw


def _date(where: str, value: Any, problems: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not a YYYY-MM-DD date")
        return None


def _ids(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(part.strip() for part in str(value or "").split(";") if part.strip())


def _flag(value: Any, default: bool) -> bool:
    if value in (None, ""):
        return default
    return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1", "yes")


def _entry(where: str, row: Any, problems: list[str]) -> UserEntry | None:
    if not isinstance(row, dict) or not str(row.get("pattern") or "").strip():
        problems.append(f"{where}: needs a non-empty 'pattern', got {row!r}")
        return None
    before = len(problems)
    pattern = str(row["pattern"]).strip()
    unknown = set(row) - set(FIELDS)
    if unknown:
        problems.append(f"{where} {pattern!r}: unknown column(s) {sorted(unknown)}")
    country = str(row.get("country") or "").strip() or None
    sector = str(row.get("sector") or "").strip() or None
    if country is None and sector is None:
        problems.append(f"{where} {pattern!r}: give a country, a sector or both")
    if country is not None and not is_country_code(country):
        problems.append(f"{where} {pattern!r}: country {country!r} is not a 3-letter code")
    if sector is not None and sector not in SECTOR_CODES:
        problems.append(f"{where} {pattern!r}: sector {sector!r} is not a PLOVER sector code")
    start = _date(f"{where} {pattern!r} valid_from", row.get("valid_from"), problems)
    end = _date(f"{where} {pattern!r} valid_to", row.get("valid_to"), problems)
    if start and end and start > end:
        problems.append(f"{where} {pattern!r}: valid_from {start} is after valid_to {end}")
    if len(problems) > before:
        return None
    return UserEntry(
        pattern=pattern,
        country=country,
        sector=sector,
        name=str(row.get("name") or "").strip() or None,
        ids=_ids(row.get("ids")),
        valid_from=start,
        valid_to=end,
        exact=_flag(row.get("exact"), is_exact_form(pattern)),
    )
