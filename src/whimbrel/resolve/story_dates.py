"""The date of each mention of a story: its own expression's, else the story's.

News tells one happening over several sentences and dates it once ("killed two insurgents
yesterday. ... confirmed the insurgents had been killed in the strike"), so an undated past
happening takes the nearest event date before it (else the story's first, else its lead
date), not the date the story was published. Report dates ("ISAF said today"), times of day,
eras and vague pasts or futures ("recently") date no happening and are not passed on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import cast

from whimbrel.extract.attach import find_dateline
from whimbrel.records import DateRef, MentionDraft, ParsedStory
from whimbrel.resolve.date_rules import CENTURY_METHOD, CLOCK_METHOD, DECADE_METHOD
from whimbrel.resolve.dates import Tense, article_date_ref, resolve_date

__all__ = ["REPORT_DATE_PREFIX", "event_date", "lead_date", "lead_paragraph", "story_dates"]

REPORT_DATE_PREFIX = "report-date:"
STORY_DATE_PREFIX = "story-date:"
# How far before the story's date its lead date may lie (older days are background).
LEAD_WINDOW = dt.timedelta(days=14)


def event_date(draft: MentionDraft, *, article_date: dt.date) -> DateRef:
    """The date the mention's own expression names; the article's when it names none, or
    only a time of day, an era or a vague past or future."""
    if draft.date_span is not None:
        ref = resolve_date(
            draft.date_span.text,
            article_date=article_date,
            tense=cast("Tense | None", draft.tense),
            span=draft.date_span,
        )
        if ref is not None and _dates_event(ref):
            if draft.date_is_report:
                return dataclasses.replace(ref, method=f"{REPORT_DATE_PREFIX}{ref.method}")
            return ref
    return article_date_ref(article_date)


def story_dates(
    drafts: Sequence[MentionDraft], *, article_date: dt.date, lead: DateRef | None = None
) -> list[DateRef]:
    """Each mention's date: its own expression's, else the story's event date around it.

    News tells one happening over several sentences and dates it once ("killed two insurgents
    yesterday. ... confirmed the insurgents had been killed in the strike"): an undated
    mention takes the nearest event date before it, else the story's first (or its ``lead``
    date), not the date the story was published. Only a past day (or week) is passed on: a
    year or a month is background, a later day a plan. Report dates ("ISAF said today") date no
    event and are not passed on.
    """
    own = [event_date(d, article_date=article_date) for d in drafts]
    explicit = [d if _dates_event(d) else None for d in own]
    passed_on = [d if d is not None and _passes_on(d, article_date) else None for d in explicit]
    first = next((d for d in passed_on if d is not None), lead)
    dates, previous = [], first
    for draft, date, event, passed in zip(drafts, own, explicit, passed_on, strict=True):
        if event is not None:
            previous = passed or previous
            dates.append(event)
        elif previous is not None and _tells_what_happened(draft, date):
            dates.append(_inherited(previous))
        else:
            dates.append(date)
    return dates


def _tells_what_happened(draft: MentionDraft, date: DateRef) -> bool:
    """An undated past happening, which the story's date can date; not a plan ("is expected
    to visit") nor a mention whose only date is its report's."""
    return (
        draft.modality == "asserted"
        and draft.tense == "past"
        and not date.method.startswith(REPORT_DATE_PREFIX)
    )


def lead_date(story: ParsedStory) -> DateRef | None:
    """The first recent day before the story's own that its lead paragraph names ("conducted
    an operation in Paktiya province yesterday"): the date of the happening it reports, when
    no event of ours carries a date. Days named further on may be anyone's, and a day that
    dates a report ("ANI reported on Saturday") dates no happening."""
    start, end = lead_paragraph(story.article.text)
    article_date = story.article.date
    reported = {
        (d.date_span.start, d.date_span.end)
        for d in story.drafts
        if d.date_span is not None and d.date_is_report
    }
    for entity in story.entities:
        span = (entity.span.start, entity.span.end)
        if entity.label != "DATE" or not start <= span[0] < end or span in reported:
            continue
        ref = resolve_date(
            entity.span.text, article_date=article_date, tense="past", span=entity.span
        )
        if (
            ref is not None
            and ref.precision == "day"
            and _dates_event(ref)
            and (dt.timedelta(0) < article_date - ref.value <= LEAD_WINDOW)
        ):
            return ref
    return None


def lead_paragraph(text: str) -> tuple[int, int]:
    """Character bounds of the story's first paragraph (line) after its dateline."""
    dateline = find_dateline(text)
    start = (dateline.date or dateline.place).end if dateline is not None else 0
    body = re.search(r"[A-Za-z]", text[start:])
    start += body.start() if body else 0
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _dates_event(date: DateRef) -> bool:
    """A date of a day or period of its own: not the article's, a report's, a time of day
    ("at 8 p.m."), an era ("the 1990s") or a vague past or future ("recently")."""
    vague = (CLOCK_METHOD, CENTURY_METHOD, DECADE_METHOD)
    return date.method.startswith(("rule:", "dateparser")) and date.method not in vague


def _passes_on(date: DateRef, article_date: dt.date) -> bool:
    """A day (or week) no later than the story: "in 1981" and "last year" are background, and
    "a strike on Thursday" a plan, which date no happening told in the past tense."""
    return date.precision in ("day", "week") and date.value <= article_date


def _inherited(date: DateRef) -> DateRef:
    return dataclasses.replace(
        date, method=f"{STORY_DATE_PREFIX}{date.method}", confidence=round(date.confidence * 0.7, 3)
    )
