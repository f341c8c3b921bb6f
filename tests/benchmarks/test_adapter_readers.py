"""Gold-file readers of the evaluation adapters, on small files we write here (no ../shared)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from adapters import event_location, geoparsing, isaf, meantime, muc4, ngec_actors, tempeval
from adapters.common import country_group
from adapters.petrarch_records import code_country, read_records, scored_records
from adapters.plover_gsr import read_gold
from whimbrel.errors import GoldError


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("FRA", "FRA"),
        ("usagov", "USA"),
        ("UNO", "IGO"),
        ("NAT", "IGO"),
        ("NGO", "NGO"),
        ("IMG", "IMG"),
        ("", None),
        (None, None),
    ],
)
def test_country_group(code: str | None, expected: str | None) -> None:
    assert country_group(code) == expected


def test_plover_gsr_reader_renames_old_types_and_normalises_codes(tmp_path: Path) -> None:
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        {
            "id": "G-1",
            "event": "DEMAND",
            "text": "Kenyan lawmakers asked Oslo for grain.",
            "source": [{"actorText": "Kenyan lawmakers", "code": "KEN", "sector": "LEGkik"}],
            "target": "",
        },
        {
            "id": "G-2",
            "event": "FIGHT",
            "text": "Blue helmets clashed with rebels near Goma.",
            "source": [
                {"actorText": "Blue helmets", "code": "IGO", "sector": "MIL"},
                {"actorText": "Rome", "code": "ITL", "sector": "***"},
            ],
            "target": [{"actorText": "rebels", "code": "COD", "sector": "REB"}],
        },
    ]
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(records), encoding="utf-8")
    first, second = read_gold(path)
    assert (first.event_type, first.source_countries, first.target_countries) == (
        "REQUEST",
        frozenset({"KEN"}),
        frozenset(),
    )
    assert first.source_sectors == frozenset({"LEG"})
    assert second.event_type == "ASSAULT"
    assert second.source_countries == frozenset({"IGO", "ITA"})
    assert second.source_sectors == frozenset({"MIL"})
    assert second.gold_record()["recipient"] == [{"country": "COD"}]


VALIDATION_FILE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- A header comment that mentions <Sentence id="NOT-A-RECORD"> and <!-- nested --> text.
-->
<Environment><Include>DEMO AFP ERROR</Include></Environment>
<Sentences>
<Sentence category="DEMO" date="20010203" id="T-1" evaluate="true">
<!-- plain record -->
<EventCoding eventcode="042" sourcecode="ARNGOV" targetcode="GON" />
<EventCoding eventcode="043" sourcecode="GON" targetcode="---GOV" />
<Text>
Arnor's envoy travelled to Gondor &amp; back
on Tuesday.
</Text>
</Sentence>
<Sentence category="AFP" date="121108" id="T-2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened in Bree.</Text>
</Sentence>
<Sentence category="ERROR" date="20010203" id="T-3" evaluate="true">
<EventCoding error="storydiscard" />
<Text>A football match ended.</Text>
</Sentence>
<Sentence category="DEMO" date="20010203" id="T-4" evaluate="false">
<EventCoding eventcode="190" sourcecode="&quot;THE DARK LORD&quot;" targetcode="GON" />
<Text>The dark lord attacked Gondor.</Text>
</Sentence>
<Sentence category="PARSING" date="20010203" id="T-5" evaluate="true">
<EventCoding eventcode="010" sourcecode="GON" targetcode="ARN" />
<Text>Gondor said something to Arnor.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_reader_tolerates_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(VALIDATION_FILE, encoding="utf-8")
    records = read_records(path)
    assert [r.id for r in records] == ["T-1", "T-2", "T-3", "T-4", "T-5"]
    assert not records[4].included
    first = records[0]
    assert first.text == "Arnor's envoy travelled to Gondor & back on Tuesday."
    assert first.date == dt.date(2001, 2, 3)
    assert [(c.root, c.source_country, c.target_country) for c in first.codings] == [
        ("04", "ARN", "GON"),
        ("04", "GON", None),
    ]
    assert first.one_sided
    assert records[1].no_events and records[1].date == dt.date(2012, 11, 8)
    assert records[1].gold_records() == [{"story_id": "T-2", "event_type": None}]
    assert records[2].error == "storydiscard"
    assert records[3].codings[0].source_country is None
    assert [r.id for r in scored_records(records)] == ["T-1", "T-2"]


@pytest.mark.parametrize(
    ("code", "country"),
    [("USAGOV", "USA"), ("---LEG", None), ("+++", None), ('"NEW ACTOR"', None), ("", None)],
)
def test_petrarch_code_country(code: str, country: str | None) -> None:
    assert code_country(code) == country


def test_petrarch_bad_date_is_a_gold_error(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(
        '<Sentence id="X" date="yesterday"><Text>Hi.</Text></Sentence>', encoding="utf-8"
    )
    with pytest.raises(GoldError, match="'yesterday' is not YYYYMMDD"):
        read_records(path)


def test_ngec_reader_keeps_collected_agent_to_code_cases(tmp_path: Path) -> None:
    def case(test: str, args: list[str], expected: list[dict], **extra: object) -> str:
        row = {
            "test": test,
            "method": "agent_to_code",
            "args": args,
            "kwargs": {},
            "expected": expected,
            "marks": [],
            **extra,
        }
        return json.dumps(row)

    lines = [
        case(
            "t1",
            ["Ugandan police", "", "today"],
            [
                {"value": "UGA", "op": "Eq", "field": "country"},
                {"value": ["COP", "GOV"], "op": "In", "field": "code_1"},
            ],
        ),
        case(
            "t2",
            ["Ama Owusu"],
            [{"value": None, "op": "Is", "field": "result"}],
            kwargs={"query_date": "3 February 2023"},
        ),
        case(
            "t3",
            ["the alliance's chief"],
            [
                {"value": "X", "op": "Eq", "field": "wiki"},
                {"value": "IGO", "op": "Eq", "field": "country"},
            ],
            kwargs={"query_date": "2021-05-01"},
        ),
        case("t4", ["skipped"], [], marks=["skip"]),
        json.dumps(
            {
                "test": "t5",
                "method": "query_wiki",
                "args": ["x"],
                "kwargs": {},
                "expected": [],
                "marks": [],
            }
        ),
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second, third = ngec_actors.read_cases(path)
    assert (first.country, first.sectors, first.date, first.needs_wiki) == (
        "UGA",
        frozenset({"COP", "GOV"}),
        None,
        False,
    )
    assert (second.country, second.expects_country, second.date) == (
        None,
        True,
        dt.date(2023, 2, 3),
    )
    assert (third.country, third.needs_wiki, third.date) == ("IGO", True, dt.date(2021, 5, 1))


TIMEML = """<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-06-10" functionInDocument="CREATION_TIME">
June 10, 2015</TIMEX3></DCT>
<TEXT>Officials met <TIMEX3 tid="t1" type="DATE" value="2015-06-09">yesterday</TIMEX3> for
<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> and will meet
<TIMEX3 tid="t3" type="TIME" value="2015-06-12TEV">Friday evening</TIMEX3>.</TEXT>
</TimeML>
"""


def test_timeml_reader_offsets_point_into_the_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    doc = tempeval.read_tml(path)
    assert doc.dct == dt.date(2015, 6, 10)
    assert [(t.kind, t.value, t.text) for t in doc.timexes] == [
        ("DATE", "2015-06-09", "yesterday"),
        ("TIME", "2015-06-12TEV", "Friday evening"),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def _cat(dct_value: str) -> str:
    words = [
        ("Talks", 0),
        ("resume", 0),
        ("May", 1),
        ("2", 1),
        ("Talks", 2),
        ("ended", 2),
        ("on", 2),
        ("Monday", 2),
    ]
    tokens = "".join(
        f'<token sentence="{s}" t_id="{i}">{w}</token>\n' for i, (w, s) in enumerate(words, 1)
    )
    return (
        f'<Document doc_id="1">\n{tokens}<Markables>\n'
        f'<TIMEX3 m_id="1" type="DATE" value="{dct_value}" '
        'functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/>'
        '</TIMEX3>\n<TIMEX3 m_id="2" type="DATE" value="2011-04-25" functionInDocument="NONE">'
        '<token_anchor t_id="8"/></TIMEX3>\n<TIMEX3 m_id="3" type="DATE" value="X" '
        'TAG_DESCRIPTOR="x"/>\n</Markables></Document>'
    )


def test_cat_reader_rebuilds_text_from_tokens(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(_cat("2011-05-02"), encoding="utf-8")
    doc = meantime.read_cat(path)
    assert doc is not None
    assert doc.text == "Talks resume\nMay 2\nTalks ended on Monday"
    assert doc.dct == dt.date(2011, 5, 2)
    assert [(t.text, t.value) for t in doc.timexes] == [("Monday", "2011-04-25")]


def test_cat_reader_skips_a_document_without_an_iso_creation_time(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(_cat("05-02-2011"), encoding="utf-8")
    assert meantime.read_cat(path) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2012-03-S-047\n\nBAGRAM AIRFIELD, Afghanistan (March 4, 2012)\nTroops held a pair.",
            dt.date(2012, 3, 4),
        ),
        (
            "KABUL, Afghanistan (Sept. 1) - 2010-09-CA-005 A force detained two.",
            dt.date(2010, 9, 1),
        ),
        ("NEWS RELEASE 2009-12-CA–080 For Immediate Release", dt.date(2009, 12, 1)),
        ("A force detained two insurgents in Logar province.", None),
    ],
)
def test_isaf_release_date(text: str, expected: dt.date | None) -> None:
    assert isaf.release_date(text) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sar-e Pul", "sarepul"),
        ("sar_e_pul", "sarepul"),
        ("Khowst", "khost"),
        ("Paktīā", "paktya"),
        ("Helmand Province", "helmand"),
        ("day_kundi", "daykundi"),
        ("??", None),
        (None, None),
    ],
)
def test_isaf_province_key(name: str | None, key: str | None) -> None:
    assert isaf.province_key(name) == key


def test_isaf_reader_splits_types_and_keeps_known_provinces(tmp_path: Path) -> None:
    system = "Vocabulary: provinces = ['khost', 'logar', 'sar_e_pul'], target_groups = ['x']"
    prompt = (
        "PRESS RELEASE TEXT: 2011-08-S-019\n\nBAGRAM AIRFIELD, Afghanistan (Aug. 9, 2011)\n"
        "Soldiers arrested an arms courier in Khost province yesterday."
    )
    gold = {
        "start_date": "2011-08-08",
        "event_type": ["airstrike;detention"],
        "province": ["khost;southern afghanistan"],
    }
    row = {"conversations": [{"value": system}, {"value": prompt}, {"value": json.dumps(gold)}]}
    path = tmp_path / "isaf.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (release,) = isaf.read_releases(path)
    assert (release.id, release.release_id, release.date) == (
        "isaf-001",
        "2011-08-S-019",
        dt.date(2011, 8, 9),
    )
    assert release.event_types == frozenset({"airstrike", "detention"})
    assert release.provinces == frozenset({"khost"})
    assert release.event_date == dt.date(2011, 8, 8)


def test_geoparsing_readers(tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text(
        '<articles><article docid="7"><text>Floods hit Dayton and Elm Street.</text><toponyms>'
        "<toponym><start>11</start><end>17</end><phrase>Dayton</phrase><gaztag geonameid='1'>"
        "<lat>39.76</lat><lon>-84.19</lon></gaztag></toponym><toponym><start>22</start>"
        "<end>32</end><phrase>Elm Street</phrase></toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    (article,) = geoparsing.read_gaztag_corpus(tmp_path / "lgl.xml")
    assert (article.id, article.toponyms) == ("7", (geoparsing.Toponym("Dayton", 39.76, -84.19),))
    (tmp_path / "gv.xml").write_text(
        "<articles><article><source>u</source><text>Cases rose in Lagos.</text><locations>"
        "<location><name>Lagos</name><start>15</start><end>20</end><lat>6.45</lat>"
        "<lon>3.39</lon><page>p</page></location></locations></article></articles>",
        encoding="utf-8",
    )
    assert geoparsing.read_geovirus(tmp_path / "gv.xml")[0].toponyms[0].text == "Lagos"
    (tmp_path / "gwn.xml").write_text(
        '<articles><article file="0"><title>t</title><text>Rain in Oslo and Bergen.</text>'
        "</article></articles>",
        encoding="utf-8",
    )
    (tmp_path / "gwn.txt").write_text(
        "Oslo,,Oslo,,59.91,,10.75,,8,,12||Bergen,,Bergen,,60.39,,5.32,,17,,23\n", encoding="utf-8"
    )
    (gwn,) = geoparsing.read_geowebnews(tmp_path / "gwn.xml", tmp_path / "gwn.txt")
    assert [t.text for t in gwn.toponyms] == ["Oslo", "Bergen"]


def test_event_location_reader_reads_the_array_inside_the_zip(tmp_path: Path) -> None:
    records = [
        {
            "_id": "a",
            "source": "RELABEL",
            "text": "Gunners shelled a depot outside Hama.",
            "tokens": [
                {"text": w, "start": b, "end": b + len(w), "id": i}
                for i, (w, b) in enumerate(
                    [
                        ("Gunners", 0),
                        ("shelled", 8),
                        ("a", 16),
                        ("depot", 18),
                        ("outside", 24),
                        ("Hama", 32),
                        (".", 36),
                    ]
                )
            ],
            # The file's own slip: a LOCATION with the verb's characters but the right tokens.
            "spans": [
                {"token_start": 1, "token_end": 1, "start": 8, "end": 15, "label": "VERB"},
                {"token_start": 5, "token_end": 5, "start": 8, "end": 8, "label": "LOCATION"},
            ],
        },
        {
            "_id": "b",
            "source": "RELABEL",
            "text": "They left.",
            "spans": [{"start": 5, "end": 9, "label": "VERB"}],
        },
        {"_id": "c", "source": "RELABEL", "text": "No verb marked."},
        {
            "_id": "d",
            "source": "APW_RA",
            "text": "Militia looted a shop.",
            "spans": [{"label": "VERB", "start": 8, "end": 14}],
        },
    ]
    path = tmp_path / "labeled.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("__MACOSX/._labeled_text.jsonl", "junk")
        archive.writestr("labeled_text.jsonl", json.dumps(records))
    cases = event_location.read_cases(path)
    assert [(c.id, c.verb, c.locations) for c in cases] == [
        ("a", (8, 15), ((32, 36),)),
        ("b", (5, 9), ()),
    ]


MUC_TEXT = """TST9-MUC4-0001

   SALTO, 14 JUN 90 (RADIO X) -- [TEXT] A PARKED CAR BLEW UP BESIDE A FRUIT STALL LAST NIGHT.

TST9-MUC4-0002

   BOGOTA, NO DATE (RADIO Y) -- [TEXT] THE MINISTER SPOKE ABOUT TAXES.
"""
MUC_KEY = """0.  MESSAGE: ID                    TST9-MUC4-0001
1.  MESSAGE: TEMPLATE              1
2.  INCIDENT: DATE                 (13 JUN 90) / (- 14 JUN 90)
3.  INCIDENT: LOCATION             (URUGUAY: SALTO (CITY)) / (URUGUAY)
4.  INCIDENT: TYPE                 BOMBING
10. PERP: ORGANIZATION ID          "BLUE MOUNTAIN FRONT" / "FRENTE AZUL"
                                   ?"RED CELL"

0.  MESSAGE: ID                    TST9-MUC4-0002
1.  MESSAGE: TEMPLATE              *
2.  INCIDENT: DATE                 *
"""


def test_muc_readers(tmp_path: Path) -> None:
    (tmp_path / "text").write_text(MUC_TEXT, encoding="latin-1")
    (tmp_path / "key").write_text(MUC_KEY, encoding="latin-1")
    docs = muc4.read_documents(tmp_path / "text")
    assert [(d.id, d.dateline) for d in docs] == [
        ("TST9-MUC4-0001", dt.date(1990, 6, 14)),
        ("TST9-MUC4-0002", None),
    ]
    assert docs[0].text.startswith("SALTO, 14 JUN 90")
    (template,) = muc4.read_templates(tmp_path / "key")
    assert template.incident == "BOMBING"
    assert template.dates == ((dt.date(1990, 6, 13),) * 2, (dt.date(1990, 6, 14),) * 2)
    assert template.countries == frozenset({"URY"})
    assert template.perp_orgs == (("BLUE MOUNTAIN FRONT", "FRENTE AZUL"), ("RED CELL",))


@pytest.mark.parametrize(
    ("value", "spans"),
    [
        ("23 AUG 88", ((dt.date(1988, 8, 23), dt.date(1988, 8, 23)),)),
        ("04 OCT 88 - 07 OCT 88", ((dt.date(1988, 10, 4), dt.date(1988, 10, 7)),)),
        ("-", ()),
    ],
)
def test_muc_template_dates(value: str, spans: tuple) -> None:
    assert muc4.template_dates(value) == spans


def test_muc_sentence_case() -> None:
    assert muc4.sentence_case(
        "THE BOMB EXPLODED. I SAW IT.\n\nPOLICE CAME TO THE\nNATIONAL BANK"
    ) == ("The bomb exploded. I saw it.\n\nPolice came to the\nnational bank")
