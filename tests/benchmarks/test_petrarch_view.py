"""How our PLOVER records are put into PETRARCH's shape before CAMEO-triple scoring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adapters.petrarch_records import petrarch_view, read_records, triples_of

EXPORTED = ("asserted", "planned")


def event(
    code: str, event_type: str, actors: list[Any], recipients: list[Any], modality: str = "asserted"
) -> dict[str, Any]:
    return {
        "story_id": "s",
        "event_type": event_type,
        "cameo_code": code,
        "modality": modality,
        "actor": [{"country": c} for c in actors],
        "recipient": [{"country": c} for c in recipients],
    }


def test_only_exported_modalities_count() -> None:
    records = [
        event("190", "ASSAULT", ["ISR"], ["PSE"], "negated"),
        event("190", "ASSAULT", ["ISR"], ["LBN"], "hypothetical"),
        event("042", "CONSULT", ["AFG"], ["PAK"], "planned"),
    ]
    assert triples_of(petrarch_view(records, modalities=EXPORTED)) == {("04", "AFG", "PAK")}


def test_international_bodies_become_igo() -> None:
    records = [event("057", "COOPERATE", ["UKR"], ["EUR"]), event("080", "RETREAT", ["UNO"], [])]
    assert triples_of(petrarch_view(records, modalities=EXPORTED)) == {
        ("05", "UKR", "IGO"),
        ("08", "IGO", None),
    }


def test_joint_actors_of_a_mutual_event_pair_up() -> None:
    records = [event("050", "SUPPORT", ["QAT", "EGY", None], [])]
    assert triples_of(petrarch_view(records, modalities=EXPORTED)) == {
        ("05", "QAT", "EGY"),
        ("05", "EGY", "QAT"),
    }


def test_joint_actors_of_a_one_way_event_stay_one_sided() -> None:
    records = [event("141", "PROTEST", ["USA", "GBR"], [])]
    assert triples_of(petrarch_view(records, modalities=EXPORTED)) == {
        ("14", "USA", None),
        ("14", "GBR", None),
    }


def test_mirrored_roots_add_the_other_direction() -> None:
    records = [event("042", "CONSULT", ["NMR"], ["SFN"]), event("111", "ACCUSE", ["A"], ["B"])]
    view = petrarch_view(records, modalities=EXPORTED, mirrored_roots=("04",))
    assert triples_of(view) == {("04", "NMR", "SFN"), ("04", "SFN", "NMR"), ("11", "A", "B")}


def test_an_unresolved_party_beside_a_resolved_one_adds_no_none_triple() -> None:
    records = [event("051", "SUPPORT", [None, "NMR"], ["SFN", None])]
    assert triples_of(records) == {("05", "NMR", "SFN")}


def test_a_record_id_used_twice_gets_a_suffix(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(
        '<Sentence category="DEMO" date="20010203" id="D-1" evaluate="true">\n'
        '<EventCoding eventcode="190" sourcecode="NMR" targetcode="SFN" />\n'
        "<Text>Northmarsh attacked Southfen.</Text></Sentence>\n"
        '<Sentence category="DEMO" date="20010203" id="D-1" evaluate="true">\n'
        '<EventCoding noevents="True" />\n'
        "<Text>Northmarsh did not attack Southfen.</Text></Sentence>\n",
        encoding="utf-8",
    )
    assert [r.id for r in read_records(path)] == ["D-1", "D-1#2"]


def test_mirroring_follows_the_pairs_and_skips_one_sided_events() -> None:
    records = [event("040", "CONSULT", ["NMR", "SFN"], []), event("042", "CONSULT", ["HBF"], [])]
    view = petrarch_view(records, modalities=EXPORTED, mirrored_roots=("04",))
    assert triples_of(view) == {("04", "NMR", "SFN"), ("04", "SFN", "NMR"), ("04", "HBF", None)}
