"""Words that are no political act in their sentence, beside the same words that are one
(issue 4: a dictionary coder's false positives). Each row is a sentence we wrote, coded by the
real pipeline.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, a (type, CAMEO code) that must NOT be among its mentions)
NOT_EVENTS = [
    # a science agency's grant is patronage of research, not aid to a political actor
    ("The foundation funded the study of coral reefs.", ("AID", "071")),
    ("The survey, funded by the health ministry, was published on Monday.", ("AID", "071")),
    (
        "The science council funded the project to scan fossil specimens at the university.",
        ("AID", "071"),
    ),
    # hosting content, a contest or an event is no hosting of a visitor
    ("The city hosted the football tournament in June.", ("CONSULT", "043")),
    ("The platform hosts thousands of videos from the war.", ("CONSULT", "043")),
    # a storm slamming into a coast criticises no one
    ("The storm slammed into the coast on Monday.", ("ACCUSE", "111")),
    # declining with nothing declined is a decrease
    ("Support for the party declined after the war.", ("REJECT", "120")),
    ("Exports to Russia have declined sharply.", ("REJECT", "120")),
    # a campaign rally is electioneering, not a demonstration
    ("The senator spoke at a campaign rally in Ohio.", ("PROTEST", "141")),
    ("The party held an election rally in Accra on Sunday.", ("PROTEST", "141")),
    # a camera capturing someone, or a candidate capturing attention, arrests no one
    ("A security camera captured the minister leaving the hotel.", ("COERCE", "173")),
    ("The young candidate captured the imagination of voters.", ("COERCE", "173")),
    # a discharge from hospital frees no one held by another party
    ("The senator was released from the hospital on Friday.", ("RETREAT", "0841")),
    # attacking someone for their words is criticism, not violence
    ("The governor attacked the senator for his remarks on immigration.", ("ASSAULT", "190")),
    # a plan or a crowd "met with" a reaction, or "met by" a mob, meets no one
    ("The proposal was met with criticism from the unions.", ("CONSULT", "040")),
    ("The marchers were met by an angry mob at the bridge.", ("CONSULT", "040")),
    # water bombing puts out fires; attacking a proclamation is criticism
    ("Water bombing by helicopters slowed the forest fire.", ("ASSAULT", "183")),
    # agreeing that something is or has been so shares a view; it promises nothing
    ("The panelists agreed that the situation was serious.", ("AGREE", "030")),
    ("The candidates agreed that the reforms had done more harm than good.", ("AGREE", "030")),
    # an advantage is no aid; condolences are no offer; dropping out of a race concedes nothing
    ("The senator was aided by the support of young voters.", ("AID", "070")),
    ("The governor was assisted by strong turnout in the cities.", ("AID", "070")),
    ("The speaker offered his condolences to the family.", ("AGREE", "030")),
    ("The candidate suspended her presidential campaign after the primary.", ("CONCEDE", "080")),
    ("The author wants readers to understand the history of the law.", ("REQUEST", "020")),
    ("The scale of the flooding calls for an urgent response.", ("REQUEST", "020")),
    # a blocker reads the conjuncts of the objects
    (
        "They said the deal mattered for the fight against Zika and other epidemics.",
        ("ASSAULT", "190"),
    ),
    # a question is no request
    ("A reporter asked the minister whether Kenya would send troops.", ("REQUEST", "020")),
    ("The prime minister's office asked if he was aware of the incident.", ("REQUEST", "020")),
    # a forecast is no threat; a police cordon is no protest
    ("The economists warned that food prices would rise sharply.", ("THREATEN", "130")),
    ("The ministers warned that the vote would be a dark day for the union.", ("THREATEN", "130")),
    ("Police blocked the road near the station after the blast.", ("PROTEST", "144")),
    # a view on what must be, or leaving a job for a better one, is no demand and no visit
    ("The minister said that regional security must have one common aim.", ("REQUEST", "100")),
    ("The archbishop said people must know that priests serve the faithful.", ("REQUEST", "100")),
    (
        "After the president's speech, many young doctors left the country for better jobs.",
        ("CONSULT", "042"),
    ),
    ("The king attacked the proclamation of the new border on television.", ("ASSAULT", "190")),
]

# (sentence, a (type, CAMEO code) that must still be among its mentions)
STILL_EVENTS = [
    ("The Netherlands funded the new water plant in Gaza.", ("AID", "071")),
    ("Egypt hosted the Israeli delegation in Cairo.", ("CONSULT", "043")),
    ("The opposition slammed the budget as reckless.", ("ACCUSE", "111")),
    ("The president declined the invitation to the summit.", ("REJECT", "120")),
    ("The invitation was declined by Iran.", ("REJECT", "120")),
    ("Thousands attended a rally against the new law.", ("PROTEST", "141")),
    ("Police captured the escaped prisoner near the border.", ("COERCE", "173")),
    ("The prisoner was released from jail on Friday.", ("RETREAT", "0841")),
    ("The governor attacked the senator for his remarks on immigration.", ("ACCUSE", "111")),
    ("Rebels attacked the convoy for the second time this week.", ("ASSAULT", "190")),
    ("The envoy was met by the Iranian foreign minister at the airport.", ("CONSULT", "040")),
    ("The king attacked the proclamation of the new border on television.", ("ACCUSE", "111")),
    ("Rebels attacked the base near Gao.", ("ASSAULT", "190")),
    ("Kenya said that Somalia must withdraw its claim to the waters.", ("REQUEST", "100")),
    ("Iran warned that it would retaliate against any attack.", ("THREATEN", "130")),
    ("Iran asked the UN to investigate whether the strike broke the law.", ("REQUEST", "020")),
    ("Lawmakers asked the central bank for an explanation.", ("REQUEST", "020")),
    ("Volunteers aided the survivors of the cyclone.", ("AID", "070")),
    ("Kenyan troops fought the militants and their allies near the border.", ("ASSAULT", "190")),
    ("Church leaders called for calm after the verdict.", ("REQUEST", "020")),
    ("The United States wants Israel to halt settlement construction.", ("REQUEST", "020")),
    ("The opposition suspended its protests for a week.", ("CONCEDE", "080")),
    ("Both sides agreed that there would be a ceasefire on Friday.", ("AGREE", "030")),
    (
        "Polish and Czech officials agreed on Tuesday that their states should cooperate.",
        ("AGREE", "030"),
    ),
    ("The general warned that there would be consequences for any incursion.", ("THREATEN", "130")),
    (
        "The president warned that the measures could affect security in the region.",
        ("THREATEN", "130"),
    ),
    ("Protesters blocked the main highway to the airport.", ("PROTEST", "144")),
    ("The foreign minister left for Beijing on Monday for talks on trade.", ("CONSULT", "042")),
]


@pytest.mark.parametrize(("text", "absent"), NOT_EVENTS, ids=[c[0][:40] for c in NOT_EVENTS])
def test_no_act_is_coded(text: str, absent: tuple[str, str], mentions_of) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert absent not in found, found


@pytest.mark.parametrize(("text", "event"), STILL_EVENTS, ids=[c[0][:40] for c in STILL_EVENTS])
def test_the_act_is_still_coded(text: str, event: tuple[str, str], mentions_of) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert event in found, found


# One happening told with two words: (sentence, the types of its mentions, in text order).
ONE_HAPPENING = [
    # a bare motive noun after "in" is the act it hangs on
    ("The activist staged a hunger strike in protest against the arrests.", ["PROTEST"]),
    ("The army shelled the village in retaliation for the ambush.", ["ASSAULT"]),
    # a crowd's act and the demand it makes, even with a preposition
    (
        "Crowds marched through Nairobi on Saturday calling for new elections.",
        ["PROTEST"],
    ),
    # one act and its outcomes, conjoined under one subject with one code
    ("A roadside bomb killed one soldier and wounded two others near Mosul.", ["ASSAULT"]),
    ("Police arrested five protesters and detained three reporters in Minsk.", ["COERCE"]),
    # an attack noun that is the subject of its outcome verb
    ("The bombing of the market killed thirty people.", ["ASSAULT"]),
    ("The shelling of Donetsk wounded three children on Sunday.", ["ASSAULT"]),
]

# Two happenings that stay two: a subject of its own, another code, or a determiner.
TWO_HAPPENINGS = [
    (
        "Police arrested five protesters and the army detained three reporters in Minsk.",
        ["COERCE", "COERCE"],
    ),
    ("Gunmen killed two policemen and kidnapped a judge in Kano.", ["ASSAULT", "ASSAULT"]),
    ("Police killed two men in the raid on the farm.", ["ASSAULT", "COERCE"]),
    # an act and what it did: two mentions (the cluster stage may join them)
    ("Rebels stormed an army post near Goma and killed six guards.", ["ASSAULT", "ASSAULT"]),
]


@pytest.mark.parametrize(
    ("text", "types"),
    ONE_HAPPENING + TWO_HAPPENINGS,
    ids=[c[0][:40] for c in ONE_HAPPENING + TWO_HAPPENINGS],
)
def test_one_happening_is_one_event(text: str, types: list[str], mentions_of) -> None:
    found = sorted(mentions_of(text), key=lambda m: m.trigger.start)
    assert [m.kind.event_type for m in found] == types, [
        (m.kind.event_type, m.trigger.text) for m in found
    ]


# A verb conjoined to a denial or a refusal is its sibling, not denied or refused by it; a
# shared negation still reaches it. (sentence, trigger, modality)
CONJOINED_MODALITY = [
    (
        "The group denies the massacre and accuses Britain of ethnic cleansing.",
        "accuses",
        "asserted",
    ),
    ("Peru has refused to send troops and has urged its citizens to leave.", "urged", "asserted"),
    ("Iran did not attack the tanker or seize its crew.", "seize", "negated"),
]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"), CONJOINED_MODALITY, ids=[c[1] for c in CONJOINED_MODALITY]
)
def test_a_conjoined_verb_keeps_its_own_modality(
    text: str, trigger: str, modality: str, mentions_of
) -> None:
    found = {m.trigger.text: m.modality for m in mentions_of(text)}
    assert found.get(trigger) == modality, found


# A happening named after a background preposition keeps its own modality; an act a call or a
# proposal asks for (an infinitive on a noun) is not asserted. (sentence, trigger, modality)
BACKGROUND_MODALITY = [
    (
        "Putin offered to negotiate with Baku following the invasion of Dagestan.",
        "invasion",
        "asserted",
    ),
    ("Kenya will send troops amid attacks by militants on the border.", "attacks", "asserted"),
    (
        "The bishop called for sanctions in the wake of the poet's execution.",
        "execution",
        "asserted",
    ),
    ("Kenya will send troops amid attacks by militants on the border.", "send", "planned"),
    ("The council rejected a call for its troops to be deployed in Darfur.", "deployed", "negated"),
    ("Iran will meet the envoys during the visit next week.", "visit", "planned"),
    ("The senator favored prosecuting the banks for fraud.", "prosecuting", "hypothetical"),
]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    BACKGROUND_MODALITY,
    ids=[f"{c[1]}-{c[2]}" for c in BACKGROUND_MODALITY],
)
def test_background_and_requested_acts_keep_their_modality(
    text: str, trigger: str, modality: str, mentions_of
) -> None:
    found = {m.trigger.text: m.modality for m in mentions_of(text)}
    assert found.get(trigger) == modality, found


# The folded attack keeps the finer code of the noun and the victims of the verb.
def test_a_folded_attack_keeps_its_finer_code(mentions_of) -> None:
    (found,) = mentions_of("The bombing of the market killed thirty people.")
    assert found.kind.cameo_code == "183"
    assert [r.text for r in found.recipients] == ["thirty people"]
