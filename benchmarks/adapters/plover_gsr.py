"""PLOVER gold-standard records (OEDA, from CAMEO-manual sentences): one sentence, one event."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adapters.common import (
    EvalContext,
    Record,
    SetResult,
    by_trigger,
    code_records,
    count_rejects,
    country_group,
    markdown_report,
    misses_section,
    ratio,
    rejects_line,
    role_values,
)
from whimbrel.errors import GoldError

SETS = ("plover_gsr",)
MAPPING = (
    "PLOVER 0.5b1 names renamed (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT); "
    "actor code → first 3 letters when an ISO3 country, IGO/NGO/IMG kept (our non-country codes "
    "such as UNO count as IGO; the gold typo ITL read as ITA); sector → first 3 letters "
    "(*** = none); ours = the first event (text order) coded in the sentence."
)
PEER = None
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
GOLD_CODE_FIXES = {"ITL": "ITA"}
# Every record carries this placeholder date; the set cannot test dates.
PLACEHOLDER_DATE = dt.date(2000, 1, 1)
RELATIVE_PATH = ("corpora", "plover-gsr", "PLOVER_GSR_CAMEO.txt")


@dataclass(frozen=True)
class GsrItem:
    id: str
    text: str
    event_type: str
    source_countries: frozenset[str]
    target_countries: frozenset[str]
    source_sectors: frozenset[str]
    target_sectors: frozenset[str]

    def gold_record(self) -> Record:
        return {
            "story_id": self.id,
            "event_type": self.event_type,
            "actor": [{"country": c} for c in sorted(self.source_countries)],
            "recipient": [{"country": c} for c in sorted(self.target_countries)],
        }


def read_gold(path: Path) -> list[GsrItem]:
    """The event records of the GSR file (the DOCUMENT record is skipped)."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read the PLOVER GSR JSON array ({e})") from e
    return [_item(r) for r in records if isinstance(r, dict) and r.get("event") != "DOCUMENT"]


def _item(record: dict[str, Any]) -> GsrItem:
    source, target = _actors(record.get("source")), _actors(record.get("target"))
    event = str(record.get("event") or "").strip().upper()
    return GsrItem(
        id=str(record["id"]),
        text=str(record.get("text") or ""),
        event_type=OLD_NAMES.get(event, event),
        source_countries=_codes(source, "code"),
        target_countries=_codes(target, "code"),
        source_sectors=_codes(source, "sector"),
        target_sectors=_codes(target, "sector"),
    )


def _actors(value: object) -> list[dict[str, Any]]:
    # A target can be "" (or a stray word) instead of a list: then there is no target actor.
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _codes(actors: list[dict[str, Any]], key: str) -> frozenset[str]:
    found = set()
    for actor in actors:
        raw = str(actor.get(key) or "").strip().upper()[:3]
        if not raw or raw == "***":
            continue
        found.add(country_group(GOLD_CODE_FIXES.get(raw, raw)) if key == "code" else raw)
    return frozenset(c for c in found if c)


def predicted_countries(record: Record | None, role: str) -> frozenset[str]:
    return frozenset(c for c in map(country_group, role_values(record, role, "country")) if c)


def predicted_sectors(record: Record | None, role: str) -> frozenset[str]:
    return frozenset(s.upper()[:3] for s in role_values(record, role, "sector"))


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.eval import score
    from whimbrel.records import Article

    started = time.perf_counter()
    items = ctx.subset(read_gold(ctx.path(*RELATIVE_PATH)))
    articles = [
        Article(id=i.id, date=PLACEHOLDER_DATE, text=i.text, origin=f"plover_gsr:{i.id}")
        for i in items
    ]
    pipeline = ctx.pipeline()
    by_story, results = code_records(pipeline, articles)
    firsts = {i.id: next(iter(by_trigger(by_story.get(i.id, []))), None) for i in items}
    scores = score(
        [i.gold_record() for i in items], [r for records in by_story.values() for r in records]
    )
    metrics = {
        "type_acc": ratio(sum(_type_right(i, firsts[i.id]) for i in items), len(items)),
        "type_f1": _float(scores.event_type.f1),
        **_role_accuracies(items, firsts),
    }
    report = _report(items, firsts, metrics, scores_md=_scores_md(scores)) + rejects_line(results)
    return [
        SetResult(
            "plover_gsr",
            metrics,
            len(items),
            PEER,
            report,
            time.perf_counter() - started,
            count_rejects(results),
        )
    ]


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _type_right(item: GsrItem, first: Record | None) -> bool:
    return first is not None and first.get("event_type") == item.event_type


def _role_accuracies(
    items: Sequence[GsrItem], firsts: dict[str, Record | None]
) -> dict[str, float | None]:
    checks = {
        "src_country": lambda i: (i.source_countries, predicted_countries(firsts[i.id], "actor")),
        "tgt_country": lambda i: (
            i.target_countries,
            predicted_countries(firsts[i.id], "recipient"),
        ),
        "src_sector": lambda i: (i.source_sectors, predicted_sectors(firsts[i.id], "actor")),
    }
    out: dict[str, float | None] = {}
    for name, pair_of in checks.items():
        pairs = [pair_of(i) for i in items]
        scored = [gold == pred for gold, pred in pairs if gold]
        out[name] = ratio(sum(scored), len(scored))
    return out


def _scores_md(scores: object) -> str:
    from whimbrel.eval import markdown

    return markdown(scores, title="score(): all events vs gold", max_diff_items=40)  # type: ignore[arg-type]


def _report(
    items: Sequence[GsrItem],
    firsts: dict[str, Record | None],
    metrics: dict[str, float | None],
    *,
    scores_md: str,
) -> str:
    misses = []
    for item in items:
        first = firsts[item.id]
        got = first.get("event_type") if first else "no event"
        if got != item.event_type:
            misses.append(f"{item.id}: gold {item.event_type}, ours {got}")
    body = misses_section("Event-type misses (first event)", misses) + "\n" + scores_md
    return markdown_report(
        title="PLOVER GSR", mapping=MAPPING, result_rows=list(metrics.items()), body=body
    )
