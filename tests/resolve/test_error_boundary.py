"""The per-article error boundary of a batch (pipeline.code_doc): an article whose coding
raises becomes a reject naming the stage and error, and the batch goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.readers import read_inputs
from whimbrel.records import Article

pytestmark = pytest.mark.slow

# A genuine trip, no mock: an article dated the last day the calendar can hold that speaks of
# "tomorrow" makes date resolution step past dt.date.max. (Should date resolution learn to
# clamp at the calendar's ends, this input stops failing: replace it with another real one.)
EDGE_OF_TIME = "date 9999-12-31 Kenya's president will fly to Uganda tomorrow for talks.\n"
ORDINARY = "date 2024-03-04 Kenya's president met Ugandan officials in Kampala on Monday.\n"


def test_an_article_that_fails_in_coding_is_a_reject_and_the_batch_goes_on(
    pipeline,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    (tmp_path / "1_edge.txt").write_text(EDGE_OF_TIME, encoding="utf-8")
    (tmp_path / "2_ordinary.txt").write_text(ORDINARY, encoding="utf-8")
    articles = list(read_inputs([str(tmp_path)]))
    assert [type(a) for a in articles] == [Article, Article]  # both read: the failure is later
    failed, coded = pipeline.code(articles)
    assert failed.reject is not None and failed.article == articles[0]
    assert failed.reject.stage == "resolve" and failed.reject.story_id == articles[0].id
    assert failed.reject.reason.startswith("resolve failed: OverflowError")
    assert failed.events == () and failed.mentions == ()
    assert coded.reject is None and [e.lead.kind.event_type for e in coded.events] == ["CONSULT"]
