"""Line breaks as sentence boundaries: real ones (headlines, datelines, paragraphs) stay,
breaks that only hard-wrap a sentence (wire copy, e-mail, PDF text) become spaces."""

from __future__ import annotations

import textwrap

import pytest

from whimbrel.nlp.line_breaks import soft_line_breaks

# Our own report, three sentences, set in a fixed column by the tests below.
REPORT = (
    "Gunmen killed four police officers and wounded two farmers at a checkpoint outside "
    "the northern market town late on Tuesday, a provincial spokesman said. The attackers "
    "escaped on motorcycles before army reinforcements arrived from the district capital "
    "shortly after midnight. Local officials blamed a separatist group that has claimed "
    "several similar raids on the mountain roads near the border since the spring."
)
SENTENCES = [
    REPORT[: REPORT.index(" The attackers")],
    REPORT[REPORT.index("The attackers") : REPORT.index(" Local officials")],
    REPORT[REPORT.index("Local officials") :],
]
# One paragraph a line under a headline and a dateline line: every break is real.
ONE_PARAGRAPH_A_LINE = (
    "Floods cut the rail link between the two largest northern cities\n"
    "RIVERTON, March 4\n"
    "Heavy rain washed away a bridge on the main line on Monday, the national railway "
    "company said, stranding hundreds of passengers at stations along the route.\n"
    "Engineers expect to reopen the line within a week.\n"
    "Buses will carry passengers between the two cities until then\n"
    "The company apologised for the delays.\n"
)


def wrapped(text: str, *, width: int) -> str:
    return textwrap.fill(text, width=width)


def line_breaks(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if char == "\n"]


@pytest.mark.parametrize("width", [60, 70, 78, 120])
def test_every_break_of_a_wrapped_paragraph_is_soft_unless_a_sentence_ends_there(
    width: int,
) -> None:
    text = wrapped(REPORT, width=width)
    expected = {i for i in line_breaks(text) if text[i - 1] not in '.!?:"'}
    assert soft_line_breaks(text) == expected
    assert expected


def test_windows_line_ends_give_the_offsets_of_their_line_feeds() -> None:
    text = wrapped(REPORT, width=70).replace("\n", "\r\n")
    expected = {i for i in line_breaks(text) if text[i - 2] not in '.!?:"'}
    assert soft_line_breaks(text) == expected
    assert expected


@pytest.mark.parametrize(
    "text",
    [
        ONE_PARAGRAPH_A_LINE,
        ONE_PARAGRAPH_A_LINE.upper(),
        ONE_PARAGRAPH_A_LINE.replace("\n", "\n\n"),
        "Ceasefire holds in the south\n\nBy a staff reporter\n\n" + REPORT,
        "Rebels free two hostages\n",
        "",
    ],
    ids=["lines", "upper", "blank-lines", "headline-byline", "one-line", "empty"],
)
def test_headlines_datelines_and_paragraph_lines_keep_every_break(text: str) -> None:
    assert soft_line_breaks(text) == frozenset()


def test_short_indented_and_list_lines_keep_their_breaks_inside_wrapped_text() -> None:
    headline = "Gunmen kill four police officers\n"
    intro = "\nThe spokesman listed the demands the group had made as follows\n"
    items = "- the release of prisoners\n- the withdrawal of troops\n"
    open_line = "\nThe same group had attacked a convoy on the coast road in the\n"
    indented = "   " + wrapped(REPORT, width=66)
    text = headline + wrapped(REPORT, width=66) + intro + items + open_line + indented
    soft = soft_line_breaks(text)
    assert len(headline) - 1 not in soft
    for line_start in ("- the release", "- the withdrawal", "   Gunmen"):
        assert text.index(line_start) - 1 not in soft
    assert len(soft) >= 6


@pytest.mark.parametrize(
    "dateline", ["RIVERTON, March 4 (Wire) - ", "RIVERTON (Wire) - ", "NORTH RIVERTON, Kestia - "]
)
def test_a_headline_as_wide_as_the_column_keeps_its_break_before_a_dateline(
    dateline: str,
) -> None:
    headline = "Gunmen kill four police officers at checkpoint near northern town"
    text = headline + "\n" + wrapped(dateline + REPORT, width=len(headline) + 4)
    soft = soft_line_breaks(text)
    assert len(headline) not in soft
    assert len(soft) >= 3


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from whimbrel.config import Settings
    from whimbrel.nlp.model import load_model

    return load_model(Settings().model).nlp


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("width", [62, 72])
def test_a_hard_wrapped_paragraph_gives_whole_sentences(nlp, width: int) -> None:  # type: ignore[no-untyped-def]
    text = wrapped(REPORT, width=width)
    doc = nlp(text)
    assert doc.text == text  # offsets into the article are untouched
    assert [squeezed(s.text) for s in doc.sents] == SENTENCES


@pytest.mark.slow
def test_headline_dateline_and_body_lines_keep_their_splits(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(ONE_PARAGRAPH_A_LINE)
    starts = {s.start_char for s in doc.sents}
    line_starts = [0] + [i + 1 for i in line_breaks(ONE_PARAGRAPH_A_LINE)[:-1]]
    assert set(line_starts) <= starts


@pytest.mark.slow
def test_upper_case_wrapped_text_is_not_cut_at_its_line_breaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "RIVERTON, 4 MARCH (WIRE) -- [TEXT]\n" + wrapped(REPORT.upper(), width=70)
    doc = nlp(text)
    assert doc.text == text
    starts = {s.start_char for s in doc.sents}
    dateline_break, *body_breaks = line_breaks(text)
    assert dateline_break + 1 in starts  # the dateline line is short: its break is real
    wraps = [i for i in body_breaks if text[i - 1] != "."]
    assert wraps
    for newline in wraps:
        assert newline + 1 not in starts
    for sentence in SENTENCES[1:]:
        assert text.index(sentence[:20].upper()) in starts


# The date of the killing sits on the line after its verb.
KILLED_YESTERDAY = (
    "Gunmen stormed a police post outside the hill town and killed four\n"
    "officers yesterday, a provincial spokesman said.  The attackers fled\n"
    "on motorcycles before soldiers arrived from the district capital.\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", [KILLED_YESTERDAY, KILLED_YESTERDAY.upper()], ids=["mixed", "upper"]
)
def test_an_event_keeps_the_date_wrapped_onto_the_next_line(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from whimbrel.records import Article

    (result,) = pipeline.code([Article(id="t", date=dt.date(2024, 5, 12), text=text)])
    killings = [m for m in result.mentions if m.trigger.text.lower() == "killed"]
    assert killings
    for mention in killings:
        assert mention.date.value == dt.date(2024, 5, 11)
        assert "\n" in mention.sentence.text
        assert text[mention.sentence.start : mention.sentence.end] == mention.sentence.text
