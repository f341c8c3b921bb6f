"""The actor lexicons: shipped data is valid and current; validators list every problem."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from whimbrel.lexicon import countries, organisations, people, sectors
from whimbrel.lexicon.actor_forms import english_plural, fold, is_exact_form
from whimbrel.lexicon.build import DATA_DIR, compile_source, compiled_text

REPO = Path(__file__).resolve().parents[2]
ACTOR_VALIDATORS = (countries, organisations, people, sectors)


@pytest.mark.parametrize("module", ACTOR_VALIDATORS, ids=lambda m: m.SOURCE)
def test_shipped_json_matches_a_fresh_build(module: ModuleType) -> None:
    name = module.__name__.rsplit(".", 1)[1]
    shipped = (DATA_DIR / f"{name}.json").read_text(encoding="utf-8")
    assert shipped == compiled_text(compile_source(module)), (
        f"data/{name}.json is stale: run `python -m whimbrel.lexicon`"
    )


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [
        ("minister", "ministers"),
        ("policeman", "policemen"),
        ("authority", "authorities"),
        ("foreign ministry", "foreign ministries"),
        ("envoy", "envoys"),
        ("PM", "PMs"),
        ("Swiss", None),
        ("Chinese", None),
        ("troops", None),
    ],
)
def test_english_plural(phrase: str, plural: str | None) -> None:
    assert english_plural(phrase) == plural


@pytest.mark.parametrize(
    ("text", "exact"),
    [("US", True), ("U.S.", True), ("ISI", True), ("Pak", False), ("Kabul", False)],
)
def test_capitals_match_only_as_written(text: str, exact: bool) -> None:
    assert is_exact_form(text) is exact


def test_fold_ignores_case_accents_and_curly_quotes() -> None:
    assert fold("BOGOTÁ") == fold("Bogota")
    assert fold("Pakistan’s") == fold("pakistan's")


def test_countries_cover_every_iso_state_and_kosovo() -> None:
    compiled, problems = countries.compile(
        {
            "countries": {
                "AFG": {
                    "name": "Afghanistan",
                    "names": ["Afghanistan"],
                    "demonyms": ["Afghan"],
                    "capitals": ["Kabul"],
                    "groups": ["Hazara"],
                },
                "XKX": {"name": "Kosovo", "capitals": ["Pristina"]},
            }
        }
    )
    assert problems == []
    texts = {(f["text"], f["kind"]) for f in compiled["forms"]}  # type: ignore[index]
    assert {("Afghans", "demonym"), ("Hazaras", "group"), ("Pristina", "capital")} <= texts
    shipped = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    assert {"AFG", "PAK", "USA", "XKX", "PSE", "TWN"} <= set(shipped["countries"])


def test_dependencies_fold_into_their_state() -> None:
    compiled, problems = countries.compile(
        {
            "countries": {
                "GBR": {"name": "United Kingdom"},
                "FLK": {
                    "name": "Falkland Islands",
                    "names": ["Falklands"],
                    "capitals": ["Port Stanley"],
                    "part_of": "GBR",
                },
            }
        }
    )
    assert problems == []
    forms = {f["text"]: (f["country"], f["kind"]) for f in compiled["forms"]}  # type: ignore[index]
    assert forms == {"Falklands": ("GBR", "name"), "Port Stanley": ("GBR", "place")}


def test_countries_validator_lists_every_problem() -> None:
    _, problems = countries.compile(
        {
            "countries": {
                "afg": {"name": "Afghanistan"},
                "PAK": {"names": "Pakistan", "flag": "green"},
                "IND": {"name": "India", "part_of": "XXX"},
                "BGD": {"name": "Bangladesh", "capitals": ["Dhaka"]},
                "NPL": {"name": "Nepal", "places": ["Dhaka"]},
            }
        }
    )
    joined = "\n".join(problems)
    for fragment in ("'afg'", "PAK: 'name'", "PAK.names", "['flag']", "IND.part_of"):
        assert fragment in joined
    _, problems = countries.compile(
        {
            "countries": {
                "BGD": {"name": "Bangladesh", "capitals": ["Dhaka"]},
                "NPL": {"name": "Nepal", "places": ["Dhaka"]},
            }
        }
    )
    assert problems == [
        "form 'dhaka' is claimed by several countries ['BGD', 'NPL']: keep it "
        "in one and list it under the others' `drop`"
    ]


def test_sectors_validator_lists_every_problem() -> None:
    raw = {
        "codes": {"GOV": "government"},
        "roles": {"GOV": ["minister"], "BOSS": ["boss"]},
        "weak_sectors": [],
        "weak": {"minister": "GOV", "chief": "CHF"},
        "modifiers": {"former": "ELI"},
        "qualifiers": ["interim"],
        "function_words": ["the"],
        "locative": ["in"],
        "relational": ["to"],
        "cameo_agents": {"GOV": "GOV", "XYZ": "NOPE"},
    }
    _, problems = sectors.compile(raw)
    joined = "\n".join(problems)
    assert "roles.BOSS" in joined and "weak.chief" in joined and "cameo_agents.XYZ" in joined
    assert "'minister' is listed twice" in joined


def test_sectors_word_lists_are_optional_folded_and_checked() -> None:
    raw = {
        "codes": {"GOV": "government"},
        "roles": {"GOV": ["minister"]},
        "weak_sectors": [],
        "weak": {},
        "modifiers": {},
        "qualifiers": [],
        "function_words": [],
        "locative": [],
        "relational": [],
        "cameo_agents": {},
    }
    compiled, problems = sectors.compile(raw)
    assert problems == [] and compiled["international_words"] == []  # type: ignore[index]
    compiled, problems = sectors.compile({**raw, "international_words": ["World", "Global"]})
    assert compiled["international_words"] == ["world", "global"]  # type: ignore[index]
    _, problems = sectors.compile({**raw, "body_words": "forum"})
    assert problems == ["body_words: must be a list of words, got 'forum'"]
    aliases = {"top minister": "minister", "chief": "minister", "minister": "prime minister"}
    compiled, problems = sectors.compile(
        {**raw, "roles": {"GOV": ["minister", "top minister"]}, "title_aliases": aliases}
    )
    assert compiled["title_aliases"]["top minister"] == "minister"  # type: ignore[index]
    assert problems == [
        "title_aliases.chief: 'chief' is not a title in roles or weak; add it there or fix the "
        "spelling",
        "title_aliases.minister: 'prime minister' is not a title in roles or weak; add it there "
        "or fix the spelling",
    ]


def test_ruling_families_are_their_own_kind() -> None:
    raw = {"countries": {"QAT": {"name": "Qatar", "families": ["Al Thani"], "groups": ["Qatari"]}}}
    compiled, problems = countries.compile(raw)
    assert problems == []
    kinds = {(f["text"], f["kind"]) for f in compiled["forms"]}  # type: ignore[index]
    assert ("Al Thani", "family") in kinds


def test_shipped_sectors_make_plurals_and_keep_exact_forms() -> None:
    compiled = json.loads((DATA_DIR / "sectors.json").read_text(encoding="utf-8"))
    phrases = {p["text"]: p for p in compiled["phrases"]}
    assert phrases["foreign ministers"]["sector"] == "GOV"
    assert phrases["MPs"] == {"text": "MPs", "sector": "LEG", "tier": "role", "exact": True}
    assert phrases["former"]["tier"] == "modifier"


def test_organisations_validator_lists_every_problem() -> None:
    raw = {
        "organisations": [
            {"name": "Northern Guard", "country": "NORTH", "sector": "BOSS", "kind": "club"},
            {
                "name": "Lake Front",
                "country": "AFG",
                "sector": "REB",
                "kind": "armed-group",
                "periods": [{"from": "2020-01-01", "to": "2019-01-01", "sector": "GOV"}],
            },
            {
                "name": "Hill Front",
                "country": "AFG",
                "sector": "REB",
                "kind": "armed-group",
                "periods": [
                    {"from": "2020-01-01", "sector": "GOV"},
                    {"from": "2021-01-01", "sector": "REB"},
                ],
            },
            {
                "name": "Valley Front",
                "aliases": ["VF"],
                "country": "AFG",
                "sector": "REB",
                "kind": "armed-group",
            },
            {
                "name": "Valley Federation",
                "aliases": ["VF"],
                "country": "AFG",
                "sector": "SOC",
                "kind": "ngo",
            },
        ]
    }
    _, problems = organisations.compile(raw)
    joined = "\n".join(problems)
    for fragment in (
        "'NORTH'",
        "'BOSS'",
        "'club'",
        "bad dates",
        "periods overlap",
        "alias 'VF' (AFG)",
    ):
        assert fragment in joined


def test_people_validator_rejects_a_shared_name() -> None:
    raw = {
        "people": [
            {"name": "Ana Field", "aliases": ["Field"], "country": "CHL", "sector": "GOV"},
            {"name": "Bo Field", "aliases": ["Field"], "country": "CHL", "sector": "LEG"},
        ]
    }
    _, problems = people.compile(raw)
    assert problems == ["name 'Field' belongs to both 'Ana Field' and 'Bo Field': drop it from one"]


def test_taliban_periods_are_compiled() -> None:
    compiled = json.loads((DATA_DIR / "organisations.json").read_text(encoding="utf-8"))
    taliban = next(o for o in compiled["organisations"] if o["name"] == "Taliban")
    assert (taliban["country"], taliban["sector"]) == ("AFG", "REB")
    assert {"from": "2021-08-15", "to": None, "country": "AFG", "sector": "GOV"} in taliban[
        "periods"
    ]


def _make_countries_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_countries", REPO / "scripts" / "make_countries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_countries_keeps_hand_edits_and_honours_drop() -> None:
    script = _make_countries_script()
    old = {"name": "Pakistan", "names": ["Pak"], "places": ["Lahore"], "drop": ["Pakistán"]}
    new = {
        "name": "Pakistan",
        "names": ["Pakistan", "Pakistán", "pak"],
        "demonyms": ["Pakistani"],
        "capitals": ["Islamabad"],
    }
    merged = script.merge_entry(old, new)
    assert merged["names"] == ["Pak", "Pakistan"]
    assert merged["places"] == ["Lahore"] and merged["capitals"] == ["Islamabad"]
    assert merged["drop"] == ["Pakistán"]


def test_dated_country_forms_compile_with_their_period() -> None:
    compiled, problems = countries.compile(
        {
            "countries": {
                "COD": {
                    "name": "DR Congo",
                    "names": ["Zaire"],
                    "dated": [{"text": "Congo", "kind": "name", "from": "1997-05-17"}],
                },
                "COG": {
                    "name": "Congo",
                    "dated": [{"text": "Congolese", "kind": "demonym", "to": "1997-05-16"}],
                },
            }
        }
    )
    assert problems == []  # two countries may share a dated form: the date chooses
    forms = {(f["text"], f["country"]): f for f in compiled["forms"]}  # type: ignore[index]
    assert forms[("Congo", "COD")]["from"] == "1997-05-17"
    assert forms[("Congolese", "COG")]["to"] == "1997-05-16"
    assert forms[("Congolese", "COG")]["kind"] == "demonym"


def test_dated_country_forms_are_checked() -> None:
    _, problems = countries.compile(
        {
            "countries": {
                "COD": {
                    "name": "DR Congo",
                    "dated": [{"text": "Congo", "kind": "group"}, "Kinshasa"],
                }
            }
        }
    )
    assert any("kind 'group'" in p for p in problems)
    assert any("needs 'from' and/or 'to'" in p for p in problems)
    assert any("'Kinshasa'" in p for p in problems)


def test_a_people_of_several_states_is_no_collision() -> None:
    _, problems = countries.compile(
        {
            "countries": {
                "IRQ": {"name": "Iraq", "groups": ["Kurd"]},
                "TUR": {"name": "Turkey", "groups": ["Kurd"]},
            }
        }
    )
    assert problems == []
