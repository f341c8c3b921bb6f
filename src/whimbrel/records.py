"""Typed, frozen records passed between whimbrel's stages.

Every extracted value carries its evidence: a :class:`Span` of character offsets into the
article text, plus ``method`` (how it was obtained) and ``confidence``. Ids are content
hashes, so a re-run writes the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

Modality = Literal["asserted", "planned", "negated", "hypothetical"]
Precision = Literal["day", "week", "month", "year"]

MODALITIES: tuple[str, ...] = ("asserted", "planned", "negated", "hypothetical")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


def content_hash(*parts: str, length: int = 16) -> str:
    """Hex digest of ``parts`` joined by a unit separator: the basis of every id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into an article's text, and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One dated story as read from input. ``origin`` names the file and record it came from."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    origin: str = ""

    @staticmethod
    def story_id(*, text: str, date: dt.date) -> str:
        """The content-hash id of a story that did not bring one: hash of date and text."""
        return content_hash(date.isoformat(), text)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that could not be coded, with the reason (never silently dropped)."""

    origin: str
    reason: str
    stage: str = "read"
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """Who acted or was acted upon, as written (``text``/``span``) and as resolved.

    ``country`` is ISO 3166 alpha-3 or an organisation code (``UNO``, ``NAT``, ...);
    ``sector`` a PLOVER/CAMEO sector code (``GOV``, ``MIL``, ``COP``, ...).
    """

    text: str
    span: Span | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    ids: tuple[str, ...] = ()
    method: str = "unresolved"
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class DateRef:
    """When an event happened: ``value`` is the first day of the period of ``precision``."""

    value: dt.date
    precision: Precision = "day"
    raw: str | None = None
    span: Span | None = None
    method: str = "article-date"
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as written and as resolved to a gazetteer entry.

    ``resolution`` is PLOVER's level: 1 country, 2 first-level region, 3 second-level
    region, 4 city or town, 5 finer than a town.
    """

    text: str
    span: Span | None = None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    feature_class: str | None = None
    resolution: int | None = None
    method: str = "unresolved"
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Attribution:
    """One link of a report chain: ``source`` said it, ``via`` is whom the source cited."""

    source: str
    span: Span | None = None
    via: str | None = None
    via_span: Span | None = None


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    """What a trigger codes: PLOVER type and mode, CAMEO code, quad class and intensity."""

    event_type: str
    mode: str | None
    cameo_code: str
    quad_class: int
    intensity: float


@dataclass(frozen=True, slots=True)
class MentionDraft:
    """What extraction finds for one trigger, before actors, date and place are resolved.

    ``place_spans`` are places attached to the event, best first; when
    ``place_is_recipient`` the first one also names the recipient ("visit to Islamabad").
    ``date_is_report`` says the date expression dates the report, not the event itself.
    ``past_act`` says the trigger is itself a verb in the simple past ("accused"): a date
    after the article's cannot be its own, and names something else the sentence tells
    ("accused the government and called for a strike next week").
    """

    story_id: str
    kind: EventTypeInfo
    trigger: Span
    sentence: Span
    actor_spans: tuple[Span, ...]
    recipient_spans: tuple[Span, ...]
    modality: Modality
    tense: str | None = None
    place_spans: tuple[Span, ...] = ()
    place_is_recipient: bool = False
    date_span: Span | None = None
    date_is_report: bool = False
    past_act: bool = False
    hedged: bool = False
    attribution: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named entity the parser found in the story (for story-level context)."""

    span: Span
    label: str


@dataclass(frozen=True, slots=True)
class ParsedStory:
    """Extraction's output for one article: its drafts and the story-level entities."""

    article: Article
    drafts: tuple[MentionDraft, ...]
    entities: tuple[EntityMention, ...] = ()


@dataclass(frozen=True, slots=True)
class EventMention:
    """One mention of a happening in one sentence of one story."""

    id: str
    story_id: str
    kind: EventTypeInfo
    trigger: Span
    sentence: Span
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    modality: Modality
    date: DateRef
    location: PlaceRef | None = None
    attribution: tuple[Attribution, ...] = ()
    hedged: bool = False
    method: str = "trigger-lexicon"
    confidence: float = 0.0

    @staticmethod
    def make_id(*, story_id: str, sentence: Span, trigger: Span, event_type: str) -> str:
        return content_hash(
            story_id, str(sentence.start), str(trigger.start), str(trigger.end), event_type
        )


@dataclass(frozen=True, slots=True)
class Event:
    """A happening: one or more mentions merged by a clustering policy.

    The event's type and modality are its best mention's (``mentions[0]``); its parties are
    that mention's, completed from the others (``actors``, ``recipients``); its date and
    location are the best-evidenced among all mentions (``date``, ``location``); the counts
    derive from the mentions.
    """

    id: str
    mentions: tuple[EventMention, ...]
    policy: str = "within-story"
    story_ids: tuple[str, ...] = field(default=())
    best_date: DateRef | None = None
    best_location: PlaceRef | None = None
    best_actors: tuple[ActorRef, ...] | None = None
    best_recipients: tuple[ActorRef, ...] | None = None

    @property
    def lead(self) -> EventMention:
        return self.mentions[0]

    @property
    def date(self) -> DateRef:
        """The best-evidenced date among the mentions (an explicit one over the article's)."""
        return self.best_date or self.lead.date

    @property
    def actors(self) -> tuple[ActorRef, ...]:
        """The lead's actors, completed from the other mentions."""
        return self.lead.actors if self.best_actors is None else self.best_actors

    @property
    def recipients(self) -> tuple[ActorRef, ...]:
        return self.lead.recipients if self.best_recipients is None else self.best_recipients

    @property
    def location(self) -> PlaceRef | None:
        """The best-evidenced place among the mentions (an attached one over the story's)."""
        return self.best_location or self.lead.location

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_stories(self) -> int:
        return len({m.story_id for m in self.mentions})

    @property
    def modality(self) -> Modality:
        return self.lead.modality


@dataclass(frozen=True, slots=True)
class StoryResult:
    """Everything coding one article produced: its events, or the reason it was rejected.

    ``article`` is None only for input that never became an article (a reader's reject).
    """

    article: Article | None
    mentions: tuple[EventMention, ...] = ()
    events: tuple[Event, ...] = ()
    reject: Reject | None = None
