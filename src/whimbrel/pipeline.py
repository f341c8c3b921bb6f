"""Build the stages from settings and code articles: read → parse → extract → resolve → cluster.

One bad article never stops a batch: an exception while coding it becomes a ``Reject`` with
the reason, and the batch goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from whimbrel import __version__
from whimbrel.cluster.within_story import cluster_story
from whimbrel.config import Settings
from whimbrel.extract.mention_filter import MentionFilter
from whimbrel.extract.mentions import Extractor
from whimbrel.nlp.model import LoadedModel, load_model
from whimbrel.records import Article, Event, EventMention, Reject, StoryResult
from whimbrel.resolve.actors import ActorLexicon
from whimbrel.resolve.petrarch_dict import load_petrarch_actors, load_petrarch_agents
from whimbrel.resolve.places import Gazetteer
from whimbrel.resolve.story import Resolvers, resolve_story
from whimbrel.resolve.user_dict import UserEntry, load_user_dict

# The stages :meth:`Pipeline.run_stages` runs after the parse, in order.
STAGES = ("extract", "resolve", "cluster")


def _no_hook(stage: str) -> None:
    """The default of ``entering``: no one listens."""


def load_user_dictionaries(paths: Iterable[Path]) -> list[UserEntry]:
    """User dictionaries: YAML/CSV rows, or PETRARCH actor (``[CODE]``) and agent
    (``[~CODE]``) dictionaries, told apart by their codes."""
    entries: list[UserEntry] = []
    for path in paths:
        if path.suffix.lower() != ".txt":
            entries.extend(load_user_dict(path))
        elif "[~" in path.read_text(encoding="utf-8", errors="replace"):
            entries.extend(load_petrarch_agents(path))
        else:
            entries.extend(load_petrarch_actors(path))
    return entries


@dataclass(frozen=True, slots=True)
class Pipeline:
    settings: Settings
    model: LoadedModel
    extractor: Extractor
    resolvers: Resolvers
    mention_filter: MentionFilter | None = None

    @classmethod
    def load(cls, settings: Settings | None = None) -> Pipeline:
        settings = settings or Settings()
        lexicon = ActorLexicon.default()
        if settings.user_dict:
            lexicon = lexicon.with_user_entries(load_user_dictionaries(settings.user_dict))
        return cls(
            settings=settings,
            model=load_model(settings.model),
            extractor=Extractor.default(),
            resolvers=Resolvers(actors=lexicon, gazetteer=Gazetteer.load()),
            mention_filter=MentionFilter.default() if settings.mention_filter else None,
        )

    @property
    def versions(self) -> dict[str, str]:
        return {
            "coder_version": f"whimbrel {__version__}",
            "model": self.model.label,
            "lexicon": self.extractor.version,
        }

    def code(self, items: Iterable[Article | Reject]) -> Iterator[StoryResult]:
        """Code articles in spaCy batches; readers' rejects pass through in order."""
        rejects: deque[Reject] = deque()

        def texts() -> Iterator[tuple[str, Article]]:
            for item in items:
                if isinstance(item, Reject):
                    rejects.append(item)
                else:
                    yield item.text, item

        docs = self.model.nlp.pipe(texts(), as_tuples=True, batch_size=self.settings.batch_size)
        for doc, article in docs:
            while rejects:
                yield StoryResult(article=None, reject=rejects.popleft())
            yield self.code_doc(doc, article)
        while rejects:
            yield StoryResult(article=None, reject=rejects.popleft())

    def run_stages(
        self, doc: Doc, article: Article, *, entering: Callable[[str], object] = _no_hook
    ) -> tuple[tuple[EventMention, ...], tuple[Event, ...]]:
        """The stages after spaCy's parse, in order: extract → resolve → cluster.
        ``entering`` hears each stage's name (one of :data:`STAGES`) as it starts, then
        ``"done"``: the per-article error boundary names the failing stage with it, and the
        speed benchmark times the stages by it, so both follow this one sequence."""
        entering("extract")
        story = self.extractor.extract(doc, article)
        if self.mention_filter is not None:
            story = self.mention_filter.filter_story(story, doc)
        entering("resolve")
        mentions = resolve_story(story, self.resolvers)
        entering("cluster")
        events = cluster_story(mentions, lexicon=self.resolvers.actors, article_date=article.date)
        entering("done")
        return mentions, events

    def code_doc(self, doc: Doc, article: Article) -> StoryResult:
        entered: list[str] = []  # the stage running when an error stops the article is last
        try:
            mentions, events = self.run_stages(doc, article, entering=entered.append)
        except Exception as e:  # noqa: BLE001 - the per-article error boundary of a batch
            stage = entered[-1] if entered else STAGES[0]
            reason = f"{stage} failed: {type(e).__name__}: {e}"
            return StoryResult(
                article=article,
                reject=Reject(
                    origin=article.origin or article.id,
                    reason=reason,
                    stage=stage,
                    story_id=article.id,
                ),
            )
        return StoryResult(article=article, mentions=mentions, events=events)

    def code_texts(self, articles: Iterable[Article]) -> list[StoryResult]:
        """Convenience for small inputs and evaluation adapters."""
        return list(self.code(articles))
