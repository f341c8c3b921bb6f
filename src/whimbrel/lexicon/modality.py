"""Validator for ``data_sources/modality.yaml``: modality and attribution cue lists."""

from __future__ import annotations

SOURCE = "modality.yaml"

LIST_KEYS = (
    "planned_governors",
    "planned_aux",
    "planned_modifiers",
    "planned_phrases",
    "hypothetical_aux",
    "hypothetical_marks",
    "hypothetical_governors",
    "negation_words",
    "negating_governors",
    "negating_phrases",
    "hedges",
    "reporting_verbs",
    "citing_verbs",
    "informant_verbs",
    "source_phrases",
    "prospective_modals",
    "background_prepositions",
)


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"top level must be a mapping, got {type(raw).__name__}"]
    problems = []
    if not isinstance(raw.get("version"), str):
        problems.append("'version' must be a string")
    compiled: dict[str, object] = {"version": raw.get("version")}
    for key in LIST_KEYS:
        values = raw.get(key)
        if not isinstance(values, list) or not values:
            problems.append(f"{key!r} must be a non-empty list, got {values!r}")
            continue
        bad = [v for v in values if not isinstance(v, str) or not v.strip()]
        if bad:
            problems.append(f"{key!r} has non-string or empty values {bad!r}")
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            problems.append(f"{key!r} repeats {dupes}")
        compiled[key] = sorted({str(v).lower() for v in values})
    unknown = sorted(set(raw) - set(LIST_KEYS) - {"version"})
    if unknown:
        problems.append(f"unknown keys {unknown}; known: {list(LIST_KEYS)}")
    return compiled, problems
