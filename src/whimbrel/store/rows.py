"""Rows for the store's tables, computed from StoryResults (no database access here).

Table columns are declared once, here, in the order of ``schema.sql``. Event and mention
rows carry the full PLOVER-JSONL record as JSON plus the flat columns worth querying, and
those columns are taken from the record itself so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from whimbrel.errors import StoreError
from whimbrel.export.plover import check_versions, event_record, mention_record
from whimbrel.export.tabular import flat_row
from whimbrel.records import Article, EventMention, StoryResult, content_hash
from whimbrel.store.bulk import Column

STORY_COLUMNS: tuple[Column, ...] = (
    ("story_id", "VARCHAR"),
    ("date", "DATE"),
    ("title", "VARCHAR"),
    ("url", "VARCHAR"),
    ("publisher", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("text_hash", "VARCHAR"),
    ("n_chars", "INTEGER"),
    ("coded_at", "TIMESTAMP"),
    ("coder_version", "VARCHAR"),
    ("model", "VARCHAR"),
)
MENTION_COLUMNS: tuple[Column, ...] = (
    ("mention_id", "VARCHAR"),
    ("story_id", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("cameo_code", "VARCHAR"),
    ("modality", "VARCHAR"),
    ("hedged", "BOOLEAN"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("sentence", "VARCHAR"),
    ("record", "JSON"),
    ("coder_version", "VARCHAR"),
    ("model", "VARCHAR"),
)
EVENT_COLUMNS: tuple[Column, ...] = (
    ("event_id", "VARCHAR"),
    ("story_id", "VARCHAR"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("cameo_code", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("intensity", "DOUBLE"),
    ("modality", "VARCHAR"),
    ("actor_country", "VARCHAR"),
    ("actor_sector", "VARCHAR"),
    ("recipient_country", "VARCHAR"),
    ("recipient_sector", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("num_mentions", "INTEGER"),
    ("num_stories", "INTEGER"),
    ("sentence_start", "INTEGER"),
    ("trigger_start", "INTEGER"),
    ("record", "JSON"),
    ("coder_version", "VARCHAR"),
    ("model", "VARCHAR"),
)
REJECT_KEY: tuple[str, ...] = ("origin", "stage", "reason", "story_id")
REJECT_COLUMNS: tuple[Column, ...] = (
    ("origin", "VARCHAR"),
    ("stage", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("story_id", "VARCHAR"),
    ("seen_at", "TIMESTAMP"),
)

Row = tuple[Any, ...]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass
class Rows:
    """One batch of rows per table, keyed so a repeated id keeps only its last version.

    ``now`` is one timestamp (UTC) for the whole batch. Earlier rows this batch replaces:
    everything of ``story_ids``; rejects with the same key as a new reject; rejects without
    a story id whose origin is in ``coded_origins`` (that input now codes).
    """

    stories: dict[str, Row] = field(default_factory=dict)
    mentions: dict[str, Row] = field(default_factory=dict)
    events: dict[str, Row] = field(default_factory=dict)
    rejects: dict[Row, Row] = field(default_factory=dict)
    story_ids: set[str] = field(default_factory=set)
    coded_origins: set[str] = field(default_factory=set)
    now: dt.datetime = field(default_factory=utc_now)


def result_story_id(result: StoryResult) -> str | None:
    """The story a result is about: its article's id, or the rejected input's story id."""
    if result.reject is not None:
        if result.reject.story_id:
            return result.reject.story_id
        return result.article.id if result.article is not None and result.article.id else None
    if result.article is None:
        raise StoreError(
            "a StoryResult has neither an article nor a reject; the pipeline must give "
            "every result one of them"
        )
    return result.article.id


def latest_per_story(
    results: Iterable[StoryResult],
) -> tuple[list[tuple[Article, StoryResult]], list[StoryResult]]:
    """Coded results with their article, and rejects; the last result per story id wins."""
    kept: list[StoryResult] = []
    seen: set[str] = set()
    for result in reversed(list(results)):
        story_id = result_story_id(result)
        if story_id is not None and story_id in seen:
            continue
        if story_id is not None:
            seen.add(story_id)
        kept.append(result)
    kept.reverse()
    coded = [(r.article, r) for r in kept if r.reject is None and r.article is not None]
    return coded, [r for r in kept if r.reject is not None]


def story_mentions(result: StoryResult, *, story_id: str) -> list[EventMention]:
    """The story's own mentions: ``result.mentions`` plus any only listed under its events."""
    found = {mention.id: mention for mention in result.mentions}
    for event in result.events:
        for mention in event.mentions:
            if mention.story_id == story_id:
                found.setdefault(mention.id, mention)
    return list(found.values())


def story_row(article: Article, *, versions: Mapping[str, str], now: dt.datetime) -> Row:
    return (
        article.id, article.date, article.title, article.url, article.publisher,
        article.origin, content_hash(article.text), len(article.text), now,
        versions["coder_version"], versions["model"],
    )  # fmt: skip


def mention_row(
    mention: EventMention, *, event_id: str | None, article: Article, versions: Mapping[str, str]
) -> Row:
    record = mention_record(mention, article=article)
    return (
        mention.id, mention.story_id, event_id, mention.kind.event_type, mention.kind.mode,
        mention.kind.cameo_code, mention.modality, mention.hedged, mention.sentence.start,
        mention.sentence.end, mention.trigger.start, mention.trigger.end, mention.sentence.text,
        json.dumps(record, ensure_ascii=False), versions["coder_version"], versions["model"],
    )  # fmt: skip


def event_row(record: dict[str, Any]) -> Row:
    """The events-table row of a PLOVER record; its flat columns are the CSV export's own values,
    so the store and the export can never disagree."""
    flat = flat_row(record) | {"event_id": record["id"], "num_stories": record["num_stories"]}
    flat["record"] = json.dumps(record, ensure_ascii=False)
    return tuple(flat[name] for name, _ in EVENT_COLUMNS)


def add_coded(
    rows: Rows,
    result: StoryResult,
    *,
    article: Article,
    articles: Mapping[str, Article],
    versions: Mapping[str, str],
) -> None:
    rows.stories[article.id] = story_row(article, versions=versions, now=rows.now)
    event_of: dict[str, str] = {}
    for event in result.events:
        lead_article = articles.get(event.lead.story_id, article)
        record = event_record(event, article=lead_article, versions=versions)
        rows.events[event.id] = event_row(record)
        for mention in event.mentions:
            event_of.setdefault(mention.id, event.id)
    for mention in story_mentions(result, story_id=article.id):
        rows.mentions[mention.id] = mention_row(
            mention, event_id=event_of.get(mention.id), article=article, versions=versions
        )


def add_rejected(rows: Rows, result: StoryResult) -> None:
    reject = result.reject
    if reject is None:
        return
    story_id = result_story_id(result)
    key = (reject.origin, reject.stage, reject.reason, story_id)
    rows.rejects[key] = (*key, rows.now)
    if story_id:
        rows.story_ids.add(story_id)


def collect_rows(results: Iterable[StoryResult], *, versions: Mapping[str, str]) -> Rows:
    """Rows for every table from one batch of results, and what they replace."""
    checked = check_versions(versions)
    coded, rejected = latest_per_story(results)
    articles = {article.id: article for article, _ in coded}
    rows = Rows()
    for article, result in coded:
        add_coded(rows, result, article=article, articles=articles, versions=checked)
        rows.story_ids.add(article.id)
        if article.origin:
            rows.coded_origins.add(article.origin)
    for result in rejected:
        add_rejected(rows, result)
    return rows
