"""Two mentions merge only on positive evidence of one happening: a country both name or a
named party on the same side of both; and, in one country's affairs, not when one's doers
are the state's forces and the other's armed men outside the state."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.cluster.within_story import cluster_story
from whimbrel.records import ActorRef, DateRef, EventMention, EventTypeInfo, Span
from whimbrel.resolve.actor_lexicon import ActorLexicon

AID = EventTypeInfo("AID", None, "070", 2, 7.0)
ASSAULT = EventTypeInfo("ASSAULT", None, "190", 4, -10.0)


def ref(text: str, country: str | None, sector: str | None) -> ActorRef:
    return ActorRef(text=text, name=text, country=country, sector=sector, confidence=0.8)


US_AGENCY = ref("the US aid agency", "USA", "GOV")
HAITI = ref("Haiti", "HTI", None)
NAVY = ref("the Indian navy", "IND", "MIL")
PIRATES = ref("pirates", None, "CRM")
FREIGHTER = ref("a freighter", None, "BUS")
POLICE = ref("Greek police", "GRC", "COP")
PROTESTERS = ref("protesters", "GRC", "CVL")
BOMBERS = ref("unknown arsonists", "GRC", "UAF")
CLERKS = ref("three bank clerks", "GRC", "CVL")
RIOT_POLICE = ref("riot police", "GRC", "COP")
SHOPKEEPER = ref("a shopkeeper", "GRC", "BUS")


def mention(start: int, actors: list[ActorRef], recipients: list[ActorRef], kind: EventTypeInfo):  # type: ignore[no-untyped-def]
    return EventMention(
        id=f"m{start}",
        story_id="story",
        kind=kind,
        trigger=Span(start + 10, start + 15, "x" * 5),
        sentence=Span(start, start + 50, "x" * 50),
        actors=tuple(actors),
        recipients=tuple(recipients),
        modality="asserted",
        date=DateRef(dt.date(2024, 3, 4), method="article-date"),
        confidence=0.8,
    )


@pytest.mark.parametrize(
    ("kind", "first", "second", "events"),
    [
        # "the US agency shipped tents" and "relief reached Haiti": nothing shared, two
        (AID, ([US_AGENCY], []), ([], [HAITI]), 2),
        # the same donor on both: one
        (AID, ([US_AGENCY], []), ([US_AGENCY], [HAITI]), 1),
        # the navy attacked pirates; the pirates fired on a freighter: "pirates" on opposite
        # sides is no shared party
        (ASSAULT, ([NAVY], [PIRATES]), ([PIRATES], [FREIGHTER]), 2),
        # pirates fired on a freighter, twice told: one
        (ASSAULT, ([PIRATES], [FREIGHTER]), ([PIRATES], []), 1),
        # in one country, police fighting protesters and arsonists killing clerks: two
        (ASSAULT, ([POLICE], [PROTESTERS]), ([BOMBERS], [CLERKS]), 2),
        # a doer outside both armed camps (often a misread victim or place) does not split
        (ASSAULT, ([POLICE], [PROTESTERS]), ([SHOPKEEPER], [PROTESTERS]), 1),
        # police and riot police (one sector) against protesters, twice told: one
        (ASSAULT, ([POLICE], [PROTESTERS]), ([RIOT_POLICE], [PROTESTERS]), 1),
        # a second mention naming no doers still joins: one
        (ASSAULT, ([POLICE], [PROTESTERS]), ([], [PROTESTERS]), 1),
    ],
)
def test_merge_needs_shared_evidence(  # type: ignore[no-untyped-def]
    kind, first, second, events
) -> None:
    found = cluster_story(
        [mention(0, *first, kind), mention(100, *second, kind)],
        lexicon=ActorLexicon.default(),
        article_date=dt.date(2024, 3, 4),
    )
    assert len(found) == events
