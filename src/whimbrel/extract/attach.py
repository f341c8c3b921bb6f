"""The time expression and the place attached to an event in the parse.

We look at the trigger's own dependents first, then climb through the clauses that embed it
("invited last month when Qureshi visited Kabul" dates the visit by its governing clause). A
date found on a reporting verb ("ANI reported on Saturday") dates the report, not the event,
and is flagged so.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel.extract.roles import PLACE_LABELS
from whimbrel.records import Span

DATE_LABELS = frozenset({"DATE", "TIME"})
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "dobj", "pobj", "prep", "relcl",
                        "acl", "pcomp", "attr", "nsubj", "nsubjpass"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                            "around", "on", "from", "to", "into", "within", "off"})
MAX_CLIMB = 5


@dataclass(frozen=True, slots=True)
class Attached:
    span: Span
    on_report: bool
    anchor: Token  # the clause head the expression hangs on (its tense reads the expression)


def entity_at(token: Token, labels: frozenset[str]) -> SpacySpan | None:
    if token.ent_type_ not in labels:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def as_span(ent: SpacySpan) -> Span:
    return Span(ent.start_char, ent.end_char, ent.text)


def attached_date(trigger: Token, *, reporting: frozenset[str]) -> Attached | None:
    """The DATE/TIME entity that modifies the event's clause, nearest level first."""
    for level, (token, on_report) in enumerate(_climb(trigger, reporting=reporting)):
        # "last month when X visited Kabul": the clause modifies the time noun itself.
        own = entity_at(token, DATE_LABELS) if level else None
        if own is not None:
            return Attached(as_span(own), on_report=on_report, anchor=token.head)
        for child in token.children:
            ent = _date_of(child)
            if ent is not None:
                return Attached(as_span(ent), on_report=on_report, anchor=token)
    return None


def _date_of(child: Token) -> SpacySpan | None:
    if child.dep_ in ("npadvmod", "tmod", "nmod", "advmod", "obl", "compound"):
        return entity_at(child, DATE_LABELS)
    if child.dep_ == "prep":
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                return entity_at(pobj, DATE_LABELS)
    return None


def attached_places(trigger: Token, *, reporting: frozenset[str],
                    exclude: frozenset[int]) -> list[Span]:
    """Places in locative phrases of the event's clause, nearest level first."""
    found: list[Span] = []
    for token, on_report in _climb(trigger, reporting=reporting):
        if on_report:
            break
        heads = [token, *(c for c in token.children if c.dep_ in ("dobj", "attr"))]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                    continue
                for pobj in prep.children:
                    ent = entity_at(pobj, PLACE_LABELS) if pobj.dep_ == "pobj" else None
                    if ent is not None and ent.root.i not in exclude:
                        found.append(as_span(ent))
        if found:
            return found
    return found


def _climb(trigger: Token, *, reporting: frozenset[str]) -> list[tuple[Token, bool]]:
    levels = [(trigger, False)]
    current = trigger
    for _ in range(MAX_CLIMB):
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
        on_report = current.lemma_.lower() in reporting
        levels.append((current, on_report))
        if on_report:
            break
    return levels
