"""PETRARCH/UniversalPetrarch validation records: reader and CAMEO-triple scoring, shared by
the ``up_validation`` and ``petr2_gsr`` adapters.

The files are not well-formed XML (comments hold markup; some ``<Sentence .../>`` tags are
self-closed and then closed again), so records are cut out with patterns, not parsed as a tree.
A record id used twice in a file gets a ``#2`` suffix, so each record is its own story.

Our events are put into PETRARCH's shape before scoring (:func:`petrarch_view`):

- only the modalities whimbrel exports by default (asserted, planned): PETRARCH codes no
  event for "did not attack" or "could attack";
- PLOVER's international codes ``UNO`` and ``EUR`` become PETRARCH's ``IGO`` (``IGOUNO``,
  ``IGOEUREEC``);
- a mutual event (CONSULT, COOPERATE, AGREE, and CAMEO 050 and 057: ties, accords) whose
  several actors share it with no recipient ("Qatar and Egypt renewed ties") becomes
  each ordered pair, PETRARCH's coding of a compound subject with no target;
- with ``mirrored_roots``, an event of those CAMEO roots also counts in the other direction,
  for suites whose verb dictionary pairs a visit with its hosting (``042``/``043``).

A role's triple uses the countries of its resolved parties; ``None`` stands for the role
only when no party in it has a country (as :func:`whimbrel.eval.score` counts).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from adapters.common import (
    EvalContext,
    Record,
    SetResult,
    code_records,
    count_rejects,
    markdown_report,
    misses_section,
    rejects_line,
)
from whimbrel.errors import GoldError

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_INCLUDE = re.compile(r"<Include>(.*?)</Include>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
# Codes without a country: "---GOV" (an agent alone), "+++", or quoted new-actor text.
_NO_COUNTRY = ("---", "+++", '"')


@dataclass(frozen=True)
class Coding:
    event: str
    source: str
    target: str

    @property
    def root(self) -> str:
        return self.event[:2]

    @property
    def source_country(self) -> str | None:
        return code_country(self.source)

    @property
    def target_country(self) -> str | None:
        return code_country(self.target)


@dataclass(frozen=True)
class ValidationRecord:
    id: str
    category: str
    date: dt.date
    text: str
    evaluate: bool
    codings: tuple[Coding, ...]
    no_events: bool
    error: str | None
    included: bool = True

    @property
    def one_sided(self) -> bool:
        return any(c.source_country is None or c.target_country is None for c in self.codings)

    def gold_records(self) -> list[Record]:
        if not self.codings:
            return [{"story_id": self.id, "event_type": None}]
        return [
            {
                "story_id": self.id,
                "event_type": c.root,
                "cameo_code": c.event,
                "actor": _role(c.source_country),
                "recipient": _role(c.target_country),
            }
            for c in self.codings
        ]


def _role(country: str | None) -> list[dict[str, str]]:
    return [{"country": country}] if country else []


def code_country(code: str) -> str | None:
    """A CAMEO actor code's country: its first three letters, or None for agent-only codes."""
    code = code.strip()
    if not code or code.startswith(_NO_COUNTRY):
        return None
    return code[:3].upper()


def read_records(path: Path) -> list[ValidationRecord]:
    """Every ``<Sentence>`` record of a validation file, in file order."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: cannot read the validation file ({e})") from e
    text = _COMMENT.sub("", raw)
    include = _INCLUDE.search(text)
    categories = set(include.group(1).split()) if include else None
    starts = list(_SENTENCE.finditer(text))
    records = []
    seen: dict[str, int] = {}
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(text)
        record = _record(match.group(1), text[match.end() : end], path=path)
        if categories is not None and record.category not in categories:
            record = dataclasses.replace(record, included=False)
        seen[record.id] = seen.get(record.id, 0) + 1
        if seen[record.id] > 1:
            record = dataclasses.replace(record, id=f"{record.id}#{seen[record.id]}")
        records.append(record)
    return records


def _record(attributes: str, body: str, *, path: Path) -> ValidationRecord:
    attrs = dict(_ATTR.findall(attributes))
    codings, no_events, error = [], False, None
    for match in _CODING.finditer(body):
        coding = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(1))}
        if coding.get("noevents", "").lower() == "true":
            no_events = True
        elif "error" in coding:
            error = coding["error"]
        elif "eventcode" in coding:
            codings.append(
                Coding(
                    coding["eventcode"], coding.get("sourcecode", ""), coding.get("targetcode", "")
                )
            )
    text_match = _TEXT.search(body)
    return ValidationRecord(
        id=attrs.get("id", ""),
        category=attrs.get("category", ""),
        date=_date(attrs.get("date", ""), path=path),
        text=" ".join(html.unescape(text_match.group(1)).split()) if text_match else "",
        evaluate=attrs.get("evaluate", "true").lower() == "true",
        codings=tuple(codings),
        no_events=no_events,
        error=error,
    )


def _date(value: str, *, path: Path) -> dt.date:
    # A few records write the year with two digits (YYMMDD).
    layout = "%y%m%d" if len(value) == 6 else "%Y%m%d"
    try:
        return dt.datetime.strptime(value, layout).date()
    except ValueError as e:
        raise GoldError(f"{path}: record date {value!r} is not YYYYMMDD") from e


def scored_records(records: Sequence[ValidationRecord]) -> list[ValidationRecord]:
    """Records to score: of a category the file's ``<Include>`` names, marked for evaluation,
    with a text, and not tests of input errors (discards)."""
    return [r for r in records if r.included and r.evaluate and r.text and r.error is None]


def as_root_records(records: Sequence[Record]) -> list[Record]:
    """Our records with ``event_type`` set to the CAMEO root, so types compare at root level."""
    return [{**r, "event_type": str(r.get("cameo_code") or "")[:2] or None} for r in records]


# PLOVER's codes for international bodies that PETRARCH's dictionaries write as IGO + body.
IGO_CODES = frozenset({"UNO", "EUR"})
# Relations that are mutual when several actors share them with no recipient ("A and B
# renewed ties", "A and B signed an accord"), besides the reciprocal PLOVER types.
MUTUAL_CODES = frozenset({"050", "057"})


def petrarch_view(
    records: Sequence[Record],
    *,
    modalities: Collection[str],
    mirrored_roots: Collection[str] = (),
) -> list[Record]:
    """Our records as PETRARCH would write them (see the module docstring)."""
    from whimbrel.cluster.within_story import RECIPROCAL_TYPES

    shaped: list[Record] = []
    for record in records:
        if record.get("modality", "asserted") not in modalities:
            continue
        record = {
            **record,
            "actor": _igo(record.get("actor")),
            "recipient": _igo(record.get("recipient")),
        }
        countries = {a.get("country") for a in record["actor"] if a.get("country")}
        mutual = (
            record.get("event_type") in RECIPROCAL_TYPES or record.get("cameo_code") in MUTUAL_CODES
        ) and len(countries) > 1
        if mutual and not any(r.get("country") for r in record["recipient"]):
            made = _pairwise(record)
        else:
            made = [record]
        shaped.extend(made)
        if str(record.get("cameo_code") or "")[:2] in mirrored_roots:
            shaped.extend(_mirrored(r) for r in made if _has_country(r["actor"], r["recipient"]))
    return shaped


def _igo(parties: object) -> list[dict[str, object]]:
    result = []
    for party in parties or []:  # type: ignore[attr-defined]
        country = str(party.get("country") or "").upper()[:3]
        result.append({**party, "country": "IGO"} if country in IGO_CODES else dict(party))
    return result


def _has_country(*roles: list[dict[str, object]]) -> bool:
    """Every role names at least one party with a country."""
    return all(any(p.get("country") for p in parties) for parties in roles)


def _mirrored(record: Record) -> Record:
    return {**record, "actor": record["recipient"], "recipient": record["actor"]}


def _pairwise(record: Record) -> list[Record]:
    """One record per actor, the other actors its recipients."""
    actors = [a for a in record["actor"] if a.get("country")]
    return [
        {**record, "actor": [actor], "recipient": [a for a in actors if a is not actor]}
        for actor in actors
    ]


def evaluate(
    ctx: EvalContext,
    *,
    name: str,
    records: Sequence[ValidationRecord],
    pipeline: object,
    peer: str,
    mapping: str,
    mirrored_roots: Collection[str] = (),
    verb_dictionary_categories: Collection[str] = (),
) -> SetResult:
    """Score the suite's records; with ``verb_dictionary_categories`` (categories that test
    the suite's own verb dictionary, which is not shipped beside it) also the exact share
    over the other records, as ``exact_grammar``."""
    from whimbrel.eval import cameo_root_key, score
    from whimbrel.records import Article

    started = time.perf_counter()
    articles = [
        Article(id=r.id, date=r.date, text=r.text, origin=f"{name}:{r.id}") for r in records
    ]
    coded, results = code_records(pipeline, articles)  # type: ignore[arg-type]
    modalities = pipeline.settings.include_modality  # type: ignore[attr-defined]
    by_story = {
        story: petrarch_view(found, modalities=modalities, mirrored_roots=mirrored_roots)
        for story, found in coded.items()
    }
    gold = [g for r in records for g in r.gold_records()]
    pred = as_root_records([p for story in by_story.values() for p in story])
    scores = score(gold, pred, triple_key=cameo_root_key)

    def exact_over(subset: Sequence[ValidationRecord]) -> float | None:
        gold = [g for r in subset for g in r.gold_records()]
        return _float(score(gold, pred, triple_key=cameo_root_key).stories_exact.value)

    metrics = {
        "precision": _float(scores.dyad.precision),
        "recall": _float(scores.dyad.recall),
        "exact": _float(scores.stories_exact.value),
        "exact_two_sided": exact_over([r for r in records if not r.one_sided]),
    }
    if verb_dictionary_categories:
        grammar = [r for r in records if r.category not in verb_dictionary_categories]
        metrics["exact_grammar"] = exact_over(grammar)
    report = _report(name, records, by_story, metrics, mapping=mapping) + rejects_line(results)
    seconds = time.perf_counter() - started
    return SetResult(name, metrics, len(records), peer, report, seconds, count_rejects(results))


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


Triple = tuple[str | None, str | None, str | None]


def triples_of(records: Sequence[Record]) -> set[Triple]:
    found: set[Triple] = set()
    for r in records:
        root = str(r.get("cameo_code") or "")[:2] or None
        actors = _role_countries(r.get("actor"))
        recipients = _role_countries(r.get("recipient"))
        found.update((root, a, b) for a in actors for b in recipients)
    return found


def _role_countries(parties: object) -> Sequence[str | None]:
    countries = {_c3(p.get("country")) for p in parties or []}  # type: ignore[attr-defined]
    return sorted(c for c in countries if c) or [None]


def _c3(code: object) -> str | None:
    return str(code).upper()[:3] if code else None


def _report(
    name: str,
    records: Sequence[ValidationRecord],
    by_story: dict[str, list[Record]],
    metrics: dict[str, float | None],
    *,
    mapping: str,
) -> str:
    misses = []
    by_category: dict[str, Counter[str]] = {}
    for record in records:
        gold = triples_of(record.gold_records()) if record.codings else set()
        pred = triples_of(by_story.get(record.id, []))
        tally = by_category.setdefault(record.category, Counter())
        tally["records"] += 1
        tally["exact"] += gold == pred
        tally["nothing coded"] += bool(gold) and not by_story.get(record.id)
        if gold != pred:
            misses.append(
                f"{record.id} [{record.category}]: gold {sorted(gold, key=str)} "
                f"ours {sorted(pred, key=str)}"
            )
    return markdown_report(
        title=name,
        mapping=mapping,
        result_rows=list(metrics.items()),
        body=_category_section(by_category)
        + misses_section("Records not exactly right", misses, limit=300),
    )


def _category_section(by_category: dict[str, Counter[str]]) -> str:
    """Exact records per suite category: the categories test different things (a verb
    dictionary's synonym sets and patterns, compound actors, negation, dates, ...)."""
    lines = [
        "## By category\n",
        "| category | records | exact | share | gold events, nothing coded |",
        "|---|---|---|---|---|",
    ]
    for category, tally in sorted(by_category.items(), key=lambda kv: -kv[1]["records"]):
        share = tally["exact"] / tally["records"]
        lines.append(
            f"| {category} | {tally['records']} | {tally['exact']} | {share:.2f} "
            f"| {tally['nothing coded']} |"
        )
    return "\n".join(lines) + "\n\n"
