"""Recipient and actor rules of the third round, sentences we wrote (real spaCy model).

An amount "in aid to X", the counterpart of an unnamed commitment a verb's preposition
names, an object put after its "as" phrase, the named noun of a reduced relative clause the
parser made the participle's subject, and a former country name's demonym.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, an event that must be among the mentions: (type, actor countries, recipient
# countries); "?" a party without a country, "" an empty role)
CASES = [
    # a warning "that ...": the one to undergo it, or named, or acted on by an unnamed force
    # of the warner's own
    (
        "Kenya's interior minister warned that police would not tolerate looting.",
        ("THREATEN", "KEN", ""),
    ),
    ("Uganda warned that Kenya would pay a heavy price.", ("THREATEN", "UGA", "KEN")),
    (
        "Uganda's police chief warned that officers would not tolerate rallies by Kenyan traders.",
        ("THREATEN", "UGA", "KEN"),
    ),
    ("Uganda warned that Kenyan traders would be expelled.", ("THREATEN", "UGA", "KEN")),
    ("Uganda warned that Kenya would close the border.", ("THREATEN", "UGA", "KEN")),
    (
        "The Malian army warned that troops would crush the Tuareg rebels.",
        ("THREATEN", "MLI", "MLI"),
    ),
    # an amount stands for what its "in" phrase names: the "to" party two levels down
    (
        "Germany pledged 10 million euros in aid to Chad and Niger on Monday.",
        ("AGREE", "DEU", "NER,TCD"),
    ),
    ("Sweden pledged 40 million kronor in relief to Malawi.", ("AGREE", "SWE", "MWI")),
    # the counterpart of an unnamed commitment named by the verb's preposition
    (
        "Zambia's leader reneged last week on her promise to Kenyan cattle traders about new "
        "grazing rules.",
        ("REJECT", "ZMB", "KEN"),
    ),
    # an object after its "as" phrase, told by its named possessor
    (
        "Peru on Monday denounced as a betrayal Chile's decision to close the border.",
        ("ACCUSE", "PER", "CHL"),
    ),
    # a reduced relative clause the parser made the subject
    (
        "The Red Cross working in Yemen said Saudi forces must allow food to reach civilians.",
        ("REQUEST", "NGO", "SAU"),
    ),
    # ... or its apposition
    (
        "Norway denounced as a grave injustice, Russia's jailing of the reporters.",
        ("ACCUSE", "NOR", "RUS"),
    ),
    # a preposition coordinated with a later one shares its object
    (
        "Ghana has restored ties with and reopened its embassy in Tripoli.",
        ("SUPPORT", "GHA", "LBY"),
    ),
    (
        "Chile has established diplomatic relations with and opened a consulate in La Paz, "
        "officials said.",
        ("SUPPORT", "CHL", "BOL"),
    ),
    # a participle used as a noun names people; its "from" phrase says where they are from
    (
        "Turkish helicopters evacuated the injured from the flooded Syrian town of Afrin.",
        ("AID", "TUR", "SYR"),
    ),
    # a law's participle speaks for whoever passed it
    (
        "On Monday the Kenyan parliament passed a law recognizing opposition wins in the March "
        "polls.",
        ("CONCEDE", "KEN", "KEN"),
    ),
    # force used for a purpose is aimed at the purpose's object; the user, not the means, acts
    # (the purpose, dispersing, is no event of its own: extract/intents.py)
    (
        "In Nairobi, Kenyan officers used tear gas on Friday to disperse students protesting fee "
        "increases.",
        ("ASSAULT", "KEN", "KEN"),
    ),
    # what a protest is about names its target; so does the drive or bid it is part of
    (
        "Thousands of dock workers stopped work on Monday over a pension bill signed by Greek "
        "Finance Minister Nikos Pappas.",
        ("PROTEST", "GRC", "GRC"),
    ),
    (
        "The opposition party began collecting signatures as part of a drive to persuade the "
        "Polish Senate to reject the treaty.",
        ("PROTEST", "POL", "POL"),
    ),
    # a rejected call or invitation names whom it concerns
    (
        "The African Union on Friday rejected a call for its troops to be sent to South Sudan.",
        ("REJECT", "IGO", "SSD"),
    ),
    (
        "Hamas leaders rejected on Sunday an invitation to join talks hosted by Egyptian "
        "mediators in Cairo.",
        ("REJECT", "PSE", "EGY"),
    ),
    # a name inside a compound modifier names the party ("US-led")
    (
        "Jordan's cabinet refused on Tuesday to pledge troops or money to the US-led campaign "
        "against Syria.",
        ("REJECT", "JOR", "USA"),
    ),
    # whose ally a party is does not say who it is
    (
        "Houthi fighters killed the commander of Iran's militia ally in northern Iraq on Sunday.",
        ("ASSAULT", "YEM", "IRQ"),
    ),
    # an agentless passive investigation is the authorities' of the place where it is
    (
        "A British tourist has been put under investigation in Greece for his possible role in "
        "a brawl.",
        ("ACCUSE", "GRC", "GBR"),
    ),
    (
        "Two French citizens are being investigated in Spain over the fire.",
        ("ACCUSE", "ESP", "FRA"),
    ),
    # a former name of a country and its demonym
    (
        "Vietnamese troops fired rockets at Kampuchean guerrilla bases near the Thai border.",
        ("ASSAULT", "VNM", "KHM"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_recipient_rules(summaries, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in [s[:3] for s in summaries(text)]


def test_participle_hung_on_the_subject_is_the_main_verb(summaries) -> None:  # type: ignore[no-untyped-def]
    # a sentence the parser left without a main verb: the participle it hung on a noun of the
    # subject is the verb, and the root noun its subject
    text = (
        "Volunteers from three Irish churches bought and personally delivered 2,000 blankets to "
        "a camp in Gaza."
    )
    assert ("AID", "IRL") in [s[:2] for s in summaries(text)]
