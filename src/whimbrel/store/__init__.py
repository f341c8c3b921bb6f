"""whimbrel's DuckDB store: the one place coded results are written (see ``duckdb.py``)."""

from __future__ import annotations

from whimbrel.store.duckdb import Store, WriteCounts

__all__ = ["Store", "WriteCounts"]
