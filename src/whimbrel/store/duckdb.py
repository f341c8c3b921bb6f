"""The DuckDB store: the only place whimbrel writes coded stories, mentions, events and rejects.

Writes are idempotent: each batch first deletes the rows of the stories (and ids) it carries,
then bulk-inserts the new rows, in one transaction; the last result per story wins. A reject
stays until its story is coded or rejected again (rejects without a story id: until the
same origin codes, or the same reject is written again). Ids are content hashes, so coding the same
input twice leaves the same rows. The ``record`` JSON columns hold the PLOVER-JSONL dicts of
:mod:`whimbrel.export.plover`; readers (export, serve, eval) read those.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
from importlib import resources
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from whimbrel.errors import ConfigError, StoreError
from whimbrel.export.plover import check_versions
from whimbrel.records import MODALITIES, StoryResult
from whimbrel.store.bulk import delete_matching, delete_where_in, insert_columns
from whimbrel.store.rows import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    REJECT_COLUMNS,
    REJECT_KEY,
    STORY_COLUMNS,
    Rows,
    collect_rows,
)

SCHEMA_VERSION = "1"
TABLES: tuple[str, ...] = ("stories", "mentions", "events", "rejects")
DEFAULT_BATCH_STORIES = 2000
# No network at run time: a missing extension must fail loudly, never trigger a download.
CONNECT_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False
}


@dataclass(frozen=True, slots=True)
class WriteCounts:
    """Rows written by one :meth:`Store.write` call, per table."""

    stories: int = 0
    mentions: int = 0
    events: int = 0
    rejects: int = 0

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def advice_for(error: duckdb.Error) -> str:
    """What the user can do about a DuckDB error, in one clause."""
    message = str(error)
    if "lock" in message.lower():
        return (
            "another process holds the store open (a running `whimbrel code` or `serve`?); "
            "stop it or use a different store path"
        )
    if "not a valid DuckDB database" in message:
        return "the file is not a DuckDB database; pass a new path or the right store file"
    if isinstance(error, duckdb.ConnectionException):
        return "the store is closed; open it again with Store.open(path)"
    return "check the disk is writable and the file is a store made by this whimbrel version"


def check_modalities(modality: Collection[str] | None) -> list[str] | None:
    if modality is None:
        return None
    unknown = sorted(set(modality) - set(MODALITIES))
    if unknown:
        raise ConfigError(
            f"unknown modality {', '.join(unknown)}: choose from {', '.join(MODALITIES)}"
        )
    return list(modality)


class Store:
    """A whimbrel DuckDB store file. Open with :meth:`Store.open`; use as a context manager."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, *, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Store:
        """Open (and, unless ``read_only``, create) the store at ``path``."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no store there; code some articles into it first")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = duckdb.connect(str(path), read_only=read_only, config=CONNECT_CONFIG)
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot open the store ({e}); {advice_for(e)}") from e
        store = cls(conn, path=path, read_only=read_only)
        try:
            store._prepare_schema()
        except StoreError:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: {action} failed ({e}); {advice_for(e)}") from e

    def _prepare_schema(self) -> None:
        with self._errors("preparing the schema"):
            if not self.read_only:
                schema = resources.files("whimbrel.store").joinpath("schema.sql")
                self._conn.execute(schema.read_text(encoding="utf-8"))
                self._conn.execute(
                    "INSERT INTO meta VALUES ('schema_version', $1) ON CONFLICT DO NOTHING",
                    [SCHEMA_VERSION],
                )
            row = self._conn.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        found = row[0] if row else None
        if found != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {found!r}, this whimbrel writes "
                f"{SCHEMA_VERSION!r}; code into a new store file"
            )

    def write(
        self,
        results: Iterable[StoryResult],
        *,
        versions: Mapping[str, str],
        batch_stories: int = DEFAULT_BATCH_STORIES,
    ) -> WriteCounts:
        """Store coded stories, their mentions and events, and rejects; replace earlier rows.

        Each batch of ``batch_stories`` results is one transaction, so an interrupted run
        keeps whole batches and a re-run overwrites them. Returns the rows inserted.
        """
        check_versions(versions)
        if self.read_only:
            raise StoreError(
                f"{self.path}: opened read-only; open it with read_only=False to write"
            )
        iterator = iter(results)
        total = WriteCounts()
        while batch := list(islice(iterator, batch_stories)):
            total += self._write_rows(collect_rows(batch, versions=versions))
        return total

    def _write_rows(self, rows: Rows) -> WriteCounts:
        with self._errors("writing"):
            self._conn.begin()
            try:
                self._delete_replaced(rows)
                counts = self._insert(rows)
                self._conn.commit()
            except BaseException:
                self._conn.rollback()
                raise
        return counts

    def _delete_replaced(self, rows: Rows) -> None:
        for table in ("stories", "mentions", "events"):
            delete_where_in(self._conn, table=table, column="story_id", values=rows.story_ids)
        delete_where_in(self._conn, table="mentions", column="mention_id", values=rows.mentions)
        delete_where_in(self._conn, table="events", column="event_id", values=rows.events)
        delete_where_in(self._conn, table="rejects", column="story_id", values=rows.story_ids)
        delete_where_in(
            self._conn,
            table="rejects",
            column="origin",
            values=rows.coded_origins,
            where="story_id IS NULL",
        )
        delete_matching(self._conn, table="rejects", columns=REJECT_KEY, rows=rows.rejects)

    def _insert(self, rows: Rows) -> WriteCounts:
        def insert(table: str, columns: Any, table_rows: Mapping[Any, Any]) -> int:
            values = list(table_rows.values())
            return insert_columns(self._conn, table=table, columns=columns, rows=values)

        return WriteCounts(
            stories=insert("stories", STORY_COLUMNS, rows.stories),
            mentions=insert("mentions", MENTION_COLUMNS, rows.mentions),
            events=insert("events", EVENT_COLUMNS, rows.events),
            rejects=insert("rejects", REJECT_COLUMNS, rows.rejects),
        )

    def iter_events(
        self, *, modality: Collection[str] | None = None, batch_rows: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Event records (PLOVER-JSONL dicts) by story id, then sentence and trigger start.

        ``modality`` keeps only those modalities; None keeps all. Streams in batches.
        """
        wanted = check_modalities(modality)
        with self._errors("reading events"):
            cursor = self._conn.cursor()
        try:
            with self._errors("reading events"):
                cursor.execute(
                    "SELECT record FROM events"
                    " WHERE $1::VARCHAR[] IS NULL OR list_contains($1::VARCHAR[], modality)"
                    " ORDER BY story_id, sentence_start, trigger_start, event_id",
                    [wanted],
                )
            while True:
                with self._errors("reading events"):
                    batch = cursor.fetchmany(batch_rows)
                if not batch:
                    return
                yield from (json.loads(record) for (record,) in batch)
        finally:
            cursor.close()

    def events(self, *, modality: Collection[str] | None = None) -> list[dict[str, Any]]:
        """All event records (see :meth:`iter_events`) as a list."""
        return list(self.iter_events(modality=modality))

    def counts(self) -> dict[str, int]:
        """Rows per table: ``stories``, ``mentions``, ``events``, ``rejects``."""
        with self._errors("counting rows"):
            return {
                table: self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
                for table in TABLES
            }

    def rejects(self) -> list[dict[str, Any]]:
        """Rejected inputs: origin, stage, reason, story_id, seen_at (ISO timestamp, UTC)."""
        with self._errors("reading rejects"):
            rows = self._conn.execute(
                "SELECT origin, stage, reason, story_id, seen_at FROM rejects"
                " ORDER BY origin, stage, reason"
            ).fetchall()
        names = [name for name, _ in REJECT_COLUMNS]
        return [
            {**dict(zip(names, row, strict=True)), "seen_at": row[-1].isoformat()} for row in rows
        ]
