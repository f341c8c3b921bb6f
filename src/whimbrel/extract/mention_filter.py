"""An optional learned filter over mention drafts: drop drafts unlikely to be a story's event.

A small logistic regression scores each draft from its parse and its record only (trigger
part of speech, dependency, lemma, modality, parties, position in the story, how often the
story repeats its type). The weights are data (``data_sources/mention_filter.yaml``, written
by ``benchmarks/train_mention_filter.py`` and validated by
:mod:`whimbrel.lexicon.mention_filter`). A draft is dropped when its score is below the
table's threshold, except that a story always keeps its best-scored draft: the filter trims
side mentions, it never empties a story that had an event.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whimbrel import lexicon
from whimbrel.errors import DataFileError
from whimbrel.extract.clauses import doc_ents
from whimbrel.records import MentionDraft, ParsedStory, Span

# Dependency labels kept as their own feature value; the rest share "other".
KNOWN_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "dobj", "pobj", "nsubj",
     "nsubjpass", "compound", "amod", "pcomp", "appos", "attr", "npadvmod"}
)  # fmt: skip
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class StoryView:
    """What the features of one draft need from its story: the doc and all drafts."""

    doc: Doc
    drafts: Sequence[MentionDraft]
    sentence_index: Mapping[int, int]  # sentence start char -> index in the story
    type_counts: Counter[str]
    named_chars: frozenset[int]  # characters inside a named entity

    @classmethod
    def of(cls, doc: Doc, drafts: Sequence[MentionDraft]) -> StoryView:
        named = frozenset(
            i
            for e in doc_ents(doc)
            if e.label_ in NAMED_LABELS
            for i in range(e.start_char, e.end_char)
        )
        return cls(
            doc=doc,
            drafts=drafts,
            sentence_index={s.start_char: i for i, s in enumerate(doc.sents)},
            type_counts=Counter(d.kind.event_type for d in drafts),
            named_chars=named,
        )

    def trigger_token(self, draft: MentionDraft) -> Token | None:
        span = self.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def is_named(self, span: Span) -> bool:
        return any(i in self.named_chars for i in range(span.start, span.end))


def _bucket(value: int, edges: Sequence[int]) -> str:
    """``value`` as the label of the first edge it does not exceed ("3+" past the last)."""
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f"{edges[-1] + 1}+"


def token_features(token: Token | None) -> dict[str, float]:
    """The trigger's part of speech, dependency, head and lemma."""
    if token is None:
        return {"pos=missing": 1.0}
    dep = token.dep_ if token.dep_ in KNOWN_DEPS else "other"
    pos = token.pos_ if token.pos_ in ("VERB", "NOUN", "PROPN") else "other"
    return {
        f"pos={pos}": 1.0,
        f"dep={dep}": 1.0,
        f"head_pos={token.head.pos_}": 1.0,
        f"lemma={token.lemma_.lower()}": 1.0,
        f"tag={token.tag_}": 1.0,
    }


def draft_features(draft: MentionDraft, *, story: StoryView) -> dict[str, float]:
    """Binary features of one draft: its parse, its record and its place in the story."""
    kind = draft.kind
    sent_index = story.sentence_index.get(draft.sentence.start, 99)
    before_trigger = draft.sentence.text[: draft.trigger.start - draft.sentence.start]
    count = story.type_counts[kind.event_type]
    features = {
        f"type={kind.event_type}": 1.0,
        f"quad={kind.quad_class}": 1.0,
        f"modality={draft.modality}": 1.0,
        f"tense={draft.tense}": 1.0,
        f"actors={_bucket(len(draft.actor_spans), (0, 1))}": 1.0,
        f"recipients={_bucket(len(draft.recipient_spans), (0, 1))}": 1.0,
        f"sentence={_bucket(sent_index, (0, 1, 2, 4, 8))}": 1.0,
        f"type_count={_bucket(count, (1, 2, 4))}": 1.0,
        f"story_drafts={_bucket(len(story.drafts), (1, 3, 6, 12))}": 1.0,
    }
    flags = {
        "hedged": draft.hedged,
        "attributed": bool(draft.attribution),
        "has_place": bool(draft.place_spans),
        "has_date": draft.date_span is not None,
        "date_is_report": draft.date_is_report,
        "place_is_recipient": draft.place_is_recipient,
        "top_type": count == max(story.type_counts.values()),
        "named_actor": any(story.is_named(s) for s in draft.actor_spans),
        "named_recipient": any(story.is_named(s) for s in draft.recipient_spans),
        "quoted": '"' in before_trigger or "\u201c" in before_trigger,
    }
    features.update({name: 1.0 for name, on in flags.items() if on})
    features.update(token_features(story.trigger_token(draft)))
    return features


@dataclass(frozen=True, slots=True)
class MentionFilter:
    """Logistic-regression weights over :func:`draft_features`, and the keep threshold."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> MentionFilter:
        weights = table["weights"]
        if not isinstance(weights, Mapping):
            raise DataFileError(
                "whimbrel/data/mention_filter.json",
                [f"weights must be a mapping, got {weights!r:.60}; rebuild the data files"],
            )
        return cls(
            weights={str(k): float(v) for k, v in weights.items()},
            bias=float(table["bias"]),  # type: ignore[arg-type]
            threshold=float(table["threshold"]),  # type: ignore[arg-type]
        )

    @classmethod
    def default(cls) -> MentionFilter:
        return cls.from_table(lexicon.load("mention_filter"))

    def probability(self, features: Mapping[str, float]) -> float:
        """P(the draft is an event the story is about), by the logistic model."""
        z = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def scores(self, story: ParsedStory, doc: Doc) -> list[float]:
        view = StoryView.of(doc, story.drafts)
        return [self.probability(draft_features(d, story=view)) for d in story.drafts]

    def filter_story(self, story: ParsedStory, doc: Doc) -> ParsedStory:
        """The story with drafts scored below the threshold dropped (the best one stays)."""
        if not story.drafts:
            return story
        scores = self.scores(story, doc)
        best = max(range(len(scores)), key=scores.__getitem__)
        kept = tuple(
            d for i, d in enumerate(story.drafts) if i == best or scores[i] >= self.threshold
        )
        return dataclasses.replace(story, drafts=kept)
