"""A happening named again by its noun ("Russia condemned the strikes", "Kyiv welcomed the
sanctions"): the recipient is whoever did it, taken from the story's latest earlier mention
of that kind, as CAMEO and PLOVER code a reaction to an act against the act's doer.

A noun that names an act without saying which ("the measures", "the move"; ``act_nouns`` in
coreference.yaml) is read as the latest earlier act that is not itself a verbal reaction. Only
a definite noun phrase left unresolved is read so ("the strikes", "these sanctions"), only
from a mention before it in the text, and never when the reacting side did the act itself
("Washington defended the strikes" names no recipient). Each recalled party keeps the
anaphor's own span as its evidence, with method ``event-anaphora``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache

from whimbrel import lexicon
from whimbrel.records import ActorRef, EventMention

METHOD = "event-anaphora"
# A recalled party is as sure as the party it comes from, less the step of reading the noun.
CONFIDENCE_FACTOR = 0.6
DEFINITE_WORDS = frozenset({"the", "these", "those", "this", "that", "such"})
# Verbal reactions to acts: what an unnamed "move" or "measure" never refers to.
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})


@cache
def noun_event_types() -> Mapping[str, frozenset[str]]:
    """Each trigger noun of the trigger lexicon with the PLOVER types its entries code."""
    codes = lexicon.load("cameo")["codes"]
    found: dict[str, set[str]] = {}
    for entry in lexicon.load("triggers")["entries"]:
        plover = codes.get(entry["cameo"], {}).get("plover")
        if "NOUN" in entry["pos"] and plover:
            found.setdefault(entry["head"], set()).add(plover)
    return {head: frozenset(types) for head, types in found.items()}


def named_event_types(text: str) -> frozenset[str]:
    """The event types a definite phrase's head noun names ("the air strikes" -> ASSAULT,
    PROTEST; "the measures" -> any act), or none when the phrase is not definite or its head
    is no event noun."""
    words = text.lower().split()
    if len(words) < 2 or words[0] not in DEFINITE_WORDS:
        return frozenset()
    head = words[-1]
    if head in lexicon.load("coreference")["act_nouns"]:
        return act_types()
    nouns = noun_event_types()
    for form in (head, head.removesuffix("s"), head.removesuffix("es")):
        if form in nouns:
            return nouns[form]
    return frozenset()


@cache
def act_types() -> frozenset[str]:
    """The PLOVER types an unnamed act ("the move") may be: all but verbal reactions."""
    return frozenset(lexicon.load("cameo")["types"]) - REACTION_TYPES


def with_event_anaphora(mentions: Sequence[EventMention]) -> tuple[EventMention, ...]:
    """The story's mentions with each unresolved recipient that names an earlier happening
    replaced by that happening's actors."""
    resolved: list[EventMention] = []
    for mention in mentions:
        recipients: list[ActorRef] = []
        for party in mention.recipients:
            recalled = _recalled(party, mention, resolved)
            recipients.extend(recalled or (party,))
        if recipients != list(mention.recipients):
            mention = dataclasses.replace(mention, recipients=tuple(recipients))
        resolved.append(mention)
    return tuple(resolved)


def _recalled(
    party: ActorRef, mention: EventMention, earlier: Sequence[EventMention]
) -> list[ActorRef]:
    if party.method != "unresolved" or party.span is None:
        return []
    types = named_event_types(party.text)
    if not types:
        return []
    own = {a.country for a in mention.actors if a.country}
    for before in reversed(earlier):
        if before.kind.event_type not in types or before.trigger.start >= party.span.start:
            continue
        doers = [a for a in before.actors if a.country or a.name]
        if not doers or own & {a.country for a in doers}:
            return []
        return [_as_recalled(doer, party) for doer in doers]
    return []


def _as_recalled(doer: ActorRef, anaphor: ActorRef) -> ActorRef:
    return dataclasses.replace(
        doer,
        text=anaphor.text,
        span=anaphor.span,
        method=METHOD,
        confidence=round(doer.confidence * CONFIDENCE_FACTOR, 3),
    )
