from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from store_factory import (
    VERSIONS,
    all_stories,
    berlin_story,
    islamabad_story,
    nairobi_story,
    rejected_story,
)

from whimbrel.errors import ConfigError, StoreError
from whimbrel.export.plover import event_record
from whimbrel.records import Reject, StoryResult
from whimbrel.store import Store, WriteCounts

# Columns that record when a row was written, so they differ between two runs by design.
WRITE_TIMES = {"stories": "coded_at", "rejects": "seen_at"}
ORDER_BY = {
    "stories": "story_id",
    "mentions": "mention_id",
    "events": "event_id",
    "rejects": "origin",
}


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without write times, in a stable order."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return {
            table: conn.execute(
                f"SELECT * EXCLUDE ({WRITE_TIMES[table]}) FROM {table} ORDER BY {order}"
                if table in WRITE_TIMES
                else f"SELECT * FROM {table} ORDER BY {order}"
            ).fetchall()
            for table, order in ORDER_BY.items()
        }
    finally:
        conn.close()


def test_write_counts_rows_per_table(store_path: Path, stories: list[StoryResult]) -> None:
    with Store.open(store_path) as store:
        counts = store.write(stories, versions=VERSIONS)
        assert counts == WriteCounts(stories=3, mentions=7, events=6, rejects=1)
        assert store.counts() == {"stories": 3, "mentions": 7, "events": 6, "rejects": 1}


@pytest.mark.parametrize("batch_stories", [1, 2, 1000])
def test_writing_twice_leaves_the_same_rows(store_path: Path, batch_stories: int) -> None:
    with Store.open(store_path) as store:
        store.write(all_stories(), versions=VERSIONS, batch_stories=batch_stories)
    first = table_rows(store_path)
    with Store.open(store_path) as store:
        store.write(all_stories(), versions=VERSIONS, batch_stories=batch_stories)
        assert store.counts() == {"stories": 3, "mentions": 7, "events": 6, "rejects": 1}
    assert table_rows(store_path) == first


def test_recoding_a_story_replaces_its_old_events(store_path: Path) -> None:
    full = islamabad_story()
    shorter = dataclasses.replace(full, mentions=full.mentions[:1], events=full.events[:1])
    with Store.open(store_path) as store:
        store.write([full], versions=VERSIONS)
        store.write([shorter], versions=VERSIONS)
        assert store.counts() == {"stories": 1, "mentions": 1, "events": 1, "rejects": 0}
        assert [r["id"] for r in store.events()] == [full.events[0].id]


def test_a_story_repeated_in_one_write_keeps_the_last(store_path: Path) -> None:
    full = islamabad_story()
    empty = dataclasses.replace(full, mentions=(), events=())
    with Store.open(store_path) as store:
        counts = store.write([full, empty], versions=VERSIONS)
        assert counts == WriteCounts(stories=1)
        assert store.counts()["events"] == 0


def test_a_story_rejected_on_recoding_loses_its_events(store_path: Path) -> None:
    coded = nairobi_story()
    reject = Reject(origin="feed.jsonl:7", reason="text is empty", story_id="story-nairobi")
    with Store.open(store_path) as store:
        store.write([coded], versions=VERSIONS)
        store.write([StoryResult(article=coded.article, reject=reject)], versions=VERSIONS)
        assert store.counts() == {"stories": 0, "mentions": 0, "events": 0, "rejects": 1}
        store.write([coded], versions=VERSIONS)
        assert store.counts() == {"stories": 1, "mentions": 2, "events": 2, "rejects": 0}


def test_a_reader_reject_without_article_is_stored(store_path: Path) -> None:
    unreadable = Reject(origin="feed.csv:3", reason="no date column", stage="read")
    with Store.open(store_path) as store:
        for _ in range(2):
            store.write([StoryResult(article=None, reject=unreadable)], versions=VERSIONS)
        [row] = store.rejects()
    assert (row["origin"], row["stage"], row["story_id"]) == ("feed.csv:3", "read", None)


def test_a_story_coded_after_its_reject_in_one_batch_is_not_rejected(store_path: Path) -> None:
    coded = nairobi_story()
    reject = Reject(
        origin="feed.jsonl:7", reason="timed out", stage="nlp", story_id="story-nairobi"
    )
    with Store.open(store_path) as store:
        store.write([StoryResult(article=None, reject=reject), coded], versions=VERSIONS)
        assert store.counts() == {"stories": 1, "mentions": 2, "events": 2, "rejects": 0}


def test_different_rejects_of_one_origin_are_all_kept(store_path: Path) -> None:
    rejects = [
        Reject(origin="wire.csv", reason="row 4: no date", story_id="s4"),
        Reject(origin="wire.csv", reason="row 9: empty text", story_id="s9"),
        Reject(origin="wire.csv", reason="missing column 'text'"),
    ]
    results = [StoryResult(article=None, reject=reject) for reject in rejects]
    with Store.open(store_path) as store:
        for _ in range(2):
            store.write(results, versions=VERSIONS, batch_stories=1)
        assert [r["reason"] for r in store.rejects()] == [
            "missing column 'text'",
            "row 4: no date",
            "row 9: empty text",
        ]


def test_a_reject_without_story_id_goes_when_its_origin_codes(store_path: Path) -> None:
    coded = berlin_story()
    assert coded.article is not None
    unreadable = Reject(origin=coded.article.origin, reason="date 'Mon' is not a valid date")
    with Store.open(store_path) as store:
        store.write([StoryResult(article=None, reject=unreadable)], versions=VERSIONS)
        store.write([coded], versions=VERSIONS)
        assert store.counts() == {"stories": 1, "mentions": 2, "events": 1, "rejects": 0}


def test_a_read_only_store_refuses_writes(filled_store: Store, store_path: Path) -> None:
    filled_store.close()
    with (
        Store.open(store_path, read_only=True) as store,
        pytest.raises(StoreError, match="read-only"),
    ):
        store.write([berlin_story()], versions=VERSIONS)


def test_a_result_without_article_or_reject_is_refused(store_path: Path) -> None:
    with Store.open(store_path) as store, pytest.raises(StoreError, match="neither"):
        store.write([StoryResult(article=None)], versions=VERSIONS)


def test_rejects_are_stored_with_origin_stage_and_reason(filled_store: Store) -> None:
    [reject] = filled_store.rejects()
    seen_at = reject.pop("seen_at")
    assert reject == {
        "origin": "fixtures.jsonl:story-quiet",
        "stage": "extract",
        "reason": "no sentence long enough to code",
        "story_id": "story-quiet",
    }
    assert seen_at[:4].isdigit() and "T" in seen_at


def test_event_records_are_the_plover_dicts(filled_store: Store) -> None:
    expected = {}
    for result in all_stories():
        for event in result.events:
            assert result.article is not None
            record = event_record(event, article=result.article, versions=VERSIONS)
            expected[event.id] = record
    records = filled_store.events()
    assert {r["id"]: r for r in records} == expected
    assert all(list(r) == list(expected[r["id"]]) for r in records)  # key order kept


def test_events_are_ordered_by_story_then_sentence(filled_store: Store) -> None:
    keys = [(r["story_id"], r["spans"]["sentence"][0]) for r in filled_store.events()]
    assert keys == sorted(keys)
    assert keys[0][0] == "story-berlin"


@pytest.mark.parametrize(
    ("modality", "expected"),
    [
        (None, {"asserted": 3, "planned": 1, "negated": 1, "hypothetical": 1}),
        (("asserted", "planned"), {"asserted": 3, "planned": 1}),
        (["negated"], {"negated": 1}),
        ((), {}),
    ],
)
def test_events_filter_by_modality(
    filled_store: Store, modality: tuple[str, ...] | None, expected: dict[str, int]
) -> None:
    found: dict[str, int] = {}
    for record in filled_store.events(modality=modality):
        found[record["modality"]] = found.get(record["modality"], 0) + 1
    assert found == expected


def test_unknown_modality_is_a_config_error(filled_store: Store) -> None:
    with pytest.raises(ConfigError, match="maybe.*choose from asserted"):
        filled_store.events(modality=["maybe"])


def test_flat_event_columns_match_the_record(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.write([berlin_story()], versions=VERSIONS)
    conn = duckdb.connect(str(store_path), read_only=True)
    row = conn.execute(
        "SELECT actor_country, actor_sector, recipient_country, location_name, lat,"
        " num_mentions, num_stories, story_id, date FROM events"
    ).fetchone()
    conn.close()
    assert row is not None
    assert row[:7] == ("FRA; ", "GOV; ", "DEU", "Berlin", 52.52, 2, 1)
    assert row[7] == "story-berlin" and str(row[8]) == "2024-01-15"


def test_mentions_point_to_their_event(store_path: Path) -> None:
    result = berlin_story()
    with Store.open(store_path) as store:
        store.write([result], versions=VERSIONS)
    conn = duckdb.connect(str(store_path), read_only=True)
    rows = conn.execute(
        "SELECT event_id, sentence, sentence_start, trigger_start, trigger_end,"
        " json_extract_string(record, '$.trigger') FROM mentions ORDER BY sentence_start"
    ).fetchall()
    conn.close()
    assert result.article is not None
    text = result.article.text
    assert {row[0] for row in rows} == {result.events[0].id}
    for _, sentence, sentence_start, trigger_start, trigger_end, trigger in rows:
        assert text[sentence_start : sentence_start + len(sentence)] == sentence
        assert text[trigger_start:trigger_end] == trigger


def test_missing_versions_is_a_config_error(store_path: Path) -> None:
    with Store.open(store_path) as store, pytest.raises(ConfigError, match="model"):
        store.write([nairobi_story()], versions={"coder_version": "whimbrel 0.1.0"})


def test_writing_nothing_writes_nothing(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert store.write([], versions=VERSIONS) == WriteCounts()
        assert store.write([rejected_story()], versions=VERSIONS) == WriteCounts(rejects=1)


def test_a_store_locked_by_another_process_names_the_file(store_path: Path) -> None:
    Store.open(store_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(store_path)],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="another process") as caught:
            Store.open(store_path)
        assert str(store_path) in str(caught.value)
    finally:
        holder.communicate(input="done\n", timeout=30)


HOLD_LOCK = """
import sys, duckdb
conn = duckdb.connect(sys.argv[1])
print("locked", flush=True)
sys.stdin.readline()
conn.close()
"""


def test_a_file_that_is_not_a_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my meeting notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="notes.duckdb.*not a DuckDB database"):
        Store.open(path)


def test_read_only_open_of_a_missing_store_fails(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store there"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_store_reads_events(filled_store: Store, store_path: Path) -> None:
    filled_store.close()
    with Store.open(store_path, read_only=True) as store:
        assert len(store.events()) == 6


def test_a_store_from_another_schema_version_is_refused(store_path: Path) -> None:
    Store.open(store_path).close()
    conn = duckdb.connect(str(store_path))
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(StoreError, match="schema version '0'.*new store file"):
        Store.open(store_path)


def test_a_closed_store_says_so(store_path: Path) -> None:
    store = Store.open(store_path)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()
