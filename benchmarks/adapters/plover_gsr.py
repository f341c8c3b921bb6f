"""PLOVER gold-standard records (OEDA, from CAMEO-manual sentences): one sentence, one event."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
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
from whimbrel.lexicon import load
from whimbrel.lexicon.cameo import future_reading
from whimbrel.records import EventTypeInfo

SETS = ("plover_gsr",)
MAPPING = (
    "our event read the PLOVER way (a planned or hypothetical cooperative act is AGREE, a "
    "planned conflict act THREATEN, an announced retreat CONCEDE: cameo.yaml `future`); "
    "PLOVER 0.5b1 names renamed (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT); "
    "the gold was coded under 0.5b1, whose types follow the CAMEO root (08 split at 084), so our "
    "event's type is right when it or the 0.5b1 type of its CAMEO code equals the gold (they "
    "differ where the 2021 crosswalk or the manual moved a code, e.g. 0813/0814, 0831, 116, 175, "
    "1712, 191/192); ours = our first event (text order) with a trigger (its own or a merged "
    "mention's) in a gold (EVT: ...) span, else our first event; every record has one gold "
    "event. Actor code → first 3 letters when an ISO3 country, IGO/IMG kept (our non-country "
    "codes such as UNO count as IGO; NGO counts as IGO since the gold codes Amnesty and the Red "
    "Cross IGO; the gold's non-ISO codes ITL, JAP, VTN read as ITA, JPN, VNM, religion code ISM "
    "as no country); parties marked SRC/TAR are reciprocal (the gold lists them all as "
    "sources), so our actors and recipients together are compared with them; sector → first 3 "
    "letters (*** = none)."
)
PEER = None
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# Codes the readme promises are ISO 3166 alpha-3 but that are old CAMEO country codes; ISM
# (CAMEO's religion code for Muslims) names no country or organisation.
GOLD_CODE_FIXES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "ISM": ""}
# The gold codes Amnesty International and the Red Cross IGO but other NGOs NGO, so the two
# are one group: an organisation that is not a state.
ORGANISATION_GROUPS = {"NGO": "IGO"}
# PLOVER 0.5b1 types by CAMEO root (renamed as OLD_NAMES does); root 08 splits at 084.
LEGACY_ROOT_TYPES = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
# "(EVT: agreed)"; the markup sometimes closes a span with "}" instead of ")".
EVT_MARKUP = re.compile(r"\(EVT:\s*([^(){}]*?)\s*[)}]")
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
    event_spans: tuple[tuple[int, int], ...] = ()
    # "(SRC/TAR: ...)" markup: each party is both source and target (CAMEO's reciprocal code).
    reciprocal: bool = False

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
    items = [_item(r) for r in records if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    return _unique_ids(items)


def _unique_ids(items: list[GsrItem]) -> list[GsrItem]:
    # Two records share the id PLOVER-GSR01-COERCE-0004; each item is its own story.
    seen: dict[str, int] = {}
    unique = []
    for item in items:
        seen[item.id] = seen.get(item.id, 0) + 1
        suffix = f"#{seen[item.id]}" if seen[item.id] > 1 else ""
        unique.append(dataclasses.replace(item, id=item.id + suffix))
    return unique


def _item(record: dict[str, Any]) -> GsrItem:
    source, target = _actors(record.get("source")), _actors(record.get("target"))
    event = str(record.get("event") or "").strip().upper()
    text = str(record.get("text") or "")
    return GsrItem(
        id=str(record["id"]),
        text=text,
        event_type=OLD_NAMES.get(event, event),
        source_countries=_codes(source, "code"),
        target_countries=_codes(target, "code"),
        source_sectors=_codes(source, "sector"),
        target_sectors=_codes(target, "sector"),
        event_spans=event_spans(text, _markup(record.get("textInfo"))),
        reciprocal="SRC/TAR" in _markup(record.get("textInfo")),
    )


def _markup(text_info: object) -> str:
    # Usually {"markup": "..."}; one record holds the markup string itself.
    if isinstance(text_info, dict):
        return str(text_info.get("markup") or "")
    return text_info if isinstance(text_info, str) else ""


def event_spans(text: str, markup: str) -> tuple[tuple[int, int], ...]:
    """Character spans in ``text`` of the markup's (EVT: ...) phrases, found in reading order."""
    spans = []
    cursor = 0
    for phrase in EVT_MARKUP.findall(markup):
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if phrase and start >= 0:
            spans.append((start, start + len(phrase)))
            cursor = start + len(phrase)
    return tuple(spans)


def legacy_type(cameo_code: object) -> str | None:
    """The PLOVER 0.5b1 type of a CAMEO code (renamed to current names), or None."""
    code = str(cameo_code or "")
    if code[:2] == "08" and len(code) >= 3:
        return "CONCEDE" if code[2] in "0123" else "RETREAT"
    return LEGACY_ROOT_TYPES.get(code[:2])


def chosen_event(item: GsrItem, records: Sequence[Record]) -> Record | None:
    """Our first event with a trigger (its own or one of its merged mentions') in a gold EVT
    span, else our first event."""
    ordered = by_trigger(records)
    for record in ordered:
        for start, end in trigger_spans(record):
            if any(start < stop and begin < end for begin, stop in item.event_spans):
                return record
    return next(iter(ordered), None)


def trigger_spans(record: Record) -> list[tuple[int, int]]:
    mentions = [record, *(record.get("mentions") or [])]
    spans = [(m.get("spans") or {}).get("trigger") for m in mentions]
    return [(int(s[0]), int(s[1])) for s in spans if s]


def plover_reading(ours: Record) -> tuple[str | None, str | None]:
    """(type, CAMEO code) as PLOVER codes our event: whimbrel keeps the act and its modality
    ("visit", planned); PLOVER codes a planned cooperative act as AGREE, a planned conflict act
    as THREATEN (manual 2.3, 3.1, 3.4.2) — the table's ``future`` rules."""
    kind = EventTypeInfo(
        event_type=str(ours.get("event_type")),
        mode=ours.get("mode"),
        cameo_code=str(ours.get("cameo_code") or ""),
        quad_class=int(ours.get("quad_class") or 0),
        intensity=float(ours.get("intensity") or 0.0),
    )
    reading = future_reading(load("cameo"), kind, modality=str(ours.get("modality")))
    return reading.event_type, reading.cameo_code


def type_right(item: GsrItem, ours: Record | None) -> bool:
    if ours is None:
        return False
    event_type, cameo_code = plover_reading(ours)
    return item.event_type in (event_type, legacy_type(cameo_code))


def _actors(value: object) -> list[dict[str, Any]]:
    # A target can be "" (or a stray word) instead of a list: then there is no target actor.
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _codes(actors: list[dict[str, Any]], key: str) -> frozenset[str]:
    found = set()
    for actor in actors:
        raw = str(actor.get(key) or "").strip().upper()[:3]
        if not raw or raw == "***":
            continue
        found.add(party_group(GOLD_CODE_FIXES.get(raw, raw)) if key == "code" else raw)
    return frozenset(c for c in found if c)


def party_group(code: object) -> str | None:
    """The country, or IGO for any organisation that is not a state (IMG stays itself)."""
    group = country_group(code)
    return ORGANISATION_GROUPS.get(group, group) if group else None


def predicted_countries(record: Record | None, role: str) -> frozenset[str]:
    return frozenset(c for c in map(party_group, role_values(record, role, "country")) if c)


def predicted_sources(item: GsrItem, record: Record | None) -> frozenset[str]:
    """Our actor countries; for a reciprocal gold record, our actors and recipients."""
    found = predicted_countries(record, "actor")
    return found | predicted_countries(record, "recipient") if item.reciprocal else found


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
    firsts = {i.id: chosen_event(i, by_story.get(i.id, [])) for i in items}
    scores = score(
        [i.gold_record() for i in items], [r for records in by_story.values() for r in records]
    )
    metrics = {
        "type_acc": ratio(sum(type_right(i, firsts[i.id]) for i in items), len(items)),
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


def _role_accuracies(
    items: Sequence[GsrItem], firsts: dict[str, Record | None]
) -> dict[str, float | None]:
    checks = {
        "src_country": lambda i: (i.source_countries, predicted_sources(i, firsts[i.id])),
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
        if not type_right(item, first):
            got = f"{first.get('event_type')} {first.get('cameo_code')}" if first else "no event"
            misses.append(f"{item.id}: gold {item.event_type}, ours {got}")
    body = misses_section("Event-type misses (event at the gold trigger)", misses)
    body += misses_section(
        "Country misses (source or target country wrong)",
        _country_misses(items, firsts),
        limit=200,
    )
    body += "\n" + scores_md
    return markdown_report(
        title="PLOVER GSR", mapping=MAPPING, result_rows=list(metrics.items()), body=body
    )


def _country_misses(items: Sequence[GsrItem], firsts: dict[str, Record | None]) -> list[str]:
    """Each record whose source or target countries differ from the gold: the gold codes, ours,
    our trigger and party texts, and the sentence (the results reports are not tracked)."""
    rows = []
    for item in items:
        first = firsts[item.id]
        src, tgt = predicted_sources(item, first), predicted_countries(first, "recipient")
        src_wrong = bool(item.source_countries) and src != item.source_countries
        tgt_wrong = bool(item.target_countries) and tgt != item.target_countries
        if src_wrong or tgt_wrong:
            rows.append(_country_miss_row(item, first, src_wrong=src_wrong, tgt_wrong=tgt_wrong))
    return rows


def _country_miss_row(
    item: GsrItem, first: Record | None, *, src_wrong: bool, tgt_wrong: bool
) -> str:
    roles = ("SRC " if src_wrong else "") + ("TGT" if tgt_wrong else "")
    gold = f"gold {sorted(item.source_countries)}->{sorted(item.target_countries)}"
    ours = "no event"
    if first is not None:
        ours = (
            f"ours {sorted(predicted_sources(item, first))}->"
            f"{sorted(predicted_countries(first, 'recipient'))} "
            f"{first.get('event_type')} trigger={first.get('trigger')!r} "
            f"actor={_parties(first, 'actor')} recipient={_parties(first, 'recipient')}"
        )
    return f"{item.id} [{roles.strip()}]: {gold}; {ours}\n  > {item.text}"


def _parties(record: Record, role: str) -> str:
    return (
        "["
        + "; ".join(f"{a.get('text')!r}={a.get('country') or '-'}" for a in record.get(role) or [])
        + "]"
    )
