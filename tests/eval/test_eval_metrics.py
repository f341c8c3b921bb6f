"""PRF, Accuracy, score_values and distance_km, with hand-computed exact values."""

from __future__ import annotations

import math
from fractions import Fraction as F

import pytest

from whimbrel.eval import PRF, Accuracy, country_code, distance_km, score_values


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # P = 1/2, R = 1/3, F1 = 2PR/(P+R) = (1/3)/(5/6) = 2/5 = 2/(2+1+2).
        (PRF(tp=1, fp=1, fn=2), (F(1, 2), F(1, 3), F(2, 5))),
        (PRF(tp=3, fp=0, fn=0), (1, 1, 1)),
        (PRF(tp=0, fp=2, fn=0), (0, None, 0)),
        (PRF(tp=0, fp=0, fn=4), (None, 0, 0)),
        (PRF(), (None, None, None)),
    ],
)
def test_prf_ratios(counts: PRF, expected: tuple) -> None:
    assert (counts.precision, counts.recall, counts.f1) == expected


def test_prf_and_accuracy_add_counts() -> None:
    assert PRF(1, 2, 3) + PRF(10, 20, 30) == PRF(11, 22, 33)
    assert Accuracy(1, 2) + Accuracy(2, 4) == Accuracy(3, 6)
    assert Accuracy(3, 6).value == F(1, 2)
    assert Accuracy().value is None


@pytest.mark.parametrize(
    ("pairs", "equal", "expected"),
    [
        # (None, "IND") is skipped: gold expects nothing; (CHN, None) is wrong.
        ([("USA", "USA"), ("CHN", "RUS"), (None, "IND"), ("CHN", None)], None, Accuracy(1, 3)),
        ([], None, Accuracy(0, 0)),
        # TempEval-style values compared as written.
        ([("2021-10-05", "2021-10-05"), ("P3D", "P2D")], None, Accuracy(1, 2)),
        # NGEC-style actor codes compared on the country prefix.
        (
            [("USAGOV", "USA"), ("AFGMIL", "PAK")],
            lambda g, p: country_code(g) == country_code(p),
            Accuracy(1, 2),
        ),
    ],
)
def test_score_values(pairs: list, equal: object, expected: Accuracy) -> None:
    assert score_values(pairs, equal=equal) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("USAGOV", "USA"), (" gbr ", "GBR"), ("UN", "UN"), ("", None), (None, None)],
)
def test_country_code(value: object, expected: str | None) -> None:
    assert country_code(value) == expected


def test_distance_one_degree_of_latitude() -> None:
    # Along a meridian one degree is R * pi / 180 = 111.195 km for R = 6371.0088 km.
    assert distance_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(6371.0088 * math.pi / 180)
    assert distance_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_distance_between_cities() -> None:
    berlin, leipzig, rostock = (52.5200, 13.4050), (51.3397, 12.3731), (54.0924, 12.0991)
    assert distance_km(*berlin, *leipzig) == pytest.approx(149.1, abs=0.1)
    assert distance_km(*berlin, *rostock) == pytest.approx(195.2, abs=0.1)
    assert distance_km(*berlin, *leipzig) == distance_km(*leipzig, *berlin)
    # Half the circumference between antipodes, without a math domain error.
    assert distance_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)
