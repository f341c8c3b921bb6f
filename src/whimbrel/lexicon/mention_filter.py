"""Validator for ``data_sources/mention_filter.yaml``: the optional mention filter's weights.

The file is written by ``benchmarks/train_mention_filter.py`` (never by hand). Compiled form::

    {"bias": float, "threshold": float in (0, 1), "weights": {feature name: float}}

A feature name is ``<field>=<value>`` for a field :mod:`whimbrel.extract.mention_filter`
computes, or one of its flag names.
"""

from __future__ import annotations

import math
from typing import Any

SOURCE = "mention_filter.yaml"

VALUE_FIELDS = frozenset(
    {"type", "quad", "modality", "tense", "actors", "recipients", "sentence", "type_count",
     "story_drafts", "pos", "dep", "head_pos", "lemma", "tag"}
)  # fmt: skip
FLAGS = frozenset(
    {"hedged", "attributed", "has_place", "has_date", "date_is_report", "place_is_recipient",
     "top_type", "named_actor", "named_recipient", "quoted"}
)  # fmt: skip


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _feature_problems(weights: dict[Any, Any]) -> list[str]:
    problems = []
    for name, weight in weights.items():
        field = str(name).split("=", 1)[0]
        known = field in FLAGS if "=" not in str(name) else field in VALUE_FIELDS
        if not known:
            problems.append(f"weights: unknown feature {name!r}; fields: {sorted(VALUE_FIELDS)}")
        if not _number(weight):
            problems.append(f"weights[{name!r}]: {weight!r} is not a finite number")
    return problems


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict):
        return {}, [f"top level must be a mapping with bias, threshold, weights; got {raw!r:.60}"]
    problems = []
    if not _number(raw.get("bias")):
        problems.append(f"bias: {raw.get('bias')!r} is not a finite number")
    threshold = raw.get("threshold")
    if not _number(threshold) or not 0.0 < float(threshold) < 1.0:  # type: ignore[arg-type]
        problems.append(f"threshold: {threshold!r} must be a number between 0 and 1")
    weights = raw.get("weights")
    if not isinstance(weights, dict) or not weights:
        problems.append("weights: must be a non-empty mapping of feature name to number")
        weights = {}
    problems.extend(_feature_problems(weights))
    compiled = {
        "bias": raw.get("bias"),
        "threshold": threshold,
        "weights": {str(k): v for k, v in weights.items()},
    }
    return compiled, problems
