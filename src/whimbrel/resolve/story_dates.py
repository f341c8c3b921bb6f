"""The date of each mention of a story: its own expression's, else the story's.

News tells one happening over several sentences and dates it once ("shelled the depot
yesterday. ... said the depot had burned for hours after the attack"), so an undated past
happening takes the nearest event date before it (else the story's lead date, else its
first), not the date the story was published. Report dates ("ISAF said today"), times of day,
eras, the period under discussion ("the same day") and vague pasts or futures ("recently")
date no happening and are not passed on.

The lead date is the first recent day the lead paragraph names, past a title, boilerplate and
the dateline: a DATE entity or a day word the parser tagged otherwise ("In Khost last night"),
but not a day next to a reporting verb ("confirmed yesterday the death of ...").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import cast

from whimbrel import lexicon
from whimbrel.extract.clauses import Dateline, find_dateline
from whimbrel.records import DateRef, MentionDraft, ParsedStory, Span
from whimbrel.resolve.date_types import (
    ANAPHOR_METHOD,
    CENTURY_METHOD,
    CLOCK_METHOD,
    DECADE_METHOD,
    FUTURE_REF_METHOD,
    PAST_REF_METHOD,
)
from whimbrel.resolve.dates import Tense, article_date_ref, normalise_date_text, resolve_date

__all__ = ["REPORT_DATE_PREFIX", "event_date", "lead_date", "lead_paragraph", "story_dates"]

REPORT_DATE_PREFIX = "report-date:"
STORY_DATE_PREFIX = "story-date:"
# Passed for a dateline not searched for yet.
FIND = "find"
# How far before the story's date its lead date may lie (older days are background).
LEAD_WINDOW = dt.timedelta(days=14)
# A line of fewer words, or not ending as a sentence does, is a title or boilerplate.
PROSE_MIN_WORDS = 8
# A day of the month right before a month name: "21 ", "21st of ".
_DAY_BEFORE_MONTH = re.compile(
    r"(?<![\d,.])\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE
)
# Where a recipient's description of place or time begins ("three farmers in El Tambo").
_RECIPIENT_TAIL = re.compile(r"\s+(?:in|at|near|on|of|from|during)\s+|\s*,\s*")
# A sentence's end: its stop and the space or line break after it.
_SENTENCE_END = re.compile(r"[.!?][\"”']?(?=\s|$)")


def event_date(draft: MentionDraft, *, article_date: dt.date) -> DateRef:
    """The date the mention's own expression names; the article's when it names none, or
    only a time of day, an era or a vague past or future, or a day still to come for an act
    told in the simple past (that day is another happening's)."""
    if draft.date_span is not None:
        ref = resolve_date(
            draft.date_span.text,
            article_date=article_date,
            tense=cast("Tense | None", draft.tense),
            span=draft.date_span,
        )
        ahead = ref is not None and draft.past_act and ref.value > article_date
        if ref is not None and _dates_event(ref) and not ahead:
            if draft.date_is_report:
                return dataclasses.replace(ref, method=f"{REPORT_DATE_PREFIX}{ref.method}")
            return ref
    return article_date_ref(article_date)


def story_dates(
    drafts: Sequence[MentionDraft], *, article_date: dt.date, lead: DateRef | None = None
) -> list[DateRef]:
    """Each mention's date: its own expression's, else the story's event date around it.

    News tells one happening over several sentences and dates it once ("shelled the depot
    yesterday. ... said the depot had burned for hours after the attack"): an undated
    mention takes the nearest event date before it, else the story's ``lead`` date (the news
    it opens with), else its first, not the date the story was published. Only a past day (or
    week) is passed on: a year or a month is background, a later day a plan. Report dates
    ("ISAF said today") date no event and are not passed on.
    """
    own = [event_date(d, article_date=article_date) for d in drafts]
    explicit = [d if _dates_event(d) else None for d in own]
    passed_on = [d if d is not None and _passes_on(d, article_date) else None for d in explicit]
    first = lead or next((d for d in passed_on if d is not None), None)
    dates: list[DateRef] = []
    previous, dated_sentence, named = first, None, None
    for draft, date, event, passed in zip(drafts, own, explicit, passed_on, strict=True):
        if event is not None:
            previous = passed or previous
            named = event if event.value <= article_date else named
            dates.append(event)
        elif named is not None and _refers_back(draft):
            dates.append(_inherited(named))
        elif (
            previous is not None
            and _tells_what_happened(
                draft, date, in_dated_sentence=draft.sentence == dated_sentence
            )
            and not _vaguely_dated(draft, article_date=article_date)
        ):
            dates.append(_inherited(previous))
        else:
            dates.append(date)
        if draft.tense == "past" and (passed is not None or dates[-1] is not date):
            dated_sentence = draft.sentence
    return _dated_when_told_again(drafts, dates, explicit=explicit, article_date=article_date)


def _dated_when_told_again(
    drafts: Sequence[MentionDraft],
    dates: list[DateRef],
    *,
    explicit: Sequence[DateRef | None],
    article_date: dt.date,
) -> list[DateRef]:
    """An undated happening the story tells again further on with its day ("the murder of
    three farmers in Cauca ... the murder of three farmers in El Tambo, Cauca, on 4 May"):
    the same word for the same victims names one happening, dated by its retelling."""
    found = list(dates)
    victims = [_victims(d) if d.recipient_spans else None for d in drafts]
    for number, draft in enumerate(drafts):
        if explicit[number] is not None or draft.modality != "asserted" or not victims[number]:
            continue
        for later in range(number + 1, len(drafts)):
            date = explicit[later]
            if (
                date is not None
                and victims[later] == victims[number]
                and date.precision == "day"
                and date.value <= article_date
                and drafts[later].kind.event_type == draft.kind.event_type
                and drafts[later].trigger.text.lower() == draft.trigger.text.lower()
            ):
                found[number] = _inherited(date)
                break
    return found


def _victims(draft: MentionDraft) -> tuple[str, ...] | None:
    """The recipients as written up to their place or date ("three farmers" of "three farmers
    in El Tambo"), when each has a word beside its head (a bare "him" names nobody in
    particular); None otherwise."""
    cores = []
    for span in draft.recipient_spans:
        words = _RECIPIENT_TAIL.split(span.text.lower(), maxsplit=1)[0].split()
        words = [w for w in words if w not in ("the", "a", "an", "these", "those")]
        if len(words) < 2:
            return None
        cores.append(" ".join(words))
    return tuple(cores) or None


def _tells_what_happened(draft: MentionDraft, date: DateRef, *, in_dated_sentence: bool) -> bool:
    """An undated past happening, which the story's date can date; not a plan ("is expected
    to visit") nor a mention whose only date is its report's. A mention with no tense of its
    own (a participle: "returned fire, killing two") is past when a dated past happening of
    its sentence leads to it."""
    past = draft.tense == "past" or (draft.tense is None and in_dated_sentence)
    return draft.modality == "asserted" and past and not date.method.startswith(REPORT_DATE_PREFIX)


def _refers_back(draft: MentionDraft) -> bool:
    """ "during the same period, the army seized ...", "on that day": a past happening dated by
    the period last named, even a month ("clashes in November"), which is not passed on to
    undated mentions."""
    if draft.date_span is None or draft.date_is_report or draft.tense != "past":
        return False
    words = lexicon.load("dates")
    text = normalise_date_text(draft.date_span.text, words=words)
    return text in words["back_references"] and draft.modality == "asserted"


def _vaguely_dated(draft: MentionDraft, *, article_date: dt.date) -> bool:
    """ "who were killed recently", "had clashed in the past": a happening its own words
    set apart from the day the story tells of, which that day does not date."""
    if draft.date_span is None:
        return False
    ref = resolve_date(draft.date_span.text, article_date=article_date, tense="past")
    return ref is not None and ref.method in (PAST_REF_METHOD, FUTURE_REF_METHOD)


def lead_date(story: ParsedStory, *, dateline: Dateline | None | str = FIND) -> DateRef | None:
    """The first recent day before the story's own that its lead paragraph names ("conducted
    an operation in Paktiya province yesterday"): the date of the happening it reports, when
    no event of ours carries a date. Days named further on may be anyone's, and a day that
    dates a report ("ANI reported on Saturday") dates no happening."""
    start, end = lead_paragraph(story.article.text, dateline=dateline)
    article_date = story.article.date
    reported = {
        (d.date_span.start, d.date_span.end)
        for d in story.drafts
        if d.date_span is not None and d.date_is_report
    }
    text = story.article.text
    for span in _lead_expressions(story, start=start, end=end):
        if (span.start, span.end) in reported or _next_to_report_verb(span, text):
            continue
        ref = resolve_date(span.text, article_date=article_date, tense="past", span=span)
        if (
            ref is not None
            and ref.precision == "day"
            and _dates_event(ref)
            and (dt.timedelta(0) < article_date - ref.value <= LEAD_WINDOW)
        ):
            return ref
    return None


def _lead_expressions(story: ParsedStory, *, start: int, end: int) -> list[Span]:
    """The DATE entities between ``start`` and ``end``, and the day words the parser tagged
    otherwise or not at all ("In Khost last night, ..."), in text order."""
    text = story.article.text
    found = [
        _with_day_number(e.span, text)
        for e in story.entities
        if e.label == "DATE" and start <= e.span.start < end
    ]
    for match in _day_word_pattern().finditer(text, start, end):
        if not any(s.start < match.end() and match.start() < s.end for s in found):
            found.append(Span(match.start(), match.end(), match.group()))
    return sorted(found, key=lambda span: span.start)


def _with_day_number(span: Span, text: str) -> Span:
    """ "the morning of 21 December": a month with the day number before it, which the parser
    tagged a number and left out of the date."""
    if span.text.lower().rstrip(".") not in lexicon.load("dates")["months"]:
        return span
    day = _DAY_BEFORE_MONTH.search(text, max(0, span.start - 12), span.start)
    if day is None or not 1 <= int(day.group(1)) <= 31:
        return span
    return Span(day.start(), span.end, text[day.start() : span.end])


def _next_to_report_verb(span: Span, text: str) -> bool:
    """ "confirmed yesterday the death of ...", "ISAF today confirmed": the day of a report."""
    before = text[max(0, span.start - 30) : span.start].split()
    after = text[span.end : span.end + 30].split()
    forms = _report_verb_forms()
    neighbours = [before[-1] if before else "", after[0] if after else ""]
    return any(word.strip(",.;:").lower() in forms for word in neighbours)


@cache
def _report_verb_forms() -> frozenset[str]:
    """Every form of the reporting verbs ("confirm", "confirms", "confirmed", "said")."""
    verbs = lexicon.load("modality")["reporting_verbs"]
    irregular = lexicon.load("dates")["irregular_verb_forms"]
    forms = {irregular.get(verb, verb) for verb in verbs}
    for verb in verbs:
        stem = verb[:-1] + "i" if verb.endswith("y") and verb[-2] not in "aeiou" else verb
        forms |= {verb, verb + "s", stem + "es", stem + "ed", verb + "d", verb + "ing"}
    return frozenset(forms)


@cache
def _day_word_pattern() -> re.Pattern[str]:
    """Words that name a day near the article's ("yesterday", "last night") or a weekday
    ("Friday", written with its capital)."""
    words = lexicon.load("dates")
    offsets = "|".join(map(re.escape, sorted(words["day_offsets"], key=len, reverse=True)))
    weekdays = "|".join(name.capitalize() for name in words["weekdays"] if len(name) > 3)
    # After an article or "in"/"during" the word qualifies a noun ("an overnight operation",
    # "in overnight raids") and dates nothing by itself.
    attributive = r"(?i:(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bin\s)(?<!\bduring\s))"
    return re.compile(rf"{attributive}\b(?:(?i:{offsets})|(?:last\s+)?(?:{weekdays}))\b")


def lead_paragraph(text: str, *, dateline: Dateline | None | str = FIND) -> tuple[int, int]:
    """Character bounds of the story's first paragraph (line) after its dateline; without a
    dateline, its first line of prose, past a title and boilerplate ("For Immediate Release").
    ``dateline`` is the story's when already found (None: it has none)."""
    if isinstance(dateline, str):
        dateline = find_dateline(text)
    if dateline is not None:
        return _paragraph_from((dateline.date or dateline.place).end, text)
    start = 0
    while start < len(text):
        line = _line_from(start, text)
        if _is_prose(text[line[0] : line[1]]):
            return line
        start = line[1] + 1
    return _line_from(0, text)


def _line_from(start: int, text: str) -> tuple[int, int]:
    """The bounds of the line holding ``start``, from its first letter on."""
    body = re.search(r"[A-Za-z]", text[start:])
    start += body.start() if body else len(text) - start
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _paragraph_from(start: int, text: str) -> tuple[int, int]:
    """The bounds of the paragraph holding ``start``: its line, or, when the line breaks off
    mid-sentence (text wrapped at a fixed width: "Two terrorist\nattacks were carried out in
    Lima last night.\n"), that first sentence across the lines it is wrapped over."""
    first, end = _line_from(start, text)
    if _ends_sentence(text[first:end]):
        return first, end
    stop = _SENTENCE_END.search(text, end)
    if stop is None:
        return first, end
    blank = text.find("\n\n", first, stop.end())
    return first, stop.end() if blank < 0 else blank


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", '"', "”"))


def _is_prose(line: str) -> bool:
    """A sentence, not a title: several words, ending as a sentence ends."""
    words = line.split()
    return len(words) >= PROSE_MIN_WORDS and line.rstrip().endswith((".", "!", "?", '"', "”"))


def _dates_event(date: DateRef) -> bool:
    """A date of a day or period of its own: not the article's, a report's, a time of day
    ("at 8 p.m."), an era ("the 1990s"), the period under discussion ("the same day") or a
    vague past or future ("recently")."""
    vague = (CLOCK_METHOD, CENTURY_METHOD, DECADE_METHOD, ANAPHOR_METHOD)
    return date.method.startswith(("rule:", "dateparser")) and date.method not in vague


def _passes_on(date: DateRef, article_date: dt.date) -> bool:
    """A day (or week) no later than the story: "in 1981" and "last year" are background, and
    "a strike on Thursday" a plan, which date no happening told in the past tense."""
    return date.precision in ("day", "week") and date.value <= article_date


def _inherited(date: DateRef) -> DateRef:
    return dataclasses.replace(
        date, method=f"{STORY_DATE_PREFIX}{date.method}", confidence=round(date.confidence * 0.7, 3)
    )
