"""Counting primitives for evaluation: P/R/F1 counts, accuracies, great-circle distances.

Every ratio is an exact :class:`fractions.Fraction`, so tests compare scores with ``==``.
``None`` means *undefined* (nothing to divide by), never zero: a run that predicted nothing
has no precision, and a set with no gold dates has no date accuracy.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

# IUGG mean Earth radius; the choice moves a 150 km distance by well under 1 km.
EARTH_RADIUS_KM = 6371.0088


def ratio(numerator: int, denominator: int) -> Fraction | None:
    """``numerator / denominator`` exactly, or ``None`` when there is nothing to divide by."""
    return Fraction(numerator, denominator) if denominator else None


def as_float(value: Fraction | float | None) -> float | None:
    """A JSON-friendly float for an exact score (``None`` stays ``None``)."""
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with the ratios derived from them.

    ``f1`` is ``2tp / (2tp + fp + fn)``, which equals the harmonic mean of precision and
    recall when both exist and is 0 (not undefined) when one side is empty but the other not.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> Fraction | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> Fraction | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> Fraction | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    def to_dict(self) -> dict[str, object]:
        return {
            "precision": as_float(self.precision),
            "recall": as_float(self.recall),
            "f1": as_float(self.f1),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """``correct`` out of ``total`` compared items; ``value`` is ``None`` when ``total`` is 0."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> Fraction | None:
        return ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)

    def to_dict(self) -> dict[str, object]:
        return {"accuracy": as_float(self.value), "correct": self.correct, "n": self.total}


def count_true(outcomes: Iterable[bool]) -> Accuracy:
    """The accuracy of a run of right/wrong outcomes."""
    flags = list(outcomes)
    return Accuracy(correct=sum(flags), total=len(flags))


def score_values(
    pairs: Sequence[tuple[object, object]],
    *,
    equal: Callable[[Any, Any], bool] | None = None,
) -> Accuracy:
    """Accuracy over ``(gold, pred)`` pairs of single values.

    Pairs whose gold value is ``None`` are skipped: the gold set expects nothing there. A
    ``None`` prediction for a gold value counts as wrong. ``equal`` compares two values
    (default ``==``); pass e.g. a country-prefix comparison for codes like ``USAGOV``.
    """
    same = equal if equal is not None else _equals
    return count_true(same(gold, pred) for gold, pred in pairs if gold is not None)


def _equals(gold: object, pred: object) -> bool:
    return gold == pred


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    # min() guards asin against a rounding overshoot for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def median_or_none(values: Sequence[float]) -> float | None:
    """The median of ``values``, or ``None`` for an empty sequence."""
    return statistics.median(values) if values else None
