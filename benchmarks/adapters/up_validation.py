"""UniversalPetrarch functional validation records (PETR_Validate_records_2_02), CAMEO triples."""

from __future__ import annotations

from adapters.common import EvalContext, SetResult
from adapters.petrarch_records import evaluate, read_records, scored_records

SETS = ("up_validation",)
MAPPING = (
    "each <EventCoding> → (CAMEO root = first 2 digits, source code[:3], target code[:3]); "
    "---/+++/quoted codes have no country; noevents → no event expected; ours = cameo_code "
    "root × actor countries × recipient countries of every event, with the suite's test "
    "actor/agent dictionaries loaded as user dictionaries; only the categories the file's "
    "<Include> names, and no records testing input errors. Ours in PETRARCH's shape: "
    "asserted and planned events only; UNO/EUR as IGO; several actors of a mutual event "
    "with no recipient as each ordered pair; root-04 (consult) events also in the other "
    "direction, as the suite's verb dictionary pairs visits with hosting (042/043) and codes "
    "meetings both ways. exact_grammar: exact over the records outside the categories that "
    "test the suite's own verb dictionary (SYNSET, VERB, PATTERN: synonym sets and patterns "
    "mapped to test-only codes; that dictionary is not shipped with the suite's records)."
)
# The suite's verb dictionary pairs a visit with its hosting and a meeting with its mirror.
MIRRORED_ROOTS = ("04",)
VERB_DICTIONARY_CATEGORIES = ("SYNSET", "VERB", "PATTERN")
PEER = "UniversalPetrarch P 0.67 / R 0.78, exact 0.56 (0.78 two-sided)"
FOLDER = ("peers", "UniversalPetrarch")
RECORDS = "PETR_Validate_records_2_02.xml"
DICTIONARIES = ("PETR_Validate_actors_2_02.txt", "PETR_Validate_agents_2_02.txt")


def run(ctx: EvalContext) -> list[SetResult]:
    records = ctx.subset(scored_records(read_records(ctx.path(*FOLDER, RECORDS))))
    pipeline = pipeline_with_suite_dictionaries(ctx)
    return [
        evaluate(
            ctx,
            name="up_validation",
            records=records,
            pipeline=pipeline,
            peer=PEER,
            mapping=MAPPING,
            mirrored_roots=MIRRORED_ROOTS,
            verb_dictionary_categories=VERB_DICTIONARY_CATEGORIES,
        )
    ]


def pipeline_with_suite_dictionaries(ctx: EvalContext) -> object:
    """A pipeline whose actor lexicon also holds the suite's PETRARCH actor and agent files.

    The spaCy model and gazetteer loads are cached, so this costs only the dictionaries.
    """
    from whimbrel.config import Settings
    from whimbrel.pipeline import Pipeline

    paths = tuple(ctx.path(*FOLDER, name) for name in DICTIONARIES)
    return Pipeline.load(Settings(user_dict=paths))
