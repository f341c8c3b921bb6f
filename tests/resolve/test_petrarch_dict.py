"""PETRARCH actor and agent dictionaries imported as user entries, and user dictionary files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from whimbrel.errors import DataFileError
from whimbrel.resolve.actors import ActorLexicon, resolve_actor_text
from whimbrel.resolve.petrarch_dict import (
    load_petrarch_actors,
    load_petrarch_agents,
    parse_petrarch_actors,
    parse_petrarch_agents,
)
from whimbrel.resolve.user_dict import UserEntry, load_user_dict, parse_user_dict

PETRARCH = "peers/UniversalPetrarch/"
ACTORS = "PETR_Validate_actors_2_02.txt"
AGENTS = "PETR_Validate_agents_2_02.txt"
CAMEO = {"GOV": "GOV", "MIL": "MIL", "REB": "REB", "COP": "COP", "LAB": "LAB", "MED": "JRN"}

# Made-up dictionaries in PETRARCH's format (names from nowhere in particular).
OUR_ACTORS = """\
<!-- a test dictionary
     spanning two lines -->
NORTHMARSH [NMR]
+NORTHMARSHI
+NORTH_MARSH_   # trailing underscore: whole word only
NORTHMARSH_ARMY [NMRMIL]

HARBOUR_FRONT   ; legacy comment style
\t[HBFREB <950101]
\t[HBFGOV 19950101 - 19991231]
\t[HBFGOV >20000101]

OLD_KINGDOM
\t[OKD <911226]
NOBODY [---]
"""

OUR_AGENTS = """\
!WORKER! = LABOURER, LABOURERS, HAND, HANDS
MARSH_WARDEN {} [~COP] # no plural
PORT_AUTHORITY [~GOV]
CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]
DOCK!WORKER! [~LAB]
RIGHTS_BODY [NGO~]
GLASSBLOWER [~GGB]   # unknown code: skipped
"""


def patterns(entries: list[UserEntry]) -> set[str]:
    return {e.pattern for e in entries}


def test_actor_blocks_synonyms_and_date_restrictions() -> None:
    entries = parse_petrarch_actors(OUR_ACTORS, cameo_agents=CAMEO)
    assert patterns(entries) == {
        "NORTHMARSH",
        "NORTHMARSHI",
        "NORTH MARSH",
        "NORTHMARSH ARMY",
        "HARBOUR FRONT",
        "OLD KINGDOM",
    }
    army = next(e for e in entries if e.pattern == "NORTHMARSH ARMY")
    assert (army.country, army.sector, army.ids) == ("NMR", "MIL", ("cameo:NMRMIL",))
    harbour = [
        (e.sector, e.valid_from, e.valid_to) for e in entries if e.pattern == "HARBOUR FRONT"
    ]
    assert harbour == [
        ("REB", None, dt.date(1995, 1, 1)),
        ("GOV", dt.date(1995, 1, 1), dt.date(1999, 12, 31)),
        ("GOV", dt.date(2000, 1, 1), None),
    ]
    old = next(e for e in entries if e.pattern == "OLD KINGDOM")
    assert (old.country, old.valid_to) == ("OKD", dt.date(1991, 12, 26))
    synonym = next(e for e in entries if e.pattern == "NORTHMARSHI")
    assert (synonym.country, synonym.name, synonym.source) == (
        "NMR",
        "Northmarsh",
        "petrarch-actors",
    )


def test_agents_plurals_substitutions_and_prefix_codes() -> None:
    entries = parse_petrarch_agents(OUR_AGENTS, cameo_agents=CAMEO)
    by_pattern = {e.pattern: (e.country, e.sector) for e in entries}
    assert by_pattern == {
        "MARSH WARDEN": (None, "COP"),
        "PORT AUTHORITY": (None, "GOV"),
        "PORT AUTHORITIES": (None, "GOV"),
        "CHIEF OF STAFF": (None, "MIL"),
        "CHIEFS OF STAFF": (None, "MIL"),
        "DOCKLABOURER": (None, "LAB"),
        "DOCKLABOURERS": (None, "LAB"),
        "DOCKHAND": (None, "LAB"),
        "DOCKHANDS": (None, "LAB"),
        "RIGHTS BODY": ("NGO", None),
        "RIGHTS BODIES": ("NGO", None),
    }


def test_imported_actors_resolve_with_their_dates() -> None:
    entries = parse_petrarch_actors(OUR_ACTORS, cameo_agents=CAMEO)
    entries += parse_petrarch_agents(OUR_AGENTS, cameo_agents=CAMEO)
    lexicon = ActorLexicon.default().with_user_entries(entries)

    def code(text: str, date: dt.date | None) -> tuple[str | None, str | None]:
        ref = resolve_actor_text(text, lexicon=lexicon, date=date)
        return ref.country, ref.sector

    assert code("Harbour Front", dt.date(1994, 6, 1)) == ("HBF", "REB")
    assert code("Harbour Front", dt.date(1997, 6, 1)) == ("HBF", "GOV")
    assert code("the Northmarshi marsh warden", None) == ("NMR", "COP")
    assert code("Northmarsh port authorities", None) == ("NMR", "GOV")


@pytest.mark.shared
def test_petrarch_validation_actor_dictionary(shared_path: Callable[[str], Path]) -> None:
    entries = load_petrarch_actors(shared_path(PETRARCH + ACTORS))
    assert len(entries) > 150
    hamas = next(e for e in entries if e.pattern == "HAMAS")
    assert (hamas.country, hamas.sector) == ("PSE", "REB")
    gollum = [(e.sector, e.valid_from, e.valid_to) for e in entries if e.pattern == "SMEAGOL"]
    assert gollum == [
        (None, None, dt.date(1995, 6, 1)),
        ("GOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15)),
        ("REB", dt.date(1999, 8, 16), None),
    ]
    assert {"U.N.", "UN", "SECURITY COUNCIL"} <= patterns(entries)
    assert "BOROMIR" not in patterns(entries)  # null code [---]
    lexicon = ActorLexicon.default().with_user_entries(entries)
    gondor = resolve_actor_text("the Gondor forces", lexicon=lexicon)
    assert (gondor.country, gondor.method) == ("GON", "user-dictionary")
    smeagol = resolve_actor_text("Smeagol", lexicon=lexicon, date=dt.date(1997, 1, 1))
    assert (smeagol.country, smeagol.sector) == ("HOB", "GOV")


@pytest.mark.shared
def test_petrarch_validation_agent_dictionary(shared_path: Callable[[str], Path]) -> None:
    entries = load_petrarch_agents(shared_path(PETRARCH + AGENTS))
    by_pattern = {e.pattern: (e.country, e.sector) for e in entries}
    assert by_pattern["POLICE"] == (None, "COP")
    assert "POLICES" not in by_pattern  # {} means no plural
    assert by_pattern["ATTORNEYS GENERAL"] == (None, "GOV")
    assert by_pattern["CONGRESSWOMEN"] == (None, "LEG")
    assert by_pattern["HUMAN RIGHTS BODY"] == ("NGO", None)
    assert by_pattern["MEDIA"] == (None, "JRN")  # CAMEO's MED is media


def test_user_dictionary_yaml_and_csv_agree() -> None:
    yaml_text = """\
entries:
- {pattern: Valley Defence League, country: PAK, sector: PRM, ids: [local:vdl],
   valid_from: 2019-01-01}
- {pattern: VDL, country: PAK, sector: PRM}
"""
    csv_text = (
        "pattern,country,sector,name,ids,valid_from,valid_to\n"
        "Valley Defence League,PAK,PRM,,local:vdl,2019-01-01,\n"
        "VDL,PAK,PRM,,,,\n"
    )
    from_yaml = parse_user_dict(yaml_text, fmt="yaml")
    assert from_yaml == parse_user_dict(csv_text, fmt="csv")
    assert from_yaml[0].valid_from == dt.date(2019, 1, 1)
    assert (from_yaml[0].exact, from_yaml[1].exact) == (False, True)


def test_user_dictionary_reports_every_bad_row() -> None:
    bad = (
        "pattern,country,sector,name,ids,valid_from,valid_to\n"
        "Somewhere,Narnia,GOV,,,,\n"
        "Someone,PAK,BOSS,,,,\n"
        "Sometime,PAK,GOV,,,2021-13-01,\n"
        "Nothing,,,,,,\n"
    )
    with pytest.raises(DataFileError) as error:
        parse_user_dict(bad, fmt="csv", origin="mine.csv")
    assert len(error.value.problems) == 4
    assert "'Narnia'" in str(error.value) and "'BOSS'" in str(error.value)


def test_load_user_dict_reads_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- {pattern: Harbour Front, country: HBF}\n", encoding="utf-8")
    assert load_user_dict(path) == [UserEntry(pattern="Harbour Front", country="HBF")]
    with pytest.raises(DataFileError):
        load_user_dict(tmp_path / "missing.csv")


def test_load_petrarch_files_from_disk(tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text(OUR_ACTORS, encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text(OUR_AGENTS, encoding="utf-8")
    assert patterns(load_petrarch_actors(actors)) >= {"NORTHMARSH", "HARBOUR FRONT"}
    assert "PORT AUTHORITIES" in patterns(load_petrarch_agents(agents))
