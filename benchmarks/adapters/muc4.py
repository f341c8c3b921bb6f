"""MUC-4 terrorism templates, TST3 + TST4: incident found, date, country and perpetrator org."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Sequence
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
    ratio,
    rejects_line,
)
from whimbrel.errors import GoldError

SETS = ("muc4_tst4", "muc4_tst3")
MAPPING = (
    "documents with an ATTACK/BOMBING/ARSON/KIDNAPPING template (ROBBERY and FORCED WORK "
    "STOPPAGE ignored); found = we code an ASSAULT or COERCE event; date = that first event's "
    "date (else the dateline's) inside any template's date or range ('- D' read as D), ±1 day "
    "for date_pm1; country = its location's country among the templates' countries; perp_org "
    "recall = gold organisation fills with an alternative inside one of our ASSAULT/COERCE "
    "actor texts (or ours inside it); false_alarm = irrelevant documents where we code one. "
    "TST4 is read in its original mixed case; TST3 exists only upper-cased and is lowered to "
    "sentence case first."
)
PEER = None
VIOLENT = ("ASSAULT", "COERCE")
INCIDENT_TYPES = frozenset({"ATTACK", "BOMBING", "ARSON", "KIDNAPPING"})
SPLITS = {
    "muc4_tst4": ("tst4", "tst4-muc4.mixed-case", "key-tst4.v2"),
    "muc4_tst3": ("tst3", "tst3-muc4", "key-tst3.v2"),
}
MONTHS = {
    name: number
    for number, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
_DOC_ID = re.compile(r"^(?:TST\d|DEV)-MUC\d-\d{4}\b.*$", re.MULTILINE | re.IGNORECASE)
_DAY = re.compile(r"(\d{1,2}) ([A-Za-z]{3})[A-Za-z]* (\d{2})\b")
_SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z][A-Z :]*?[A-Z])\s{2,}(.*)$")
_QUOTED = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class MucDoc:
    id: str
    dateline: dt.date | None
    text: str


@dataclass(frozen=True)
class Template:
    doc_id: str
    incident: str
    dates: tuple[tuple[dt.date, dt.date], ...]
    countries: frozenset[str]
    perp_orgs: tuple[tuple[str, ...], ...]


def read_documents(path: Path) -> list[MucDoc]:
    """Documents of a MUC text file: an id line, then the text whose first line is the dateline."""
    try:
        raw = Path(path).read_text(encoding="latin-1")
    except OSError as e:
        raise GoldError(f"{path}: cannot read the MUC text file ({e})") from e
    starts = list(_DOC_ID.finditer(raw))
    docs = []
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(raw)
        body = raw[match.end() : end].strip()
        docs.append(MucDoc(match.group(0).split()[0].upper(), muc_date(body[:120]), body))
    return docs


def muc_date(text: str) -> dt.date | None:
    """The first "23 AUG 88" in ``text`` (any case), or None."""
    found = _DAY.search(text)
    if found is None or found.group(2).upper() not in MONTHS:
        return None
    year = 1900 + int(found.group(3))
    try:
        return dt.date(year, MONTHS[found.group(2).upper()], int(found.group(1)))
    except ValueError:
        return None


def read_templates(path: Path) -> list[Template]:
    """Templates of a key file, relevant (``*``-less) ones only, with their slots parsed."""
    try:
        raw = Path(path).read_text(encoding="latin-1")
    except OSError as e:
        raise GoldError(f"{path}: cannot read the MUC key file ({e})") from e
    templates = []
    for block in re.split(r"\n\s*\n", raw):
        slots = _slots(block)
        if slots.get("MESSAGE: ID") and _first(slots, "MESSAGE: TEMPLATE") not in ("*", ""):
            templates.append(_template(slots))
    return templates


def _slots(block: str) -> dict[str, list[str]]:
    slots: dict[str, list[str]] = {}
    current = None
    for line in block.splitlines():
        match = _SLOT.match(line)
        if match:
            current = match.group(2)
            slots[current] = [match.group(3).strip()]
        elif current and line.strip():
            slots[current].append(line.strip())
    return slots


def _first(slots: dict[str, list[str]], name: str) -> str:
    return (slots.get(name) or [""])[0]


def _template(slots: dict[str, list[str]]) -> Template:
    return Template(
        doc_id=_first(slots, "MESSAGE: ID").upper(),
        incident=_first(slots, "INCIDENT: TYPE").lstrip("? ").split(" / ")[0].strip(),
        dates=template_dates(" ".join(slots.get("INCIDENT: DATE", []))),
        countries=template_countries(" ".join(slots.get("INCIDENT: LOCATION", []))),
        perp_orgs=tuple(
            tuple(_QUOTED.findall(line))
            for line in slots.get("PERP: ORGANIZATION ID", [])
            if _QUOTED.search(line)
        ),
    )


def template_dates(value: str) -> tuple[tuple[dt.date, dt.date], ...]:
    """Each alternative as a (first, last) day: "D", "- D" (read as D) or "A - B"."""
    spans = []
    for alternative in value.split(" / "):
        days = _days(alternative)
        if days:
            spans.append((days[0], days[-1]))
    return tuple(spans)


def _days(text: str) -> list[dt.date]:
    return [d for m in _DAY.finditer(text) if (d := muc_date(m.group(0))) is not None]


def template_countries(value: str) -> frozenset[str]:
    """ISO3 of the country that starts each alternative "(PERU: LIMA (CITY))"."""
    import pycountry

    found = set()
    for alternative in value.split(" / "):
        name = alternative.strip().lstrip("(?").split(":")[0].strip(" )")
        try:
            found.add(pycountry.countries.lookup(name).alpha_3)
        except LookupError:
            continue
    return frozenset(found)


def sentence_case(text: str) -> str:
    """Upper-case text lowered, with each sentence's and paragraph's first letter (and "I")
    capitalised. A single line break only wraps the text (the messages are hard-wrapped), so
    the word after it keeps its lower case ("the national\npolice station")."""
    lowered = re.sub(r"\bi\b", "I", text.lower())
    starts = r"(^|[.!?]\s+|\n\s*\n\s*)([a-z])"
    return re.sub(starts, lambda m: m.group(1) + m.group(2).upper(), lowered)


@dataclass(frozen=True)
class DocOutcome:
    doc: MucDoc
    templates: tuple[Template, ...]
    first: Record | None
    actor_texts: tuple[str, ...]

    @property
    def found(self) -> bool:
        return self.first is not None

    def date_right(self, *, tolerance_days: int = 0) -> bool:
        ours = _event_date(self.first) or self.doc.dateline
        slack = dt.timedelta(days=tolerance_days)
        return ours is not None and any(
            lo - slack <= ours <= hi + slack for t in self.templates for lo, hi in t.dates
        )

    @property
    def country(self) -> str | None:
        return ((self.first or {}).get("location") or {}).get("country")

    @property
    def country_right(self) -> bool:
        return self.country in set().union(*(t.countries for t in self.templates))

    def org_hits(self) -> list[bool]:
        ours = [t.lower() for t in self.actor_texts if t.strip()]
        return [
            any(_same_org(alt.lower(), text) for alt in fill for text in ours)
            for t in self.templates
            for fill in t.perp_orgs
        ]


def _same_org(gold: str, ours: str) -> bool:
    # Four characters keep "the" or "he" from matching every organisation.
    return gold in ours or (len(ours) >= 4 and ours in gold)


def _event_date(record: Record | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str((record or {}).get("date")))
    except ValueError:
        return None


def outcome(doc: MucDoc, templates: Sequence[Template], records: Sequence[Record]) -> DocOutcome:
    from adapters.common import by_trigger, role_texts

    violent = [r for r in by_trigger(records) if r.get("event_type") in VIOLENT]
    actors = tuple(text for r in violent for text in role_texts(r, "actor"))
    return DocOutcome(doc, tuple(templates), violent[0] if violent else None, actors)


def run(ctx: EvalContext) -> list[SetResult]:
    return [run_split(ctx, name) for name in SPLITS]


def run_split(ctx: EvalContext, name: str) -> SetResult:
    from whimbrel.records import Article

    started = time.perf_counter()
    folder, text_file, key_file = SPLITS[name]
    docs = ctx.subset(read_documents(ctx.path("corpora", "muc4", folder, text_file)))
    templates = [
        t
        for t in read_templates(ctx.path("corpora", "muc4", folder, key_file))
        if t.incident in INCIDENT_TYPES
    ]
    recase = sentence_case if name == "muc4_tst3" else str
    # A dateline without a date ("NO DATE") still needs an article date; its date is not scored.
    articles = [
        Article(
            id=d.id,
            date=d.dateline or dt.date(1989, 1, 1),
            text=recase(d.text),
            origin=f"{name}:{d.id}",
        )
        for d in docs
    ]
    by_story, results = code_records(ctx.pipeline(), articles)
    outcomes = [
        outcome(d, [t for t in templates if t.doc_id == d.id], by_story.get(d.id, [])) for d in docs
    ]
    result = _result(name, outcomes, seconds=time.perf_counter() - started)
    report = result.report + rejects_line(results)
    return dataclasses.replace(result, report=report, rejected=count_rejects(results))


def _result(name: str, outcomes: Sequence[DocOutcome], *, seconds: float) -> SetResult:
    relevant = [o for o in outcomes if o.templates]
    irrelevant = [o for o in outcomes if not o.templates]
    dated = [o for o in relevant if o.doc.dateline and any(t.dates for t in o.templates)]
    placed = [o for o in relevant if any(t.countries for t in o.templates)]
    org_hits = [hit for o in relevant for hit in o.org_hits()]
    metrics = {
        "found": ratio(sum(o.found for o in relevant), len(relevant)),
        "date_acc": ratio(sum(o.date_right() for o in dated), len(dated)),
        "date_pm1": ratio(sum(o.date_right(tolerance_days=1) for o in dated), len(dated)),
        "country_acc": ratio(sum(o.country_right for o in placed), len(placed)),
        "perp_org_recall": ratio(sum(org_hits), len(org_hits)),
        "false_alarm": ratio(sum(o.found for o in irrelevant), len(irrelevant)),
    }
    misses = [
        f"{o.doc.id}: gold {sorted({t.incident for t in o.templates})} "
        f"{[(str(a), str(b)) for t in o.templates for a, b in t.dates]} "
        f"{sorted(set().union(*(t.countries for t in o.templates)))}; ours "
        f"{(o.first or {}).get('event_type')} {_event_date(o.first)} {o.country}"
        for o in relevant
        if not (o.found and o.date_right() and o.country_right)
    ]
    report = markdown_report(
        title=name,
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=misses_section("Relevant documents not fully right", misses, limit=150),
    )
    return SetResult(name, metrics, len(relevant), PEER, report, seconds)
