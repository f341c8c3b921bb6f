"""Validator for ``data_sources/lemmas.yaml``: lemmatizer exceptions, form -> lemma."""

from __future__ import annotations

from whimbrel.lexicon._words import is_word, word_list

SOURCE = "lemmas.yaml"
PARTS_OF_SPEECH = ("verb", "noun", "adj")


def compile(raw: object) -> tuple[object, list[str]]:
    """``{"version": str, "exceptions": {pos: {form: lemma}}}``; a form given twice for one
    part of speech is a problem, as is an unknown part of speech."""
    if not isinstance(raw, dict):
        return None, [f"top level must be a mapping, got {type(raw).__name__}"]
    problems: list[str] = []
    if not isinstance(raw.get("version"), str):
        problems.append("'version' must be a string")
    unknown = sorted(str(k) for k in raw if k not in (*PARTS_OF_SPEECH, "version"))
    if unknown:
        problems.append(f"unknown keys {unknown}; parts of speech known: {list(PARTS_OF_SPEECH)}")
    exceptions = {pos: _forms(pos, raw[pos], problems) for pos in PARTS_OF_SPEECH if pos in raw}
    return {"version": raw.get("version"), "exceptions": exceptions}, problems


def _forms(pos: str, lemmas: object, problems: list[str]) -> dict[str, str]:
    if not isinstance(lemmas, dict) or not lemmas:
        problems.append(f"{pos}: must map lemmas to lists of their forms, got {lemmas!r:.80}")
        return {}
    forms: dict[str, str] = {}
    for lemma, inflected in lemmas.items():
        if not is_word(lemma):
            problems.append(f"{pos}: lemma {lemma!r} is not one lower-case word")
            continue
        for form in word_list(f"{pos}.{lemma}", inflected, problems):
            if form in forms:
                problems.append(
                    f"{pos}: form {form!r} is listed under {forms[form]!r} and {lemma!r}"
                )
            forms[form] = lemma
    return dict(sorted(forms.items()))
