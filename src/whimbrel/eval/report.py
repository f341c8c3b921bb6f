"""Render :class:`~whimbrel.eval.score.Scores` as Markdown or JSON, and rows as one table."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from fractions import Fraction

from whimbrel.eval.metrics import PRF, Accuracy
from whimbrel.eval.score import DiffItem, Scores

MISSING_CELL = "–"


def table(rows: Sequence[Mapping[str, object]]) -> str:
    """One Markdown table from ``rows`` such as ``{"set": ..., "f1": ..., "n": ...}``.

    Columns are the keys in order of first appearance; a row without a key gets an empty
    cell, ``None`` prints as ``–``, ratios with three decimals.
    """
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    if not columns:
        return ""
    lines = [_row(columns), _row(["---"] * len(columns))]
    lines.extend(_row([_cell(row.get(key, "")) for key in columns]) for row in rows)
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(value: object) -> str:
    if value is None:
        return MISSING_CELL
    if isinstance(value, Fraction | float):
        return f"{float(value):.3f}"
    # A pipe would end the cell and a newline the row.
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_json(scores: Scores) -> str:
    """``scores.to_dict()`` as indented JSON (UTF-8 text kept as is)."""
    return json.dumps(scores.to_dict(), indent=2, ensure_ascii=False) + "\n"


def markdown(scores: Scores, *, title: str, max_diff_items: int = 50) -> str:
    """A readable report: summary table, per-type table, then misses and false positives."""
    parts = [
        f"# {title}\n",
        _counts_line(scores),
        "## Summary\n",
        table(summary_rows(scores)),
        "## Event types\n",
        table(_type_rows(scores)) or "No events in gold or predictions.\n",
        _diff_section("Misses (gold events not found)", scores.misses, max_diff_items),
        _diff_section(
            "False positives (predictions not in gold)", scores.false_positives, max_diff_items
        ),
    ]
    return "\n".join(parts)


def _counts_line(scores: Scores) -> str:
    unscored = (
        f" {scores.n_unscored_pred} predictions in stories gold does not name were not scored."
        if scores.n_unscored_pred
        else ""
    )
    return (
        f"{scores.n_stories} stories, {scores.n_gold_events} gold events, "
        f"{scores.n_pred_events} predicted events.{unscored}\n"
    )


def summary_rows(scores: Scores) -> list[dict[str, object]]:
    """One row per headline score: ``{"metric", "value", "n"}``."""
    rows = _prf_rows("event type", scores.event_type) + _prf_rows("dyad triples", scores.dyad)
    accuracies = {
        "stories with exact triples": scores.stories_exact,
        "actor country": scores.actor_country,
        "actor sector": scores.actor_sector,
        "recipient country": scores.recipient_country,
        "recipient sector": scores.recipient_sector,
        "date exact": scores.date_exact,
        "date within gold precision": scores.date_within_precision,
        "location country": scores.location_country,
        f"location within {scores.km_threshold:g} km": scores.location_within_km,
        "modality": scores.modality,
    }
    rows.extend(_accuracy_row(name, accuracy) for name, accuracy in accuracies.items())
    median = scores.location_median_km
    rows.append(
        {
            "metric": "location median error (km)",
            "value": MISSING_CELL if median is None else f"{median:.1f}",
            "n": len(scores.location_distances_km),
        }
    )
    return rows


def _prf_rows(name: str, prf: PRF) -> list[dict[str, object]]:
    return [
        {"metric": f"{name} precision", "value": prf.precision, "n": prf.tp + prf.fp},
        {"metric": f"{name} recall", "value": prf.recall, "n": prf.tp + prf.fn},
        {"metric": f"{name} F1", "value": prf.f1, "n": prf.tp + prf.fp + prf.fn},
    ]


def _accuracy_row(name: str, accuracy: Accuracy) -> dict[str, object]:
    return {"metric": name, "value": accuracy.value, "n": accuracy.total}


def _type_rows(scores: Scores) -> list[dict[str, object]]:
    return [
        {
            "type": name,
            "precision": prf.precision,
            "recall": prf.recall,
            "F1": prf.f1,
            "tp": prf.tp,
            "fp": prf.fp,
            "fn": prf.fn,
        }
        for name, prf in scores.event_type_by_type.items()
    ]


def _diff_section(heading: str, items: Sequence[DiffItem], limit: int) -> str:
    lines = [f"## {heading}: {len(items)}\n"]
    for item in items[:limit]:
        sentence = f" — {_cell(item.sentence)}" if item.sentence else ""
        lines.append(f"- `{item.story_id}` #{item.index} {item.event_type}{sentence}")
    if len(items) > limit:
        lines.append(f"- ... and {len(items) - limit} more (see the JSON report)")
    return "\n".join(lines) + "\n"
