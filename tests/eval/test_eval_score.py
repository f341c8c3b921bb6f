"""score(): hand-made gold/pred pairs whose scores are worked out by hand in the comments.

Notation in comments: type P/R/F1 from (tp, fp, fn); F1 = 2tp / (2tp + fp + fn).
Dyad triples are (event_type, actor country, recipient country).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from fractions import Fraction as F
from typing import Any

import pytest

from whimbrel.errors import GoldError
from whimbrel.eval import PRF, Accuracy, Scores, cameo_root_key, distance_km, score

# Real city centres. Berlin to Leipzig is about 149.1 km, Berlin to Rostock about 195.2 km:
# one inside and one outside the default 161 km (100 mile) threshold.
BERLIN = {"name": "Berlin", "country": "DEU", "lat": 52.5200, "lon": 13.4050}
LEIPZIG = {"name": "Leipzig", "country": "DEU", "lat": 51.3397, "lon": 12.3731}
ROSTOCK = {"name": "Rostock", "country": "DEU", "lat": 54.0924, "lon": 12.0991}
WARSAW = {"name": "Warsaw", "country": "POL", "lat": 52.2297, "lon": 21.0122}
POLAND = {"name": "Poland", "country": "POL"}


def event(story_id: str, event_type: str | None, *, actors=(), recipients=(), **fields) -> dict:
    """A PLOVER-JSONL record; an actor is written "USA/GOV" (country/sector) or "USA"."""
    return {
        "story_id": story_id,
        "event_type": event_type,
        "actor": [_actor(code) for code in actors],
        "recipient": [_actor(code) for code in recipients],
        **fields,
    }


def _actor(code: str) -> dict:
    country, _, sector = code.partition("/")
    return {"text": country, "country": country, "sector": sector or None}


def with_fields(record: dict, **fields: Any) -> dict:
    changed = copy.deepcopy(record)
    changed.update(fields)
    return changed


CONSULT = event(
    "s1",
    "CONSULT",
    actors=["USA/GOV"],
    recipients=["CHN/GOV"],
    date="2021-10-05",
    date_precision="day",
    location=BERLIN,
    modality="asserted",
    sentence="The American envoy met Chinese officials in Berlin on Tuesday.",
)
ACCUSE = event(
    "s1",
    "ACCUSE",
    actors=["CHN/GOV"],
    recipients=["USA/GOV"],
    date="2021-10-06",
    date_precision="day",
    location=BERLIN,
    modality="asserted",
    sentence="Beijing accused Washington of meddling in its affairs.",
)
THREATEN = event("s1", "THREATEN", actors=["CHN/MIL"], recipients=["USA/GOV"])

# Each metric name reads one score as exact numbers: a P/R/F1 triple, or (value, n).
METRICS: dict[str, Callable[[Scores], object]] = {
    "type": lambda s: (s.event_type.precision, s.event_type.recall, s.event_type.f1),
    "dyad": lambda s: (s.dyad.precision, s.dyad.recall, s.dyad.f1),
    "stories_exact": lambda s: (s.stories_exact.value, s.stories_exact.total),
    "actor_country": lambda s: (s.actor_country.value, s.actor_country.total),
    "actor_sector": lambda s: (s.actor_sector.value, s.actor_sector.total),
    "recipient_country": lambda s: (s.recipient_country.value, s.recipient_country.total),
    "recipient_sector": lambda s: (s.recipient_sector.value, s.recipient_sector.total),
    "date_exact": lambda s: (s.date_exact.value, s.date_exact.total),
    "date_within": lambda s: (s.date_within_precision.value, s.date_within_precision.total),
    "location_country": lambda s: (s.location_country.value, s.location_country.total),
    "location_within": lambda s: (s.location_within_km.value, s.location_within_km.total),
    "modality": lambda s: (s.modality.value, s.modality.total),
    "misses": lambda s: [(m.story_id, m.event_type) for m in s.misses],
    "false_positives": lambda s: [(m.story_id, m.event_type) for m in s.false_positives],
    "counts": lambda s: (s.n_stories, s.n_gold_events, s.n_pred_events, s.n_unscored_pred),
}

NOTHING = (None, 0)  # an accuracy with nothing to compare

CASES = [
    pytest.param(
        [CONSULT, ACCUSE],
        [copy.deepcopy(CONSULT), copy.deepcopy(ACCUSE)],
        {
            # Every field agrees on both events: every ratio is 1 over 2 pairs, one story.
            "type": (1, 1, 1),
            "dyad": (1, 1, 1),
            "stories_exact": (1, 1),
            "actor_country": (1, 2),
            "actor_sector": (1, 2),
            "recipient_country": (1, 2),
            "recipient_sector": (1, 2),
            "date_exact": (1, 2),
            "date_within": (1, 2),
            "location_country": (1, 2),
            "location_within": (1, 2),
            "modality": (1, 2),
            "misses": [],
            "false_positives": [],
            "counts": (1, 2, 2, 0),
        },
        id="perfect-match",
    ),
    pytest.param(
        [CONSULT, ACCUSE],
        [copy.deepcopy(CONSULT)],
        {
            # tp 1, fp 0, fn 1: P 1, R 1/2, F1 2/(2+0+1) = 2/3. Triples: gold
            # {(CONSULT,USA,CHN), (ACCUSE,CHN,USA)}, pred the first only: same numbers;
            # the story's triple set differs, so 0 of 1 story exact.
            "type": (1, F(1, 2), F(2, 3)),
            "dyad": (1, F(1, 2), F(2, 3)),
            "stories_exact": (0, 1),
            "actor_country": (1, 1),
            "misses": [("s1", "ACCUSE")],
            "false_positives": [],
        },
        id="one-miss",
    ),
    pytest.param(
        [CONSULT],
        [copy.deepcopy(CONSULT), THREATEN],
        {
            # tp 1, fp 1, fn 0: P 1/2, R 1, F1 2/3; the extra (THREATEN,CHN,USA) triple
            # is a dyad false positive too.
            "type": (F(1, 2), 1, F(2, 3)),
            "dyad": (F(1, 2), 1, F(2, 3)),
            "stories_exact": (0, 1),
            "misses": [],
            "false_positives": [("s1", "THREATEN")],
        },
        id="one-false-positive",
    ),
    pytest.param(
        [CONSULT],
        [with_fields(CONSULT, event_type="ACCUSE")],
        {
            # Same dyad and sentence but another type: no pair, tp 0 fp 1 fn 1, all zero;
            # no pairs means no attribute is compared at all.
            "type": (0, 0, 0),
            "dyad": (0, 0, 0),
            "stories_exact": (0, 1),
            "actor_country": NOTHING,
            "date_exact": NOTHING,
            "location_within": NOTHING,
            "modality": NOTHING,
            "misses": [("s1", "CONSULT")],
            "false_positives": [("s1", "ACCUSE")],
        },
        id="wrong-type",
    ),
    pytest.param(
        [
            event("s1", "CONSULT", actors=["USA", "GBR"], recipients=["CHN"]),
            event("s2", "ACCUSE", actors=["CHN"], recipients=["USA"]),
        ],
        [
            # "USAGOV" is compared on its first three letters: it is USA.
            event("s1", "CONSULT", actors=["USAGOV"], recipients=["CHN"]),
            event("s2", "ACCUSE", actors=["CHN"], recipients=["USA"]),
        ],
        {
            # Types: tp 2. Triples: gold s1 {(C,USA,CHN), (C,GBR,CHN)}, s2 {(A,CHN,USA)};
            # pred s1 {(C,USA,CHN)}, s2 {(A,CHN,USA)}: tp 2, fp 0, fn 1 -> P 1, R 2/3,
            # F1 4/5. Story s2 exact, s1 not: 1/2. Actor set {USA} != {USA,GBR} in s1: 1/2.
            "type": (1, 1, 1),
            "dyad": (1, F(2, 3), F(4, 5)),
            "stories_exact": (F(1, 2), 2),
            "actor_country": (F(1, 2), 2),
            "recipient_country": (1, 2),
            "actor_sector": NOTHING,
        },
        id="dyad-partially-right",
    ),
    pytest.param(
        [
            event("s1", "CONSULT", date="2021-10", date_precision="month"),
            event("s1", "ACCUSE", date="2021-10-05", date_precision="day"),
            event("s1", "THREATEN", date="2021-10-05", date_precision="day"),
            event("s1", "PROTEST", date="2021"),  # precision read from the form: year
            event("s1", "AID", date="2021-10", date_precision="month"),
            event("s1", "COERCE", date="2021-10-04", date_precision="week"),  # a Monday
            event("s1", "ASSAULT", date="2021-10-04", date_precision="week"),
            event("s1", "REQUEST"),  # no gold date: not counted
            event("s1", "REJECT", date="2021-10-30", date_precision="month"),
            event("s1", "SANCTION", date="2021-11", date_precision="month"),
        ],
        [
            event("s1", "CONSULT", date="2021-10-19"),  # exact no, within yes
            event("s1", "ACCUSE", date="2021-10-05"),  # yes, yes
            event("s1", "THREATEN", date="2021-10-06"),  # no, no
            event("s1", "PROTEST", date="2021-03-01"),  # no (2021-01-01 != 03-01), yes
            event("s1", "AID", date="2021-10-01"),  # yes (month = its first day), yes
            event("s1", "COERCE", date="2021-10-10"),  # no, yes (Sunday, ISO week 40)
            event("s1", "ASSAULT", date="2021-10-11"),  # no, no (ISO week 41)
            event("s1", "REQUEST", date="2021-10-01"),
            event("s1", "REJECT", date="2021-10-02"),  # no, yes
            event("s1", "SANCTION"),  # no date predicted: no, no
        ],
        {
            # 9 gold dates; exact: ACCUSE, AID = 2/9; within: CONSULT, ACCUSE, PROTEST,
            # AID, COERCE, REJECT = 6/9 = 2/3.
            "date_exact": (F(2, 9), 9),
            "date_within": (F(2, 3), 9),
            "type": (1, 1, 1),
        },
        id="date-within-precision",
    ),
    pytest.param(
        [
            event("s1", "CONSULT", location=BERLIN),
            event("s1", "ACCUSE", location=BERLIN),
            event("s1", "THREATEN", location=BERLIN),
            event("s1", "PROTEST", location=POLAND),
            event("s1", "AID"),
        ],
        [
            event("s1", "CONSULT", location=LEIPZIG),  # 149 km: within 161
            event("s1", "ACCUSE", location=ROSTOCK),  # 195 km: outside
            event("s1", "THREATEN", location=None),  # no place: outside, no distance
            event("s1", "PROTEST", location=WARSAW),  # gold has no coordinates
            event("s1", "AID", location=BERLIN),  # gold has no place: not counted
        ],
        {
            # Country: DEU, DEU right, THREATEN missing, POL right = 3/4.
            # Within 161 km: 1 of the 3 gold places with coordinates.
            "location_country": (F(3, 4), 4),
            "location_within": (F(1, 3), 3),
        },
        id="location-150-vs-200-km",
    ),
    pytest.param(
        [CONSULT, ACCUSE],
        [],
        {
            # Nothing predicted: precision undefined, recall 0, F1 0/(0+0+2) = 0.
            "type": (None, 0, 0),
            "dyad": (None, 0, 0),
            "stories_exact": (0, 1),
            "actor_country": NOTHING,
            "date_within": NOTHING,
            "location_country": NOTHING,
            "modality": NOTHING,
            "misses": [("s1", "CONSULT"), ("s1", "ACCUSE")],
            "counts": (1, 2, 0, 0),
        },
        id="empty-pred",
    ),
    pytest.param(
        [event("s1", None), with_fields(CONSULT, story_id="s2")],
        [
            copy.deepcopy(CONSULT),  # s1 expects no event: a false positive
            with_fields(CONSULT, story_id="s2"),
            with_fields(ACCUSE, story_id="s9"),  # s9 is not in gold: not scored
        ],
        {
            # tp 1 (s2), fp 1 (s1), fn 0: P 1/2, R 1, F1 2/3; same for the triples.
            # s2 exact, s1 not (gold set empty, pred not): 1/2.
            "type": (F(1, 2), 1, F(2, 3)),
            "dyad": (F(1, 2), 1, F(2, 3)),
            "stories_exact": (F(1, 2), 2),
            "false_positives": [("s1", "CONSULT")],
            "misses": [],
            "counts": (2, 1, 2, 1),
        },
        id="negative-gold-with-false-positive",
    ),
    pytest.param(
        [event("s1", None)],
        [],
        {
            # Nothing expected, nothing found: every P/R/F1 undefined, the story exact.
            "type": (None, None, None),
            "dyad": (None, None, None),
            "stories_exact": (1, 1),
            "counts": (1, 0, 0, 0),
        },
        id="negative-gold-nothing-predicted",
    ),
    pytest.param(
        [
            event("s1", "CONSULT", actors=["USA/GOV"], recipients=["CHN"], modality="negated"),
            event("s1", "ACCUSE", actors=["CHN/GOV"], recipients=["USA"], modality="planned"),
            event("s1", "THREATEN", actors=["RUS/MIL"], recipients=["UKR/GOV"]),
        ],
        [
            event("s1", "CONSULT", actors=["USA/MIL"], recipients=["CHN"], modality="asserted"),
            event("s1", "ACCUSE", actors=["CHN/GOV"], recipients=["USA"], modality="planned"),
            event("s1", "THREATEN", actors=["RUS/MIL"], recipients=["UKR/COP"]),
        ],
        {
            # Modality: CONSULT wrong, ACCUSE right, THREATEN has no gold modality: 1/2.
            # Actor sector: GOV vs MIL wrong, GOV right, MIL right: 2/3. Recipient sector
            # only THREATEN has one (GOV vs COP): 0/1.
            "modality": (F(1, 2), 2),
            "actor_sector": (F(2, 3), 3),
            "recipient_sector": (0, 1),
            "actor_country": (1, 3),
        },
        id="modality-and-sectors",
    ),
    pytest.param(
        [
            event("s1", "CONSULT", actors=["USA"], recipients=["CHN"]),
            event("s1", "CONSULT", actors=["RUS"], recipients=["IND"]),
        ],
        [
            event("s1", "consult", actors=["RUS"], recipients=["IND"]),
            event("s1", "CONSULT", actors=["USA"], recipients=["CHN"]),
        ],
        {
            # Matching prefers agreeing countries, so the crossed order still pairs
            # USA-USA and RUS-RUS: 2/2 (file-order pairing would give 0/2). Types are
            # compared upper-cased.
            "type": (1, 1, 1),
            "actor_country": (1, 2),
            "recipient_country": (1, 2),
        },
        id="matching-prefers-agreeing-countries",
    ),
]


@pytest.mark.parametrize(("gold", "pred", "expected"), CASES)
def test_score_hand_computed(gold: list[dict], pred: list[dict], expected: dict) -> None:
    scores = score(gold, pred)
    measured = {name: METRICS[name](scores) for name in expected}
    assert measured == expected


def test_location_distances_and_threshold() -> None:
    gold = [event("s1", "CONSULT", location=BERLIN), event("s1", "ACCUSE", location=BERLIN)]
    pred = [event("s1", "CONSULT", location=LEIPZIG), event("s1", "ACCUSE", location=ROSTOCK)]
    berlin_leipzig = distance_km(52.5200, 13.4050, 51.3397, 12.3731)
    berlin_rostock = distance_km(52.5200, 13.4050, 54.0924, 12.0991)
    scores = score(gold, pred)
    assert scores.location_distances_km == (berlin_leipzig, berlin_rostock)
    # Median of two values is their mean: (149.1 + 195.2) / 2 = 172.1 km.
    assert scores.location_median_km == pytest.approx(172.14, abs=0.01)
    assert scores.location_within_km == Accuracy(correct=1, total=2)
    # A 200 km radius takes Rostock in as well.
    assert score(gold, pred, km_threshold=200.0).location_within_km == Accuracy(2, 2)


def test_per_type_counts() -> None:
    # Gold: CONSULT x2, ACCUSE x1. Pred: CONSULT x1, ACCUSE x1, THREATEN x1.
    gold = [CONSULT, with_fields(CONSULT, sentence="They met again."), ACCUSE]
    pred = [copy.deepcopy(CONSULT), copy.deepcopy(ACCUSE), THREATEN]
    scores = score(gold, pred)
    assert scores.event_type_by_type == {
        "ACCUSE": PRF(tp=1, fp=0, fn=0),
        "CONSULT": PRF(tp=1, fp=0, fn=1),
        "THREATEN": PRF(tp=0, fp=1, fn=0),
    }
    assert scores.event_type == PRF(tp=2, fp=1, fn=1)
    # Macro F1: mean of 1, 2/3 and 0 = 5/9.
    assert scores.event_type_macro_f1 == F(5, 9)


def test_unmatched_prediction_is_the_one_with_other_countries() -> None:
    gold = [event("s1", "CONSULT", actors=["USA"], recipients=["CHN"])]
    pred = [
        event("s1", "CONSULT", actors=["GBR"], recipients=["CHN"], sentence="London called."),
        event("s1", "CONSULT", actors=["USA"], recipients=["CHN"]),
    ]
    scores = score(gold, pred)
    assert [(fp.index, fp.sentence) for fp in scores.false_positives] == [(0, "London called.")]
    assert scores.actor_country == Accuracy(1, 1)


def test_cameo_root_triples() -> None:
    # PETRARCH convention: CAMEO root x actor country x recipient country.
    gold = [
        event("s1", "CONSULT", actors=["USAGOV"], recipients=["CHNGOV"], cameo_code="042"),
        event("s1", "ACCUSE", actors=["CHN"], recipients=["USA", "GBR"], cameo_code="112"),
    ]
    pred = [
        event("s1", "CONSULT", actors=["USA"], recipients=["CHN"], cameo_code="043"),
        event("s1", "ACCUSE", actors=["CHN"], recipients=["USA"], cameo_code="051"),
    ]
    # Gold triples {(04,USA,CHN), (11,CHN,USA), (11,CHN,GBR)}; pred {(04,USA,CHN),
    # (05,CHN,USA)}: tp 1, fp 1, fn 2 -> P 1/2, R 1/3, F1 2/5.
    dyad = score(gold, pred, triple_key=cameo_root_key).dyad
    assert (dyad.precision, dyad.recall, dyad.f1) == (F(1, 2), F(1, 3), F(2, 5))
    # With the default key (event type) both predictions' types are right: tp 2, fn 1.
    assert score(gold, pred).dyad == PRF(tp=2, fp=0, fn=1)


def test_to_dict_is_json_with_floats() -> None:
    scores = score([CONSULT, ACCUSE], [copy.deepcopy(CONSULT)])
    data = json.loads(json.dumps(scores.to_dict()))
    assert data["event_type"]["micro"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
        "tp": 1,
        "fp": 0,
        "fn": 1,
    }
    assert data["misses"] == [
        {"story_id": "s1", "event_type": "ACCUSE", "sentence": ACCUSE["sentence"], "index": 1}
    ]
    assert data["location"]["median_km"] == 0.0
    assert data["date"]["exact"] == {"accuracy": 1.0, "correct": 1, "n": 1}


@pytest.mark.parametrize(
    ("gold", "pred", "message"),
    [
        ([{"event_type": "CONSULT"}], [], "gold record 0: needs a 'story_id'"),
        ([{"story_id": "s1"}], [], "has no 'event_type'"),
        ([CONSULT], [{"story_id": "s1"}], "pred record 0: has no 'event_type'"),
        ([event("s1", 7)], [], "must be a PLOVER type or null"),
        ([with_fields(CONSULT, actor="USA")], [], "'actor' must be a list of objects"),
        ([with_fields(CONSULT, date="2021-13-01")], [CONSULT], "is not YYYY, YYYY-MM"),
        ([with_fields(CONSULT, date="2021-10", date_precision="day")], [CONSULT], "inconsistent"),
        ([with_fields(CONSULT, date_precision="fortnight")], [CONSULT], "inconsistent"),
        ([with_fields(CONSULT, location={"lat": 95, "lon": 0})], [CONSULT], "not degrees"),
        ([with_fields(CONSULT, location="Berlin")], [CONSULT], "must be an object or null"),
    ],
)
def test_unreadable_records_raise_gold_error(gold: list, pred: list, message: str) -> None:
    with pytest.raises(GoldError, match=re.escape(message)):
        score(gold, pred)


def test_malformed_prediction_values_count_as_wrong() -> None:
    pred = [with_fields(CONSULT, date="last Tuesday", location={"lat": "north", "lon": 1})]
    scores = score([CONSULT], pred)
    assert scores.date_within_precision == Accuracy(0, 1)
    assert scores.location_within_km == Accuracy(0, 1)
    assert scores.location_distances_km == ()
