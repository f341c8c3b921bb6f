"""The CAMEO/PLOVER code table: its facts, its validator, and agreement with the crosswalk."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from whimbrel.errors import DataFileError
from whimbrel.lexicon import cameo
from whimbrel.lexicon.build import compile_source
from whimbrel.records import EventTypeInfo

CROSSWALK = Path("peers") / "PLOVER" / "CAMEO2PLOVER-2021.txt"

# Where cameo.yaml departs from the 2021 crosswalk on purpose; each line carries its reason.
TYPE_DEPARTURES = {"116": "SANCTION", "163": "SANCTION", "0831": "RETREAT", "08": "CONCEDE"}
MODE_DEPARTURES = {
    "0842",
    "085",
    "09",
    "105",
    "11",
    "116",
    "124",
    "1241",
    "1242",
    "132",
    "1321",
    "1322",
    "163",
    "1712",
    "1721",
    "1722",
    "175",
    "183",
    "185",
    "186",
    "195",
    "20",
    "200",
    "201",
    "202",
    "203",
    "0831",
}


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    return compile_source(cameo)


def test_shipped_table_is_versioned_and_complete(table: dict[str, Any]) -> None:
    assert table["version"] == "whimbrel-cameo-2026.11"
    roots = {code for code in table["codes"] if len(code) == 2}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(table["codes"]) >= 310
    assert set(table["types"]) == set(cameo.PLOVER_TYPES)
    assert {e["plover"] for e in table["codes"].values()} - {None} == set(cameo.PLOVER_TYPES)


@pytest.mark.parametrize(
    ("code", "plover", "mode", "quad", "intensity"),
    [
        ("042", "CONSULT", "visit", 1, 1.9),
        ("043", "CONSULT", "visit", 1, 2.8),
        ("041", "CONSULT", "phone", 1, 1.0),
        ("057", "SUPPORT", None, 1, 8.0),
        ("0841", "RETREAT", "release", 2, 7.0),
        ("0871", "RETREAT", "ceasefire", 2, 9.0),
        ("1053", "REQUEST", "yield", 3, -5.0),
        ("0233", "REQUEST", "assist", 3, 3.4),
        ("112", "ACCUSE", "disapprove", 3, -2.0),
        ("094", "ACCUSE", "investigate", 3, -2.0),
        ("1421", "PROTEST", "hunger", 4, -6.5),
        ("163", "SANCTION", "discontinue", 4, -8.0),
        ("173", "COERCE", "arrest", 4, -5.0),
        ("1723", "COERCE", "curfew", 4, -5.0),
        ("1831", "ASSAULT", "suicide-attack", 4, -10.0),
        ("195", "ASSAULT", "aerial", 4, -10.0),
        ("2041", "ASSAULT", "unconventional", 4, -10.0),
        ("010", None, None, 1, 0.0),
        ("018", None, None, 1, 3.4),
    ],
)
def test_code_facts(
    table: dict[str, Any],
    code: str,
    plover: str | None,
    mode: str | None,
    quad: int,
    intensity: float,
) -> None:
    entry = table["codes"][code]
    assert (entry["plover"], entry["mode"], entry["quad"], entry["intensity"]) == (
        plover,
        mode,
        quad,
        intensity,
    )


@pytest.mark.parametrize(
    ("name", "current"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("assault", "ASSAULT"),
        ("AGREE", "AGREE"),
    ],
)
def test_legacy_names_read_as_current_types(table: dict[str, Any], name: str, current: str) -> None:
    assert cameo.current_type(table, name) == current


def test_type_info(table: dict[str, Any]) -> None:
    assert cameo.type_info(table, "195", mode="drone") == EventTypeInfo(
        event_type="ASSAULT", mode="drone", cameo_code="195", quad_class=4, intensity=-10.0
    )
    visit = cameo.type_info(table, "042")
    assert visit is not None and visit.mode == "visit"
    assert cameo.type_info(table, "013") is None
    with pytest.raises(KeyError, match="'999'"):
        cameo.type_info(table, "999")


BROKEN = """
version: ""
types: {AGREE: 1, CONSULT: 7, FIGHT: 4}
modes: {AGREE: [], CONSULT: [visit, visit, "Phone"], DEMAND: [x]}
legacy: {FIGHT: BRAWL, AGREE: CONSULT}
extra: 1
codes:
  "04":   {label: "consult", plover: CONSULT, mode: null, quad: 1, intensity: 1.0}
  "042":  {label: "", plover: CONSULT, mode: hug, quad: 1, intensity: 1.9}
  "0431": {label: "orphan", plover: CONSULT, mode: null, quad: 1, intensity: 2.8}
  "045":  {label: "meet", plover: FIGHT, mode: null, quad: 5, intensity: 12}
  "046":  {label: "talk", plover: null, mode: visit, quad: 3, intensity: "high"}
  "047":  {label: "short", plover: CONSULT}
  "048":  {label: "extra", plover: CONSULT, mode: null, quad: 1, intensity: 1.0, colour: red}
  "2101": {label: "bad root", plover: null, mode: null, quad: 4, intensity: 0}
  041:    {label: "unquoted", plover: CONSULT, mode: phone, quad: 1, intensity: 1.0}
"""

EXPECTED_PROBLEMS = [
    "unknown top-level key 'extra'",
    "'version' must be a non-empty string",
    "'types' lacks PLOVER types",
    "quad of CONSULT must be an integer 1-4, got 7",
    "'types': 'FIGHT' is not one of the 16 PLOVER types",
    "'modes' lacks PLOVER types",
    "CONSULT has modes that are not lower-case words: ['Phone']",
    "CONSULT repeats ['visit']",
    "'modes': 'DEMAND' is not one of the 16 PLOVER types",
    "FIGHT maps to 'BRAWL', which is not a PLOVER type",
    "AGREE is a current PLOVER type, not a legacy name",
    "code 042: label must be a non-empty string",
    "code 042: mode 'hug' is not a mode of CONSULT",
    "code 0431: parent code '043' is missing",
    "code 045: plover 'FIGHT' is not one of the 16 types",
    "code 045: quad must be an integer 1-4, got 5",
    "code 045: intensity must be a number in [-10, 10], got 12",
    "code 046: mode 'visit' given but plover is null",
    "code 046: quad 3 differs from the CAMEO root's quad (1)",
    "code 046: intensity must be a number in [-10, 10], got 'high'",
    "code 047: missing fields ['mode', 'quad', 'intensity']",
    "code 048: unknown fields ['colour']",
    "code '2101' is not a 2-4 digit CAMEO code with root 01-20",
    "code 33 is not a string: quote CAMEO codes",
]


def test_broken_table_reports_every_problem(tmp_path: Path) -> None:
    (tmp_path / cameo.SOURCE).write_text(BROKEN, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        compile_source(cameo, sources_dir=tmp_path)
    report = "\n".join(caught.value.problems)
    missing = [p for p in EXPECTED_PROBLEMS if p not in report]
    assert not missing, f"not reported: {missing}\nreport:\n{report}"
    assert str(tmp_path / cameo.SOURCE) in str(caught.value)


def test_quad_must_match_the_plover_type() -> None:
    raw = yaml.safe_load(
        (Path(cameo.__file__).resolve().parents[3] / "data_sources" / cameo.SOURCE).read_text(
            encoding="utf-8"
        )
    )
    raw["codes"]["042"] = {**raw["codes"]["042"], "quad": 4}
    _, problems = cameo.compile(raw)
    assert problems == ["code 042: quad 4 differs from the quad of CONSULT (1)"]


def read_crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    """code -> (PLOVER type, mode or None) from the crosswalk text (later lines win)."""
    mapping = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([^#]*)", line)
        if match:
            fields = [f.strip() for f in match.group(2).split(",")]
            mode = fields[1] if len(fields) > 1 and fields[1] else None
            mapping[match.group(1)] = (fields[0], mode)
    return mapping


@pytest.mark.shared
def test_agrees_with_the_official_crosswalk_except_documented_departures(
    table: dict[str, Any],
    shared_dir: Path,
) -> None:
    if not (shared_dir / CROSSWALK).is_file():
        pytest.skip(f"{shared_dir / CROSSWALK} is absent")
    crosswalk = read_crosswalk(shared_dir / CROSSWALK)
    codes = table["codes"]
    assert set(crosswalk) <= set(codes)
    type_diffs = {
        c: codes[c]["plover"] for c, (t, _) in crosswalk.items() if codes[c]["plover"] != t
    }
    mode_diffs = {c for c, (_, m) in crosswalk.items() if codes[c]["mode"] != m}
    assert type_diffs == TYPE_DEPARTURES
    assert mode_diffs == MODE_DEPARTURES


# ---------------------------------------------------------------- future and conditional acts


def kind_of(table: dict[str, Any], code: str) -> EventTypeInfo:
    info = cameo.type_info(table, code)
    assert info is not None
    return info


@pytest.mark.parametrize(
    ("code", "modality", "expected"),
    [
        # PLOVER manual 3.1: future cooperation is AGREE, with CAMEO's intent code
        ("042", "planned", ("AGREE", "036", None)),
        ("045", "planned", ("AGREE", "039", None)),
        ("051", "hypothetical", ("AGREE", "032", None)),
        ("073", "planned", ("AGREE", "0333", None)),
        ("062", "planned", ("AGREE", "0312", None)),
        # 3.4.2: announced retreats are CONCEDE; a planned concession stays what it is
        ("0841", "planned", ("CONCEDE", "0353", None)),
        ("0874", "planned", ("CONCEDE", "0356", None)),
        ("081", "planned", ("CONCEDE", "081", None)),
        # 2.3: a planned or conditional conflict act is a threat
        ("1723", "planned", ("THREATEN", "1323", "restrict")),
        ("173", "hypothetical", ("THREATEN", "130", "arrest")),
        ("191", "planned", ("THREATEN", "1381", "restrict")),
        ("193", "planned", ("THREATEN", "1384", "violence")),
        ("143", "planned", ("THREATEN", "133", "relations")),
        # other types, and asserted or negated acts, are unchanged
        ("100", "planned", ("REQUEST", "100", None)),
        ("154", "planned", ("MOBILIZE", "154", "troops")),
        ("042", "asserted", ("CONSULT", "042", "visit")),
        ("193", "negated", ("ASSAULT", "193", "firearms")),
    ],
)
def test_future_reading(
    table: dict[str, Any], code: str, modality: str, expected: tuple[str, str, str | None]
) -> None:
    found = cameo.future_reading(table, kind_of(table, code), modality=modality)
    assert (found.event_type, found.cameo_code, found.mode) == expected
    assert found.quad_class == table["types"][found.event_type]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # PLOVER manual 3.10: refusing to meet, help, cooperate or yield is REJECT
        ("042", ("REJECT", "125", "meet")),
        ("070", ("REJECT", "122", "assist")),
        ("062", ("REJECT", "1212", "assist")),
        ("0813", ("REJECT", "1241", "yield")),
        ("0831", ("REJECT", "1231", "change")),
        # not attacking or not demanding is no rejection
        ("190", None),
        ("100", None),
    ],
)
def test_refusal_reading(
    table: dict[str, Any], code: str, expected: tuple[str, str, str] | None
) -> None:
    found = cameo.refusal_reading(table, kind_of(table, code))
    assert (found and (found.event_type, found.cameo_code, found.mode)) == expected


def test_refusal_rules_are_checked() -> None:
    raw = yaml.safe_load(
        (Path(cameo.__file__).resolve().parents[3] / "data_sources" / cameo.SOURCE).read_text(
            encoding="utf-8"
        )
    )
    raw["refusal"] = {"04": {"plover": "REJECT", "cameo": "1299"}}
    _, problems = cameo.compile(raw)
    assert "refusal '04': cameo '1299' is not a code of the table" in "\n".join(problems)


def test_future_rules_are_checked() -> None:
    raw = yaml.safe_load(
        (Path(cameo.__file__).resolve().parents[3] / "data_sources" / cameo.SOURCE).read_text(
            encoding="utf-8"
        )
    )
    raw["future"] = {
        "04": {"plover": "PROMISE", "cameo": "036"},
        "999": {"plover": "AGREE", "cameo": "036"},
        "07": {"plover": "AGREE", "cameo": "0399"},
        "13": {"plover": "THREATEN", "cameo": "130", "mode": "visit"},
        "14": "THREATEN",
    }
    _, problems = cameo.compile(raw)
    report = "\n".join(problems)
    for expected in (
        "future '04': plover 'PROMISE' is not one of the 16 PLOVER types",
        "future '999': the prefix must be a quoted CAMEO code of the table",
        "future '07': cameo '0399' is not a code of the table",
        "future '13': mode 'visit' is not a mode of THREATEN",
        "future '14': must be a mapping",
    ):
        assert expected in report, report
