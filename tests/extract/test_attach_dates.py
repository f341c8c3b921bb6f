"""When an event happened: the date expression attached to its trigger, and datelines."""

from __future__ import annotations

import pytest

from whimbrel.extract.attach import attached_date, find_dateline

REPORTING = frozenset({"say", "report", "tell", "confirm"})


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from whimbrel.config import Settings
    from whimbrel.nlp.model import load_model

    return load_model(Settings().model).nlp


def date_of(nlp, text: str, trigger: str) -> tuple[str, bool] | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = attached_date(token, reporting=REPORTING)
    return None if found is None else (found.span.text, found.on_report)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police arrested two men in Lahore on Friday.", "arrested", ("Friday", False)),
        (
            "Troops detained a suspect during a raid in Gao district, Mopti region, yesterday.",
            "detained",
            ("yesterday", False),
        ),
        (
            "The army confirmed today the capture of a commander in Idlib on Monday.",
            "capture",
            ("Monday", False),
        ),
        (
            "Officials said on Tuesday that rebels attacked the convoy.",
            "attacked",
            ("Tuesday", True),
        ),
        ("Rebels attacked the convoy.", "attacked", None),
    ],
)
def test_attached_date(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert date_of(nlp, text, trigger) == expected


@pytest.mark.slow
def test_dateline_date_is_not_the_event_date(nlp):  # type: ignore[no-untyped-def]
    text = "HARARE, Zimbabwe (June 4, 2019) - Police arrested six vendors yesterday."
    assert date_of(nlp, text, "arrested") == ("yesterday", False)


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        (
            "KABUL, Afghanistan (Jan. 22, 2013)\nForces detained",
            "KABUL, Afghanistan",
            "Jan. 22, 2013",
        ),
        ("Release 2011-05\n\nLIMA, Peru (Sept. 1) - Police said", "LIMA, Peru", "Sept. 1"),
        ("MEXICO CITY -- The government said", "MEXICO CITY", None),
        ("DAKAR, Senegal: Talks resumed", "DAKAR, Senegal", None),
        ("WINSTON-SALEM, N.C. (AP) -- A judge", "WINSTON-SALEM, N.C.", "AP"),
    ],
)
def test_finds_datelines(text, place, date):
    found = find_dateline(text)
    assert found is not None and found.place.text == place
    assert (found.date.text if found.date else None) == date


@pytest.mark.parametrize(
    "text",
    ["Police in Lima said on Monday", "US - China talks resume", "A B C - d", "The UN: report"],
)
def test_ordinary_lines_are_not_datelines(text):
    assert find_dateline(text) is None
