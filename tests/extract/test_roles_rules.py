"""Role and modality rules of extraction, one sentence we wrote per rule (real spaCy model).

Recipient sources tried in the lexicon's order, reporting clauses, datelines, attacks as
agents, participles with an agent, reciprocal and reflexive objects, alleged acts, non-agents,
shared passive subjects, existential sentences, occasions abroad, purpose clauses, and a
headline that repeats the body's event.
"""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import Article

pytestmark = pytest.mark.slow

# (sentence, an event that must be among the mentions: (type, actor countries, recipient
# countries, modality); "?" a party without a country, "" an empty role)
CASES = [
    # a date after a recipient preposition is passed over for the next one ("at")
    (
        "Azerbaijani troops fired mortar rounds on Tuesday at Armenian border posts.",
        ("ASSAULT", "AZE", "ARM"),
    ),
    # the named source wins over an unnamed earlier one
    ("Tehran warned its citizens about Israel.", ("THREATEN", "IRN", "ISR")),
    ("Kenya warned that Somalia would face consequences.", ("THREATEN", "KEN", "SOM")),
    ("The Somali government blamed the bombing on Ethiopian rebels.", ("ACCUSE", "SOM", "ETH")),
    ("Seoul denied Pyongyang's claims.", ("REJECT", "KOR", "PRK")),
    # a participle with its own agent modifies its recipient
    ("Somali troops backed by Kenyan forces attacked a rebel camp.", ("SUPPORT", "KEN", "SOM")),
    # "each other": the actors together, no party of its own
    ("Armenia and Azerbaijan accused each other of shelling villages.", ("ACCUSE", "ARM,AZE", "")),
    # an attack's agent did what was done in it
    (
        "Four Ukrainian medics were killed in a drone attack by Russian units.",
        ("ASSAULT", "RUS", "UKR"),
    ),
    # the subject of "there were"
    ("There were ten Russian soldiers killed on Sunday.", ("ASSAULT", "", "RUS")),
    # the first conjunct's subject is the second passive's recipient
    (
        "Two Iranian reporters were arrested and eventually freed by Turkish police.",
        ("RETREAT", "TUR", "IRN"),
    ),
    # quantity words are read through in a subject condition
    ("Hundreds of Ugandan troops withdrew from Somalia.", ("RETREAT", "UGA", "SOM")),
    # an occasion named after its host city
    ("The Kenyan president will attend the Tokyo Olympics.", ("CONSULT", "KEN", "JPN")),
    # a first name the tagger reads as a preposition is still a list member
    ("Barack Obama and Vladimir Putin talked by phone for an hour.", ("CONSULT", "RUS,USA", "")),
    # an accord is made with the one its announced act serves
    ("Turkey signed a deal on Monday to supply Iraq with electricity.", ("SUPPORT", "TUR", "IRQ")),
    # "supply X with Y": the receiver is the object
    ("Russia supplied Syria with grain.", ("AID", "RUS", "SYR")),
    # an appeal for calm somewhere is aimed at that place
    ("The UN chief called for a ceasefire in Gaza.", ("REQUEST", "UNO", "PSE")),
    # a light verb through its preposition; a show of force aimed at where it happens
    ("The Serbian army stayed on high alert in Kosovo.", ("MOBILIZE", "SRB", "XKX")),
    ("Russia conducted military exercises in Alaska.", ("MOBILIZE", "RUS", "USA")),
    # "whose" stands for the noun its clause modifies
    (
        "The Egyptian foreign minister, whose visit to Israel was the first in years, spoke.",
        ("CONSULT", "EGY", "ISR"),
    ),
    # what sparks protests does not protest; protests named by their place only
    (
        "The arrest of the Senegalese opposition leader sparked protests in Dakar.",
        ("PROTEST", "", "SEN"),
    ),
    # damage done by a crowd is a riot
    ("Rioters torched police cars in Lagos.", ("PROTEST", "NGA", "NGA")),
    # a noun's "of" object carries the recipient preposition
    ("France hastened the withdrawal of its last garrison from Niger.", ("RETREAT", "FRA", "NER")),
    # the subject of "face", "receive", "come under" receives what the noun names
    ("Hungary came under renewed pressure from the EU.", ("REQUEST", "EUR", "HUN")),
    ("The Kenyan president faced criticism from Ugandan officials.", ("ACCUSE", "UGA", "KEN")),
    # wanting another party to act asks it to; wanting to act oneself is no request
    ("The United States wants Israel to halt settlement construction.", ("REQUEST", "USA", "ISR")),
    ("The ruling party's offices in Harare were destroyed by a mob.", ("PROTEST", "ZWE", "ZWE")),
]

# (sentence, trigger, modality)
MODALITY = [
    ("Nigerian nurses went on strike last Thursday over unpaid wages.", "strike", "asserted"),
    ("The Japanese minister is going to visit Seoul.", "visit", "planned"),
    ("France is ready to send troops to Mali.", "send", "planned"),
    (
        "Rwanda is now willing to withdraw soldiers stationed in eastern Congo.",
        "withdraw",
        "planned",
    ),
    ("Peace talks with the Taliban are expected to resume in Doha.", "talks", "planned"),
    ("The two presidents will meet in Lima to discuss trade.", "meet", "planned"),
]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"), MODALITY, ids=[m[0][:40] for m in MODALITY]
)
def test_modality(mentions_of, text: str, trigger: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    (mention,) = [m for m in mentions_of(text) if m.trigger.text == trigger]
    assert mention.modality == modality


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_roles(summaries, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in [s[:3] for s in summaries(text)]


def test_reporting_clause_subject_is_not_the_actor(mentions_of) -> None:  # type: ignore[no-untyped-def]
    (met,) = [m for m in mentions_of("He met the Kenyan president on Monday, officials said.")]
    assert [a.text for a in met.actors] == ["He"]


def test_dateline_is_no_party(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "NAIROBI, Kenya: Kenyan police arrested two opposition activists on Friday."
    (arrest,) = [m for m in mentions_of(text) if m.kind.event_type == "COERCE"]
    assert [a.text for a in arrest.actors] == ["Kenyan police"]


def test_act_an_accusation_names_is_not_asserted(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries("Pakistan accused India of violating the ceasefire.")
    assert ("ACCUSE", "PAK", "IND", "asserted") in found
    assert not [s for s in found if s[0] == "ASSAULT" and s[3] == "asserted"]


def test_disaster_is_no_agent(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries(
        "Dozens of villagers were killed by the earthquake, and Kenyan police arrested looters "
        "in the ruins."
    )
    assert ("COERCE", "KEN") in [s[:2] for s in found], found
    assert not [s for s in found if s[0] == "ASSAULT"], found


def test_reflexive_object_is_the_actor(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries("Officials said the Malian army had attacked itself by mistake.")
    assert ("ASSAULT", "MLI", "MLI", "asserted") in found


def test_purpose_clause_shares_the_plan(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries("Chile and Peru will meet in Lima to discuss fishing rights.")
    assert found and all(s[3] == "planned" for s in found if s[0] == "CONSULT")


def test_headline_repeating_the_body_is_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ethiopia expels Sudanese envoy\n\n"
        "ADDIS ABABA (AFP) - Ethiopia expelled the Sudanese ambassador on Monday."
    )
    (result,) = pipeline.code([Article(id="h", date=dt.date(2024, 5, 13), text=text)])
    (event,) = [e for e in result.events if e.mentions[0].kind.event_type == "SANCTION"]
    assert len(event.mentions) == 2


def test_wanting_to_act_oneself_is_no_request(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries("Egypt wants to hold talks with Sudan on the Nile dam.")
    assert ("CONSULT", "EGY", "SDN") in [s[:3] for s in found], found
    assert not [s for s in found if s[0] == "REQUEST"], found


def test_who_condemns_an_attack_does_not_make_it(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries("Norway condemned the bombing of the Egyptian embassy.")
    assert ("ACCUSE", "NOR") in [s[:2] for s in found]
    assert ("ASSAULT", "", "EGY") in [s[:3] for s in found]
