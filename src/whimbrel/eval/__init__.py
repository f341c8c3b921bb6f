"""Built-in evaluation: score PLOVER-JSONL predictions against gold records.

Typical use from a benchmark adapter::

    from whimbrel.eval import cameo_root_key, load_records, markdown, score

    scores = score(gold_records, pred_records, triple_key=cameo_root_key)
    print(markdown(scores, title="PETRARCH validation records"))

Single-field gold sets (an actor's country, a TIMEX value) use :func:`score_values` on
``(gold, pred)`` pairs and :func:`table` to print one row per set.
"""

from __future__ import annotations

from whimbrel.eval.gold import load_records
from whimbrel.eval.match import country_code
from whimbrel.eval.metrics import PRF, Accuracy, distance_km, score_values
from whimbrel.eval.report import markdown, summary_rows, table, to_json
from whimbrel.eval.run import run_eval
from whimbrel.eval.score import (
    DEFAULT_KM_THRESHOLD,
    DiffItem,
    Scores,
    cameo_root_key,
    event_type_key,
    score,
)

__all__ = [
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
