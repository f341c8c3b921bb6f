"""Who acts on whom: sentences we wrote, one per syntactic rule of roles.py (real spaCy model).

Each row is (sentence, an event that must be among the mentions as (PLOVER type, actor
countries, recipient countries, modality)); "?" stands for a party without a country and ""
for an empty role.
"""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import Article, EventMention

pytestmark = pytest.mark.slow
DATE = dt.date(2024, 5, 12)

Summary = tuple[str, str, str, str]


def summaries(pipeline, text: str) -> list[Summary]:  # type: ignore[no-untyped-def]
    (result,) = pipeline.code([Article(id="roles", date=DATE, text=text)])
    assert result.reject is None, result.reject
    return [summary(m) for m in result.mentions]


def summary(mention: EventMention) -> Summary:
    actors = ",".join(sorted({a.country or "?" for a in mention.actors}))
    recipients = ",".join(sorted({r.country or "?" for r in mention.recipients}))
    return mention.kind.event_type, actors, recipients, mention.modality


CASES = [
    # raising through an adjective: "is about to"
    (
        "Kenya is about to restore diplomatic ties with Somalia.",
        ("SUPPORT", "KEN", "SOM", "asserted"),
    ),
    # a list of actors, and the counterpart inside an event-noun object
    (
        "Ghana, Togo, Benin and Niger welcomed the resumption of diplomatic ties with Mali.",
        ("SUPPORT", "BEN,GHA,NER,TGO", "MLI", "asserted"),
    ),
    (
        "Japan welcomed the resumption of diplomatic ties between Iran and Saudi Arabia.",
        ("SUPPORT", "JPN", "IRN,SAU", "asserted"),
    ),
    # one party per place or people
    ("Lawmakers in Chile and Peru criticized Bolivia.", ("ACCUSE", "CHL,PER", "BOL", "asserted")),
    (
        "Dutch and Belgian officials met Moroccan envoys in Rabat.",
        ("CONSULT", "BEL,NLD", "MAR", "asserted"),
    ),
    # the agent of a condemned act is the target of the condemnation
    ("Norway condemned an attack by Sudanese soldiers.", ("ACCUSE", "NOR", "SDN", "asserted")),
    # a pronoun subject of a reported clause is the reporter; "would" there is a plan
    ("Ethiopia said it would expel the Kenyan ambassador.", ("SANCTION", "ETH", "KEN", "planned")),
    (
        "Serbia announced it would free the detained Kosovar police officers.",
        ("RETREAT", "SRB", "XKX", "planned"),
    ),
    # an object pronoun in a reported clause; a passive whose subject is what was fired
    ("Turkey said rockets were fired at it from Syria.", ("ASSAULT", "", "TUR", "asserted")),
    # a passive participle clause with a by-agent
    ("Criticized by Germany, Hungary defended its new law.", ("ACCUSE", "DEU", "HUN", "asserted")),
    # object control: the one urged does the act
    (
        "Egypt urged Israel to withdraw its troops from Gaza.",
        ("RETREAT", "ISR", "PSE", "hypothetical"),
    ),
    (
        "Poland accused Belarus of sending migrants across the border.",
        ("ACCUSE", "POL", "BLR", "asserted"),
    ),
    # a converse verb: the giver acts
    ("Haiti received emergency aid from Canada.", ("AID", "CAN", "HTI", "asserted")),
    # a mutual relation of several actors keeps them together, with no recipient
    ("Qatar and Egypt renewed diplomatic ties.", ("SUPPORT", "EGY,QAT", "", "asserted")),
    # "Neither ... nor" negates, and is not part of the first name
    ("Neither Chile nor Peru attacked the convoy.", ("ASSAULT", "CHL,PER", "?", "negated")),
    # a refusal negates the act refused
    ("Cuba criticized Chile's refusal to talk with Venezuela.", ("CONSULT", "", "VEN", "negated")),
    # an agreement or a threat is aimed at the target of the act it announces
    ("Brazil threatened to impose sanctions on Paraguay.", ("THREATEN", "BRA", "PRY", "asserted")),
    ("Spain agreed to lift its sanctions on Morocco.", ("AGREE", "ESP", "MAR", "asserted")),
    ("Japan offered military support to the Philippines.", ("AGREE", "JPN", "PHL", "asserted")),
    # a name the parser heads with the date after it
    (
        "The Indian envoy met with President Joe Biden Tuesday.",
        ("CONSULT", "IND", "USA", "asserted"),
    ),
    # travel: the traveller of "on his visit", the purpose "for talks", the destination
    (
        "The Kenyan president arrived in Kampala on his first official visit.",
        ("CONSULT", "KEN", "", "asserted"),
    ),
    (
        "The Chinese premier left for Canberra on Sunday for talks with the Australian prime "
        "minister.",
        ("CONSULT", "CHN", "AUS", "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_roles_of_the_event(pipeline, text: str, expected: Summary) -> None:  # type: ignore[no-untyped-def]
    found = summaries(pipeline, text)
    assert expected in found, found


# (sentence, an event type that must not be coded there, why)
ABSENT = [
    (
        "Norway condemned an attack by Sudanese soldiers.",
        "ASSAULT",
        "the attack is only what the condemnation is about",
    ),
    (
        "Japan offered military support to the Philippines.",
        "SUPPORT",
        "the support is what is offered, part of the AGREE",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "why"), ABSENT, ids=[a[2][:30] for a in ABSENT])
def test_event_not_coded(pipeline, text: str, event_type: str, why: str) -> None:  # type: ignore[no-untyped-def]
    found = summaries(pipeline, text)
    assert all(s[0] != event_type for s in found), (why, found)
