"""`whimbrel eval` on gold and predicted PLOVER JSONL files we wrote."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from whimbrel.cli import main


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def event(story: str, kind: str, actor: str, recipient: str) -> dict:
    return {
        "story_id": story,
        "event_type": kind,
        "actor": [{"country": actor}],
        "recipient": [{"country": recipient}],
    }


def test_eval_scores_and_writes_reports(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [event("s1", "CONSULT", "FRA", "DEU"), event("s2", "ASSAULT", "ISR", "PSE")],
    )
    pred = write_jsonl(
        tmp_path / "pred.jsonl",
        [event("s1", "CONSULT", "FRA", "DEU"), event("s2", "PROTEST", "ISR", "PSE")],
    )
    md, js = tmp_path / "report.md", tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["eval", str(gold), "--pred", str(pred), "--md", str(md), "--json", str(js)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(js.read_text())
    # one of two gold events found, one of two predictions right
    assert scores["event_type"]["micro"]["precision"] == 0.5
    assert scores["event_type"]["micro"]["recall"] == 0.5
    assert "PROTEST" in md.read_text()


def test_eval_names_the_bad_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"story_id": "s1", "event_type": "AGREE"}\nnot json\n', encoding="utf-8")
    pred = write_jsonl(tmp_path / "pred.jsonl", [])
    result = CliRunner().invoke(main, ["eval", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1
    assert "line 2" in result.stderr
