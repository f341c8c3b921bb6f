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

# BEGIN FLOORS (written by `benchmarks/floors.py --write`)
# From the --fast run of 2026-11-29; floors ~2 items below it.
FLOORS: dict[str, dict[str, float]] = {
    "ecbplus": {
        "aligned": 0.21,
        "b3_p": 0.91,
        "b3_r": 0.9,
        "pair_p": 0.29,
        "pair_r": 0.25,
        "xsent_p": 0.63,
        "xsent_r": 0.29,
    },
    "event_location": {"acc_no_place": 0.87, "acc_with_place": 0.8, "accuracy": 0.82},
    "geo_geovirus": {"acc_161km": 0.76, "resolved": 0.85},
    "geo_gwn": {"acc_161km": 0.71, "resolved": 0.83},
    "geo_lgl": {"acc_161km": 0.8, "resolved": 0.96},
    "geo_trnews": {"acc_161km": 0.92, "resolved": 0.96},
    "isaf": {"date_acc": 0.64, "date_acc_answerable": 0.91, "province_acc": 0.92, "type_acc": 0.92},
    "meantime": {"strict_acc": 0.7, "value_acc": 0.7},
    "muc4_tst3": {
        "country_acc": 0.74,
        "date_acc": 0.85,
        "date_pm1": 0.89,
        "found": 0.85,
        "perp_org_recall": 0.03,
    },
    "muc4_tst4": {
        "country_acc": 0.81,
        "date_acc": 0.72,
        "date_pm1": 0.77,
        "found": 0.9,
        "perp_org_recall": 0.33,
    },
    "ngec_actors": {"country_acc": 0.95, "sector_acc": 0.83},
    "ngec_actors_wiki": {"country_acc": 0.87, "sector_acc": 0.81},
    "ngec_synthetic": {"macro_recall": 0.64, "recall": 0.64},
    "petr2_gsr": {"exact": 0.4, "exact_two_sided": 0.45, "precision": 0.41, "recall": 0.49},
    "plover_gsr": {
        "src_country": 0.87,
        "src_sector": 0.84,
        "tgt_country": 0.81,
        "type_acc": 0.85,
        "type_f1": 0.41,
    },
    "tempeval": {"strict_acc": 0.79, "value_acc": 0.79},
    "up_validation": {
        "exact": 0.45,
        "exact_grammar": 0.45,
        "exact_two_sided": 0.45,
        "precision": 0.72,
        "recall": 0.59,
    },
}
CEILINGS: dict[str, dict[str, float]] = {
    "geo_geovirus": {"median_km": 13.52},
    "geo_gwn": {"median_km": 5.01},
    "geo_lgl": {"median_km": 7.98},
    "geo_trnews": {"median_km": 5.0},
    "muc4_tst3": {"false_alarm": 0.77},
    "muc4_tst4": {"false_alarm": 0.93},
    "ngec_synthetic": {"other_per_story": 2.42},
}
# END FLOORS

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
