"""Pairing gold and predicted event records within a story.

Records are PLOVER-JSONL dicts. :func:`entries` checks the few fields matching needs
(``story_id``, ``event_type``, the ``actor``/``recipient`` lists) once, and wraps each record
with its position in the input so misses can be traced back to a line.

Matching (:func:`match_story`): only records of the same story and the same ``event_type``
can pair. Among those, pairs are taken greedily, best first: a pair scores one point for
each role (actor, recipient) whose gold country set is non-empty and equal to the
predicted one; ties go to the earlier gold record, then the earlier predicted one. Because
every same-type pair is a candidate, the number of pairs per type is always
``min(#gold, #pred)``, so the pairs are exactly the event-type true positives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from whimbrel.errors import GoldError

ROLES: tuple[str, ...] = ("actor", "recipient")


@dataclass(frozen=True, slots=True)
class Entry:
    """One input record, with the fields matching needs already checked and normalised."""

    side: str
    index: int
    story_id: str
    event_type: str | None
    record: Mapping[str, Any]
    actor_countries: frozenset[str]
    recipient_countries: frozenset[str]

    @property
    def where(self) -> str:
        """Names the record in error messages: ``gold record 4 (story 'AFP-17')``."""
        return f"{self.side} record {self.index} (story {self.story_id!r})"

    def countries(self, role: str) -> frozenset[str]:
        return self.actor_countries if role == "actor" else self.recipient_countries


@dataclass(slots=True)
class Story:
    """The gold and predicted entries of one story."""

    gold: list[Entry] = field(default_factory=list)
    pred: list[Entry] = field(default_factory=list)


def country_code(value: object) -> str | None:
    """The first three letters, upper-cased: ``USAGOV`` and ``usa`` both give ``USA``.

    CAMEO actor codes start with the country (``USAGOV``); comparing on three letters is
    the PETRARCH validation convention and leaves ISO alpha-3 and ``UNO``-style codes intact.
    """
    text = str(value).strip().upper() if value is not None else ""
    return text[:3] or None


def role_items(record: Mapping[str, Any], role: str, *, where: str) -> list[Mapping[str, Any]]:
    """The actor or recipient objects of a record (a single object is accepted as a list)."""
    items = record.get(role)
    if items is None:
        return []
    if isinstance(items, Mapping):
        return [items]
    if isinstance(items, list) and all(isinstance(item, Mapping) for item in items):
        return items
    raise GoldError(
        f"{where}: {role!r} must be a list of objects like "
        f'[{{"country": "USA"}}], got {items!r}; fix the file that produced it'
    )


def role_values(record: Mapping[str, Any], role: str, key: str, *, where: str) -> frozenset[str]:
    """All non-empty values of ``key`` over a role's objects, upper-cased; lists are flattened."""
    values: set[str] = set()
    for item in role_items(record, role, where=where):
        raw = item.get(key)
        for value in raw if isinstance(raw, list) else [raw]:
            text = str(value).strip().upper() if value is not None else ""
            if text:
                values.add(text)
    return frozenset(values)


def role_countries(record: Mapping[str, Any], role: str, *, where: str) -> frozenset[str]:
    """The country codes (first three letters) of a role's objects."""
    codes = {country_code(value) for value in role_values(record, role, "country", where=where)}
    return frozenset(code for code in codes if code)


def entries(records: Sequence[Mapping[str, Any]], *, side: str) -> list[Entry]:
    """Check and wrap ``records``; ``side`` is ``"gold"`` or ``"pred"`` for error messages."""
    return [_entry(record, side=side, index=index) for index, record in enumerate(records)]


def _entry(record: object, *, side: str, index: int) -> Entry:
    where = f"{side} record {index}"
    if not isinstance(record, Mapping):
        raise GoldError(f"{where}: expected a JSON object, got {record!r}")
    story_id = record.get("story_id")
    if not isinstance(story_id, str | int) or isinstance(story_id, bool) or story_id == "":
        raise GoldError(f"{where}: needs a 'story_id' (string), got {story_id!r}")
    if "event_type" not in record:
        raise GoldError(
            f"{where}: has no 'event_type'; give the PLOVER type, or null for a story "
            "where no event is expected"
        )
    return Entry(
        side=side,
        index=index,
        story_id=str(story_id),
        event_type=_event_type(record["event_type"], where=where),
        record=record,
        actor_countries=role_countries(record, "actor", where=where),
        recipient_countries=role_countries(record, "recipient", where=where),
    )


def _event_type(value: object, *, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{where}: 'event_type' must be a PLOVER type or null, got {value!r}")
    return value.strip().upper()


def group_by_story(gold: Sequence[Entry], pred: Sequence[Entry]) -> dict[str, Story]:
    """Stories named in gold, in gold order, with their entries; pred in other stories is left
    out (the caller counts it as unscored)."""
    stories: dict[str, Story] = {}
    for entry in gold:
        stories.setdefault(entry.story_id, Story()).gold.append(entry)
    for entry in pred:
        if entry.story_id in stories:
            stories[entry.story_id].pred.append(entry)
    return stories


@dataclass(frozen=True, slots=True)
class Matching:
    """The outcome of matching one story: pairs, unmatched gold events, unmatched predictions."""

    pairs: tuple[tuple[Entry, Entry], ...]
    misses: tuple[Entry, ...]
    false_positives: tuple[Entry, ...]


def agreement(gold: Entry, pred: Entry) -> int:
    """How many roles have a known gold country set that the prediction equals (0 to 2)."""
    return sum(
        1 for role in ROLES if gold.countries(role) and gold.countries(role) == pred.countries(role)
    )


def match_story(story: Story) -> Matching:
    """Greedy best-first pairing of a story's events of the same type (see module docstring)."""
    gold = [entry for entry in story.gold if entry.event_type is not None]
    pred = [entry for entry in story.pred if entry.event_type is not None]
    candidates = sorted(
        (-agreement(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if g.event_type == p.event_type
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[Entry, Entry]] = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return Matching(
        pairs=tuple(sorted(pairs, key=lambda pair: pair[0].index)),
        misses=tuple(g for gi, g in enumerate(gold) if gi not in used_gold),
        false_positives=tuple(p for pi, p in enumerate(pred) if pi not in used_pred),
    )
