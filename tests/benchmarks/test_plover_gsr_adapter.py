"""The PLOVER GSR adapter's scoring rules, on records we write here (no ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from adapters.plover_gsr import (
    GsrItem,
    chosen_event,
    event_spans,
    legacy_type,
    party_group,
    read_gold,
    type_right,
)

TEXT = "Kenya agreed on Monday to send troops, and Uganda refused to meet the envoys."


def item(event_type: str, spans: tuple[tuple[int, int], ...]) -> GsrItem:
    empty: frozenset[str] = frozenset()
    return GsrItem("g", TEXT, event_type, empty, empty, empty, empty, spans)


def record(event_type: str, code: str, start: int, end: int, **more: Any) -> dict[str, Any]:
    return {
        "event_type": event_type,
        "cameo_code": code,
        "spans": {"trigger": [start, end]},
        **more,
    }


def test_event_spans_follow_the_markup_in_reading_order() -> None:
    markup = "Kenya (EVT: agreed) on Monday to (EVT: send} troops, and Uganda (EVT: refused) ..."
    assert event_spans(TEXT, markup) == ((6, 12), (26, 30), (50, 57))
    assert event_spans(TEXT, "(EVT: surrendered)") == ()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("191", "ASSAULT"),
        ("1712", "COERCE"),
        ("0813", "CONCEDE"),
        ("0841", "RETREAT"),
        ("0353", "AGREE"),
        ("125", "REJECT"),
        ("016", None),
        (None, None),
    ],
)
def test_legacy_type_follows_the_cameo_root(code: str | None, expected: str | None) -> None:
    assert legacy_type(code) == expected


def test_the_event_at_the_gold_trigger_is_compared() -> None:
    agree = record("AGREE", "030", 6, 12)
    reject = record("REJECT", "125", 50, 57)
    assert chosen_event(item("REJECT", ((50, 57),)), [agree, reject]) is reject
    assert chosen_event(item("REJECT", ()), [reject, agree]) is agree
    merged = record("AID", "070", 26, 30, mentions=[{"spans": {"trigger": [50, 57]}}])
    assert chosen_event(item("REJECT", ((50, 57),)), [agree, merged]) is merged
    assert chosen_event(item("AGREE", ((6, 12),)), []) is None


def test_type_right_accepts_the_current_or_the_legacy_type() -> None:
    blockade = record("COERCE", "191", 0, 5)
    assert type_right(item("ASSAULT", ()), blockade)
    assert type_right(item("COERCE", ()), blockade)
    assert not type_right(item("SANCTION", ()), blockade)
    assert not type_right(item("COERCE", ()), None)


@pytest.mark.parametrize(
    ("code", "group"),
    [("KEN", "KEN"), ("UNO", "IGO"), ("NGO", "IGO"), ("IGO", "IGO"), ("IMG", "IMG"), ("", None)],
)
def test_party_groups(code: str, group: str | None) -> None:
    assert party_group(code) == group


def test_reader_fixes_codes_and_makes_ids_unique(tmp_path: Path) -> None:
    one = {
        "id": "G-1",
        "event": "DISAPPROVE",
        "text": TEXT,
        "source": [{"actorText": "Kenya", "code": "JAP"}, {"actorText": "Muslims", "code": "ISM"}],
        "target": [{"actorText": "Uganda", "code": "NGO"}],
        "textInfo": {"markup": "Kenya (EVT: agreed) on Monday"},
    }
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps([{"id": "D", "event": "DOCUMENT"}, one, one]), encoding="utf-8")
    first, second = read_gold(path)
    assert (first.id, second.id) == ("G-1", "G-1#2")
    assert first.event_type == "ACCUSE"
    assert first.source_countries == frozenset({"JPN"})
    assert first.target_countries == frozenset({"IGO"})
    assert first.event_spans == ((6, 12),)


def test_reciprocal_parties_count_on_both_sides() -> None:
    from adapters.plover_gsr import predicted_sources

    ours = record(
        "CONSULT", "041", 0, 5, actor=[{"country": "USA"}], recipient=[{"country": "RUS"}]
    )
    two_way = GsrItem(
        "g",
        TEXT,
        "CONSULT",
        frozenset({"USA", "RUS"}),
        frozenset(),
        frozenset(),
        frozenset(),
        (),
        reciprocal=True,
    )
    assert predicted_sources(two_way, ours) == frozenset({"USA", "RUS"})
    one_way = GsrItem(
        "g", TEXT, "CONSULT", frozenset({"USA"}), frozenset(), frozenset(), frozenset(), ()
    )
    assert predicted_sources(one_way, ours) == frozenset({"USA"})
