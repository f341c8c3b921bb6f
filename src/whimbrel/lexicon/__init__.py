"""Knowledge as data: hand-edited YAML in ``data_sources/`` compiled to JSON in ``whimbrel/data``.

Each data file has a validator module in this package (``whimbrel.lexicon.<name>``) that
defines ``SOURCE`` (the YAML file name) and ``compile(raw) -> (compiled, problems)``. The
validator lists every problem in a file, not just the first. ``python -m whimbrel.lexicon``
rebuilds all compiled files; a test checks the shipped JSON matches a fresh build.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from whimbrel.errors import DataFileError


@cache
def load(name: str) -> Any:
    """The compiled data table ``name`` (``triggers``, ``countries``, ...), read once."""
    resource = resources.files("whimbrel.data").joinpath(f"{name}.json")
    try:
        return json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise DataFileError(
            f"whimbrel/data/{name}.json",
            ["compiled data file missing: run `python -m whimbrel.lexicon` to build it"],
        ) from e


@cache
def word_class(name: str) -> frozenset[str]:
    """The lemmas of word class ``name`` from the ``word_classes`` section of triggers.yaml
    (``reaction_verbs``, ``attack_nouns``, ...)."""
    classes = load("triggers")["word_classes"]
    if name not in classes:
        raise DataFileError(
            "whimbrel/data/triggers.json",
            [f"no word class {name!r}; known: {sorted(classes)}; add it to triggers.yaml"],
        )
    return frozenset(classes[name])
