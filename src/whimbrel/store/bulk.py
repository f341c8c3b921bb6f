"""Bulk writes to DuckDB without pandas or pyarrow.

Rows are transposed into one typed list per column and inserted with a single statement,
``INSERT INTO t SELECT unnest($1::T1[]), unnest($2::T2[]), ...``: DuckDB zips lists of equal
length, so a whole batch crosses into the database in one call.

Measured with ``benchmarks/bench_store.py --compare-paths --rows 10000`` (real event rows,
~1.5 KB of record JSON each, 2 cores): temporary JSONL file + ``read_json`` ~35k rows/s,
this list path ~32k rows/s, temporary CSV + ``read_csv`` ~16k rows/s, multi-row ``VALUES``
with parameters ~4.5k rows/s, ``executemany`` ~0.6k rows/s. The JSONL path is ~7% faster,
but needs a temporary file per batch (disk space, clean-up, a writable temp dir); building
the rows in Python costs more than either, so the list path is the one used.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import duckdb

Column = tuple[str, str]
"""A column name and its DuckDB type, e.g. ``("lat", "DOUBLE")``."""


def list_cast(sql_type: str) -> str:
    # JSON values travel as text and are validated by the cast into the JSON column.
    return "VARCHAR[]" if sql_type.upper() == "JSON" else f"{sql_type}[]"


def insert_columns(
    conn: duckdb.DuckDBPyConnection,
    *,
    table: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` in one statement."""
    if not rows:
        return 0
    names = ", ".join(name for name, _ in columns)
    selects = ", ".join(
        f"unnest(${index}::{list_cast(sql_type)})"
        for index, (_, sql_type) in enumerate(columns, start=1)
    )
    values = [list(column) for column in zip(*rows, strict=True)]
    conn.execute(f"INSERT INTO {table} ({names}) SELECT {selects}", values)
    return len(rows)


def delete_where_in(
    conn: duckdb.DuckDBPyConnection,
    *,
    table: str,
    column: str,
    values: Collection[str],
    where: str = "TRUE",
) -> None:
    """Delete the rows of ``table`` whose ``column`` is one of ``values`` (and ``where``)."""
    if values:
        conn.execute(
            f"DELETE FROM {table} WHERE ({where}) AND {column} IN (SELECT unnest($1::VARCHAR[]))",
            [list(values)],
        )


def delete_matching(
    conn: duckdb.DuckDBPyConnection,
    *,
    table: str,
    columns: Sequence[str],
    rows: Collection[Sequence[str | None]],
) -> None:
    """Delete the rows of ``table`` equal to one of ``rows`` on ``columns`` (NULL matches NULL)."""
    if not rows:
        return
    keys = ", ".join(f"unnest(${i}::VARCHAR[]) AS {name}" for i, name in enumerate(columns, 1))
    match = " AND ".join(f"{table}.{name} IS NOT DISTINCT FROM k.{name}" for name in columns)
    values = [list(column) for column in zip(*rows, strict=True)]
    conn.execute(f"DELETE FROM {table} USING (SELECT {keys}) AS k WHERE {match}", values)
