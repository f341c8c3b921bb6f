"""Regression gate: the ``--fast`` subset of every gold set must stay above its floor.

Runs the evaluation adapters on the first items of each set in ../shared (about 40 s on two
cores) and checks each headline metric against a floor set a little below the measured value
(two or three items of a 40-item subset), or a ceiling for metrics where lower is better.
When a change moves a number for a good reason, re-measure with
``.venv/bin/python benchmarks/run_eval.py --fast`` and update the table and its comment.
"""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path

import pytest

from adapters import ADAPTERS
from adapters.common import EvalContext, SetResult

SHARED = Path(
    os.environ.get("WHIMBREL_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared"
)
pytestmark = [
    pytest.mark.shared,
    pytest.mark.slow,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared absent: no gold sets to score"),
]

# Measured on the --fast subsets (first items of each set), 2026-11-29, pipeline of that day:
#   plover_gsr: src_country 0.575, src_sector 0.632, tgt_country 0.345, type_acc 0.525,
#       type_f1 0.438 (n 40)
#   up_validation: exact 0.077, exact_two_sided 0.077, precision 0.167, recall 0.077 (n 40)
#   petr2_gsr: exact 0.150, exact_two_sided 0.167, precision 0.093, recall 0.108 (n 40)
#   ngec_actors: country_acc 1.000, sector_acc 0.882 (n 40)
#   ngec_actors_wiki: country_acc 0.925, sector_acc 0.865 (n 40)
#   tempeval: strict_acc 0.821, value_acc 0.821 (n 39)
#   meantime: strict_acc 0.765, value_acc 0.765 (n 17)
#   isaf: date_acc 0.450, province_acc 0.250, type_acc 0.925 (n 40)
#   geo_lgl: acc_161km 0.596, median_km 15.3, resolved 1.000 (n 52)
#   geo_gwn: acc_161km 0.759, median_km 0.0, resolved 0.821 (n 112)
#   geo_trnews: acc_161km 0.951, median_km 0.0, resolved 0.993 (n 144)
#   geo_geovirus: acc_161km 0.766, median_km 3.1, resolved 0.894 (n 47)
#   event_location: acc_no_place 1.000, acc_with_place 0.111, accuracy 0.400 (n 40)
#   muc4_tst4: country_acc 0.591, date_acc 0.773, date_pm1 0.909, false_alarm 0.778, found 0.773,
#       perp_org_recall 0.368 (n 22)
#   muc4_tst3: country_acc 0.679, date_acc 0.692, date_pm1 0.846, false_alarm 0.750, found 0.857,
#       perp_org_recall 0.105 (n 28)
# Floors sit max(0.03, 2/n) below (about two items), rounded down; metrics measured at 0 have
# no floor.
FLOORS: dict[str, dict[str, float]] = {
    "plover_gsr": {
        "src_country": 0.52,
        "src_sector": 0.58,
        "tgt_country": 0.29,
        "type_acc": 0.47,
        "type_f1": 0.38,
    },
    "up_validation": {"exact": 0.02, "exact_two_sided": 0.02, "precision": 0.11, "recall": 0.02},
    "petr2_gsr": {"exact": 0.1, "exact_two_sided": 0.11, "precision": 0.04, "recall": 0.05},
    "ngec_actors": {"country_acc": 0.95, "sector_acc": 0.83},
    "ngec_actors_wiki": {"country_acc": 0.87, "sector_acc": 0.81},
    "tempeval": {"strict_acc": 0.76, "value_acc": 0.76},
    "meantime": {"strict_acc": 0.64, "value_acc": 0.64},
    "isaf": {"date_acc": 0.4, "province_acc": 0.2, "type_acc": 0.87},
    "geo_lgl": {"acc_161km": 0.55, "resolved": 0.96},
    "geo_gwn": {"acc_161km": 0.72, "resolved": 0.79},
    "geo_trnews": {"acc_161km": 0.92, "resolved": 0.96},
    "geo_geovirus": {"acc_161km": 0.72, "resolved": 0.85},
    "event_location": {"acc_no_place": 0.95, "acc_with_place": 0.06, "accuracy": 0.35},
    "muc4_tst4": {
        "country_acc": 0.49,
        "date_acc": 0.68,
        "date_pm1": 0.81,
        "found": 0.68,
        "perp_org_recall": 0.27,
    },
    "muc4_tst3": {
        "country_acc": 0.6,
        "date_acc": 0.62,
        "date_pm1": 0.77,
        "found": 0.78,
        "perp_org_recall": 0.03,
    },
}
# Metrics where lower is better may not rise above these (median km: 1.5 x measured + 5 km;
# false alarms: measured + 0.1).
CEILINGS: dict[str, dict[str, float]] = {
    "geo_lgl": {"median_km": 28.0},
    "geo_gwn": {"median_km": 5.0},
    "geo_trnews": {"median_km": 5.0},
    "geo_geovirus": {"median_km": 10.0},
    "muc4_tst4": {"false_alarm": 0.88},
    "muc4_tst3": {"false_alarm": 0.85},
}

_RESULTS: dict[str, SetResult] = {}


def fast_result(set_name: str) -> SetResult:
    """The set's --fast result; each adapter runs once per session, sharing one pipeline."""
    if set_name not in _RESULTS:
        ctx = _context()
        for adapter in ADAPTERS:
            module = importlib.import_module(f"adapters.{adapter}")
            if set_name in module.SETS:
                _RESULTS.update({r.name: r for r in module.run(ctx)})
    return _RESULTS[set_name]


@functools.cache
def _context() -> EvalContext:
    return EvalContext(shared=SHARED.resolve(), fast=True)


@pytest.mark.parametrize("set_name", sorted(FLOORS))
def test_fast_subset_stays_above_its_floors(set_name: str) -> None:
    result = fast_result(set_name)
    assert result.rejected == 0, f"{set_name}: {result.rejected} article(s) rejected"
    low = {
        metric: (result.metrics.get(metric), floor)
        for metric, floor in FLOORS[set_name].items()
        if (result.metrics.get(metric) or 0.0) < floor
    }
    high = {
        metric: (result.metrics.get(metric), ceiling)
        for metric, ceiling in CEILINGS.get(set_name, {}).items()
        if result.metrics.get(metric) is None or result.metrics[metric] > ceiling  # type: ignore[operator]
    }
    assert not low, f"{set_name} below floor (measured, floor): {low}"
    assert not high, f"{set_name} above ceiling (measured, ceiling): {high}"
