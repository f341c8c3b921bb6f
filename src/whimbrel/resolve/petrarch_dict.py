"""Import PETRARCH/TABARI actor and agent dictionaries as user dictionary entries.

Actor dictionary: a primary phrase with an optional ``[CODE]``, synonyms on ``+`` lines and
date restrictions on indented ``[CODE <YYMMDD]``, ``[CODE >YYMMDD]`` or
``[CODE YYYYMMDD-YYYYMMDD]`` lines (limits inclusive; six-digit years below 30 are 20xx).
Agent dictionary: ``PHRASE {plurals} [~CODE]`` where ``~CODE`` adds a sector and ``CODE~``
(``NGO~``) stands in front of the actor code; regular plurals are generated unless ``{}``
says otherwise, and ``!SET! = A, B`` substitution sets expand ``!SET!`` markers. Comments are
``<!-- -->`` blocks and ``#`` or ``;`` to the end of a line. Words joined by ``_`` are one
phrase; a trailing ``_`` (TABARI's "whole word only") is dropped, since whimbrel matches
whole words anyway.

A CAMEO code becomes a country (its first three letters) and a PLOVER sector (the next three,
through the ``cameo_agents`` table of ``sectors.yaml``); the full code is kept in ``ids`` as
``cameo:CODE``. Null and discard codes (``---``, ``+++``) and agents whose code maps to no
sector are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from whimbrel import lexicon
from whimbrel.errors import DataFileError
from whimbrel.resolve.user_dict import UserEntry

_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(
    r"^(?P<code>[^\s<>\d]\S*)?\s*(?:(?P<op>[<>])\s*(?P<date>\d{6,8})"
    r"|(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?$"
)
_SUBSTITUTION = re.compile(r"^(!\w+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
NULL_CODES = frozenset({"---", "+++", "###", ""})


@dataclass
class _ActorBlock:
    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[int, str]] = field(default_factory=list)  # (line number, code text)


def load_petrarch_actors(
    path: Path | str, *, cameo_agents: Mapping[str, str] | None = None
) -> list[UserEntry]:
    """Read and parse a PETRARCH actor dictionary (e.g. ``PETR_Validate_actors_2_02.txt``)."""
    return parse_petrarch_actors(
        _read(path), cameo_agents=_agents_table(cameo_agents), origin=str(path)
    )


def load_petrarch_agents(
    path: Path | str, *, cameo_agents: Mapping[str, str] | None = None
) -> list[UserEntry]:
    """Read and parse a PETRARCH agent dictionary (e.g. ``PETR_Validate_agents_2_02.txt``)."""
    return parse_petrarch_agents(
        _read(path), cameo_agents=_agents_table(cameo_agents), origin=str(path)
    )


def parse_petrarch_actors(
    text: str, *, cameo_agents: Mapping[str, str], origin: str = "<text>"
) -> list[UserEntry]:
    """Entries for every phrase of every actor block: dated restrictions first, then the default.

    Raises :class:`DataFileError` naming ``origin`` and listing every code that cannot be read
    (line number, bad value); null codes (``[---]``) are skipped on purpose.
    """
    entries = []
    problems: list[str] = []
    for block in _actor_blocks(_lines(text)):
        meanings = [_restriction(n, code, cameo_agents, problems) for n, code in block.codes]
        ordered = sorted(
            (m for m in meanings if m), key=lambda m: m.valid_from is None and m.valid_to is None
        )
        name = _title(block.phrases[0]) if block.phrases else None
        for phrase in block.phrases:
            entries += [
                UserEntry(
                    pattern=phrase,
                    country=m.country,
                    sector=m.sector,
                    name=name,
                    ids=m.ids,
                    valid_from=m.valid_from,
                    valid_to=m.valid_to,
                    source="petrarch-actors",
                )
                for m in ordered
            ]
    if problems:
        raise DataFileError(origin, problems)
    return entries


def parse_petrarch_agents(
    text: str, *, cameo_agents: Mapping[str, str], origin: str = "<text>"
) -> list[UserEntry]:
    """Entries for every agent phrase and its plurals; agents carry a sector, not a country."""
    substitutions: dict[str, list[str]] = {}
    entries = []
    for _number, line in _lines(text):
        found = _SUBSTITUTION.match(line.strip())
        if found:
            substitutions[found.group(1)] = [v.strip() for v in found.group(2).split(",")]
            continue
        agent = _AGENT.match(line.strip())
        if agent is None:
            continue
        country, sector, code = _agent_code(agent.group("code"), cameo_agents)
        if country is None and sector is None:
            continue
        for phrase in _agent_phrases(agent.group("phrase"), agent.group("plurals"), substitutions):
            entries.append(
                UserEntry(
                    pattern=phrase,
                    country=country,
                    sector=sector,
                    ids=(f"cameo:{code}",),
                    source="petrarch-agents",
                )
            )
    return entries


def _read(path: Path | str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DataFileError(str(path), [f"cannot read the PETRARCH dictionary: {e}"]) from e


def _agents_table(cameo_agents: Mapping[str, str] | None) -> Mapping[str, str]:
    return cameo_agents if cameo_agents is not None else lexicon.load("sectors")["cameo_agents"]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) without comments; leading whitespace is kept (it marks a
    date restriction). A comment block keeps its line breaks, so numbers match the file."""
    blanked = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for number, raw in enumerate(blanked.splitlines(), start=1):
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if line.strip():
            yield number, line


def _actor_blocks(lines: Iterator[tuple[int, str]]) -> Iterator[_ActorBlock]:
    block: _ActorBlock | None = None
    for number, line in lines:
        stripped = line.strip()
        codes = [(number, code) for code in _CODE.findall(stripped)]
        phrase = _CODE.sub("", stripped).strip()
        if line[0].isspace() or not phrase:
            if block is not None:
                block.codes += codes
            continue
        if phrase.startswith("+"):
            if block is not None:
                block.phrases.append(_phrase(phrase[1:]))
            continue
        if block is not None and block.phrases:
            yield block
        block = _ActorBlock(phrases=[_phrase(phrase)], codes=codes)
    if block is not None and block.phrases:
        yield block


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _title(phrase: str) -> str:
    return " ".join(word.capitalize() for word in phrase.split())


@dataclass(frozen=True)
class _Meaning:
    country: str | None
    sector: str | None
    ids: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None


def _restriction(
    number: int, raw: str, cameo_agents: Mapping[str, str], problems: list[str]
) -> _Meaning | None:
    """The meaning of one ``[CODE ...]``; ``None`` for a null code or, with a problem added,
    for a code that cannot be read."""
    found = _RESTRICTION.match(raw.strip())
    if found is None:
        problems.append(
            f"line {number}: cannot read the code [{raw}]; write [CODE], [CODE <YYMMDD], "
            "[CODE >YYMMDD] or [CODE YYYYMMDD-YYYYMMDD]"
        )
        return None
    if (found.group("code") or "").strip() in NULL_CODES:
        return None
    code = found.group("code").split("/")[0].upper()
    start = end = None
    before = len(problems)
    if found.group("op") == "<":
        end = _date(number, found.group("date"), problems)
    elif found.group("op") == ">":
        start = _date(number, found.group("date"), problems)
    elif found.group("start"):
        start = _date(number, found.group("start"), problems)
        end = _date(number, found.group("end"), problems)
    if len(problems) > before:
        return None  # a date-limited meaning with a bad date must not hold for all time
    rest = code[3:6]
    return _Meaning(
        country=code[:3],
        sector=cameo_agents.get(rest) if rest else None,
        ids=(f"cameo:{code}",),
        valid_from=start,
        valid_to=end,
    )


def _date(number: int, raw: str, problems: list[str]) -> dt.date | None:
    digits = raw
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year < 30 else 1900 + year}{digits[2:]}"
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError as e:
        problems.append(
            f"line {number}: date {raw!r} is not a real YYMMDD or YYYYMMDD date ({e}); correct it"
        )
        return None


def _agent_code(raw: str, cameo_agents: Mapping[str, str]) -> tuple[str | None, str | None, str]:
    code = raw.strip().upper()
    if code.endswith("~"):
        return code[:-1][:3] or None, None, code
    body = code.lstrip("~")
    return None, cameo_agents.get(body[:3]), code


def _agent_phrases(
    raw: str, plurals: str | None, substitutions: Mapping[str, list[str]]
) -> list[str]:
    phrase = raw.strip()
    markers = [m for m in substitutions if m in phrase]
    if markers:
        return [_phrase(phrase.replace(markers[0], value)) for value in substitutions[markers[0]]]
    forms = [_phrase(phrase)]
    if plurals is None:
        forms.append(_regular_plural(forms[0]))
    else:
        forms += [_phrase(p) for p in plurals.split() if p.strip()]
    return forms


def _regular_plural(phrase: str) -> str:
    """PETRARCH's rule: add S; Y becomes IES; SS takes ES."""
    upper = phrase.upper()
    if upper.endswith("Y"):
        return phrase[:-1] + ("IES" if phrase[-1].isupper() else "ies")
    if upper.endswith("SS"):
        return phrase + ("ES" if phrase[-1].isupper() else "es")
    return phrase + ("S" if phrase[-1:].isupper() else "s")
