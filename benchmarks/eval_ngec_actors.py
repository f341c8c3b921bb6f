"""Score whimbrel's actor resolution on NGEC-2025's actor-resolution test cases.

Reads ``peers/NGEC-2025/NGEC_test_actor_resolution_cases.derived.jsonl`` from the shared folder
at run time (nothing is copied). Only ``agent_to_code`` cases are scored: ``args`` are the actor
text, optionally a context phrase (resolved to a country and passed as ``context_country``) and
a date. Expected ``country`` is ISO alpha-3 ("" = no country) and ``code_1`` a sector; NGEC's
"" / UNK / JNK (no sector) all match an unset sector, and ``In`` accepts any listed code.
Cases expecting a Wikipedia title (``wiki`` or ``actor_wiki_job``) need a Wikipedia lookup
whimbrel does not do: they are reported separately. Cases expecting no result at all score as
correct when whimbrel leaves the phrase unresolved. Cases pytest would not run (``skip``,
``not_collected_by_pytest``) are left out of the headline and counted in the "all" line.

    .venv/bin/python benchmarks/eval_ngec_actors.py [--shared PATH] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whimbrel.records import ActorRef
from whimbrel.resolve.actors import ActorLexicon, resolve_actor_text

CASES = Path("peers") / "NGEC-2025" / "NGEC_test_actor_resolution_cases.derived.jsonl"
NO_SECTOR = frozenset({"", "UNK", "JNK"})
NOT_RUN = frozenset({"skip", "not_collected_by_pytest"})
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y")


@dataclass
class Tally:
    country: list[bool] = field(default_factory=list)
    sector: list[bool] = field(default_factory=list)
    empty: list[bool] = field(default_factory=list)

    def line(self, label: str) -> str:
        def rate(xs: list[bool]) -> str:
            return f"{sum(xs) / len(xs):.3f} ({sum(xs)}/{len(xs)})" if xs else "n/a"

        return (
            f"{label:<28} country {rate(self.country):<20} sector {rate(self.sector):<20} "
            f"no-result {rate(self.empty)}"
        )


def shared_dir(cli_path: str | None) -> Path:
    if cli_path:
        return Path(cli_path)
    if os.environ.get("WHIMBREL_SHARED"):
        return Path(os.environ["WHIMBREL_SHARED"])
    return Path(__file__).resolve().parents[1] / ".." / "shared"


def parse_date(value: str | None) -> dt.date | None:
    """NGEC dates: "today"/"" mean the current state of the world, i.e. no date."""
    if not value or value.strip().lower() == "today":
        return None
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def case_inputs(
    case: dict[str, Any], lexicon: ActorLexicon
) -> tuple[str, dt.date | None, str | None]:
    args, kwargs = case["args"], case["kwargs"]
    context = kwargs.get("known_country") or (args[1] if len(args) > 1 else "")
    date = parse_date(kwargs.get("query_date") or (args[2] if len(args) > 2 else None))
    context_country = None
    if context:
        context_country = resolve_actor_text(context, lexicon=lexicon).country
    return args[0], date, context_country


def sector_ok(expected: list[dict[str, Any]], ref: ActorRef) -> bool:
    got = ref.sector or ""
    allowed: set[str] = set()
    for e in expected:
        values = e["value"] if e["op"] == "In" else [e["value"]]
        allowed |= {v or "" for v in values}
    if allowed & NO_SECTOR:
        allowed |= NO_SECTOR
    return got in allowed


def country_ok(expected: dict[str, Any], ref: ActorRef) -> bool:
    got = ref.country or ""
    return got != expected["value"] if expected["op"] == "NotEq" else got == expected["value"]


def needs_wikipedia(case: dict[str, Any]) -> bool:
    return any(e["field"] in ("wiki", "actor_wiki_job") and e["value"] for e in case["expected"])


def score_case(case: dict[str, Any], ref: ActorRef, tally: Tally) -> list[str]:
    """Add the case's outcomes to ``tally``; return what went wrong."""
    wrong = []
    expected = case["expected"]
    if any(e["field"] == "result" for e in expected):
        tally.empty.append(ref.method == "unresolved")
        return [] if tally.empty[-1] else [f"expected no result, got {ref.country}/{ref.sector}"]
    for e in (e for e in expected if e["field"] == "country"):
        tally.country.append(country_ok(e, ref))
        if not tally.country[-1]:
            wrong.append(f"country {e['op']} {e['value']!r} got {ref.country!r}")
    sectors = [e for e in expected if e["field"] == "code_1"]
    if sectors:
        tally.sector.append(sector_ok(sectors, ref))
        if not tally.sector[-1]:
            wrong.append(f"sector {[e['value'] for e in sectors]} got {ref.sector!r}")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path to the shared folder (default ../shared)")
    parser.add_argument("--errors", action="store_true", help="print every wrong case")
    options = parser.parse_args()
    path = shared_dir(options.shared) / CASES
    if not path.exists():
        sys.stderr.write(f"{path} not found: pass --shared or set WHIMBREL_SHARED\n")
        return 2
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    cases = [c for c in cases if c["method"] == "agent_to_code"]
    lexicon = ActorLexicon.default()
    tallies = {name: Tally() for name in ("plain", "wikipedia", "all")}
    started = time.perf_counter()
    for case in cases:
        text, date, context = case_inputs(case, lexicon)
        ref = resolve_actor_text(text, lexicon=lexicon, date=date, context_country=context)
        bucket = "wikipedia" if needs_wikipedia(case) else "plain"
        runs = not (set(case["marks"]) & NOT_RUN)
        wrong = score_case(case, ref, tallies[bucket]) if runs else []
        score_case(case, ref, tallies["all"])
        if wrong and options.errors:
            sys.stdout.write(
                f"[{bucket}] {text!r} ctx={context} date={date}: "
                f"{'; '.join(wrong)} (method {ref.method}, name {ref.name!r})\n"
            )
    elapsed = time.perf_counter() - started
    sys.stdout.write(f"NGEC agent_to_code cases: {len(cases)} ({elapsed * 1000:.0f} ms)\n")
    sys.stdout.write(tallies["plain"].line("no Wikipedia needed") + "\n")
    sys.stdout.write(tallies["wikipedia"].line("Wikipedia-dependent") + "\n")
    sys.stdout.write(tallies["all"].line("all cases (incl. skipped)") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
