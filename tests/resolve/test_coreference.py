"""In-story coreference: titles, pronouns and surnames, on stories we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import ActorRef, Article, EventMention, Span
from whimbrel.resolve.actors import ActorLexicon
from whimbrel.resolve.coreference import ActorMemory, Title, describe
from whimbrel.resolve.coreference_pairs import recall_pair


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.default()


@pytest.mark.parametrize(
    ("phrase", "title", "country", "title_only"),
    [
        ("the Afghan foreign minister", ("foreign", "minister"), "AFG", True),
        ("the minister", ("minister",), None, True),
        ("Pakistan's FM", ("foreign", "minister"), "PAK", True),
        ("the Pakistani premier", ("prime", "minister"), "PAK", True),
        ("Prime Minister of Afghanistan", ("prime", "minister"), "AFG", True),
        ("the ISI chief", ("chief",), "PAK", True),
        ("a minister", ("minister",), None, False),  # indefinite
        ("ministers", ("minister",), None, False),  # plural
        ("the foreign ministers", ("foreign", "minister"), None, False),  # plural
        ("the foreign ministry", ("foreign", "ministry"), None, False),  # a body, not a holder
        ("his foreign minister", ("foreign", "minister"), None, False),  # someone else's
        ("Kenya's Foreign Minister Amina Wanjiru", ("foreign", "minister"), "KEN", False),
    ],
)
def test_describe(
    lexicon: ActorLexicon,
    phrase: str,
    title: tuple[str, ...],
    country: str | None,
    title_only: bool,
) -> None:
    description = describe(phrase, lexicon)
    assert description.titles[-1].words == title
    assert description.country == country
    assert description.title_only is title_only


@pytest.mark.parametrize(
    ("used", "held", "fit"),
    [
        (Title(("foreign", "minister")), Title(("foreign", "minister")), 2),
        (Title(("minister",)), Title(("foreign", "minister")), 1),  # more general
        (Title(("foreign", "minister")), Title(("minister",)), 0),  # more specific
        (Title(("prime", "minister")), Title(("prime", "minister"), frozenset({"deputy"})), 0),
        (Title(("president",)), Title(("president",), frozenset({"vice"})), 0),
        (Title(("chief",)), Title(("army", "chief")), 1),
    ],
)
def test_title_fit(used: Title, held: Title, fit: int) -> None:
    assert used.fit(held) == fit


def party(mentions: tuple[EventMention, ...], text: str) -> tuple[str | None, str, str | None]:
    """(name, method, country) of the party written ``text`` in the story's mentions."""
    found = [
        (ref.name, ref.method, ref.country)
        for m in mentions
        for ref in (*m.actors, *m.recipients)
        if ref.text == text
    ]
    assert found, [r.text for m in mentions for r in (*m.actors, *m.recipients)]
    return found[-1]


KENYA_FM = "Kenya's Foreign Minister Amina Wanjiru arrived in Kampala on Monday. "

# (story, party as written, expected name, expected method; None: no link)
STORIES = [
    # a title with its country, a more general title, an alias of the title
    (
        KENYA_FM + "The Kenyan foreign minister met Ugandan President Yoweri Museveni on Tuesday.",
        "The Kenyan foreign minister",
        "Amina Wanjiru",
        "coreference:title",
    ),
    (
        KENYA_FM + "The minister met Ugandan President Yoweri Museveni on Tuesday.",
        "The minister",
        "Amina Wanjiru",
        "coreference:title",
    ),
    (
        "Pakistan's Foreign Minister Bilal Ahmed Siddiqui travelled to Dhaka on Sunday. "
        "Pakistan's FM met Bangladeshi officials the next day.",
        "Pakistan's FM",
        "Bilal Ahmed Siddiqui",
        "coreference:title",
    ),
    (
        "According to the army, Lt Gen Sohail Qadir, the ISI chief, travelled to Kabul on "
        "Monday. A day later the ISI chief held talks with Taliban officials.",
        "the ISI chief",
        "Sohail Qadir",
        "coreference:title",
    ),
    # no link: indefinite, plural, contradicting country, ambiguous, a different rank
    (
        KENYA_FM + "A minister met Ugandan President Yoweri Museveni on Tuesday.",
        "minister",
        None,
        None,
    ),
    (
        KENYA_FM + "The foreign ministers met Ugandan President Yoweri Museveni on Tuesday.",
        "The foreign ministers",
        None,
        None,
    ),
    (
        KENYA_FM + "The Ugandan foreign minister met Tanzanian President John Mrema on Tuesday.",
        "The Ugandan foreign minister",
        None,
        None,
    ),
    (
        "Kenya's Foreign Minister Amina Wanjiru met Uganda's Foreign Minister Joseph Okello in "
        "Arusha on Monday. The foreign minister criticised Tanzania on Tuesday.",
        "The foreign minister",
        None,
        None,
    ),
    (
        "Deputy Prime Minister Carlos Mendes of Portugal arrived in Madrid on Monday. "
        "The prime minister met Spanish officials on Tuesday.",
        "The prime minister",
        None,
        None,
    ),
    # pronouns: the subject before them, not the last person named; never inside a quotation
    (
        "Ghanaian President Kwame Asante was welcomed by Nigerian President Bola Tinubu in Abuja "
        "on Monday. He later criticised the regional bloc.",
        "He",
        "Kwame Asante",
        "coreference:pronoun",
    ),
    (
        "French Defence Minister Paul Girard met German Chancellor Olaf Scholz in Berlin on "
        "Friday. He praised Germany's commitment to the alliance.",
        "He",
        "Paul Girard",
        "coreference:pronoun",
    ),
    (
        "Chilean President Gabriel Rojas arrived in Buenos Aires on Sunday. "
        '"Argentine President Javier Milei visited Santiago last week. He criticised our trade '
        'policy," Rojas said. He later visited Lima.',
        "He",
        "Gabriel Rojas",
        "coreference:pronoun",
    ),
    # a time phrase opening a sentence without a comma still leaves its subject the subject
    (
        "French President Emmanuel Macron hosted a dinner for African leaders on Monday. Later "
        "on Tuesday Kenyan President William Ruto met the IMF chief, then Macron again, where "
        "he criticised the new tax treaty.",
        "he",
        "William Ruto",
        "coreference:pronoun",
    ),
    (
        "Chilean President Tomas Herrera declined to see Peru's Prime Minister Luis Quispe, "
        "explaining that he would host him in Santiago or nowhere.",
        "him",
        "Luis Quispe",
        "coreference:pronoun",
    ),
    # a surname
    (
        KENYA_FM + "Wanjiru met Ugandan President Yoweri Museveni on Tuesday.",
        "Wanjiru",
        "Amina Wanjiru",
        "coreference:name",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("story", "text", "name", "method"), STORIES)
def test_story_coreference(
    pipeline,  # type: ignore[no-untyped-def]
    story: str,
    text: str,
    name: str | None,
    method: str | None,
) -> None:
    (result,) = pipeline.code([Article(id="story", date=dt.date(2024, 3, 4), text=story)])
    found_name, found_method, _ = party(result.mentions, text)
    if method is None:
        assert not found_method.startswith("coreference"), (found_name, found_method)
    else:
        assert (found_name, found_method) == (name, method)


@pytest.mark.slow
def test_title_link_keeps_its_own_text_and_span(pipeline) -> None:  # type: ignore[no-untyped-def]
    story = KENYA_FM + "The Kenyan foreign minister met Ugandan President Yoweri Museveni."
    (result,) = pipeline.code([Article(id="story", date=dt.date(2024, 3, 4), text=story)])
    (linked,) = [a for m in result.mentions for a in m.actors if a.method == "coreference:title"]
    assert linked.span is not None and story[linked.span.start : linked.span.end] == linked.text
    assert (linked.country, linked.sector) == ("KEN", "GOV") and 0 < linked.confidence < 0.9


PAIR_STORY = (
    "Malawian President Grace Banda met Zambian Foreign Minister Peter Mwale in Lilongwe. "
    "{phrase} agreed to reopen the border crossing."
)
THREE_STORY = (
    "Malawian President Grace Banda met Zambian Foreign Minister Peter Mwale and Tanzanian "
    "President Asha Kombo in Lilongwe. {phrase} agreed to reopen the border crossing."
)


def pair_memory(story: str, parties: list[tuple[str, str, str]], lexicon: ActorLexicon):  # type: ignore[no-untyped-def]
    """A memory that has read the first sentence's parties (text, name, country)."""
    first = Span(0, story.index(". ") + 1, story[: story.index(". ") + 1])
    persons = tuple(
        Span(story.index(name), story.index(name) + len(name), name) for _, name, _ in parties
    )
    memory = ActorMemory(persons=persons, lexicon=lexicon, text=story)
    for text, name, country in parties:
        start = story.index(text)
        span = Span(start, start + len(text), text)
        memory.remember(
            ActorRef(text=text, span=span, name=name, country=country, sector="GOV",
                     method="demonym", confidence=0.9),
            sentence=first,
        )  # fmt: skip
    return memory


BANDA = ("Malawian President Grace Banda", "Grace Banda", "MWI")
MWALE = ("Zambian Foreign Minister Peter Mwale", "Peter Mwale", "ZMB")
KOMBO = ("Tanzanian President Asha Kombo", "Asha Kombo", "TZA")


@pytest.mark.parametrize(
    ("template", "parties", "phrase", "expected"),
    [
        # two persons just named: "the two leaders", "both sides" are both of them
        (PAIR_STORY, [BANDA, MWALE], "The two leaders", {"Grace Banda", "Peter Mwale"}),
        (PAIR_STORY, [BANDA, MWALE], "Both sides", {"Grace Banda", "Peter Mwale"}),
        # the two countries of the two persons
        (PAIR_STORY, [BANDA, MWALE], "The two countries", {"Malawi", "Zambia"}),
        # a title the pair does not both hold, or three persons named: nobody
        (PAIR_STORY, [BANDA, MWALE], "The two presidents", set()),
        (THREE_STORY, [BANDA, MWALE, KOMBO], "The two leaders", set()),
    ],
)
def test_a_pair_phrase_is_the_two_parties_named_before(
    template: str,
    parties: list[tuple[str, str, str]],
    phrase: str,
    expected: set[str],
    lexicon: ActorLexicon,
) -> None:
    story = template.format(phrase=phrase)
    memory = pair_memory(story, parties, lexicon)
    start = story.index(phrase)
    second = Span(story.index(". ") + 2, len(story), story[story.index(". ") + 2 :])
    found = recall_pair(memory, phrase, start=start, sentence=second)
    assert {ref.name for ref in found} == expected
    assert all(ref.method == "coreference:plural" for ref in found)
