"""From a parsed article to mention drafts: triggers, roles, modality, attribution, time, place.

Pure computation over a spaCy ``Doc``; actor, date and place values are resolved later.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.attach import attached_date, attached_places
from whimbrel.extract.attribution import AttributionCues, sentence_attribution
from whimbrel.extract.modality import ModalityCues, mention_modality, tense_of
from whimbrel.extract.roles import PLACE_LABELS, find_roles, phrase_bounds
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
        for sent in doc.sents:
            drafts.extend(self.sentence_drafts(sent, story_id=article.id))
        entities = tuple(
            EntityMention(Span(e.start_char, e.end_char, e.text), e.label_)
            for e in doc.ents
            if e.label_ in STORY_ENTITY_LABELS
        )
        return ParsedStory(article=article, drafts=tuple(drafts), entities=entities)

    def sentence_drafts(self, sent: SpacySpan, *, story_id: str) -> list[MentionDraft]:
        matches = drop_parts_of_multiword(list(find_triggers(sent, self.triggers)))
        if not matches:
            return []
        attribution = sentence_attribution(sent, cues=self.attribution)
        sentence = Span(sent.start_char, sent.end_char, sent.text)
        drafts = []
        for match in matches:
            draft = self.draft(match, sentence=sentence, story_id=story_id)
            if draft is not None:
                drafts.append(_with_attribution(draft, attribution))
        return drafts

    def draft(self, match: TriggerMatch, *, sentence: Span, story_id: str) -> MentionDraft | None:
        roles = find_roles(match)
        if not roles.actors and not roles.recipients:
            return None
        token = match.token
        reporting = self.modality.reporting_verbs
        place_ids = frozenset(p.i for p in roles.place_objects)
        recipients = [r for r in roles.recipients if r.i not in place_ids]
        places = [_token_span(p) for p in roles.place_objects]
        if not places:
            exclude = frozenset(t.i for t in (*roles.actors, *roles.recipients))
            places = attached_places(token, reporting=reporting, exclude=exclude)
        date = attached_date(token, reporting=reporting)
        modality, hedged = mention_modality(token, cues=self.modality)
        return MentionDraft(
            story_id=story_id,
            kind=match.kind,
            trigger=Span(token.idx, token.idx + len(token.text), token.text),
            sentence=sentence,
            actor_spans=tuple(_phrase(t) for t in roles.actors),
            recipient_spans=tuple(_phrase(t) for t in recipients),
            modality=modality,
            tense=tense_of(date.anchor if date else token, cues=self.modality),
            place_spans=tuple(places),
            place_is_recipient=bool(roles.place_objects) and not recipients,
            date_span=date.span if date else None,
            date_is_report=date.on_report if date else False,
            hedged=hedged,
        )


def drop_parts_of_multiword(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """"held talks": keep the "hold + talk" entry and drop the bare noun "talks" under it."""
    needed = {(m.token.i, need) for m in matches for need in m.entry.needs}
    return [m for m in matches if (m.token.head.i, m.token.lemma_.lower()) not in needed]


def _phrase(token: Token) -> Span:
    start, end = phrase_bounds(token)
    return Span(start, end, token.doc.text[start:end])


def _token_span(token: Token) -> Span:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in PLACE_LABELS:
            return Span(ent.start_char, ent.end_char, ent.text)
    return _phrase(token)


def _with_attribution(draft: MentionDraft, chain: tuple[Attribution, ...]) -> MentionDraft:
    return dataclasses.replace(draft, attribution=chain) if chain else draft
