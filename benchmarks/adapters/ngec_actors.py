"""NGEC's actor-resolution test cases (``agent_to_code``): actor text → country and sector."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adapters.common import (
    EvalContext,
    SetResult,
    country_group,
    markdown_report,
    misses_section,
    ratio,
)
from whimbrel.errors import GoldError

SETS = ("ngec_actors", "ngec_actors_wiki")
MAPPING = (
    "agent_to_code cases pytest collects (skip / not-collected dropped); gold country '' or a "
    "None result → no country expected, IGO kept (our non-country codes count as IGO); sector "
    "right when ours equals code_1 (or one of its allowed values) or code_2; the context "
    "argument's country is passed as context_country; 'wiki' cases = those whose "
    "expectations name a Wikipedia title or job."
)
PEER = None
PATH = ("peers", "NGEC-2025", "NGEC_test_actor_resolution_cases.derived.jsonl")
DROPPED_MARKS = frozenset({"skip", "not_collected_by_pytest"})
WIKI_FIELDS = frozenset({"wiki", "actor_wiki_job"})


@dataclass(frozen=True)
class ActorCase:
    test: str
    text: str
    context: str
    date: dt.date | None
    country: str | None
    sectors: frozenset[str]
    needs_wiki: bool
    expects_country: bool


def read_cases(path: Path) -> list[ActorCase]:
    """The ``agent_to_code`` cases of the derived NGEC test file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read the NGEC cases ({e})") from e
    return [
        _case(row)
        for row in rows
        if row.get("method") == "agent_to_code" and not DROPPED_MARKS & set(row["marks"])
    ]


def _case(row: dict) -> ActorCase:
    args = list(row.get("args") or []) + ["", ""]
    expected = {e["field"]: e for e in row.get("expected") or []}
    country = expected.get("country", {}).get("value")
    none_result = "result" in expected and expected["result"].get("value") is None
    return ActorCase(
        test=row["test"],
        text=str(args[0]),
        context=str(args[1] or ""),
        date=_query_date(row.get("kwargs", {}).get("query_date") or args[2]),
        country=country_group(country) if country else None,
        sectors=_sectors(row.get("expected") or []),
        needs_wiki=bool(WIKI_FIELDS & set(expected)),
        expects_country="country" in expected or none_result,
    )


def _sectors(expected: list[dict]) -> frozenset[str]:
    found: set[str] = set()
    for item in expected:
        if item["field"] in ("code_1", "code_2") and item["op"] in ("Eq", "In"):
            values = item["value"] if isinstance(item["value"], list) else [item["value"]]
            found.update(str(v).upper() for v in values if v)
    return frozenset(found)


def _query_date(value: object) -> dt.date | None:
    """An ISO or '12 April 2022' date; 'today' and blanks give None (the resolver's default)."""
    text = str(value or "").strip()
    if not text or text.lower() == "today":
        return None
    for layout in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise GoldError(f"NGEC case date {text!r} is neither YYYY-MM-DD nor '12 April 2022'")


@dataclass(frozen=True)
class Outcome:
    case: ActorCase
    country: str | None
    sector: str | None

    @property
    def country_right(self) -> bool:
        return self.country == self.case.country

    @property
    def sector_right(self) -> bool:
        return self.sector is not None and self.sector in self.case.sectors


def resolve_case(case: ActorCase, *, lexicon: object) -> Outcome:
    from whimbrel.resolve.actors import resolve_actor_text

    context_country = None
    if case.context:
        context = resolve_actor_text(case.context, lexicon=lexicon, date=case.date)  # type: ignore[arg-type]
        context_country = context.country if country_group(context.country) != "IGO" else None
    ref = resolve_actor_text(
        case.text,
        lexicon=lexicon,  # type: ignore[arg-type]
        date=case.date,
        context_country=context_country,
    )
    sector = ref.sector.upper()[:3] if ref.sector else None
    return Outcome(case, country_group(ref.country), sector)


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.resolve.actors import ActorLexicon

    started = time.perf_counter()
    cases = read_cases(ctx.path(*PATH))
    lexicon = ActorLexicon.default()
    out = []
    for name, wiki in (("ngec_actors", False), ("ngec_actors_wiki", True)):
        chosen = ctx.subset([c for c in cases if c.needs_wiki == wiki])
        outcomes = [resolve_case(c, lexicon=lexicon) for c in chosen]
        out.append(_result(name, outcomes, seconds=time.perf_counter() - started))
    return out


def _result(name: str, outcomes: Sequence[Outcome], *, seconds: float) -> SetResult:
    with_country = [o for o in outcomes if o.case.expects_country]
    with_sector = [o for o in outcomes if o.case.sectors]
    metrics = {
        "country_acc": ratio(sum(o.country_right for o in with_country), len(with_country)),
        "sector_acc": ratio(sum(o.sector_right for o in with_sector), len(with_sector)),
    }
    misses = [
        f"{o.case.test} {o.case.text!r}: gold {o.case.country}/{sorted(o.case.sectors)}, "
        f"ours {o.country}/{o.sector}"
        for o in outcomes
        if (o.case.expects_country and not o.country_right)
        or (o.case.sectors and not o.sector_right)
    ]
    report = markdown_report(
        title=name,
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=misses_section("Cases wrong", misses, limit=200),
    )
    return SetResult(name, metrics, len(outcomes), PEER, report, seconds)
