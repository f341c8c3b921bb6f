"""The time expression and the places attached to an event in the parse.

We look at the trigger's own dependents first, then climb through the clauses that embed it
("invited last month when Qureshi visited Kabul" dates the visit by its governing clause). A
date found on a reporting verb ("ANI reported on Saturday") dates the report, not the event,
and is flagged so; a date the parser hung elsewhere in the event's clause still counts
("detained a suspect during an operation in Gao district, Mopti region, yesterday"). Places
are found by :mod:`whimbrel.extract.locatives`; when no phrase of the event names one, the
place entity nearest the trigger deeper in its clause stands in ("killed while planting a
bomb to kill soldiers in Taji"). Datelines are found by :mod:`whimbrel.extract.clauses`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel.extract.clauses import Dateline, as_span, climb, entity_at, find_dateline, in_dateline
from whimbrel.extract.locatives import LOCATIVE_PREPS, SOURCE_PREPS, is_place_noun
from whimbrel.extract.locatives import attached_places as attached_phrase_places
from whimbrel.records import Span

__all__ = ["Attached", "Dateline", "attached_date", "attached_places", "find_dateline"]

DATE_LABELS = frozenset({"DATE", "TIME"})
# Clauses with a time of their own: a relative clause, a reported or a subject clause.
OWN_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "csubj", "parataxis"})
RELATIVE_PREPS = frozenset({"since", "after", "before", "until", "till", "following", "prior"})
# Entity labels a place found only by its nearness to the trigger must carry.
FALLBACK_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Beyond this many steps from its clause a place tells of something else (tuned on the
# event-location set, accuracy 0.765 without the fallback: 6 steps 0.779, 8 steps 0.787,
# 10 steps 0.783; only that set scores event places).
FALLBACK_MAX_STEPS = 8
# A clause describing a noun or a reported one tells of another happening ("troops which
# have their bases in X").
FALLBACK_BARRIERS = frozenset({"relcl", "ccomp"})


@dataclass(frozen=True, slots=True)
class Attached:
    span: Span
    on_report: bool
    anchor: Token  # the clause head the expression hangs on (its tense reads the expression)


def attached_date(trigger: Token, *, reporting: frozenset[str]) -> Attached | None:
    """The DATE/TIME entity that modifies the event's clause, nearest level first; else the
    nearest one inside the event's clause, wherever the parser hung it ("seized weapons
    during a patrol in the Orgun district of Paktika on Tuesday")."""
    levels = climb(trigger, reporting=reporting)
    clause = [token for token, on_report in levels if not on_report][-1]
    for level, (token, on_report) in enumerate(levels):
        found = _date_at_level(token, level=level)
        if found is None:
            continue
        ent, anchor = found
        if on_report:
            # "confirmed today the arrest ... Friday": the event's own date first.
            inside = _date_inside(clause, trigger=trigger, reporting=reporting)
            if inside is not None:
                return Attached(as_span(inside), on_report=False, anchor=clause)
        return Attached(as_span(ent), on_report=on_report, anchor=anchor)
    inside = _date_inside(clause, trigger=trigger, reporting=reporting)
    return None if inside is None else Attached(as_span(inside), on_report=False, anchor=clause)


def _date_at_level(token: Token, *, level: int) -> tuple[SpacySpan, Token] | None:
    # "last month when X visited Kabul": the clause modifies the time noun itself.
    own = entity_at(token, DATE_LABELS) if level else None
    if own is not None and not in_dateline(own):
        return own, token.head
    for child in token.children:
        ent = _date_of(child)
        if ent is not None and not in_dateline(ent):
            return ent, token
    return None


def _date_inside(clause: Token, *, trigger: Token, reporting: frozenset[str]) -> SpacySpan | None:
    """The DATE entity in ``clause`` nearest the trigger, outside embedded clauses of their own
    ("the commander, who was arrested in May, ..." does not date the event)."""
    found = [
        ent
        for ent in trigger.doc.ents
        if ent.label_ in DATE_LABELS
        and clause.left_edge.i <= ent.root.i <= clause.right_edge.i
        and _same_clause(ent.root, clause, reporting=reporting)
        and not in_dateline(ent)
    ]
    return min(found, key=lambda ent: abs(ent.root.i - trigger.i), default=None)


def _same_clause(token: Token, clause: Token, *, reporting: frozenset[str]) -> bool:
    """Whether ``token`` belongs to ``clause`` itself: not to a clause of its own, nor to a
    happening the event is placed relative to ("since the takeover on August 15")."""
    while token.i != clause.i:
        if token.dep_ in OWN_CLAUSE_DEPS or token.lemma_.lower() in reporting:
            return False
        if token.dep_ == "prep" and token.lower_ in RELATIVE_PREPS:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _date_of(child: Token) -> SpacySpan | None:
    if child.dep_ in ("npadvmod", "tmod", "nmod", "advmod", "obl", "compound"):
        return entity_at(child, DATE_LABELS)
    if child.dep_ == "prep":
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                return entity_at(pobj, DATE_LABELS)
    return None


# ---------------------------------------------------------------- places


def attached_places(
    trigger: Token, *, reporting: frozenset[str], exclude: frozenset[int]
) -> list[Span]:
    """Places where the event happened, best first: those its phrases name
    (:func:`whimbrel.extract.locatives.attached_places`), else the nearest place entity deeper
    in its clause."""
    found = attached_phrase_places(trigger, reporting=reporting, exclude=exclude)
    return found or _places_in_clause(trigger, reporting=reporting, exclude=exclude)


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
        for ent in trigger.doc.ents
        if ent.label_ in FALLBACK_LABELS
        and head.left_edge.i <= ent.start
        and ent.end - 1 <= head.right_edge.i
        and ent.root.i not in exclude
        and _in_locative_phrase(ent.root)
        and not in_dateline(ent)
        and _inside_event(ent.root, head, reporting=reporting)
    ]
    nearest = min(found, key=lambda ent: abs(ent.root.i - trigger.i), default=None)
    return [] if nearest is None else [as_span(nearest)]


def _in_locative_phrase(token: Token) -> bool:
    """ "in Taji", "on the edge of Kabul", "in the Helmand battle": the object of a
    preposition of where, or what qualifies that object; not an actor."""
    if token.dep_ in ("compound", "nmod") or (token.dep_ == "pobj" and token.head.lower_ == "of"):
        holder = token.head if token.dep_ != "pobj" else token.head.head
        return _is_locative_object(holder) or is_place_noun(holder)
    return _is_locative_object(token)


def _is_locative_object(token: Token) -> bool:
    return token.dep_ == "pobj" and LOCATIVE_PREPS.get(token.head.lower_) == 0.0


def _inside_event(token: Token, head: Token, *, reporting: frozenset[str]) -> bool:
    """Whether ``token`` hangs below ``head`` through no source phrase or reported clause."""
    for _ in range(FALLBACK_MAX_STEPS):
        if token.i == head.i:
            return True
        if token.lower_ in SOURCE_PREPS or token.lemma_.lower() in reporting:
            return False
        if token.dep_ in FALLBACK_BARRIERS or token.head.i == token.i:
            return False
        token = token.head
    return False
