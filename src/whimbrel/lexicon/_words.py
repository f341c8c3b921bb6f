"""Checks shared by validators for sections that are plain word lists ("word classes")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

BOOLEAN_HINT = ' (YAML reads unquoted on/off/yes/no as true/false: quote them, "on")'


def is_word(value: object) -> bool:
    """One lower-case word or lemma, no spaces."""
    return (
        isinstance(value, str)
        and bool(value)
        and value == value.lower()
        and not any(ch.isspace() for ch in value)
    )


def word_list(section: str, value: object, problems: list[str]) -> list[str]:
    """The sorted words of a non-empty list section; every bad, empty or repeated value is
    added to ``problems`` naming ``section``."""
    if not isinstance(value, list) or not value:
        problems.append(f"{section}: must be a non-empty list of lower-case words, got {value!r}")
        return []
    bad = [v for v in value if not is_word(v)]
    if bad:
        hint = BOOLEAN_HINT if any(isinstance(v, bool) for v in bad) else ""
        problems.append(
            f"{section}: values {bad!r} are not single lower-case words; fix or drop them{hint}"
        )
    dupes = sorted({v for v in value if isinstance(v, str) and value.count(v) > 1})
    if dupes:
        problems.append(f"{section}: repeats {dupes}; list each word once")
    return sorted({v for v in value if is_word(v)})


def word_classes(
    section: str, raw: object, known: Iterable[str], problems: list[str]
) -> dict[str, list[str]]:
    """A mapping section of named word lists; each of ``known`` must be there, nothing else."""
    names = list(known)
    if not isinstance(raw, Mapping):
        problems.append(f"{section}: must be a mapping with the lists {names}, got {raw!r:.80}")
        return {}
    missing = [n for n in names if n not in raw]
    if missing:
        problems.append(f"{section}: lacks the lists {missing}; add them")
    unknown = sorted(str(k) for k in raw if k not in names)
    if unknown:
        problems.append(f"{section}: unknown lists {unknown}; known: {names}")
    return {n: word_list(f"{section}.{n}", raw[n], problems) for n in names if n in raw}


def subset_problems(
    section: str, words: Iterable[str], of: Iterable[str], of_name: str
) -> list[str]:
    """``section``'s words that are missing from the list ``of_name``."""
    outside = sorted(set(words) - set(of))
    if not outside:
        return []
    return [f"{section}: {outside} are not in {of_name}; add them there or drop them here"]
