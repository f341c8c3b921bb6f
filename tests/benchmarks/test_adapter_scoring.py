"""How the adapters score our PLOVER-JSONL records against gold (no pipeline, no ../shared)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import run_eval
from adapters import event_location, geoparsing, isaf, muc4
from adapters.common import SetResult, by_trigger, first_of_types
from adapters.petrarch_records import as_root_records, triples_of
from adapters.plover_gsr import predicted_countries, predicted_sectors
from adapters.timex import GoldTimex, TimexOutcome
from whimbrel.records import PlaceRef


def record(event_type: str, trigger_start: int, **fields: Any) -> dict[str, Any]:
    return {
        "story_id": "s",
        "event_type": event_type,
        "spans": {"trigger": [trigger_start, trigger_start + 5]},
        **fields,
    }


def test_records_sort_by_trigger_and_first_of_types_follows_text_order() -> None:
    records = [record("ASSAULT", 40), record("CONSULT", 3), record("COERCE", 20)]
    assert [r["event_type"] for r in by_trigger(records)] == ["CONSULT", "COERCE", "ASSAULT"]
    assert first_of_types(records, ("ASSAULT", "COERCE"))["event_type"] == "COERCE"
    assert first_of_types(records, ("AID",)) is None


def test_plover_predicted_roles_group_organisations() -> None:
    ours = record(
        "AGREE", 0, actor=[{"country": "UNO", "sector": "gov"}, {"country": "KEN", "sector": None}]
    )
    assert predicted_countries(ours, "actor") == frozenset({"IGO", "KEN"})
    assert predicted_sectors(ours, "actor") == frozenset({"GOV"})
    assert predicted_countries(None, "recipient") == frozenset()


def test_petrarch_triples_use_cameo_roots_and_three_letter_countries() -> None:
    ours = [
        {
            "cameo_code": "0431",
            "actor": [{"country": "ARNGOV"}],
            "recipient": [{"country": "GON"}, {"country": "DAG"}],
        },
        {"cameo_code": "190", "actor": [], "recipient": []},
    ]
    assert triples_of(ours) == {("04", "ARN", "GON"), ("04", "ARN", "DAG"), ("19", None, None)}
    assert [r["event_type"] for r in as_root_records(ours)] == ["04", "19"]


def isaf_release(**changes: Any) -> isaf.Release:
    base = dict(
        id="isaf-001",
        release_id=None,
        text="",
        date=dt.date(2012, 5, 6),
        event_date=dt.date(2012, 5, 5),
        event_types=frozenset({"detention"}),
        provinces=frozenset({"khost"}),
    )
    return isaf.Release(**{**base, **changes})


def test_isaf_scores_the_first_violent_event() -> None:
    records = [
        record("CONSULT", 0, date="2012-05-06", location={"admin1": "Kabul"}),
        record("COERCE", 30, date="2012-05-05", location={"admin1": "Khowst"}),
        record("ASSAULT", 60, date="2012-05-04"),
    ]
    coded = isaf.coded(isaf_release(), records)
    assert (coded.event_type, coded.event_date, coded.province) == (
        "COERCE",
        dt.date(2012, 5, 5),
        "khost",
    )
    assert coded.type_right and coded.date_right and coded.province_right


def test_isaf_falls_back_to_the_release_date_and_a_located_event() -> None:
    coded = isaf.coded(
        isaf_release(event_types=frozenset({"airstrike"})),
        [record("CONSULT", 0, location={"admin1": "Logar"})],
    )
    assert (coded.event_type, coded.event_date, coded.province) == (
        None,
        dt.date(2012, 5, 6),
        "logar",
    )
    assert not (coded.type_right or coded.date_right or coded.province_right)


def test_isaf_detention_must_be_coerce() -> None:
    coded = isaf.coded(isaf_release(), [record("ASSAULT", 0, date="2012-05-05")])
    assert not coded.type_right
    airstrike = isaf.coded(
        isaf_release(event_types=frozenset({"airstrike"})),
        [record("ASSAULT", 0, date="2012-05-05")],
    )
    assert airstrike.type_right


MUC_TEMPLATE = muc4.Template(
    doc_id="D1",
    incident="BOMBING",
    dates=((dt.date(1989, 3, 11), dt.date(1989, 3, 11)),),
    countries=frozenset({"PER"}),
    perp_orgs=(("SHINING PATH", "SENDERO"), ("RED CELL",)),
)


def test_muc_outcome_scores_date_country_and_organisations() -> None:
    doc = muc4.MucDoc("D1", dt.date(1989, 3, 12), "text")
    records = [
        record(
            "ASSAULT",
            10,
            date="1989-03-11",
            location={"country": "PER"},
            actor=[{"text": "Shining Path guerrillas"}],
        )
    ]
    result = muc4.outcome(doc, [MUC_TEMPLATE], records)
    assert result.found and result.date_right() and result.country_right
    assert result.org_hits() == [True, False]


def test_muc_outcome_without_an_event_uses_the_dateline() -> None:
    doc = muc4.MucDoc("D1", dt.date(1989, 3, 12), "text")
    result = muc4.outcome(doc, [MUC_TEMPLATE], [record("CONSULT", 0)])
    assert not result.found
    assert not result.date_right()
    assert result.date_right(tolerance_days=1)
    assert not result.country_right


@pytest.mark.parametrize(
    ("gold", "found", "right"),
    [
        (((10, 14),), ((8, 14),), True),
        (((10, 14),), ((20, 25),), False),
        ((), (), True),
        ((), ((1, 3),), False),
        (((10, 14),), (), False),
    ],
)
def test_event_location_overlap(gold: tuple, found: tuple, right: bool) -> None:
    case = event_location.LocationCase("x", "text", (0, 4), gold)
    assert event_location.Located(case, found).right is right


def test_geoparsing_unresolved_counts_as_the_largest_error() -> None:
    toponym = geoparsing.Toponym("Oslo", 59.91, 10.75)
    assert geoparsing._geocoded("a", toponym, None).error_km == geoparsing.MAX_ERROR_KM
    place = PlaceRef(
        text="Oslo",
        name="Oslo",
        geonameid=3143244,
        lat=59.95,
        lon=10.75,
        country="NOR",
        resolution=4,
        method="gazetteer",
    )
    near = geoparsing._geocoded("a", toponym, place)
    assert near.error_km < 5
    result = geoparsing._result(
        "geo_x", [near, geoparsing._geocoded("a", toponym, None)], seconds=0.0
    )
    assert result.metrics["acc_161km"] == 0.5 and result.metrics["resolved"] == 0.5


@pytest.mark.parametrize(
    ("kind", "gold", "ours", "date_part", "strict"),
    [
        ("DATE", "2013-03-21", "2013-03-21", True, True),
        ("TIME", "2013-03-21TEV", "2013-03-21", True, False),
        ("DATE", "2013-W11", "2013-03-11", False, False),
    ],
)
def test_timex_outcome(kind: str, gold: str, ours: str, date_part: bool, strict: bool) -> None:
    outcome = TimexOutcome("d", GoldTimex(kind, gold, "x", 0, 1), ours, None)
    assert (outcome.date_part, outcome.strict) == (date_part, strict)


def test_run_eval_table_and_json() -> None:
    result = SetResult("demo", {"acc": 0.5, "f1": None}, 4, peer="P 0.7")
    assert result.to_json() == {"acc": 0.5, "f1": None, "n": 4}
    table = run_eval.table([result, SetResult("broken", {}, 0), SetResult("x", {}, 3, rejected=2)])
    assert "| demo | acc 0.500 · f1 – | 4 | P 0.7 |" in table
    assert "| broken | FAILED (see report) | 0 | – |" in table
    assert "| 3 (2 rejected) |" in table


def test_run_eval_selects_adapters_and_rows() -> None:
    chosen = run_eval.selected_adapters("tempeval,muc4_tst3")
    assert [(m.__name__, rows) for m, rows in chosen] == [
        ("adapters.tempeval", None),
        ("adapters.muc4", {"muc4_tst3"}),
    ]
    with pytest.raises(SystemExit, match="unknown set"):
        run_eval.selected_adapters("nonesuch")


def test_run_eval_without_a_shared_folder_exits_2(tmp_path: Path) -> None:
    assert run_eval.main(["--shared", str(tmp_path / "absent"), "--out", str(tmp_path)]) == 2


def test_run_eval_reports_a_set_whose_gold_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results"
    assert (
        run_eval.main(["--shared", str(tmp_path), "--sets", "plover_gsr", "--out", str(out)]) == 1
    )
    assert "| plover_gsr | FAILED (see report) | 0 |" in capsys.readouterr().out
    assert "gold file not found" in (out / "plover_gsr.md").read_text(encoding="utf-8")
    assert json.loads((out / "latest.json").read_text(encoding="utf-8")) == {}
