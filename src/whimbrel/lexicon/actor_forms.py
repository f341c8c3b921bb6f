"""Surface-form helpers shared by the actor lexicons and the actor resolver.

Both sides must agree on how a phrase is folded (case, accents, curly quotes) and how an
English plural is formed, so a name written in ``data_sources/`` matches the same name
written in an article.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SECTOR_CODES: frozenset[str] = frozenset(
    {
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
    }
)
"""PLOVER sector codes (manual, table 5.2)."""

ORGANISATION_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
"""PLOVER's international non-state actor names, used in the country field (table 5.1)."""

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Case- and accent-blind key of ``text``: "Bogotá" and "BOGOTA" fold alike."""
    plain = unicodedata.normalize("NFKD", text.translate(_QUOTES).translate(_DASHES))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def plain(text: str) -> str:
    """``text`` with curly quotes and dashes made ASCII and accents dropped, case kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES).translate(_DASHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_exact_form(text: str) -> bool:
    """Forms written in capitals ("US", "PM", "ISI", "U.S.") match only as written."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(ch.isupper() for ch in letters)


def english_plural(phrase: str) -> str | None:
    """The regular plural of a phrase's last word, or None when it should not be pluralised.

    "minister" -> "ministers", "policeman" -> "policemen", "militia" -> "militias",
    "authority" -> "authorities"; words already ending in s/x/z/sh/ch or "-ese" keep their
    form ("Chinese", "Swiss").
    """
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if not last[-1:].isalpha() or lower.endswith(("s", "x", "z", "sh", "ch", "ese")):
        return None
    if is_exact_form(last):
        return f"{prefix}{last}s"
    if lower.endswith("man"):
        return f"{prefix}{last[:-3]}men"
    if lower.endswith("y") and lower[-2:-1] not in set("aeiou"):
        return f"{prefix}{last[:-1]}ies"
    return f"{prefix}{last}s"


def is_country_code(code: object) -> bool:
    return isinstance(code, str) and bool(_COUNTRY_CODE.match(code))


def string_list(value: object) -> list[str] | None:
    """``value`` as a list of non-empty strings, or None when it is not one."""
    if not isinstance(value, list):
        return None
    if not all(isinstance(item, str) and item.strip() for item in value):
        return None
    return [item.strip() for item in value]


def claimed_twice(
    entries: list[dict[str, Any]], *, what: str, scope: str | None = None
) -> list[str]:
    """Forms that two entries claim (within one ``scope`` value, e.g. one country, when
    given): the context could not tell them apart."""
    owners: dict[tuple[str, object], str] = {}
    problems = []
    for entry in entries:
        where = entry[scope] if scope else None
        for form in entry["forms"]:
            key = (form["text"] if form["exact"] else fold(form["text"]), where)
            if key in owners and owners[key] != entry["name"]:
                place = f" ({where})" if where else ""
                problems.append(
                    f"{what} {form['text']!r}{place} belongs to both {owners[key]!r} and "
                    f"{entry['name']!r}: drop it from one"
                )
            owners.setdefault(key, entry["name"])
    return problems
