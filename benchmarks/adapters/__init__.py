"""Evaluation adapters: one module per gold set, each reading ../shared at run time.

Every module defines ``SETS``, ``MAPPING``, ``PEER`` and ``run(ctx) -> list[SetResult]``
(see :mod:`adapters.common`). ``ADAPTERS`` lists them in the order ``run_eval.py`` runs them.
"""

from __future__ import annotations

ADAPTERS: tuple[str, ...] = (
    "plover_gsr",
    "up_validation",
    "petr2_gsr",
    "ngec_actors",
    "ngec_synthetic",
    "tempeval",
    "meantime",
    "isaf",
    "geoparsing",
    "event_location",
    "muc4",
    "ecbplus",
)
