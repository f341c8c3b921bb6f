"""From a parsed article to mention drafts: triggers, roles, modality, attribution, time, place.

Pure computation over a spaCy ``Doc``; actor, date and place values are resolved later.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from whimbrel import lexicon
from whimbrel.extract.attach_dates import attached_date
from whimbrel.extract.attach_places import attached_places
from whimbrel.extract.attribution import AttributionCues, sentence_attribution
from whimbrel.extract.clauses import PERSON_LABELS, as_span, doc_ents, doc_text, entity_at
from whimbrel.extract.intents import (
    drop_ended_acts,
    drop_purposes,
    fold_announced_acts,
    fold_attack_outcomes,
    fold_conjoined_acts,
    refused_acts,
)
from whimbrel.extract.modality import ModalityCues, mention_modality, tense_of
from whimbrel.extract.phrases import phrase_bounds
from whimbrel.extract.roles import PLACE_LABELS, find_roles
from whimbrel.extract.subjects import is_passive
from whimbrel.extract.triggers import TriggerIndex, TriggerMatch, find_triggers
from whimbrel.records import (
    Article,
    Attribution,
    EntityMention,
    MentionDraft,
    ParsedStory,
    Span,
)

STORY_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "DATE"})
# Which events take which parties when the sentence names none (intent and accord events,
# place-aimed, state and crowd acts) is the `party_rules` section of cameo.yaml.
# Violence with no agent named ("ten soldiers were killed in Ukraine") gets no actor from its
# place: the gold sets' coders often give the place's state, which gains a little on them
# (plover_gsr src 0.891 -> 0.894, petr2_gsr P 0.526 -> 0.539), but it invents an attacker.


@dataclass(frozen=True, slots=True)
class Extractor:
    """Everything extraction needs, built once from the compiled lexicons."""

    triggers: TriggerIndex
    modality: ModalityCues
    attribution: AttributionCues

    @classmethod
    def default(cls) -> Extractor:
        cues = lexicon.load("modality")
        return cls(
            triggers=TriggerIndex.from_tables(lexicon.load("triggers"), lexicon.load("cameo")),
            modality=ModalityCues.from_table(cues),
            attribution=AttributionCues.from_table(cues),
        )

    @property
    def version(self) -> str:
        return self.triggers.version

    def extract(self, doc: Doc, article: Article) -> ParsedStory:
        drafts: list[MentionDraft] = []
        states = [e for e in doc_ents(doc) if e.label_ == "GPE"]
        named = 0  # how many of the states lie before the sentence
        for sent in doc.sents:
            while named < len(states) and states[named].end <= sent.start:
                named += 1
            prior_place = as_span(states[named - 1]) if named else None
            drafts.extend(self.sentence_drafts(sent, story_id=article.id, prior_place=prior_place))
        entities = tuple(
            EntityMention(Span(e.start_char, e.end_char, e.text), e.label_)
            for e in doc_ents(doc)
            if e.label_ in STORY_ENTITY_LABELS
        )
        return ParsedStory(article=article, drafts=tuple(drafts), entities=entities)

    def sentence_drafts(
        self, sent: SpacySpan, *, story_id: str, prior_place: Span | None = None
    ) -> list[MentionDraft]:
        """The sentence's drafts; ``prior_place`` is the last state's place named before it,
        the actor of an agentless arrest that names no place ("One man was detained")."""
        matches = drop_parts_of_multiword(list(find_triggers(sent, self.triggers)))
        if not matches:
            return []
        attribution = sentence_attribution(sent, cues=self.attribution)
        sentence = Span(sent.start_char, sent.end_char, sent.text)
        found: dict[int, MentionDraft] = {}
        for match in matches:
            draft = self.draft(match, sentence=sentence, story_id=story_id, prior_place=prior_place)
            if draft is not None:
                found[match.token.i] = _with_attribution(draft, attribution)
        kept = {
            i: _with_complement_target(sent.doc[i], found)
            for i in found
            if not _is_topic_of_another(sent.doc[i], found)
        }
        kept = {i: _with_demand_target(sent.doc[i], kept) for i in kept}
        kept = drop_purposes(sent.doc, drop_ended_acts(sent.doc, kept))
        kept = fold_attack_outcomes(sent.doc, fold_conjoined_acts(sent.doc, kept))
        return refused_acts(sent.doc, fold_announced_acts(sent.doc, kept))

    def draft(
        self,
        match: TriggerMatch,
        *,
        sentence: Span,
        story_id: str,
        prior_place: Span | None = None,
    ) -> MentionDraft | None:
        roles = find_roles(match)
        token = match.token
        aimed_at_place = match.kind.event_type in party_rule("place_target_types")
        reporting = self.modality.reporting_verbs
        place_ids = frozenset(p.i for p in roles.place_objects)
        recipients = [r for r in roles.recipients if r.i not in place_ids]
        # "will visit Mali and Niger": the first place is the event's (its country is then a
        # recipient), the others are recipients as they stand
        later_places = [p for p in roles.place_objects[1:] if p in roles.recipients]
        places = [_token_span(p) for p in roles.place_objects]
        if not places:
            exclude = frozenset(t.i for t in (*roles.actors, *roles.recipients))
            places = attached_places(token, reporting=reporting, exclude=exclude)
        # "the arrest sparked protests in Dakar": no party named, only the place
        crowd_at_place = match.kind.event_type in party_rule("crowd_types") and bool(places)
        if not roles.actors and not roles.recipients and not crowd_at_place:
            return None
        actor_spans = tuple(_phrase(t) for t in roles.actors)
        date = attached_date(token, reporting=reporting)
        modality, hedged = mention_modality(token, cues=self.modality)
        if not actor_spans and is_state_act(token, match.kind.cameo_code):
            # "was arrested in Lebanon": by Lebanon's authorities; with no place in the
            # sentence, an arrest that happened ("should be arrested" is none) is by those of
            # the place the story last named
            arrest = match.kind.event_type == "COERCE"
            later = prior_place if modality == "asserted" and arrest else None
            state = places[0] if places else later
            actor_spans = (state,) if state is not None else ()
        return MentionDraft(
            story_id=story_id,
            kind=match.kind,
            trigger=Span(token.idx, token.idx + len(token.text), token.text),
            sentence=sentence,
            actor_spans=actor_spans,
            recipient_spans=tuple(_phrase(t) for t in (*recipients, *later_places)),
            modality=modality,
            tense=tense_of(date.anchor if date else token, cues=self.modality),
            place_spans=tuple(places),
            place_is_recipient=not recipients and (bool(roles.place_objects) or aimed_at_place),
            date_span=date.span if date else None,
            date_is_report=date.on_report if date else False,
            past_act=token.tag_ == "VBD",
            hedged=hedged,
        )


@cache
def party_rule(name: str) -> frozenset[str]:
    """The PLOVER types or CAMEO codes of cameo.yaml's ``party_rules`` list ``name``."""
    return frozenset(lexicon.load("cameo")["party_rules"][name])


def is_state_act(token: Token, cameo_code: str) -> bool:
    """An agentless passive of an act only a state's police or government does ("<victims>
    were arrested in Lebanon", "... was deported from Kenya"): its actor is the place's state."""
    coded = cameo_code in party_rule("state_act_codes")
    return coded and is_passive(token)


def _with_complement_target(token: Token, drafts: dict[int, MentionDraft]) -> MentionDraft:
    """ "Spain agreed to lift its sanctions on Morocco", "Brazil threatened to impose
    sanctions on Paraguay", "Turkey signed a deal to supply Iraq with gas": an agreement, a
    threat or an accord with no party of its own is aimed at the target of the act it
    announces (PLOVER codes the AGREE or THREATEN, with that target). Whether the act stays an
    event of its own is intents.py's call."""
    draft = drafts[token.i]
    intent = draft.kind.event_type in party_rule("intent_types")
    intent = intent or draft.kind.cameo_code in party_rule("accord_codes")
    if draft.recipient_spans or not intent:
        return draft
    for clause in announced_acts(token):
        # the complement verb, or its object noun ("threatened to impose *sanctions* on X")
        for act in (clause, *(c for c in clause.children if c.dep_ == "dobj")):
            inner = drafts.get(act.i)
            if inner is not None and inner.recipient_spans:
                return dataclasses.replace(draft, recipient_spans=inner.recipient_spans)
    return draft


def _with_demand_target(token: Token, drafts: dict[int, MentionDraft]) -> MentionDraft:
    """ "Prisoners rioted, demanding independence from X", "... rioted after a rally calling
    for the removal of President X": a crowd's act that names no target is aimed at whom the
    demand it makes is addressed to."""
    draft = drafts[token.i]
    if draft.recipient_spans or draft.kind.event_type not in party_rule("crowd_types"):
        return draft
    for inner_token in token.subtree:
        inner = drafts.get(inner_token.i)
        if inner is not None and inner.kind.event_type == "REQUEST" and inner.recipient_spans:
            return dataclasses.replace(
                draft, recipient_spans=inner.recipient_spans, place_is_recipient=False
            )
    return draft


def announced_acts(token: Token) -> list[Token]:
    """The act a promise, threat or accord announces: its clausal complement, or an
    infinitive of purpose on it or on its object ("signed a deal *to supply* Iraq with gas")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return [
        c
        for head in (token, *objects)
        for c in head.children
        if c.dep_ == "xcomp"
        or c.dep_ in ("advcl", "acl")
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
    ]


def _is_topic_of_another(token: Token, drafts: dict[int, MentionDraft]) -> bool:
    """ "Norway condemned an attack by Sudanese soldiers": a nominal event that is
    only what another coded event is about (its object) and has no counterpart of its own is
    not a separate event; its agent is the other event's recipient. "condemned Israel's
    strike on Gaza" keeps the strike, which names its target, but what an offer or a pledge
    (AGREE) is about is part of it ("offered military support to the Philippines")."""
    draft = drafts[token.i]
    governor = drafts.get(token.head.i)
    if token.pos_ != "NOUN" or token.dep_ != "dobj" or governor is None:
        return False
    # "offered military support to the Philippines": what is offered or promised is the offer's.
    return token.head.pos_ == "VERB" and (
        not draft.recipient_spans or governor.kind.event_type == "AGREE"
    )


def drop_parts_of_multiword(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """ "held talks": keep the "hold + talk" entry and drop the bare noun "talks" under it."""
    needed = {(m.token.i, need) for m in matches for need in m.entry.needs}
    return [m for m in matches if (m.token.head.i, m.token.lemma_.lower()) not in needed]


def _phrase(token: Token) -> Span:
    start, end = phrase_bounds(token)
    person = entity_at(token, PERSON_LABELS)
    if person is not None:  # "Sheikh Hamad bin Khalifa al-Thani": the whole name
        start, end = min(start, person.start_char), max(end, person.end_char)
    return Span(start, end, doc_text(token.doc)[start:end])


def _token_span(token: Token) -> Span:
    ent = entity_at(token, PLACE_LABELS)
    return as_span(ent) if ent is not None else _phrase(token)


def _with_attribution(draft: MentionDraft, chain: tuple[Attribution, ...]) -> MentionDraft:
    return dataclasses.replace(draft, attribution=chain) if chain else draft
