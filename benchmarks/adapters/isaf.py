"""ISAF press releases (Afghanistan 2009-13): event date, province and event type per release."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adapters.common import (
    EvalContext,
    Record,
    SetResult,
    by_trigger,
    code_records,
    count_rejects,
    first_of_types,
    markdown_report,
    misses_section,
    ratio,
    rejects_line,
)
from whimbrel.errors import GoldError

SETS = ("isaf",)
MAPPING = (
    "detention → COERCE; insurgentskilled / captureandkill / airstrike / exchangeoffire → "
    "ASSAULT or COERCE; civiliancasualty → ASSAULT; ours = the first ASSAULT/COERCE event "
    "(its date, else the article date = the dateline date, else the title's date, else the "
    "first of the release id's month); province = that event's location admin1, else the "
    "first located event's, compared without case, accents or punctuation, through a table "
    "of spelling variants. date_acc_answerable leaves out the releases whose text does not "
    "date them (only the id's month) and those dated inside SHIFTED_GOLD."
)
PEER = None
PATH = ("corpora", "isaf-press-releases", "isaf_press_releases_ft_test.jsonl")
VIOLENT = ("ASSAULT", "COERCE")
TYPE_MAP = {
    "detention": frozenset({"COERCE"}),
    "insurgentskilled": frozenset(VIOLENT),
    "captureandkill": frozenset(VIOLENT),
    "airstrike": frozenset(VIOLENT),
    "exchangeoffire": frozenset(VIOLENT),
    "civiliancasualty": frozenset({"ASSAULT"}),
}
# Spellings of Afghan provinces (GeoNames, transliterations) → the gold set's vocabulary.
PROVINCE_VARIANTS = {
    "khowst": "khost",
    "paktiya": "paktya",
    "paktia": "paktya",
    "lowgar": "logar",
    "ghowr": "ghor",
    "nurestan": "nuristan",
    "nimruz": "nimroz",
    "jawzjan": "jowzjan",
    "oruzgan": "uruzgan",
    "urozgan": "uruzgan",
    "maidanwardak": "wardak",
    "wardag": "wardak",
    "konar": "kunar",
    "kondoz": "kunduz",
    "hirat": "herat",
    "hilmand": "helmand",
    "bamian": "bamyan",
    "zabol": "zabul",
    "panjsher": "panjshir",
    "badgis": "badghis",
    "fariab": "faryab",
    "ningarhar": "nangarhar",
    "daikundi": "daykundi",
    "saripul": "sarepul",
}
_VOCABULARY = re.compile(r"provinces = \[([^\]]*)\]")
_PROMPT = "PRESS RELEASE TEXT:"
# Release ids such as 2013-01-S-025 or 2009-12-CA–080 (with an en dash) sit in the text.
_RELEASE_ID = re.compile(r"\b(20\d\d)-(\d\d)-[A-Z]{1,3}[-–]?\d+")
# "(Jan. 22, 2013)", "(Sept. 1)", and as typed in some releases "(May 31,2011)", "(July 13. 2012)"
# or with a non-breaking space.
_DATELINE = re.compile(r"\(([A-Z][a-z]+)\.?\s+(\d{1,2})(?:\s*[,.]\s*(\d{4}))?\s*\)")
# A title that dates the release: "May 11: Afghan-ISAF Operations in ...", "Morning Operational
# Update May 31, 2011", "IJC Operational Update, July 16".
_TITLE_DATE = re.compile(
    r"(?:^|Update,?\s+)([A-Z][a-z]+)\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?=\s*(?::|$))", re.MULTILINE
)
# A title's date without a year takes the release id's, if it lies this near the id's month.
_TITLE_WINDOW = dt.timedelta(days=62)
# Releases dated in these windows carry a gold event date one day before the day their text
# states, explicit dates included ("Feb. 6" has gold Feb 5): 63 of the 68 wrong there are exactly
# one day late. Scored apart (date_acc_answerable) so that the audit can be repeated.
SHIFTED_GOLD = (
    (dt.date(2010, 11, 18), dt.date(2010, 11, 30)),
    (dt.date(2011, 2, 1), dt.date(2011, 3, 28)),
)
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass(frozen=True)
class Release:
    id: str
    release_id: str | None
    text: str
    date: dt.date | None
    event_date: dt.date | None
    event_types: frozenset[str]
    provinces: frozenset[str]
    # whether the text itself dates the release (dateline or title), not only the id's month
    stated: bool = True

    @property
    def answerable(self) -> bool:
        """Whether a reader of the text alone can give the gold's date."""
        in_shift = self.date is not None and any(a <= self.date <= b for a, b in SHIFTED_GOLD)
        return self.stated and not in_shift


def read_releases(path: Path) -> list[Release]:
    """Every release, numbered by line; ``date`` None when neither dateline nor id dates it."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [
            _release(json.loads(line), number)
            for number, line in enumerate(lines, 1)
            if line.strip()
        ]
    except (OSError, json.JSONDecodeError, KeyError, IndexError) as e:
        raise GoldError(f"{path}: cannot read the ISAF releases ({e})") from e


def _release(row: dict, number: int) -> Release:
    system, prompt, answer = (turn["value"] for turn in row["conversations"][:3])
    text = prompt.split(_PROMPT, 1)[-1].replace("\u2028", "\n").strip()
    release_id = _RELEASE_ID.search(text)
    gold = json.loads(answer)
    return Release(
        id=f"isaf-{number:03d}",
        release_id=release_id.group(0) if release_id else None,
        text=text,
        date=release_date(text),
        stated=stated_release_date(text) is not None,
        event_date=_iso(gold.get("start_date")),
        event_types=frozenset(
            t.strip() for v in gold.get("event_type") or [] for t in v.split(";") if t.strip()
        ),
        provinces=_gold_provinces(gold.get("province") or [], vocabulary=_vocabulary(system)),
    )


def _vocabulary(system_prompt: str) -> frozenset[str]:
    """The provinces the annotators could choose from, as listed in the record's prompt."""
    found = _VOCABULARY.search(system_prompt)
    names = re.findall(r"'([^']*)'", found.group(1)) if found else []
    return frozenset(filter(None, map(province_key, names)))


def _gold_provinces(values: list[str], *, vocabulary: frozenset[str]) -> frozenset[str]:
    # "??", "" and "southern afghanistan" are not provinces: such releases score no province.
    keys = {province_key(part) for value in values for part in value.split(";")}
    return frozenset(k for k in keys if k and (k in vocabulary or not vocabulary))


def release_date(text: str) -> dt.date | None:
    """The date the release's text gives it (``stated_release_date``), else the first day of
    the release id's month, else None."""
    release_id = _RELEASE_ID.search(text)
    month_start = (
        dt.date(int(release_id.group(1)), int(release_id.group(2)), 1) if release_id else None
    )
    return stated_release_date(text) or month_start


def stated_release_date(text: str) -> dt.date | None:
    """The dateline's date "(Jan. 22, 2013)" ("(Sept. 1)" takes the release id's year), else
    the date its title gives ("May 11: Afghan-ISAF Operations ..."), else None: a release that
    only says "yesterday" under its id leaves the day to metadata the text does not carry."""
    release_id = _RELEASE_ID.search(text)
    id_year, id_month = (
        (int(release_id.group(1)), int(release_id.group(2))) if release_id else (None, None)
    )
    found = _dated(_DATELINE.search(text[:400]), id_year)
    if found is None and id_year and id_month:
        header = text[: release_id.start()] if release_id else ""
        titled = _dated(_TITLE_DATE.search(header), id_year)
        if titled is not None and abs(titled - dt.date(id_year, id_month, 1)) <= _TITLE_WINDOW:
            found = titled
    return found


def _dated(match: re.Match[str] | None, default_year: int | None) -> dt.date | None:
    """The day a month-name, day and optional year match names (the year defaulted)."""
    month = MONTHS.get(match.group(1)[:3].lower()) if match else None
    if match is None or month is None:
        return None
    year = int(match.group(3)) if match.group(3) else default_year
    if year is None:
        return None
    try:
        return dt.date(year, month, int(match.group(2)))
    except ValueError:
        return None


def _iso(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def province_key(name: object) -> str | None:
    """ "Sar-e Pul", "sar_e_pul" and "Sar-e Pol Province" all give "sarepul"; junk gives None."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z]", "", text.lower().removesuffix(" province"))
    key = key.removesuffix("province")
    key = PROVINCE_VARIANTS.get(key, key)
    return key or None


@dataclass(frozen=True)
class Coded:
    release: Release
    event_type: str | None
    event_date: dt.date
    province: str | None
    admin1: str | None

    @property
    def type_right(self) -> bool:
        allowed = set().union(*(TYPE_MAP.get(t, frozenset()) for t in self.release.event_types))
        return self.event_type in allowed

    @property
    def date_right(self) -> bool:
        return self.event_date == self.release.event_date

    @property
    def province_right(self) -> bool:
        return self.province in self.release.provinces


def coded(release: Release, records: Sequence[Record]) -> Coded:
    violent = first_of_types(records, VIOLENT)
    located = [
        r
        for r in ([violent] if violent else []) + by_trigger(records)
        if r and (r.get("location") or {}).get("admin1")
    ]
    admin1 = located[0]["location"]["admin1"] if located else None
    event_date = _iso(violent.get("date")) if violent else None
    return Coded(
        release,
        violent.get("event_type") if violent else None,
        event_date or release.date or dt.date.min,
        province_key(admin1),
        admin1,
    )


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.records import Article

    started = time.perf_counter()
    every = read_releases(ctx.path(*PATH))
    releases = ctx.subset([r for r in every if r.date is not None])
    articles = [
        Article(id=r.id, date=r.date, text=r.text, origin=f"isaf:{r.id}")
        for r in releases
        if r.date is not None
    ]
    by_story, results = code_records(ctx.pipeline(), articles)
    outcomes = [coded(r, by_story.get(r.id, [])) for r in releases]
    typed = [o for o in outcomes if o.release.event_types & TYPE_MAP.keys()]
    dated = [o for o in outcomes if o.release.event_date is not None]
    placed = [o for o in outcomes if o.release.provinces]
    metrics = {
        "date_acc": ratio(sum(o.date_right for o in dated), len(dated)),
        "date_acc_answerable": ratio(
            sum(o.date_right for o in dated if o.release.answerable),
            sum(o.release.answerable for o in dated),
        ),
        "province_acc": ratio(sum(o.province_right for o in placed), len(placed)),
        "type_acc": ratio(sum(o.type_right for o in typed), len(typed)),
    }
    undated = sum(r.date is None for r in every)
    unstated = sum(not o.release.stated for o in dated)
    report = (
        _report(outcomes, metrics)
        + rejects_line(results)
        + f"\n{undated} release(s) with neither a dated dateline nor a release id skipped."
        + f"\n{sum(o.release.answerable for o in dated)} of {len(dated)} dated releases are "
        + f"answerable: {unstated} are not dated by their text, the others left out lie in "
        + "SHIFTED_GOLD.\n"
    )
    seconds = time.perf_counter() - started
    return [
        SetResult("isaf", metrics, len(releases), PEER, report, seconds, count_rejects(results))
    ]


def _report(outcomes: Sequence[Coded], metrics: dict[str, float | None]) -> str:
    misses = [
        f"{o.release.id} ({o.release.release_id}): gold {sorted(o.release.event_types)} "
        f"{o.release.event_date} {sorted(o.release.provinces)}; "
        f"ours {o.event_type} {o.event_date} {o.admin1} (release dated {o.release.date})"
        for o in outcomes
        if not (o.type_right and o.date_right and (o.province_right or not o.release.provinces))
    ]
    return markdown_report(
        title="ISAF press releases",
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=_date_offsets(outcomes)
        + misses_section("Releases with a wrong field", misses, limit=150),
    )


def _date_offsets(outcomes: Sequence[Coded]) -> str:
    """How far our wrong dates lie from the gold's, by the month of the release's date (an
    audit aid: the gold of some months sits one day before dates the text states)."""
    offsets: dict[str, Counter[int]] = defaultdict(Counter)
    for o in outcomes:
        gold, release = o.release.event_date, o.release.date
        if gold is not None and release is not None and not o.date_right:
            offsets[f"{release:%Y-%m}"][(o.event_date - gold).days] += 1
    rows = [
        f"- {month}: " + ", ".join(f"{days:+d}d ×{n}" for days, n in sorted(found.items()))
        for month, found in sorted(offsets.items())
    ]
    return "## Wrong dates by release month, as ours − gold in days\n\n" + "\n".join(rows) + "\n\n"
