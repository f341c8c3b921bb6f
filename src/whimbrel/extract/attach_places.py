"""The places attached to an event in the parse.

Places are found by :mod:`whimbrel.extract.locatives`; when no phrase of the event names one,
the place entity nearest the trigger deeper in its clause stands in ("killed while planting a
bomb to kill soldiers in Taji"), else a place phrase opening the sentence ("In Vienna, ...").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel.extract.clauses import (
    as_span,
    climb,
    doc_ents,
    entity_at,
    in_dateline,
    in_dateline_place,
)
from whimbrel.extract.locatives import LOCATIVE_PREPS, SOURCE_PREPS, is_place_noun
from whimbrel.extract.locatives import attached_places as attached_phrase_places
from whimbrel.records import Span

__all__ = ["attached_places"]

# What ends a dateline before the story's first sentence ("ROME, June 9 (AP) - ...").
DATELINE_DASHES = frozenset({"-", "--", "–", "—"})
# Entity labels a place found only by its nearness to the trigger must carry.
FALLBACK_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Beyond this many steps from its clause a place tells of something else (tuned on the
# event-location set, accuracy 0.765 without the fallback: 6 steps 0.779, 8 steps 0.787,
# 10 steps 0.783; only that set scores event places).
FALLBACK_MAX_STEPS = 8
# A clause describing a noun or a reported one tells of another happening ("troops which
# have their bases in X").
FALLBACK_BARRIERS = frozenset({"relcl", "ccomp"})
# Labels the small model gives a one-word town name in a locative phrase ("in Taji").
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
# Directions that place a town relative to another ("a town northeast of Baghdad").
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)


def attached_places(
    trigger: Token, *, reporting: frozenset[str], exclude: frozenset[int]
) -> list[Span]:
    """Places where the event happened, best first: those its phrases name
    (:func:`whimbrel.extract.locatives.attached_places`), else the nearest place entity deeper
    in its clause."""
    found = [
        span
        for span in attached_phrase_places(trigger, reporting=reporting, exclude=exclude)
        if not _in_dateline_place(span, trigger)
    ]
    return (
        found
        or _places_in_clause(trigger, reporting=reporting, exclude=exclude)
        or _opening_place(trigger, reporting=reporting, exclude=exclude)
    )


def _in_dateline_place(span: Span, trigger: Token) -> bool:
    """ "WASHINGTON, May 3 (Reuters) - US warplanes struck ...": the parser may hang the
    dateline (and the agency after it) on the first sentence's verb, but it says where the
    story was filed."""
    ent = trigger.doc.char_span(span.start, span.end, alignment_mode="expand")
    if ent is not None and in_dateline(ent):
        return True
    sentence = trigger.sent
    if not in_dateline_place(sentence[0]):
        return False
    dash = next((t.idx for t in sentence if t.text in DATELINE_DASHES), None)
    return dash is not None and span.end <= dash


def _opening_place(
    trigger: Token, *, reporting: frozenset[str], exclude: frozenset[int]
) -> list[Span]:
    """ "In Vienna, thousands of people marched ...": a place phrase that opens the sentence,
    set off by a comma, frames the events the sentence tells after it, however the parser
    hung it; not an event in a reported clause ("In Kabul, officials said ..." places the
    officials)."""
    sentence = trigger.sent
    prep = sentence[0]
    if LOCATIVE_PREPS.get(prep.lower_) != 0.0 or any(
        report for _, report in climb(trigger, reporting=reporting)
    ):
        return []
    after = prep.right_edge.i + 1
    if after >= trigger.i or trigger.doc[after].text != ",":
        return []
    objects = [c for c in prep.children if c.dep_ == "pobj" and c.i not in exclude]
    ent = entity_at(objects[0], FALLBACK_LABELS) if objects else None
    if ent is None or in_dateline(ent) or ent.end > after:
        return []
    return [as_span(ent)]


def _places_in_clause(
    trigger: Token, *, reporting: frozenset[str], exclude: frozenset[int]
) -> list[Span]:
    """No phrase of the event names a place: the place entity nearest the trigger anywhere in
    its clause, however deep the parser hung it ("killed while planting a bomb to kill
    soldiers in Taji"), but not a source's or a reporter's place."""
    clause = [token for token, on_report in climb(trigger, reporting=reporting) if not on_report]
    head = clause[-1]
    found = [
        ent
        for ent in doc_ents(trigger.doc)
        if _may_be_place(ent)
        and head.left_edge.i <= ent.start
        and ent.end - 1 <= head.right_edge.i
        and ent.root.i not in exclude
        and _in_locative_phrase(ent.root)
        and not in_dateline(ent)
        and _inside_event(ent.root, head, reporting=reporting)
    ]
    nearest = min(found, key=lambda ent: abs(ent.root.i - trigger.i), default=None)
    return [] if nearest is None else [as_span(nearest)]


def _may_be_place(ent: SpacySpan) -> bool:
    """A place entity, or a one-word proper name in another label: the small model often labels
    a town PERSON or ORG ("in Taji", "the center of Florencia"); the gazetteer keeps only the
    names it knows, and a name of two words or more labelled PERSON is a person's."""
    if ent.label_ in FALLBACK_LABELS:
        return True
    return (
        ent.label_ in NAME_LABELS
        and len(ent) == 1
        and ent.root.pos_ == "PROPN"
        and ent.root.dep_ == "pobj"
    )


def _in_locative_phrase(token: Token) -> bool:
    """ "in Taji", "on the edge of Kabul", "in the Helmand battle", "a town northeast of
    Baghdad": the object of a preposition of where, or what qualifies that object; not an
    actor."""
    if token.dep_ in ("compound", "nmod") or (token.dep_ == "pobj" and token.head.lower_ == "of"):
        holder = token.head if token.dep_ != "pobj" else token.head.head
        if holder.lower_ in COMPASS_WORDS and holder.head.i != holder.i:
            # "northeast of Baghdad": the direction qualifies the phrase it hangs on.
            holder = holder.head
        return _is_locative_object(holder) or is_place_noun(holder)
    return _is_locative_object(token)


def _is_locative_object(token: Token) -> bool:
    return token.dep_ == "pobj" and LOCATIVE_PREPS.get(token.head.lower_) == 0.0


def _inside_event(token: Token, head: Token, *, reporting: frozenset[str]) -> bool:
    """Whether ``token`` hangs below ``head`` through no source phrase or reported clause, nor
    deep inside a verb coordinated with the event's ("condemned the strikes and threatened
    ships in the Red Sea": the sea places the ships, not the condemnation; "detained two and
    seized rifles in Kandahar" hangs the town on the verb and places both)."""
    path: list[Token] = []
    for _ in range(FALLBACK_MAX_STEPS):
        if token.i == head.i:
            return True
        if token.lower_ in SOURCE_PREPS or token.lemma_.lower() in reporting:
            return False
        if token.dep_ in FALLBACK_BARRIERS or token.head.i == token.i:
            return False
        sibling_act = token.dep_ == "conj" and token.head.i == head.i and token.pos_ == "VERB"
        if sibling_act and len(path) > 2:
            return False
        path.append(token)
        token = token.head
    return False
