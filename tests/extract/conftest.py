"""Code one made-up sentence with the real pipeline and summarise what it found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from whimbrel.records import Article, EventMention

DATE = dt.date(2024, 5, 12)  # a Sunday
Summary = tuple[str, str, str, str]


def summary(mention: EventMention) -> Summary:
    """(type, actor countries, recipient countries, modality); "?" for an unresolved party."""
    actors = ",".join(sorted({a.country or "?" for a in mention.actors}))
    recipients = ",".join(sorted({r.country or "?" for r in mention.recipients}))
    return mention.kind.event_type, actors, recipients, mention.modality


@pytest.fixture(scope="session")
def mentions_of(pipeline) -> Callable[[str], list[EventMention]]:  # type: ignore[no-untyped-def]
    def code(text: str) -> list[EventMention]:
        (result,) = pipeline.code([Article(id="t", date=DATE, text=text)])
        assert result.reject is None, result.reject
        return list(result.mentions)

    return code


@pytest.fixture(scope="session")
def summaries(mentions_of) -> Callable[[str], list[Summary]]:  # type: ignore[no-untyped-def]
    return lambda text: [summary(m) for m in mentions_of(text)]
