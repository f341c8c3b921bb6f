"""An event's side made only of unresolved parties gives way to another mention's resolved ones
(sentences we wrote, real spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "recipient_country"),
    [
        # "a dinner hosted by X" merged with "met with Y": the dinner is no recipient
        (
            "A delegation of Ghanaian envoys held their first meeting with President Macron at a "
            "dinner hosted by the Ambassador of the Republic of Ghana.",
            "FRA",
        ),
    ],
)
def test_unresolved_side_takes_resolved_parties(
    pipeline, text: str, recipient_country: str
) -> None:  # type: ignore[no-untyped-def]
    (result,) = pipeline.code([Article(id="t", date=dt.date(2024, 5, 12), text=text)])
    countries = [{r.country for r in e.best_recipients} for e in result.events]
    assert any(recipient_country in c for c in countries), countries
