"""Parquet export: the flat CSV columns, typed, written by DuckDB's ``COPY`` (no pyarrow).

Rows are loaded in batches into an in-memory DuckDB table, never into the store, then copied
out as one Parquet file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import duckdb

from whimbrel.errors import StoreError
from whimbrel.export.tabular import CSV_COLUMNS, TABULAR_COLUMNS, flat_row
from whimbrel.store.bulk import insert_columns

PARQUET_BATCH_ROWS = 10_000


def batches(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        rows = (flat_row(record) for record in batch)
        yield [tuple(row[name] for name in CSV_COLUMNS) for row in rows]


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the flat columns, typed (DATE, DOUBLE, INTEGER), to a Parquet file at ``path``."""
    conn = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
    try:
        columns_sql = ", ".join(f"{name} {sql_type}" for name, sql_type in TABULAR_COLUMNS)
        conn.execute(f"CREATE TABLE events ({columns_sql})")
        written = sum(
            insert_columns(conn, table="events", columns=TABULAR_COLUMNS, rows=batch)
            for batch in batches(records, PARQUET_BATCH_ROWS)
        )
        target = str(path).replace("'", "''")
        conn.execute(f"COPY events TO '{target}' (FORMAT parquet)")
    except duckdb.Error as e:
        raise StoreError(
            f"{path}: cannot write the Parquet file ({e}); check the directory exists and is "
            "writable"
        ) from e
    finally:
        conn.close()
    return written
