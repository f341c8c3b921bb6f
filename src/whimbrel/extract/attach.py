"""The time expression and the places attached to an event in the parse.

We look at the trigger's own dependents first, then climb through the clauses that embed it
("invited last month when Qureshi visited Kabul" dates the visit by its governing clause). A
date found on a reporting verb ("ANI reported on Saturday") dates the report, not the event,
and is flagged so; a date the parser hung elsewhere in the event's clause still counts
("detained a suspect during an operation in Gao district, Mopti region, yesterday"). Places
are found by :mod:`whimbrel.extract.locatives`; datelines by :mod:`whimbrel.extract.clauses`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel.extract.clauses import Dateline, as_span, climb, entity_at, find_dateline, in_dateline
from whimbrel.extract.locatives import attached_places
from whimbrel.records import Span

__all__ = ["Attached", "Dateline", "attached_date", "attached_places", "find_dateline"]

DATE_LABELS = frozenset({"DATE", "TIME"})
# Clauses with a time of their own: a relative clause, a reported or a subject clause.
OWN_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "csubj", "parataxis"})
RELATIVE_PREPS = frozenset({"since", "after", "before", "until", "till", "following", "prior"})


@dataclass(frozen=True, slots=True)
class Attached:
    span: Span
    on_report: bool
    anchor: Token  # the clause head the expression hangs on (its tense reads the expression)


def attached_date(trigger: Token, *, reporting: frozenset[str]) -> Attached | None:
    """The DATE/TIME entity that modifies the event's clause, nearest level first; else the
    nearest one inside the event's clause, wherever the parser hung it ("killed one insurgent
    during an operation in Now Zad district, Helmand province, yesterday")."""
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
