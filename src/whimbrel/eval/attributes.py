"""Attribute scores over matched (gold, pred) event pairs: actors, dates, places, modality.

Each score counts only pairs where the gold record has a value for that attribute; a
missing or malformed predicted value counts as wrong. Gold values that cannot be read raise
:class:`~whimbrel.errors.GoldError`, since a broken gold file would silently skew the score.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from whimbrel.errors import GoldError
from whimbrel.eval.match import Entry, country_code, role_values
from whimbrel.eval.metrics import Accuracy, count_true, distance_km, score_values
from whimbrel.records import PRECISIONS

Pair = tuple[Entry, Entry]

_DATE_FORM = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# How many leading characters of an ISO date a precision keeps: "2021-10" for month.
_PREFIX_WIDTH = {"day": 10, "month": 7, "year": 4}
_WIDTH_PRECISION = {10: "day", 7: "month", 4: "year"}


def role_accuracy(pairs: Sequence[Pair], *, role: str, key: str) -> Accuracy:
    """Share of pairs whose predicted set of ``key`` values for ``role`` equals the gold set.

    Countries are compared on their first three letters (``USAGOV`` = ``USA``); other keys
    (``sector``) upper-cased as written.
    """
    outcomes = []
    for gold, pred in pairs:
        expected = _role_set(gold, role=role, key=key)
        if expected:
            outcomes.append(_role_set(pred, role=role, key=key) == expected)
    return count_true(outcomes)


def _role_set(entry: Entry, *, role: str, key: str) -> frozenset[str]:
    if key == "country":
        return entry.countries(role)
    return role_values(entry.record, role, key, where=entry.where)


@dataclass(frozen=True, slots=True)
class GoldDate:
    """A gold date as written (``2021``, ``2021-10`` or ``2021-10-05``) and its precision."""

    text: str
    precision: str

    @property
    def first_day(self) -> str:
        """The first day of the period, the way whimbrel writes a partial date."""
        return {4: f"{self.text}-01-01", 7: f"{self.text}-01"}.get(len(self.text), self.text)


def gold_date(entry: Entry) -> GoldDate | None:
    """The gold record's date and precision, or ``None`` when gold gives no date."""
    raw = entry.record.get("date")
    if raw is None or raw == "":
        return None
    text = _date_text(raw)
    if text is None:
        raise GoldError(f"{entry.where}: date {raw!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    precision = entry.record.get("date_precision") or _WIDTH_PRECISION[len(text)]
    needed = 10 if precision == "week" else _PREFIX_WIDTH.get(str(precision))
    if needed is None or len(text) < needed:
        raise GoldError(
            f"{entry.where}: date {text!r} with date_precision {precision!r} is inconsistent; "
            f"precision must be one of {', '.join(PRECISIONS)} and no finer than the date"
        )
    return GoldDate(text=text, precision=str(precision))


def _date_text(raw: object) -> str | None:
    """An ISO date string cut to its date part, or ``None`` when it is not a valid date."""
    text = str(raw).strip()
    text = text[:10] if len(text) > 10 and text[10] in "T " else text
    if not _DATE_FORM.match(text):
        return None
    try:
        dt.date.fromisoformat({4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text))
    except ValueError:
        return None
    return text


def date_within_precision(gold: GoldDate, pred: object) -> bool:
    """Whether ``pred`` falls in the gold date's period (same day, ISO week, month or year)."""
    text = _date_text(pred) if pred is not None else None
    if text is None:
        return False
    if gold.precision == "week":
        if len(text) < 10:
            return False
        gold_week = dt.date.fromisoformat(gold.text).isocalendar()[:2]
        return dt.date.fromisoformat(text).isocalendar()[:2] == gold_week
    width = _PREFIX_WIDTH[gold.precision]
    return len(text) >= width and text[:width] == gold.text[:width]


def date_exact(gold: GoldDate, pred: object) -> bool:
    """Whether ``pred`` names the same day, partial dates read as the first day of the period."""
    text = _date_text(pred) if pred is not None else None
    return text is not None and GoldDate(text=text, precision="day").first_day == gold.first_day


def date_accuracies(pairs: Sequence[Pair]) -> tuple[Accuracy, Accuracy]:
    """(exact, within the gold's precision) over pairs whose gold has a date."""
    exact: list[bool] = []
    within: list[bool] = []
    for gold, pred in pairs:
        expected = gold_date(gold)
        if expected is not None:
            exact.append(date_exact(expected, pred.record.get("date")))
            within.append(date_within_precision(expected, pred.record.get("date")))
    return count_true(exact), count_true(within)


@dataclass(frozen=True, slots=True)
class LocationScores:
    country: Accuracy
    within_km: Accuracy
    distances_km: tuple[float, ...]


def location_scores(pairs: Sequence[Pair], *, km_threshold: float) -> LocationScores:
    """Country accuracy, share within ``km_threshold`` km, and the distances that were measured.

    A gold place with coordinates whose prediction has none counts as outside the threshold
    and adds no distance.
    """
    country_pairs: list[tuple[object, object]] = []
    within: list[bool] = []
    distances: list[float] = []
    for gold, pred in pairs:
        gold_place = _place(gold, strict=True)
        if gold_place is None:
            continue
        pred_place = _place(pred, strict=False) or {}
        country_pairs.append((gold_place.get("country"), pred_place.get("country")))
        gold_point = _point(gold, gold_place, strict=True)
        if gold_point is not None:
            pred_point = _point(pred, pred_place, strict=False)
            distance = None if pred_point is None else distance_km(*gold_point, *pred_point)
            within.append(distance is not None and distance <= km_threshold)
            if distance is not None:
                distances.append(distance)
    country = score_values(country_pairs, equal=lambda g, p: country_code(g) == country_code(p))
    return LocationScores(country, count_true(within), tuple(distances))


def _place(entry: Entry, *, strict: bool) -> Mapping[str, Any] | None:
    place = entry.record.get("location")
    if place is None or isinstance(place, Mapping):
        return place
    if strict:
        raise GoldError(f"{entry.where}: 'location' must be an object or null, got {place!r}")
    return None


def _point(entry: Entry, place: Mapping[str, Any], *, strict: bool) -> tuple[float, float] | None:
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None or lon is None:
        return None
    try:
        point: tuple[float, float] | None = (float(lat), float(lon))
    except (TypeError, ValueError):
        point = None
    if point is not None and abs(point[0]) <= 90 and abs(point[1]) <= 180:
        return point
    if strict:
        raise GoldError(
            f"{entry.where}: location lat/lon {lat!r}, {lon!r} are not degrees "
            "(|lat| <= 90, |lon| <= 180)"
        )
    return None


def modality_accuracy(pairs: Sequence[Pair]) -> Accuracy:
    """Share of pairs with a gold ``modality`` whose prediction has the same one."""
    return score_values([(g.record.get("modality"), p.record.get("modality")) for g, p in pairs])
