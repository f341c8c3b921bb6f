"""Flat, one-row-per-event exports of PLOVER-JSONL records.

CSV here; Parquet in :mod:`whimbrel.export.parquet`. Several actors (or recipients) are
joined by ``"; "`` in the same order in every actor column, so the n-th part of
``actor_text`` lines up with the n-th part of ``actor_country``; a missing value leaves an
empty part. Attribution reads ``"ANI via Dawn; Reuters"``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

# Column name and DuckDB type (used by the Parquet writer and the store).
TABULAR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("story_id", "VARCHAR"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("cameo_code", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("intensity", "DOUBLE"),
    ("modality", "VARCHAR"),
    ("actor_text", "VARCHAR"),
    ("actor_name", "VARCHAR"),
    ("actor_country", "VARCHAR"),
    ("actor_sector", "VARCHAR"),
    ("recipient_text", "VARCHAR"),
    ("recipient_name", "VARCHAR"),
    ("recipient_country", "VARCHAR"),
    ("recipient_sector", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonameid", "BIGINT"),
    ("attribution", "VARCHAR"),
    ("sentence", "VARCHAR"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("num_mentions", "INTEGER"),
    ("publisher", "VARCHAR"),
    ("pub_date", "DATE"),
    ("coder_version", "VARCHAR"),
    ("model", "VARCHAR"),
)
CSV_COLUMNS: tuple[str, ...] = tuple(name for name, _ in TABULAR_COLUMNS)


def joined(parts: Iterable[object]) -> str | None:
    """``"; "``-joined parts with empty slots kept for alignment; None when all are empty."""
    texts = ["" if part is None else str(part) for part in parts]
    return "; ".join(texts) if any(texts) else None


def attribution_text(links: Iterable[dict[str, Any]]) -> str | None:
    return joined(
        link["source"] + (f" via {link['via']}" if link.get("via") else "") for link in links
    )


def party_columns(role: str, parties: Sequence[dict[str, Any]]) -> dict[str, str | None]:
    """``<role>_text``, ``_name``, ``_country``, ``_sector`` for the actor or recipient list."""
    return {
        f"{role}_{key}": joined(party.get(key) for party in parties)
        for key in ("text", "name", "country", "sector")
    }


def location_columns(location: dict[str, Any] | None) -> dict[str, Any]:
    place = location or {}
    return {
        "location_name": place.get("name") or place.get("text"),
        "location_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geonameid": place.get("geonameid"),
    }


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER-JSONL record as a dict keyed by ``CSV_COLUMNS`` (None for missing values)."""
    spans = record.get("spans") or {}
    sentence_span = spans.get("sentence") or [None, None]
    trigger_span = spans.get("trigger") or [None, None]
    row = {name: record.get(name) for name in CSV_COLUMNS}
    row.update(party_columns("actor", record.get("actor") or []))
    row.update(party_columns("recipient", record.get("recipient") or []))
    row.update(location_columns(record.get("location")))
    row["attribution"] = attribution_text(record.get("attribution") or [])
    row["sentence_start"], row["sentence_end"] = sentence_span
    row["trigger_start"], row["trigger_end"] = trigger_span
    return row


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write a header and one row per record; ``out`` should be opened with ``newline=""``."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for record in records:
        writer.writerow(flat_row(record))
        written += 1
    return written
