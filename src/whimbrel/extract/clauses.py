"""What attachment needs from a parse: entities at a token, the clause levels above a trigger,
and the story's dateline (the place and date it was filed from, which date and place no event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from whimbrel.records import Span

CLIMB_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "conj",
        "dobj",
        "pobj",
        "prep",
        "relcl",
        "acl",
        "pcomp",
        "attr",
        "nsubj",
        "nsubjpass",
    }
)
MAX_CLIMB = 5
PERSON_LABELS = frozenset({"PERSON"})


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy joins every token on each ``Doc.text``."""
    if TEXT_KEY not in doc.user_data:
        doc.user_data[TEXT_KEY] = doc.text
    return doc.user_data[TEXT_KEY]  # type: ignore[no-any-return]


def doc_ents(doc: Doc) -> tuple[SpacySpan, ...]:
    """The document's entities, built once: spaCy walks every token on each ``Doc.ents``."""
    if ENTS_KEY not in doc.user_data:
        doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return doc.user_data[ENTS_KEY]  # type: ignore[no-any-return]


TEXT_KEY = "whimbrel_text"
ENTS_KEY = "whimbrel_ents"
ENT_AT_KEY = "whimbrel_ent_at"


def entity_at(token: Token, labels: frozenset[str] | None = None) -> SpacySpan | None:
    """The entity holding ``token`` when its label is one of ``labels`` (any label if None)."""
    if not token.ent_type_ or labels is not None and token.ent_type_ not in labels:
        return None
    doc = token.doc
    if ENT_AT_KEY not in doc.user_data:
        doc.user_data[ENT_AT_KEY] = {i: e for e in doc_ents(doc) for i in range(e.start, e.end)}
    return doc.user_data[ENT_AT_KEY].get(token.i)  # type: ignore[no-any-return]


def as_span(ent: SpacySpan) -> Span:
    return Span(ent.start_char, ent.end_char, ent.text)


# ---------------------------------------------------------------- datelines

# "KABUL, Afghanistan (Jan. 22, 2013) –", "MEXICO CITY --", "BANTUL, Indonesia:": the place and
# date of the report at the head of a line near the top of the story. Wire copy often writes a
# non-breaking space there, so it counts as a blank.
_CAPS_WORD = r"[A-Z][A-Z.'’]*(?:-[A-Z][A-Z.'’]*)*"
DATELINE = re.compile(
    rf"""(?mx) ^[ \t\xa0]*
    (?P<place> [A-Z][A-Z.'’]{{2,}}(?:-[A-Z][A-Z.'’]*)* (?:\ {_CAPS_WORD})*   # KABUL, MEXICO CITY
               (?:,[ \t\xa0]*[A-Z][A-Za-z.'’\-\ ]*[a-z.])? )              # , Afghanistan
    [ \t\xa0]* (?: \((?P<date>[^()\n]{{2,40}})\) [ \t\xa0]* (?:[-–—:]+|$)   # (Jan. 22, 2013) –
            | (?:[ \t\xa0]+[-–—]+|:)[ \t\xa0] )                            # -- or :
    """
)
# Wire services' form: "Lima, 20 Aug 88 (EFE) --", "NEW DELHI, Nov 7 (PTI):", "Rio de Janeiro,
# ...", "Managua (Nicaragua), 9 Aug 88 (AFP) --", "Buenos aires, no date (DYN) --": a place
# opening with a capital (its country in brackets optional), a day and month (year optional)
# or "no date", the agency in brackets, then a dash or colon.
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
WIRE_DATELINE = re.compile(
    rf"""(?mx) ^[ \t\xa0]*
    (?P<place> [A-Z][\w.'’\-]* (?:\ (?:[A-Z][\w.'’\-]*|de|del|da|do|la|el)){{0,3}}
               (?:\ [a-z][\w.'’\-]*){{0,2}} )  # a lower-cased tail: "San salvador"
    (?:\ \([A-Za-z][A-Za-z.\ ]{{1,30}}\))? ,[ \t\xa0]*
    (?: (?P<date> (?:\d{{1,2}}\ {_MONTH}|{_MONTH}\ \d{{1,2}}) (?:,?\ \d{{2,4}})? ) | (?i:no\ date) )
    [ \t\xa0]* \([^()\n]{{2,60}}\) [ \t\xa0]* (?:[-–—]+|:)
    """
)
# Mixed-case form: "Nairobi, Kenya - ...", "Gaza City, Gaza Strip — ...": a place and its country
# or region, each capitalised words, at the head of a line, then a dash set off by blanks. Its
# region is required ("Nairobi - ..." may be a sentence), and a line opening with a sentence
# adverb ("Meanwhile, Kenya - ...") is a sentence; a real place written so ("Paris, Texas -
# ...") is a dateline, as wire style has it.
_MIXED_WORD = r"[A-Z][a-z][\w.'’\-]*"
MIXED_DATELINE = re.compile(
    rf"""(?mx) ^[ \t\xa0]*
    (?!(?i:however|meanwhile|still|yesterday|today|instead|later|earlier|separately|again)\b)
    (?P<place> {_MIXED_WORD} (?:\ {_MIXED_WORD}){{0,2}}         # Nairobi, Gaza City
               ,\ {_MIXED_WORD} (?:\ {_MIXED_WORD}){{0,2}} )       # , Kenya
    [ \t\xa0]+ [-–—]+ [ \t\xa0]
    """
)
DATELINE_WINDOW = 600


@dataclass(frozen=True, slots=True)
class Dateline:
    place: Span
    date: Span | None


def find_dateline(text: str) -> Dateline | None:
    """The story's dateline, when one of its first lines opens with one."""
    head = text[:DATELINE_WINDOW]
    patterns = (DATELINE, WIRE_DATELINE, MIXED_DATELINE)
    found = [m for m in (p.search(head) for p in patterns) if m is not None]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    place = Span(match.start("place"), match.end("place"), match["place"])
    dated = match.groupdict().get("date")
    date = Span(match.start("date"), match.end("date"), dated) if dated else None
    return Dateline(place, date)


def in_dateline(ent: SpacySpan) -> bool:
    """Whether an entity is the dateline's place or date: they say where and when the story
    was filed, not where or when its events happened."""
    dateline = _doc_dateline(ent.doc)
    if dateline is None:
        return False
    return any(
        part is not None and part.start <= ent.start_char and ent.end_char <= part.end
        for part in (dateline.place, dateline.date)
    )


def in_dateline_place(token: Token) -> bool:
    """Whether ``token`` stands inside the place of the story's dateline ("*NAIROBI, Kenya*
    -", "*Nairobi, Kenya* -"): where the story was filed, not a party."""
    dateline = _doc_dateline(token.doc)
    return dateline is not None and (dateline.place.start <= token.idx < dateline.place.end)


def _doc_dateline(doc: Doc) -> Dateline | None:
    # One search per document, remembered on the Doc.
    if not doc.has_extension(DATELINE_EXTENSION):
        doc.set_extension(DATELINE_EXTENSION, default=None)
    cached = doc._.get(DATELINE_EXTENSION)
    if cached is None:
        cached = (find_dateline(doc_text(doc)),)
        doc._.set(DATELINE_EXTENSION, cached)
    return cached[0]


DATELINE_EXTENSION = "whimbrel_dateline"


def climb(trigger: Token, *, reporting: frozenset[str]) -> list[tuple[Token, bool]]:
    levels = [(trigger, False)]
    current = trigger
    for _ in range(MAX_CLIMB):
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
        on_report = current.lemma_.lower() in reporting
        levels.append((current, on_report))
        if on_report:
            break
    return levels
