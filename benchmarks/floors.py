"""Set the regression floors of tests/benchmarks/test_accuracy_floor.py from
``benchmarks/results/latest-fast.json`` (run ``run_eval.py --fast`` first).

Floors sit max(0.03, 2/n) below the measured value (about two items), rounded down; metrics
measured at 0 get no floor. Ceilings (lower is better): median km 1.5 x measured + 5 km,
false alarms measured + 0.1, other-type events per story measured + 0.25. Prints the tables;
``--write`` puts them into the test file between its BEGIN/END FLOORS markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest-fast.json"
TEST_FILE = HERE.parent / "tests" / "benchmarks" / "test_accuracy_floor.py"
LOWER_IS_BETTER = {
    "median_km": lambda v: 1.5 * v + 5.0,
    "false_alarm": lambda v: v + 0.1,
    "other_per_story": lambda v: v + 0.25,
}
SKIP = {"n", "acc_any"}
BLOCK = re.compile(r"# BEGIN FLOORS.*?\n# END FLOORS\n", re.S)


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


def block(low: dict, high: dict) -> str:
    lines = [
        "# BEGIN FLOORS (written by `benchmarks/floors.py --write`)",
        f"# From the --fast run of {dt.date.today().isoformat()}; floors ~2 items below it.",
        f"FLOORS: dict[str, dict[str, float]] = {json.dumps(low, indent=4)}",
        f"CEILINGS: dict[str, dict[str, float]] = {json.dumps(high, indent=4)}",
        "# END FLOORS",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update the test file")
    args = parser.parse_args()
    text = block(*floors(json.loads(RESULTS.read_text(encoding="utf-8"))))
    if not args.write:
        sys.stdout.write(text)
        return
    source = TEST_FILE.read_text(encoding="utf-8")
    TEST_FILE.write_text(BLOCK.sub(lambda _: text, source, count=1), encoding="utf-8")
    sys.stdout.write(f"wrote floors into {TEST_FILE}\n")


if __name__ == "__main__":
    main()
