"""When an event happened: the date expression attached to its trigger, and datelines."""

from __future__ import annotations

import pytest

from whimbrel.extract.attach_dates import attached_date
from whimbrel.extract.clauses import find_dateline

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
        # A trailing date the parser hung on the reporting verb dates the reported event.
        (
            "Provincial police today confirmed the overnight arrest of a smuggler near Herat "
            "city, Herat province Sept. 19.",
            "arrest",
            ("Sept. 19", False),
        ),
        (
            "Officials on Monday confirmed that troops captured two gunmen in Kunduz province "
            "Saturday.",
            "captured",
            ("Saturday", False),
        ),
        # A date trailing the report's clause, which the parser hung on a noun of it, dates
        # the reported event; a time word qualifying a noun ("a night patrol") names no day.
        (
            "Officials confirmed the capture of a courier during a raid in Khost province "
            "Thursday.",
            "capture",
            ("Thursday", False),
        ),
        (
            "Coalition officials confirmed the arrest of a bomb maker who supplied explosives "
            "to fighters in Zhari district, during a night raid in Kandahar province Tuesday.",
            "arrest",
            ("Tuesday", False),
        ),
        (
            "Soldiers detained two suspects during a Tuesday raid in the old city.",
            "detained",
            ("Tuesday", False),
        ),
        # A date qualifying another happening in a phrase that does not frame the event
        # dates that happening, not this one.
        (
            "The commander organized and conducted raids against the garrison and was involved "
            "in the March 3 bombing of a market.",
            "raids",
            None,
        ),
        ("Rebels tried to storm the town during a Sunday offensive.", "storm", ("Sunday", False)),
        ("Gunmen killed two guards in a Sunday attack on the depot.", "killed", ("Sunday", False)),
        # "on 12 May gunmen": the parser took the day for a qualifier of the subject.
        (
            "The rebel radio says that at 1500 on 12 May guerrilla units attacked an army post "
            "in the north.",
            "attacked",
            ("12 May", False),
        ),
        # A word of a place name ("wa", Dari "and") the parser took for a reported clause.
        (
            "The police today confirmed the arrest of an arms dealer during a search operation "
            "in Kharwar wa Baraki district, Logar province, April 2.",
            "arrest",
            ("April 2", False),
        ),
        (
            "The army today confirmed the capture of a weapons smuggler during a night patrol in "
            "Shah wa Juy district, Zabul province, April 2.",
            "capture",
            ("April 2", False),
        ),
        # "since Oct. 1" places the count relative to a day; it is not the event's date.
        ("Police have arrested forty suspects in the city since Oct. 1.", "arrested", None),
        ("The curfew was extended until Friday.", "extended", None),
        # A 24-hour clock time is no year; the day comes with the part of it.
        ("Insurgents opened the assault at 2140.", "opened", None),
        ("The troops were ambushed at 0630 on 12 March.", "ambushed", ("12 March", False)),
        (
            "A car bomb went off outside a hotel at 1945 local time (0045 gmt).",
            "went",
            None,
        ),
        (
            "Two guards were stabbed on the evening of 3 August behind the warehouse.",
            "stabbed",
            ("the evening of 3 August", False),
        ),
        # A clause describing the event noun dates it; one describing a person does not.
        (
            "Aid groups criticised the blockade, which was imposed on Thursday, over its toll on "
            "children.",
            "blockade",
            ("Thursday", False),
        ),
        (
            "Officials denounced the attack on the commander, who had been detained in May.",
            "attack",
            None,
        ),
        # A weekday and the calendar date after it name one day.
        (
            "Gunmen attacked the post on Saturday, 1 October, near the border.",
            "attacked",
            ("Saturday, 1 October", False),
        ),
        # An ordinal of a street is no day of the month; "on the 15th" is.
        (
            "Vandals wrecked three traffic lights on 42nd Street and torched a van.",
            "wrecked",
            None,
        ),
        ("The rebels attacked the town on the 15th.", "attacked", ("the 15th", False)),
        (
            "Militiamen stormed the prison on the afternoon of 9 July.",
            "stormed",
            ("the afternoon of 9 July", False),
        ),
        # A clause telling that something happened describes the event noun, even hung on the
        # noun's complement; a clause telling what its victims did does not date the event.
        (
            "The bishop condemned the murder of the four nuns, which occurred on 2 December "
            "near the river.",
            "murder",
            ("2 December", False),
        ),
        (
            "Witnesses described the ambush of the convoy that took place on Sunday night.",
            "ambush",
            ("Sunday night", False),
        ),
        (
            "The bishop condemned the murder of the four nuns, who arrived on 2 December.",
            "murder",
            None,
        ),
        # A conjoined clause with a subject of its own tells another happening.
        (
            "The ambush of the convoy left six dead, and troops sealed off the valley on Monday.",
            "ambush",
            None,
        ),
        (
            "The ambush of the convoy left six dead, and troops sealed off the valley on Monday.",
            "sealed",
            ("Monday", False),
        ),
        # A clause a semicolon parts from the next tells a happening of its own.
        (
            "The shooting of the mayor sparked riots; students blocked the main roads on 4 June.",
            "shooting",
            None,
        ),
        # A vague past adverb is the happening's own time, not the story's day.
        (
            "The rally honoured two organisers who were killed recently in the north.",
            "killed",
            ("recently", False),
        ),
        # A phrase naming the period last told of, which the parser does not tag.
        (
            "During the same period, the navy seized four boats off the coast.",
            "seized",
            ("the same period", False),
        ),
        # A past-perfect aside tells what had happened before the main clause's day.
        (
            "The commander, who had been arrested by the police, escaped from the prison on "
            "Friday.",
            "arrested",
            None,
        ),
        ("The gunmen who attacked the post fled on Monday.", "attacked", ("Monday", False)),
        # A day number the parser tagged a number still belongs to the month after it.
        (
            "Early in the morning of 14 March armed men raided a farm north of the capital.",
            "raided",
            ("14 March", False),
        ),
        (
            "In the early hours of 5 October rebels shelled the garrison.",
            "shelled",
            ("the early hours of 5 October", False),
        ),
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
            "KABUL, Afghanistan (Jan. 14, 2013)\nForces detained",
            "KABUL, Afghanistan",
            "Jan. 14, 2013",
        ),
        ("Release 2011-05\n\nLIMA, Peru (Sept. 1) - Police said", "LIMA, Peru", "Sept. 1"),
        ("MEXICO CITY -- The government said", "MEXICO CITY", None),
        ("DAKAR, Senegal: Talks resumed", "DAKAR, Senegal", None),
        ("WINSTON-SALEM, N.C. (AP) -- A judge", "WINSTON-SALEM, N.C.", "AP"),
        (
            "\xa0KABUL, Afghanistan\xa0(March 3, 2012) - Troops",
            "KABUL, Afghanistan",
            "March 3, 2012",
        ),
        ("  Valparaiso, 14 Mar 91 (Radio Cooperativa) -- [Text] A", "Valparaiso", "14 Mar 91"),
        ("NEW DELHI, Nov 7 (PTI): The minister", "NEW DELHI", "Nov 7"),
        ("Rio de Janeiro, 2 feb 90 (wire) -- police said", "Rio de Janeiro", "2 feb 90"),
    ],
)
def test_finds_datelines(text, place, date):
    found = find_dateline(text)
    assert found is not None and found.place.text == place
    assert (found.date.text if found.date else None) == date


@pytest.mark.parametrize(
    "text",
    [
        "Police in Lima said on Monday",
        "US - China talks resume",
        "A B C - d",
        "The UN: report",
        "Talks in Lima, 20 May (Friday) - went well",
        "The minister said on Nov 7 (Monday): no deal",
    ],
)
def test_ordinary_lines_are_not_datelines(text):
    assert find_dateline(text) is None
