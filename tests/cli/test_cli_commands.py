"""The `whimbrel` command end to end: real files, a real DuckDB store, the real model."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from whimbrel.cli import EXIT_REJECTS, main

pytestmark = pytest.mark.slow
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "date 2024-02-03 On Friday in Kyiv, Ukrainian President Oleh Hrytsenko held talks with "
        "the visiting Polish prime minister, Marta Zielinska.\n",
        encoding="utf-8",
    )
    (folder / "nodate.txt").write_text("An article without its date line.\n", encoding="utf-8")
    (folder / "baddate.txt").write_text("date 2024-13-45 Text.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"date 2024-02-03 caf\xe9 \xff\xfe\n")
    (folder / "empty.txt").write_text("date 2024-02-03 \n", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_code_reports_rejects_and_codes_the_rest(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "out.duckdb"
    code, out, err = run("code", str(inputs), "--db", str(db), "--no-progress")
    assert code == EXIT_REJECTS, (out, err)
    assert "articles read 5, rejected 4" in out
    for name in ("nodate.txt", "baddate.txt", "binary.txt", "empty.txt"):
        assert name in err
    report = [json.loads(line) for line in Path(f"{db}.rejects.jsonl").read_text().splitlines()]
    assert len(report) == 4 and all(r["reason"] for r in report)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select event_type, actor_country, recipient_country, record from events"
        ).fetchall()
    assert len(rows) == 1, rows
    (event_type, actor_country, recipient_country, record) = rows[0]
    assert (event_type, actor_country, recipient_country) == ("CONSULT", "UKR", "POL")
    assert [a["name"] for a in json.loads(record)["actor"]] == ["Oleh Hrytsenko"]


def test_coding_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    tables = ("stories", "mentions", "events")
    snapshots = []
    for _ in range(2):
        code, out, err = run("code", str(SAMPLES), "--db", str(db), "--no-progress")
        assert code == 0, (out, err)
        with duckdb.connect(str(db), read_only=True) as con:
            snapshots.append(
                {
                    t: sorted(
                        con.execute(
                            f"select * exclude (coded_at) from {t}"
                            if t == "stories"
                            else f"select * from {t}"
                        ).fetchall()
                    )
                    for t in tables
                }
            )
    assert snapshots[0] == snapshots[1]
    assert all(snapshots[0][t] for t in tables)


def test_export_plover_jsonl_and_csv(tmp_path: Path) -> None:
    db = tmp_path / "export.duckdb"
    assert run("code", str(SAMPLES), "--db", str(db), "--no-progress")[0] == 0
    out = tmp_path / "events.jsonl"
    code, _, err = run("export", "--db", str(db), "--format", "plover-jsonl", "--out", str(out))
    assert code == 0, err
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(r["story_id"] and r["sentence"] for r in records)
    assert {r["modality"] for r in records} <= {"asserted", "planned"}
    csv_out = tmp_path / "events.csv"
    assert run("export", "--db", str(db), "--format", "csv", "--out", str(csv_out))[0] == 0
    with csv_out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [r["id"] for r in records]


def test_unknown_model_fails_with_a_clear_message(tmp_path: Path) -> None:
    code, _, err = run(
        "code", str(SAMPLES), "--db", str(tmp_path / "x.duckdb"), "--model", "no_such_pipeline"
    )
    assert code == 1 and "no_such_pipeline" in err and "pip install" in err
