"""The stage sequence after the parse (pipeline.run_stages), which the error boundary and the
speed benchmark both follow. The story is ours."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.pipeline import STAGES
from whimbrel.records import Article

pytestmark = pytest.mark.slow

STORY = "Kenya's president met Ugandan officials in Kampala on Monday to discuss trade."


def test_run_stages_announces_each_stage_in_order(pipeline) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="s", date=dt.date(2024, 3, 5), text=STORY)
    heard: list[str] = []
    mentions, events = pipeline.run_stages(
        pipeline.model.nlp(STORY), article, entering=heard.append
    )
    assert heard == [*STAGES, "done"]
    assert [e.lead.kind.event_type for e in events] == ["CONSULT"] and mentions
