"""Export stored events: PLOVER JSONL, CSV and Parquet. Reads the store; never extracts."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from whimbrel.errors import ConfigError
from whimbrel.export.parquet import write_parquet
from whimbrel.export.plover import write_jsonl
from whimbrel.export.tabular import write_csv

if TYPE_CHECKING:
    from whimbrel.store.duckdb import Store

__all__ = ["DEFAULT_MODALITIES", "FORMATS", "export_events"]

FORMATS: dict[str, str] = {
    "plover-jsonl": "one PLOVER-JSONL event record per line, with evidence spans and mentions",
    "csv": "one row per event, flat columns; several actors joined by '; '",
    "parquet": "the CSV columns, typed, as a Parquet file (needs a file path)",
}
DEFAULT_MODALITIES: tuple[str, ...] = ("asserted", "planned")


def export_events(
    store: Store,
    *,
    fmt: str,
    out: TextIO | Path,
    include_modality: Collection[str] = DEFAULT_MODALITIES,
) -> int:
    """Write the store's events with the given modalities to ``out``; return rows written.

    ``out`` is an open text stream or a file path; Parquet needs a path.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose from {', '.join(FORMATS)}")
    records = store.iter_events(modality=include_modality)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("parquet export writes a file: pass a path, not a stream")
        return write_parquet(records, out)
    writer = write_jsonl if fmt == "plover-jsonl" else write_csv
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            return writer(records, stream)
    return writer(records, out)
