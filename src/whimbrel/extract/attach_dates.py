"""The time expression attached to an event in the parse.

We look at the trigger's own dependents first, then climb through the clauses that embed it
("invited last month when Qureshi visited Kabul" dates the visit by its governing clause). A
date found on a reporting verb ("ANI reported on Saturday") dates the report, not the event,
and is flagged so; a date the parser hung elsewhere in the event's clause still counts
("detained a suspect during an operation in Gao district, Mopti region, yesterday").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.clauses import climb, doc_ents, entity_at, in_dateline
from whimbrel.extract.date_spans import (
    DATE_LABELS,
    clock_time_before_zone,
    date_span,
    is_clock_time,
    ordinal_of_a_noun,
    with_day_of,
)
from whimbrel.records import Span

__all__ = ["Attached", "attached_date"]

# Clauses with a time of their own: a relative clause, a reported or a subject clause.
OWN_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "csubj", "parataxis"})
# Dependencies the parser gives a clause it hangs on another across a semicolon.
SEMICOLON_DEPS = frozenset({"ccomp", "parataxis", "conj"})
RELATIVE_PREPS = frozenset({"since", "after", "before", "until", "till", "following", "prior"})


@dataclass(frozen=True, slots=True)
class Attached:
    span: Span
    on_report: bool
    anchor: Token  # the clause head the expression hangs on (its tense reads the expression)


def attached_date(trigger: Token, *, reporting: frozenset[str]) -> Attached | None:
    """The DATE/TIME entity that modifies the event's clause, nearest level first; else the
    nearest one inside the event's clause, wherever the parser hung it ("seized weapons
    during a patrol in the Orgun district of Paktika on Tuesday")."""
    levels = _below_past_perfect_aside(_before_semicolon(climb(trigger, reporting=reporting)))
    clause = [token for token, on_report in levels if not on_report][-1]
    for level, (token, on_report) in enumerate(levels):
        found = _date_at_level(token, level=level)
        if found is None:
            continue
        ent, anchor = found
        if on_report:
            # "confirmed today the arrest ... Friday": the event's own date first.
            inside = _date_inside(clause, trigger=trigger, reporting=reporting)
            if inside is None:
                inside = _date_after_event(token, ent, trigger=trigger, reporting=reporting)
            if inside is not None:
                return Attached(date_span(inside), on_report=False, anchor=clause)
        return Attached(date_span(ent), on_report=on_report, anchor=anchor)
    inside = _date_inside(clause, trigger=trigger, reporting=reporting)
    if inside is None:
        inside = _trailing_date_of_report(levels, trigger=trigger, reporting=reporting)
    return None if inside is None else Attached(date_span(inside), on_report=False, anchor=clause)


def _trailing_date_of_report(
    levels: list[tuple[Token, bool]], *, trigger: Token, reporting: frozenset[str]
) -> SpacySpan | None:
    """A date after the event in the clause of the report that tells it, with no date of its
    own ("confirmed the capture of a courier during a raid in Khost province Thursday"): the
    parser hangs it on a noun of the report's clause, yet it dates the reported event."""
    report = next((token for token, on_report in levels if on_report), None)
    if report is None:
        return None
    return _date_after_event(report, None, trigger=trigger, reporting=reporting)


def _before_semicolon(levels: list[tuple[Token, bool]]) -> list[tuple[Token, bool]]:
    """The levels up to a clause a semicolon parts from the one above it: clauses so joined
    tell happenings of their own ("Her murder set off protests; workers struck on 1 May"),
    though the parser may hang one on the other."""
    for n, ((token, _), (head, _)) in enumerate(zip(levels, levels[1:], strict=False)):
        low, high = sorted((token.i, head.i))
        if token.dep_ in SEMICOLON_DEPS and any(t.text == ";" for t in token.doc[low + 1 : high]):
            return levels[: n + 1]
    return levels


def _below_past_perfect_aside(levels: list[tuple[Token, bool]]) -> list[tuple[Token, bool]]:
    """The levels up to a relative clause in the past perfect: an aside telling what had
    happened before ("the commander, who had been arrested in May, escaped on Friday"), which
    the main clause's date does not date."""
    for n, (token, _) in enumerate(levels):
        if token.dep_ == "relcl" and any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children
        ):
            return levels[: n + 1]
    return levels


def _date_at_level(token: Token, *, level: int) -> tuple[SpacySpan, Token] | None:
    # "last month when X visited Kabul": the clause modifies the time noun itself.
    own = entity_at(token, DATE_LABELS) if level else None
    if own is not None and not in_dateline(own):
        return own, token.head
    for child in token.children:
        ent = _date_of(child)
        if ent is not None and not in_dateline(ent):
            return ent, token
    if level == 0 and token.pos_ == "NOUN":
        return _date_of_own_relative_clause(token)
    if level == 0:
        return _vague_time_adverb(token)
    return None


def _vague_time_adverb(verb: Token) -> tuple[SpacySpan, Token] | None:
    """ "who were killed recently", "had previously clashed": no date, but words that set the
    happening apart from the day the story tells of (no entity, so found by their word)."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _vague_time_words():
            return child.doc[child.i : child.i + 1], verb
    return None


@cache
def _vague_time_words() -> frozenset[str]:
    """The one-word adverbs of a vague past ("recently", "previously"); not "later", which
    mostly means later the same day."""
    return frozenset(
        w for w in lexicon.load("dates")["past_ref"] if w.endswith("ly") and " " not in w
    )


def _date_of_own_relative_clause(noun: Token) -> tuple[SpacySpan, Token] | None:
    """ "the raid, which troops began on Friday 3 March": a clause describing the
    event noun itself says when it happened; so does a clause telling that something
    happened, which the parser may hang on the noun's complement ("the murder of six
    priests, which occurred on 16 November")."""
    clauses = [c for c in noun.children if c.dep_ == "relcl"]
    for prep in noun.children:
        if prep.dep_ == "prep":
            clauses += [
                c
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for c in pobj.children
                if c.dep_ == "relcl" and _tells_occurrence(c)
            ]
    for clause in clauses:
        for child in clause.children:
            ent = _date_of(child)
            if ent is not None and not in_dateline(ent):
                return ent, clause
    return None


def _tells_occurrence(verb: Token) -> bool:
    """ "occurred", "happened", "took place": a verb whose subject is a happening."""
    lemma = verb.lemma_.lower()
    objects = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "dobj"]
    return any(word in _occurrence_verbs() for word in (lemma, *objects))


@cache
def _occurrence_verbs() -> frozenset[str]:
    return frozenset(lexicon.load("dates")["occurrence_verbs"])


def _date_inside(clause: Token, *, trigger: Token, reporting: frozenset[str]) -> SpacySpan | None:
    """The DATE entity in ``clause`` nearest the trigger, outside embedded clauses of their own
    ("the commander, who was arrested in May, ..." does not date the event)."""
    found = [
        ent
        for ent in doc_ents(trigger.doc)
        if ent.label_ in DATE_LABELS
        and clause.left_edge.i <= ent.root.i <= clause.right_edge.i
        and _same_clause(ent.root, clause, reporting=reporting)
        and not _in_other_conjunct(ent.root, clause, trigger=trigger)
        and not in_dateline(ent)
        and not (ent.root.dep_ == "pobj" and is_clock_time(ent.root.head, ent.root))
        and not clock_time_before_zone(ent)
        and not ordinal_of_a_noun(ent)
        and not _dates_a_participant(ent, trigger=trigger, clause=clause)
    ]
    return min(found, key=lambda ent: abs(ent.root.i - trigger.i), default=None)


def _date_after_event(
    report: Token, report_date: SpacySpan | None, *, trigger: Token, reporting: frozenset[str]
) -> SpacySpan | None:
    """A second date of the report's clause, after the event it reports: the parser hangs a
    trailing date on the reporting verb ("confirmed today the arrest of a financier during
    an operation in Kandahar province Sept. 19"), yet it dates the event."""
    found = [
        ent
        for ent in doc_ents(trigger.doc)
        if ent.label_ in DATE_LABELS
        and ent.start > trigger.i
        and (report_date is None or ent.start != report_date.start)
        and not (ent.label_ == "TIME" and _qualifies_a_noun(ent))
        and ent.root.i <= report.right_edge.i
        and ent.sent.start == trigger.sent.start
        and _same_clause(ent.root, report, reporting=reporting)
        and not in_dateline(ent)
    ]
    return min(found, key=lambda ent: ent.start, default=None)


def _same_clause(token: Token, clause: Token, *, reporting: frozenset[str]) -> bool:
    """Whether ``token`` belongs to ``clause`` itself: not to a clause of its own, nor to a
    happening the event is placed relative to ("since the takeover on August 15")."""
    while token.i != clause.i:
        if _heads_own_clause(token) or token.lemma_.lower() in reporting:
            return False
        if token.dep_ == "prep" and token.lower_ in RELATIVE_PREPS:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _qualifies_a_noun(ent: SpacySpan) -> bool:
    """ "an overnight raid", "a night patrol", "the May 3 attack": a time word qualifying a
    noun."""
    outside = [token for token in ent if not ent.start <= token.head.i < ent.end]
    return any(token.dep_ in ("amod", "compound", "nmod") for token in outside) and all(
        token.head.i == outside[0].head.i and token.head.pos_ == "NOUN" for token in outside
    )


def _dates_a_participant(ent: SpacySpan, *, trigger: Token, clause: Token) -> bool:
    """ "confirmed the death of a leader behind the Aug. 7 attack", "conducted attacks and was
    involved in the Aug. 8 bombing": a date qualifying another noun than the event dates that
    noun's happening; not when the noun frames the event itself ("detained him during a
    Tuesday raid": the phrase hangs on the event)."""
    if not _qualifies_a_noun(ent):
        return False
    noun = next(token.head for token in ent if not ent.start <= token.head.i < ent.end)
    if noun.i == trigger.i:
        return False
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False  # an object or subject: the parse is too loose here to tell
    if prep.lower_ in ("on", "at"):
        return False  # "on 12 August guerrilla units attacked": the day is the phrase's object
    return prep.head.i not in _heads_up_to(clause, trigger=trigger)


def _heads_up_to(clause: Token, *, trigger: Token) -> set[int]:
    """The trigger and the heads above it up to its clause's head."""
    found, token = {trigger.i}, trigger
    while token.i != clause.i and token.head.i != token.i:
        token = token.head
        found.add(token.i)
    return found


def _heads_own_clause(token: Token) -> bool:
    """A clause of its own; not a word of a name the parser took for one ("in Tarnak wa Jaldak
    district" parsed with "wa" heading a reported clause): no clause is headed by a preposition
    or a name, and a reported clause has a subject."""
    if token.dep_ not in OWN_CLAUSE_DEPS or token.pos_ in ("ADP", "PROPN"):
        return False
    return token.dep_ not in ("ccomp", "parataxis") or any(
        child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for child in token.children
    )


def _in_other_conjunct(token: Token, clause: Token, *, trigger: Token) -> bool:
    """Whether ``token`` lies in a conjoined clause with a subject of its own that does not
    hold the trigger ("Her murder set off protests; workers staged a strike on 1 May"): that
    clause tells another happening."""
    while token.i != clause.i and token.head.i != token.i:
        if (
            token.dep_ == "conj"
            and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and not token.left_edge.i <= trigger.i <= token.right_edge.i
        ):
            return True
        token = token.head
    return False


def _date_of(child: Token) -> SpacySpan | None:
    if child.dep_ in ("npadvmod", "tmod", "nmod", "advmod", "obl", "compound"):
        return entity_at(child, DATE_LABELS) or _back_reference(child)
    # "since Oct. 1", "until Friday": the event is placed relative to that day, not on it.
    if child.dep_ == "prep" and child.lower_ not in RELATIVE_PREPS:
        for pobj in child.children:
            if pobj.dep_ == "pobj" and not is_clock_time(child, pobj):
                ent = entity_at(pobj, DATE_LABELS)
                return _back_reference(pobj) if ent is None else with_day_of(ent, pobj)
    return None


def _back_reference(noun: Token) -> SpacySpan | None:
    """ "during the same period", "that day": the period the story named last, which the
    parser seldom tags as a date."""
    if noun.pos_ != "NOUN":
        return None
    phrase = noun.doc[noun.left_edge.i : noun.i + 1]
    words = phrase.text.lower().removeprefix("the ")
    return phrase if words in _back_references() else None


@cache
def _back_references() -> frozenset[str]:
    return frozenset(lexicon.load("dates")["back_references"])
