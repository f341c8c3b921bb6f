"""Score predicted PLOVER-JSONL event records against gold records.

Both sides are lists of PLOVER-JSONL dicts. Every record needs a ``story_id`` and an
``event_type`` key; all other fields are optional and a score only counts items where the
gold record has that field.

Which stories count
    The stories named in gold are the universe. A gold record with ``"event_type": null``
    says "this story is scored but no event is expected" (a negative example): every
    prediction there is a false positive. Predictions for stories gold never names are not
    scored; they are only counted (``n_unscored_pred``), so a gold set may cover a subset.

Event types
    Per story, a multiset match of ``event_type`` (upper-cased): two gold CONSULTs and one
    predicted CONSULT give one true positive and one miss. Micro P/R/F1 and per type.

Matching, for everything below except dyads
    Within a story, gold and predicted records of the same type are paired greedily, best
    first, preferring pairs whose actor and recipient country sets agree; ties go to file
    order (see :mod:`whimbrel.eval.match`). Unpaired gold records are *misses*, unpaired
    predictions *false positives*; both are listed with story, type and sentence.

Dyads
    Story-level sets of triples ``(triple_key(record), actor country, recipient country)``,
    one per actor country x recipient country (``None`` stands in for a role with no
    country). Countries compare on their first three letters (``USAGOV`` = ``USA``), the
    PETRARCH validation convention. ``triple_key`` defaults to the event type; pass
    :func:`cameo_root_key` to score CAMEO root codes. A key returning ``None`` gives no
    triple. P/R/F1 are summed over stories; ``stories_exact`` is the share of gold stories
    whose predicted triple set equals the gold one.

Attributes, over matched pairs where gold has a value
    actor/recipient country and sector (set equality), date (exact day, and within the
    gold's ``date_precision``), location (country, haversine distance, share within
    ``km_threshold`` km, median distance), and modality.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from whimbrel.eval.attributes import (
    date_accuracies,
    location_scores,
    modality_accuracy,
    role_accuracy,
)
from whimbrel.eval.match import Entry, Story, entries, group_by_story, match_story
from whimbrel.eval.metrics import (
    PRF,
    Accuracy,
    as_float,
    count_true,
    distance_km,
    median_or_none,
    score_values,
)

__all__ = [
    "DiffItem",
    "Scores",
    "cameo_root_key",
    "distance_km",
    "event_type_key",
    "score",
    "score_values",
]

# 161 km = 100 miles, the usual "near enough" radius in event-geolocation studies.
DEFAULT_KM_THRESHOLD = 161.0

TripleKey = Callable[[Mapping[str, Any]], Hashable]


def event_type_key(record: Mapping[str, Any]) -> Hashable:
    """The record's PLOVER event type, upper-cased (``None`` for a negative gold record)."""
    value = record.get("event_type")
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def cameo_root_key(record: Mapping[str, Any]) -> Hashable:
    """The CAMEO root (first two digits of ``cameo_code``), or ``None`` when there is none."""
    code = record.get("cameo_code")
    if code is None:
        return None
    return str(code).strip()[:2] or None


@dataclass(frozen=True, slots=True)
class DiffItem:
    """A gold event nobody found, or a prediction gold does not have.

    ``index`` is the record's position in its input list (0-based; line order in a JSONL file).
    """

    story_id: str
    event_type: str
    sentence: str | None
    index: int

    @staticmethod
    def of(entry: Entry) -> DiffItem:
        sentence = entry.record.get("sentence")
        return DiffItem(
            story_id=entry.story_id,
            event_type=entry.event_type or "",
            sentence=sentence if isinstance(sentence, str) else None,
            index=entry.index,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "story_id": self.story_id,
            "event_type": self.event_type,
            "sentence": self.sentence,
            "index": self.index,
        }


@dataclass(frozen=True)
class Scores:
    """Everything :func:`score` measured. Ratios are exact fractions; see ``to_dict``."""

    n_stories: int
    n_gold_events: int
    n_pred_events: int
    n_unscored_pred: int
    event_type: PRF
    event_type_by_type: Mapping[str, PRF]
    dyad: PRF
    stories_exact: Accuracy
    actor_country: Accuracy
    actor_sector: Accuracy
    recipient_country: Accuracy
    recipient_sector: Accuracy
    date_exact: Accuracy
    date_within_precision: Accuracy
    location_country: Accuracy
    location_within_km: Accuracy
    location_distances_km: tuple[float, ...]
    km_threshold: float
    modality: Accuracy
    misses: tuple[DiffItem, ...]
    false_positives: tuple[DiffItem, ...]

    @property
    def location_median_km(self) -> float | None:
        return median_or_none(self.location_distances_km)

    @property
    def event_type_macro_f1(self) -> Fraction | None:
        """Unweighted mean F1 over the types seen in gold or predictions."""
        f1s = [prf.f1 for prf in self.event_type_by_type.values() if prf.f1 is not None]
        return sum(f1s, Fraction(0)) / len(f1s) if f1s else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-able summary: ratios as floats, every score with its counts."""
        return {
            "counts": {
                "stories": self.n_stories,
                "gold_events": self.n_gold_events,
                "pred_events": self.n_pred_events,
                "unscored_pred": self.n_unscored_pred,
            },
            "event_type": {
                "micro": self.event_type.to_dict(),
                "macro_f1": as_float(self.event_type_macro_f1),
                "by_type": {name: prf.to_dict() for name, prf in self.event_type_by_type.items()},
            },
            "dyad": {**self.dyad.to_dict(), "stories_exact": self.stories_exact.to_dict()},
            "actor": {
                "country": self.actor_country.to_dict(),
                "sector": self.actor_sector.to_dict(),
            },
            "recipient": {
                "country": self.recipient_country.to_dict(),
                "sector": self.recipient_sector.to_dict(),
            },
            "date": {
                "exact": self.date_exact.to_dict(),
                "within_precision": self.date_within_precision.to_dict(),
            },
            "location": {
                "country": self.location_country.to_dict(),
                "within_km": self.location_within_km.to_dict(),
                "km_threshold": self.km_threshold,
                "median_km": self.location_median_km,
                "n_distances": len(self.location_distances_km),
            },
            "modality": self.modality.to_dict(),
            "misses": [item.to_dict() for item in self.misses],
            "false_positives": [item.to_dict() for item in self.false_positives],
        }


def score(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    km_threshold: float = DEFAULT_KM_THRESHOLD,
    triple_key: TripleKey = event_type_key,
) -> Scores:
    """Score ``pred`` against ``gold`` (see the module docstring for every rule).

    Raises :class:`~whimbrel.errors.GoldError` when a record lacks ``story_id`` or
    ``event_type`` or a gold value (date, place, role list) cannot be read.
    """
    gold_entries = entries(gold, side="gold")
    pred_entries = entries(pred, side="pred")
    stories = group_by_story(gold_entries, pred_entries)
    matchings = [match_story(story) for story in stories.values()]
    pairs = [pair for matching in matchings for pair in matching.pairs]
    dyad, stories_exact = _dyad_scores(stories.values(), triple_key=triple_key)
    date_exact, date_within = date_accuracies(pairs)
    places = location_scores(pairs, km_threshold=km_threshold)
    by_type = _type_counts(stories.values())
    return Scores(
        n_stories=len(stories),
        n_gold_events=sum(1 for e in gold_entries if e.event_type is not None),
        n_pred_events=sum(1 for s in stories.values() for e in s.pred if e.event_type is not None),
        n_unscored_pred=sum(1 for e in pred_entries if e.story_id not in stories),
        event_type=sum(by_type.values(), PRF()),
        event_type_by_type=by_type,
        dyad=dyad,
        stories_exact=stories_exact,
        actor_country=role_accuracy(pairs, role="actor", key="country"),
        actor_sector=role_accuracy(pairs, role="actor", key="sector"),
        recipient_country=role_accuracy(pairs, role="recipient", key="country"),
        recipient_sector=role_accuracy(pairs, role="recipient", key="sector"),
        date_exact=date_exact,
        date_within_precision=date_within,
        location_country=places.country,
        location_within_km=places.within_km,
        location_distances_km=places.distances_km,
        km_threshold=km_threshold,
        modality=modality_accuracy(pairs),
        misses=tuple(DiffItem.of(e) for m in matchings for e in m.misses),
        false_positives=tuple(DiffItem.of(e) for m in matchings for e in m.false_positives),
    )


def _type_counts(stories: Iterable[Story]) -> dict[str, PRF]:
    """Per-type P/R/F1 counts from a multiset match of event types in each story."""
    totals: dict[str, PRF] = {}
    for story in stories:
        gold = Counter(e.event_type for e in story.gold if e.event_type is not None)
        pred = Counter(e.event_type for e in story.pred if e.event_type is not None)
        for name in gold.keys() | pred.keys():
            found = min(gold[name], pred[name])
            counts = PRF(tp=found, fp=pred[name] - found, fn=gold[name] - found)
            totals[name] = totals.get(name, PRF()) + counts
    return dict(sorted(totals.items()))


def triples(story_entries: Sequence[Entry], *, triple_key: TripleKey) -> set[tuple[Hashable, ...]]:
    """The dyad triples of a story's records: key x each actor country x each recipient one."""
    found: set[tuple[Hashable, ...]] = set()
    for entry in story_entries:
        key = triple_key(entry.record)
        if key is None:
            continue
        # None stands in for a role without a country, so the triple still exists.
        actors: Iterable[str | None] = entry.actor_countries or (None,)
        recipients: Iterable[str | None] = entry.recipient_countries or (None,)
        found.update((key, actor, recipient) for actor in actors for recipient in recipients)
    return found


def _dyad_scores(stories: Iterable[Story], *, triple_key: TripleKey) -> tuple[PRF, Accuracy]:
    """Summed triple P/R/F1 over stories, and the share of stories with the exact triple set."""
    total = PRF()
    exact: list[bool] = []
    for story in stories:
        gold = triples(story.gold, triple_key=triple_key)
        pred = triples(story.pred, triple_key=triple_key)
        total += PRF(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))
        exact.append(gold == pred)
    return total, count_true(exact)
