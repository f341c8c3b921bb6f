"""The speed benchmark's stage clock (benchmarks/bench_pipeline.py) adds each stage's time
from the names the pipeline announces."""

from __future__ import annotations

import time

from bench_pipeline import StageClock


def test_stage_clock_adds_time_per_announced_stage() -> None:
    clock = StageClock()
    for _ in range(2):
        clock.enter("extract")
        time.sleep(0.01)
        clock.enter("resolve")
        clock.enter("done")
    assert set(clock.seconds) == {"extract", "resolve"}
    assert clock.seconds["extract"] >= 0.02 > clock.seconds["resolve"]
