"""Event-level parties: the lead mention's, completed from the other mentions of the event."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.cluster.within_story import cluster_story
from whimbrel.records import ActorRef, DateRef, EventMention, EventTypeInfo, Span
from whimbrel.resolve.actor_lexicon import ActorLexicon

CONSULT = EventTypeInfo("CONSULT", None, "040", 1, 1.0)
COERCE = EventTypeInfo("COERCE", None, "170", 4, -7.0)


def ref(text: str, name: str | None, country: str | None, sector: str | None) -> ActorRef:
    return ActorRef(text=text, name=name, country=country, sector=sector, confidence=0.8)


def mention(
    start: int,
    actors: list[ActorRef],
    recipients: list[ActorRef],
    kind: EventTypeInfo = CONSULT,
    *,
    date_method: str = "article-date",
) -> EventMention:
    """A mention of the story; one with an explicit date (``date_method``) leads its event."""
    sentence = Span(start, start + 50, "x" * 50)
    trigger = Span(start + 10, start + 15, "x" * 5)
    return EventMention(
        id=f"m{start}",
        story_id="story",
        kind=kind,
        trigger=trigger,
        sentence=sentence,
        actors=tuple(actors),
        recipients=tuple(recipients),
        modality="asserted",
        date=DateRef(dt.date(2024, 3, 4), method=date_method),
        confidence=0.8,
    )


BOATENG = ref("Ghana's foreign minister Kwame Adjei Boateng", "Kwame Adjei Boateng", "GHA", "GOV")
BOATENG_SHORT = ref("Boateng", "Boateng", "GHA", "GOV")
HE = ref("He", "Kwame Adjei Boateng", "GHA", "GOV")
MENSAH = ref("Esi Mensah, Ghana's intelligence director", "Esi Mensah", "GHA", "SPY")
LOME = ref("Lome", "Togo", "TGO", None)
TOGO_OFFICIALS = ref("Togolese officials", "Togolese officials", "TGO", "GOV")
AGBEKO = ref("the Togolese foreign minister", "Komi Agbeko", "TGO", "GOV")
ENVOY = ref("the US envoy", "US envoy", "USA", "GOV")
POLICE = ref("Kenyan police", "Kenyan police", "KEN", "COP")
PROTESTERS = ref("protesters", "protesters", "KEN", "CVL")
RUTO = ref("Kenyan President William Ruto", "William Ruto", "KEN", "GOV")
KENYA_PRESIDENT = ref("Kenya's president", "Kenya's president", "KEN", "GOV")
ABIY = ref("Ethiopian Prime Minister Abiy Ahmed", "Abiy Ahmed", "ETH", "GOV")
ETHIOPIA_PM = ref("Ethiopian prime minister", "Ethiopian prime minister", "ETH", "GOV")
KENYA_FM = ref("Kenya's foreign minister", "Kenya's foreign minister", "KEN", "GOV")
SUDAN_AMBASSADOR = ref("the Sudanese ambassador", "Sudanese ambassador", "SDN", "GOV")
SUDAN_ENVOY = ref("Sudanese envoy", "Sudanese envoy", "SDN", "GOV")

# (mentions of one event, expected actor names, expected recipient names)
CASES = [
    # a co-actor named in another mention joins; "He" and "Boateng" are one party
    (
        [
            mention(0, [BOATENG], [LOME]),
            mention(100, [MENSAH, BOATENG_SHORT], [TOGO_OFFICIALS]),
            mention(200, [HE], [AGBEKO]),
        ],
        {"Kwame Adjei Boateng", "Esi Mensah"},
        {"Togolese officials", "Komi Agbeko"},
    ),
    # the party named by surname in the lead carries the fullest name another mention gives
    (
        [mention(0, [BOATENG_SHORT], [TOGO_OFFICIALS]), mention(100, [HE], [AGBEKO])],
        {"Kwame Adjei Boateng"},
        {"Togolese officials", "Komi Agbeko"},
    ),
    # a co-party of a country not on that side stays out (it would add a dyad)
    (
        [
            mention(0, [BOATENG], [TOGO_OFFICIALS], date_method="rule:weekday"),
            mention(100, [BOATENG_SHORT, ENVOY], [TOGO_OFFICIALS]),
        ],
        {"Kwame Adjei Boateng"},
        {"Togolese officials"},
    ),
    # both sides of one country: a party of the other side never crosses over
    (
        [
            mention(0, [POLICE], [PROTESTERS], COERCE),
            mention(100, [POLICE], [PROTESTERS, RUTO], COERCE),
        ],
        {"Kenyan police"},
        {"protesters", "William Ruto"},
    ),
    # a headline's title-only description and the body's named person are one party, the
    # named person kept, whichever comes first
    (
        [mention(0, [KENYA_PRESIDENT], [ETHIOPIA_PM]), mention(100, [RUTO], [ABIY])],
        {"William Ruto"},
        {"Abiy Ahmed"},
    ),
    (
        [
            mention(0, [RUTO], [ABIY], date_method="rule:weekday"),
            mention(100, [KENYA_PRESIDENT], [ETHIOPIA_PM]),
        ],
        {"William Ruto"},
        {"Abiy Ahmed"},
    ),
    # two titles of one office, neither named
    (
        [mention(0, [SUDAN_AMBASSADOR], [KENYA_FM]), mention(100, [SUDAN_ENVOY], [KENYA_FM])],
        {"Sudanese ambassador"},
        {"Kenya's foreign minister"},
    ),
    # a description of another office is another party
    (
        [mention(0, [RUTO], [ABIY]), mention(100, [RUTO, KENYA_FM], [ABIY])],
        {"William Ruto", "Kenya's foreign minister"},
        {"Abiy Ahmed"},
    ),
]


@pytest.mark.parametrize(("mentions", "actors", "recipients"), CASES)
def test_event_parties(
    mentions: list[EventMention], actors: set[str], recipients: set[str]
) -> None:
    (event,) = cluster_story(
        mentions, lexicon=ActorLexicon.default(), article_date=dt.date(2024, 3, 4)
    )
    actor_names = [a.name for a in event.actors]
    recipient_names = [r.name for r in event.recipients]
    assert sorted(actor_names) == sorted(actors)  # each party once
    assert sorted(recipient_names) == sorted(recipients)


def test_party_keeps_its_own_text() -> None:
    (event,) = cluster_story(
        [mention(0, [BOATENG_SHORT], [TOGO_OFFICIALS]), mention(100, [HE], [AGBEKO])],
        lexicon=ActorLexicon.default(),
        article_date=dt.date(2024, 3, 4),
    )
    (actor,) = event.actors
    assert (actor.text, actor.name) == ("Boateng", "Kwame Adjei Boateng")


@pytest.mark.parametrize(
    ("first", "second", "events"),
    [
        # one country's two sides acting on each other: two happenings
        (([POLICE], [PROTESTERS]), ([PROTESTERS], [POLICE]), 2),
        # the targets unnamed in one of them: still two when its doers are the other's targets
        (([PROTESTERS], [RUTO]), ([POLICE], [PROTESTERS]), 2),
        # the same doers and targets: one
        (([POLICE], [PROTESTERS]), ([POLICE], [PROTESTERS]), 1),
        # one side unnamed and nothing reversed: one
        (([POLICE], [PROTESTERS]), ([POLICE], []), 1),
    ],
)
def test_reversed_sides_of_one_country(first, second, events) -> None:  # type: ignore[no-untyped-def]
    found = cluster_story(
        [mention(0, *first, COERCE), mention(100, *second, COERCE)],
        lexicon=ActorLexicon.default(),
        article_date=dt.date(2024, 3, 4),
    )
    assert len(found) == events
