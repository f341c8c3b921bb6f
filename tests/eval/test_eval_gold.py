"""load_records: JSON Lines and JSON arrays, with every bad line named."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from whimbrel.errors import GoldError
from whimbrel.eval import load_records

RECORDS = [
    {"story_id": "s1", "event_type": "CONSULT", "sentence": "Ministers met in Oslo."},
    {"story_id": "s2", "event_type": None},
]


def test_reads_json_lines_skipping_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{json.dumps(RECORDS[0])}\n\n{json.dumps(RECORDS[1])}\r\n", encoding="utf-8")
    assert load_records(path) == RECORDS


def test_reads_a_json_array_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text("\ufeff  " + json.dumps(RECORDS, indent=2), encoding="utf-8")
    assert load_records(path) == RECORDS


def test_reads_gzip(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(map(json.dumps, RECORDS)).encode("utf-8")))
    assert load_records(path) == RECORDS


def test_line_separator_inside_a_string_is_not_a_new_line(tmp_path: Path) -> None:
    record = {"story_id": "s1", "event_type": "AID", "sentence": "Aid arrived.\u2028More came."}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_records(path) == [record]


def test_empty_file_has_no_records(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("", encoding="utf-8")
    assert load_records(path) == []


def test_every_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(RECORDS[0]), '{"story_id": "s2", ', json.dumps(RECORDS[1]), "[1, 2]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load_records(path)
    message = str(caught.value)
    assert "2 bad record(s)" in message
    assert "line 2: not valid JSON" in message
    assert "line 4: expected a JSON object, got list" in message
    assert str(path) in message


def test_array_items_that_are_not_objects(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([RECORDS[0], "CONSULT"]), encoding="utf-8")
    with pytest.raises(GoldError, match="item 1: expected a JSON object, got str"):
        load_records(path)


def test_broken_array_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text('[\n{"story_id": "s1"},\n{"story_id": }\n]', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.json:3: not valid JSON"):
        load_records(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read the file"):
        load_records(tmp_path / "nowhere.jsonl")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"story_id": "caf\xe9", "event_type": null}\n')
    with pytest.raises(GoldError, match="not UTF-8"):
        load_records(path)
