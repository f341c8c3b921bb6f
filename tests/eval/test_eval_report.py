"""Markdown and JSON reports, the rows table, and run_eval over real files."""

from __future__ import annotations

import json
from fractions import Fraction as F
from pathlib import Path

import whimbrel.eval
from whimbrel.eval import markdown, run_eval, score, table, to_json

GOLD = [
    {
        "story_id": "s1",
        "event_type": "CONSULT",
        "actor": [{"country": "NOR"}],
        "recipient": [{"country": "ETH"}],
        "sentence": "Norway's envoy held talks with Ethiopian ministers.",
    },
    {"story_id": "s1", "event_type": "AID", "sentence": "Norway pledged | food aid."},
]
PRED = [
    {
        "story_id": "s1",
        "event_type": "CONSULT",
        "actor": [{"country": "NOR"}],
        "recipient": [{"country": "ETH"}],
    },
    {"story_id": "s1", "event_type": "THREATEN", "sentence": "A rebel leader warned."},
]


def test_table_from_rows() -> None:
    rows = [
        {"set": "NGEC actors", "country": F(3, 4), "n": 8},
        {"set": "TempEval | dev", "country": None, "value": 0.5, "n": 2},
    ]
    assert table(rows) == (
        "| set | country | n | value |\n"
        "| --- | --- | --- | --- |\n"
        "| NGEC actors | 0.750 | 8 |  |\n"
        "| TempEval \\| dev | – | 2 | 0.500 |\n"
    )
    assert table([]) == ""


def test_markdown_report_lists_scores_and_diff() -> None:
    text = markdown(score(GOLD, PRED), title="Hand-made set")
    assert text.startswith("# Hand-made set\n")
    assert "1 stories, 2 gold events, 2 predicted events." in text
    # tp 1, fp 1, fn 1: P = R = F1 = 1/2.
    assert "| event type F1 | 0.500 | 3 |" in text
    assert "| location median error (km) | – | 0 |" in text
    assert "| CONSULT | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 |" in text
    assert "## Misses (gold events not found): 1" in text
    assert "- `s1` #1 AID — Norway pledged \\| food aid." in text
    assert "- `s1` #1 THREATEN — A rebel leader warned." in text


def test_markdown_caps_diff_lists() -> None:
    gold = [{"story_id": f"s{i}", "event_type": "PROTEST"} for i in range(5)]
    text = markdown(score(gold, []), title="Misses only", max_diff_items=2)
    assert "## Misses (gold events not found): 5" in text
    assert "- ... and 3 more (see the JSON report)" in text


def test_to_json_round_trips() -> None:
    data = json.loads(to_json(score(GOLD, PRED)))
    assert data["event_type"]["by_type"]["AID"] == {
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }
    assert data["dyad"]["stories_exact"] == {"accuracy": 0.0, "correct": 0, "n": 1}


def test_run_eval_writes_both_reports(tmp_path: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.json"
    gold_path.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps(PRED), encoding="utf-8")
    out_md, out_json = tmp_path / "out" / "eval.md", tmp_path / "out" / "eval.json"
    scores = run_eval(gold_path, pred_path, out_md=out_md, out_json=out_json)
    assert scores.event_type.f1 == F(1, 2)
    assert out_md.read_text(encoding="utf-8").startswith(
        "# whimbrel eval: pred.json against gold.jsonl"
    )
    assert json.loads(out_json.read_text(encoding="utf-8"))["counts"]["gold_events"] == 2


def test_run_eval_without_outputs_writes_nothing(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    scores = run_eval(gold_path, gold_path, out_md=None, out_json=None)
    assert scores.event_type.f1 == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold.jsonl"]


def test_exported_names() -> None:
    assert sorted(whimbrel.eval.__all__) == sorted(
        [
            "DEFAULT_KM_THRESHOLD",
            "PRF",
            "Accuracy",
            "DiffItem",
            "Scores",
            "cameo_root_key",
            "country_code",
            "distance_km",
            "event_type_key",
            "load_records",
            "markdown",
            "run_eval",
            "score",
            "score_values",
            "summary_rows",
            "table",
            "to_json",
        ]
    )
    assert all(hasattr(whimbrel.eval, name) for name in whimbrel.eval.__all__)
