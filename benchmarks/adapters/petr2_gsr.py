"""PETRARCH-2 "GSR" validation records (real-world actors; agreement with PETRARCH-2's output)."""

from __future__ import annotations

from adapters.common import EvalContext, SetResult
from adapters.petrarch_records import evaluate, read_records, scored_records

SETS = ("petr2_gsr",)
MAPPING = (
    "each <EventCoding> → (CAMEO root = first 2 digits, source code[:3], target code[:3]); "
    "noevents → no event expected; ours = cameo_code root × actor countries × recipient "
    "countries of every event, default lexicons only (no test dictionaries). Ours in "
    "PETRARCH's shape: asserted and planned events only; UNO/EUR as IGO; several actors of a "
    "mutual event with no recipient as each ordered pair."
)
PEER = "UniversalPetrarch P 0.71 / R 0.91"
PATH = ("peers", "UniversalPetrarch", "PETR2_GSR_validation.xml")


def run(ctx: EvalContext) -> list[SetResult]:
    records = ctx.subset(scored_records(read_records(ctx.path(*PATH))))
    return [
        evaluate(
            ctx,
            name="petr2_gsr",
            records=records,
            pipeline=ctx.pipeline(),
            peer=PEER,
            mapping=MAPPING,
        )
    ]
