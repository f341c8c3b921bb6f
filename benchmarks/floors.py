"""Print the FLOORS / CEILINGS tables for tests/benchmarks/test_accuracy_floor.py from
``benchmarks/results/latest-fast.json`` (run ``run_eval.py --fast`` first).

Floors sit max(0.03, 2/n) below the measured value (about two items), rounded down; metrics
measured at 0 get no floor. Ceilings (lower is better): median km 1.5 x measured + 5 km,
false alarms measured + 0.1.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "latest-fast.json"
LOWER_IS_BETTER = {"median_km": lambda v: 1.5 * v + 5.0, "false_alarm": lambda v: v + 0.1}
SKIP = {"n", "acc_any"}


def floors(results: dict[str, dict[str, float]]) -> tuple[dict, dict]:
    low: dict[str, dict[str, float]] = {}
    high: dict[str, dict[str, float]] = {}
    for name, metrics in sorted(results.items()):
        margin = max(0.03, 2 / max(1, metrics.get("n", 40)))
        for metric, value in sorted(metrics.items()):
            if metric in SKIP or not isinstance(value, (int, float)):
                continue
            if metric in LOWER_IS_BETTER:
                high.setdefault(name, {})[metric] = round(LOWER_IS_BETTER[metric](value), 2)
            elif value > 0:
                low.setdefault(name, {})[metric] = math.floor((value - margin) * 100) / 100
    return low, high


if __name__ == "__main__":
    low, high = floors(json.loads(RESULTS.read_text(encoding="utf-8")))
    sys.stdout.write(
        f"FLOORS = {json.dumps(low, indent=4)}\nCEILINGS = {json.dumps(high, indent=4)}\n"
    )
