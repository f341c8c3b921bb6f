"""Story-level actor rules (resolve/story_actors.py, used by resolve/story.py): a title
written just before a bare name, a people placed in the story's country, an official placed
in the one country their sentence names, a pronoun read as the person its sentence named.
Sentences are ours."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from whimbrel.records import Article, Span
from whimbrel.resolve.actors import ActorLexicon, countries_in_text, is_title_phrase
from whimbrel.resolve.coreference import ActorMemory
from whimbrel.resolve.places import Gazetteer
from whimbrel.resolve.story import Resolvers, resolve_actors
from whimbrel.resolve.story_actors import CountryContext, objects_of_verbs

DATE = dt.date(2019, 4, 2)


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.default()


@functools.cache
def gazetteer() -> Gazetteer:
    """The real gazetteer, loaded once (helpers below take no fixtures)."""
    return Gazetteer.load()


def span_of(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def resolve_in(
    text: str,
    phrase: str,
    lexicon: ActorLexicon,
    *,
    context: str | None = None,
    story_country: str | None = None,
) -> tuple[str | None, str | None, str | None, str]:
    resolvers = Resolvers(actors=lexicon, gazetteer=gazetteer())
    (ref,) = resolve_actors(
        [span_of(text, phrase)],
        resolvers=resolvers,
        date=DATE,
        memory=ActorMemory(lexicon=lexicon, text=text),
        context_country=context,
        sentence=Span(0, len(text), text),
        countries=CountryContext(story_country),
        text=text,
    )
    return ref.name, ref.country, ref.sector, ref.method


@pytest.mark.parametrize(
    ("text", "phrase", "name", "sector"),
    [
        # the extractor kept only the name; the title right before it still counts
        (
            "The envoy met Senator Ruth Obi, deputy PM Kofi Adjei Mensah and two aides.",
            "Kofi Adjei Mensah",
            "Kofi Adjei Mensah",
            "GOV",
        ),
        ("Talks included army chief Tunde Bello Adeyemi.", "Tunde Bello Adeyemi", None, "MIL"),
        # words that are not all title words give no title
        (
            "Police arrested Joseph Wanjiru Kamau late on Monday.",
            "Joseph Wanjiru Kamau",
            None,
            None,
        ),
        # punctuation ends the title: a title before a comma belongs to someone else
        ("The minister, Grace Atieno Were, spoke first.", "Grace Atieno Were", None, None),
    ],
)
def test_a_title_just_before_a_bare_name(
    text: str, phrase: str, name: str | None, sector: str | None, lexicon: ActorLexicon
) -> None:
    found_name, _, found_sector, _ = resolve_in(text, phrase, lexicon)
    assert found_name == (name or phrase) and found_sector == sector


@pytest.mark.parametrize(
    ("text", "phrase", "story_country", "country"),
    [
        ("Kurds marched through the old town on Friday.", "Kurds", "SYR", "SYR"),
        ("Shona villagers blocked the road to the mine.", "Shona villagers", "MOZ", "MOZ"),
        ("Ethnic Uzbeks fled across the border at dawn.", "Ethnic Uzbeks", "KGZ", "KGZ"),
        # no story country: the people stay without one
        ("Kurds marched through the old town on Friday.", "Kurds", None, None),
    ],
)
def test_a_people_lives_in_the_story_country(
    text: str, phrase: str, story_country: str | None, country: str | None, lexicon: ActorLexicon
) -> None:
    assert resolve_in(text, phrase, lexicon, story_country=story_country)[1] == country


@pytest.mark.parametrize(
    ("text", "phrase", "country", "method"),
    [
        (
            "The interior minister said on Tuesday that Kenya would reopen the border.",
            "The interior minister",
            "KEN",
            "sentence-country",
        ),
        (
            "The army chief toured the flooded districts of Malawi.",
            "The army chief",
            "MWI",
            "sentence-country",
        ),
        # two countries in the sentence: no guess
        (
            "The interior minister said Kenya and Uganda would reopen the border.",
            "The interior minister",
            None,
            "title",
        ),
        # an international body names no state
        (
            "The interior minister met the UN envoy in Kenya.",
            "The interior minister",
            "KEN",
            "sentence-country",
        ),
        # civilians are not placed by their sentence
        ("Villagers said Kenya had sent no help.", "Villagers", None, "title"),
        # nor are officials from outside it
        (
            "The Kenyan president asked Western governments to send more vaccines.",
            "Western governments",
            None,
            "title",
        ),
    ],
)
def test_an_official_serves_the_one_country_the_sentence_names(
    text: str, phrase: str, country: str | None, method: str, lexicon: ActorLexicon
) -> None:
    _, found_country, _, found_method = resolve_in(text, phrase, lexicon)
    assert (found_country, found_method) == (country, method)


def test_an_official_never_takes_the_other_sides_country(lexicon: ActorLexicon) -> None:
    text = "The defence minister warned Iran against further missile tests."
    resolvers = Resolvers(actors=lexicon, gazetteer=gazetteer())
    (ref,) = resolve_actors(
        [span_of(text, "The defence minister")],
        resolvers=resolvers,
        date=DATE,
        memory=ActorMemory(lexicon=lexicon, text=text),
        sentence=Span(0, len(text), text),
        text=text,
        others=[span_of(text, "Iran")],
    )
    assert (ref.country, ref.sector) == (None, "GOV")


def test_the_event_country_comes_before_the_sentence(lexicon: ActorLexicon) -> None:
    text = "The interior minister said Kenya would reopen the border."
    assert resolve_in(text, "The interior minister", lexicon, context="UGA")[1] == "UGA"


@pytest.mark.parametrize(
    ("text", "title"),
    [("deputy PM", True), ("Lt Gen", True), ("the interim foreign minister", True),
     ("police arrested", False), ("Senator Ruth", False), ("the", False)],
)  # fmt: skip
def test_is_title_phrase(text: str, title: bool, lexicon: ActorLexicon) -> None:
    assert is_title_phrase(text, lexicon) is title


def test_countries_in_text(lexicon: ActorLexicon) -> None:
    text = "Pressure grew from the Kenya Anti-Graft Board and UNITA, not the UN or turkey farmers."
    assert countries_in_text(text, lexicon, date=DATE) == {"KEN", "AGO"}
    # a news agency the sentence cites names no country of its actors
    assert countries_in_text("The minister told Reuters and PTI.", lexicon) == set()


@pytest.mark.parametrize(
    ("text", "persons", "country", "sector"),
    [
        # nobody remembered: "he" is the titled person just named in its own sentence
        (
            "President Ndaye of Gabon said he would attend the summit.",
            ["Ndaye"],
            "GAB",
            "GOV",
        ),
        ("Queen Amara of the Netherlands said she would visit.", ["Amara"], "NLD", "GOV"),
        # a person named with nothing that gives a country: no link
        ("Omar Said told reporters he would stay.", ["Omar Said"], None, None),
    ],
)
def test_a_pronoun_takes_the_person_named_in_its_sentence(
    text: str, persons: list[str], country: str | None, sector: str | None, lexicon: ActorLexicon
) -> None:
    resolvers = Resolvers(actors=lexicon, gazetteer=gazetteer())
    memory = ActorMemory(
        persons=tuple(span_of(text, p) for p in persons), lexicon=lexicon, text=text
    )
    pronoun = " she " if " she " in text else " he "
    start = text.index(pronoun) + 1
    span = Span(start, start + len(pronoun.strip()), pronoun.strip())
    (ref,) = resolve_actors(
        [span],
        resolvers=resolvers,
        date=DATE,
        memory=memory,
        sentence=Span(0, len(text), text),
        text=text,
    )
    assert (ref.country, ref.sector) == (country, sector)
    if country:
        assert ref.method == "coreference:sentence-person"


@pytest.mark.parametrize(
    ("text", "phrase", "host", "country"),
    [
        # an official travelling to a meeting does not serve its host country
        ("The prime minister will fly to a summit in Malawi on Friday.", "The prime minister",
         "MWI", None),
        ("The defence minister held talks in Accra with his counterpart.", "The defence minister",
         "GHA", None),
        # with no meeting place, the sentence's one country still gives it
        ("The defence minister said Ghana would buy two patrol boats.", "The defence minister",
         None, "GHA"),
    ],
)  # fmt: skip
def test_an_official_does_not_take_the_country_of_the_meeting_place(
    text: str, phrase: str, host: str | None, country: str | None, lexicon: ActorLexicon
) -> None:
    resolvers = Resolvers(actors=lexicon, gazetteer=gazetteer())
    (ref,) = resolve_actors(
        [span_of(text, phrase)],
        resolvers=resolvers,
        date=DATE,
        memory=ActorMemory(lexicon=lexicon, text=text),
        sentence=Span(0, len(text), text),
        countries=CountryContext(),
        text=text,
        host=host,
    )
    assert ref.country == country


def test_a_based_in_country_is_not_the_officials() -> None:
    text = "Government troops shelled the town, a UK-based monitoring group said."
    lexicon = ActorLexicon.default()
    assert resolve_in(text, "Government troops", lexicon)[1] is None


@pytest.mark.parametrize(
    ("text", "objects"),
    [
        # a state right after a verb is a party of the sentence, not its setting
        ("Lawmakers urged the cabinet to help Nepal rebuild.", {"NPL"}),
        ("The senate voted to sanction Belarus.", {"BLR"}),
        # after a preposition, a clause opening or before a possessive it may be the setting
        ("Rebels attacked two villages in Mali.", set()),
        ("The minister said Kenya would act.", set()),
        ("The party will boycott Algeria's first elections.", set()),
        ("Shells fell near the eastern Thai border.", set()),
    ],
)
def test_objects_of_verbs(text: str, objects: set[str], lexicon: ActorLexicon) -> None:
    assert objects_of_verbs(text, lexicon, date=DATE) == objects


def coded_parties(pipeline, story: str) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    """(text, country, method) of every party of the story's events."""
    (result,) = pipeline.code([Article(id="story", date=DATE, text=story)])
    return [
        (party.text, party.country, party.method)
        for event in result.events
        for party in (*event.actors, *event.recipients)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("story", "text", "country"),
    [
        # the host of a meeting an unnamed official travels to is not their country
        ("The prime minister will attend a trade summit in Malawi next week.",
         "The prime minister", None),
        # a state the sentence names as a verb's object is no setting for a body
        ("Parliament is pressing the president to help Nepal.", "Parliament", None),
        # "the two leaders" after two named leaders: both of them
        ("Malawian President Grace Banda met Zambian President Peter Mwale in Lilongwe on "
         "Monday. The two leaders later agreed to cut border tariffs.", "The two leaders",
         "MWI"),
    ],
)  # fmt: skip
def test_story_level_actor_countries(
    pipeline,  # type: ignore[no-untyped-def]
    story: str,
    text: str,
    country: str | None,
) -> None:
    found = [(c, m) for t, c, m in coded_parties(pipeline, story) if t == text]
    if country is None:
        assert all(c is None for c, _ in found), found
    else:
        assert (country, "coreference:plural") in found, found


@pytest.mark.slow
def test_a_headline_description_and_the_named_person_are_one_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    story = (
        "Malawi's president meets Zambian president\n\n"
        "Malawian President Grace Banda met Zambian President Peter Mwale in Lilongwe on "
        "Monday to discuss border trade."
    )
    (result,) = pipeline.code([Article(id="story", date=DATE, text=story)])
    (event,) = [e for e in result.events if e.mentions[0].kind.event_type == "CONSULT"]
    assert [a.name for a in event.actors] == ["Grace Banda"]
    assert [r.name for r in event.recipients] == ["Peter Mwale"]
