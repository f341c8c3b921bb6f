from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from store_factory import all_stories

from whimbrel.errors import ConfigError
from whimbrel.export import FORMATS, export_events
from whimbrel.export.tabular import CSV_COLUMNS, attribution_text, joined
from whimbrel.records import MODALITIES
from whimbrel.store import Store

TEXTS = {result.article.id: result.article.text for result in all_stories()}


def exported(store: Store, fmt: str, **options: object) -> tuple[int, str]:
    out = io.StringIO()
    written = export_events(store, fmt=fmt, out=out, **options)  # type: ignore[arg-type]
    return written, out.getvalue()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_formats_are_named_with_help() -> None:
    assert list(FORMATS) == ["plover-jsonl", "csv", "parquet"]
    assert all(FORMATS.values())


def test_plover_jsonl_round_trip_keeps_fields_and_spans(filled_store: Store) -> None:
    written, text = exported(filled_store, "plover-jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert written == len(records) == 4
    for record in records:
        story = TEXTS[record["story_id"]]
        start, end = record["spans"]["sentence"]
        assert story[start:end] == record["sentence"]
        start, end = record["spans"]["trigger"]
        assert story[start:end] == record["trigger"]
        for party in record["actor"] + record["recipient"]:
            assert story[party["start"] : party["end"]] == party["text"]
    assert records == filled_store.events(modality=("asserted", "planned"))


@pytest.mark.parametrize(
    ("include_modality", "expected"),
    [
        (("asserted", "planned"), ["asserted", "asserted", "asserted", "planned"]),
        (MODALITIES, ["asserted", "asserted", "asserted", "hypothetical", "negated", "planned"]),
        (("negated", "hypothetical"), ["hypothetical", "negated"]),
    ],
)
def test_modality_filter(
    filled_store: Store, include_modality: tuple[str, ...], expected: list[str]
) -> None:
    _, text = exported(filled_store, "plover-jsonl", include_modality=include_modality)
    assert sorted(json.loads(line)["modality"] for line in text.splitlines()) == expected


def test_negated_and_hypothetical_are_left_out_by_default(filled_store: Store) -> None:
    _, text = exported(filled_store, "csv")
    assert {row["modality"] for row in csv_rows(text)} == {"asserted", "planned"}


def test_csv_round_trip(filled_store: Store) -> None:
    written, text = exported(filled_store, "csv")
    rows = csv_rows(text)
    assert written == len(rows) == 4
    assert list(rows[0]) == list(CSV_COLUMNS)
    for row in rows:
        story = TEXTS[row["story_id"]]
        assert story[int(row["sentence_start"]) : int(row["sentence_end"])] == row["sentence"]
        assert row["coder_version"] == "whimbrel 0.1.0"
    by_story = {row["story_id"]: row for row in rows if row["modality"] == "asserted"}
    berlin = by_story["story-berlin"]
    assert berlin["actor_text"] == "The French foreign minister; an unnamed adviser"
    assert (berlin["actor_country"], berlin["actor_sector"]) == ("FRA; ", "GOV; ")
    assert (berlin["location_name"], berlin["lat"], berlin["geonameid"]) == (
        "Berlin",
        "52.52",
        "2950159",
    )
    assert berlin["num_mentions"] == "2" and berlin["attribution"] == ""
    nairobi = by_story["story-nairobi"]
    assert nairobi["attribution"] == "Reuters via a police spokesman"
    assert nairobi["trigger_start"] == str(TEXTS["story-nairobi"].index("arrested"))
    assert (nairobi["publisher"], nairobi["pub_date"]) == ("Harbour Post", "2024-06-28")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["PAK"], "PAK"),
        (["PAK", "IND"], "PAK; IND"),
        (["FRA", None], "FRA; "),
        ([None, "DEU"], "; DEU"),
        ([None], None),
        ([], None),
    ],
)
def test_joined_keeps_actor_slots_aligned(parts: list[str | None], expected: str | None) -> None:
    assert joined(parts) == expected


def test_attribution_text_names_the_chain() -> None:
    links: list[dict[str, Any]] = [
        {"source": "ANI", "via": "a police officer"},
        {"source": "Reuters", "via": None},
    ]
    assert attribution_text(links) == "ANI via a police officer; Reuters"


@pytest.mark.parametrize("fmt", ["plover-jsonl", "csv"])
def test_text_formats_write_to_a_path(filled_store: Store, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export_events(filled_store, fmt=fmt, out=path) == 4
    assert path.read_text(encoding="utf-8") == exported(filled_store, fmt)[1]


def test_parquet_is_readable_back_with_duckdb(filled_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export_events(filled_store, fmt="parquet", out=path) == 4
    conn = duckdb.connect()
    relation = conn.sql(f"SELECT * FROM read_parquet('{path}') ORDER BY story_id, sentence_start")
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    rows = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    conn.close()
    assert list(types) == list(CSV_COLUMNS)
    assert (types["date"], types["lat"], types["quad_class"], types["geonameid"]) == (
        "DATE",
        "DOUBLE",
        "INTEGER",
        "BIGINT",
    )
    assert len(rows) == 4
    berlin = rows[0]
    assert (berlin["story_id"], berlin["actor_country"], berlin["lat"]) == (
        "story-berlin",
        "FRA; ",
        52.52,
    )
    assert str(berlin["date"]) == "2024-01-15" and berlin["num_mentions"] == 2


def test_parquet_needs_a_path(filled_store: Store) -> None:
    with pytest.raises(ConfigError, match="pass a path"):
        export_events(filled_store, fmt="parquet", out=io.StringIO())


def test_unknown_format_names_the_choices(filled_store: Store) -> None:
    with pytest.raises(ConfigError, match="'icews-tsv'.*plover-jsonl, csv, parquet"):
        exported(filled_store, "icews-tsv")


def test_empty_store_exports_a_header_only(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.duckdb") as store:
        written, text = exported(store, "csv")
    assert written == 0 and text == ",".join(CSV_COLUMNS) + "\n"
