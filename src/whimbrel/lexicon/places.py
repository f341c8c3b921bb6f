"""Validator for ``data_sources/places.yaml``: gazetteer overrides for place resolution.

Compiled form::

    {"token_equivalents": {token: token}, "country_names": {ISO3: [name]},
     "country_points": {ISO3: [lat, lon]}, "demonyms": {ISO3: [word]},
     "region_demonyms": {ISO3: {region name: [word]}},
     "world_regions": [{"geonameid", "lat", "lon", "names": [...], "demonyms": [...]}],
     "areas": [{"lat", "lon", "names": [...], "demonyms": [...], "feature_class": "L"|"H"|"T",
                "country": ISO3 | None}],
     "country_forms": [phrase], "admin_suffixes": {word: 2|3},
     "preferred": {name: geonameid}, "aliases": {name: geonameid}, "name_articles": [word],
     "name_prefixes": [word],
     "region_abbreviations": {ISO3: {abbreviation: region name}},
     "place_nouns": [word], "site_nouns": [word], "body_words": [word],
     "non_container_nouns": [word],
     "place_object_verbs": [lemma],
     "compass_words": [word]}

Geonameids are checked against the gazetteer by a test, not here: validation needs no data
beyond the file itself.
"""

from __future__ import annotations

import re
from typing import Any

SOURCE = "places.yaml"

ISO3 = re.compile(r"[A-Z]{3}")
KEYS = (
    "token_equivalents",
    "country_names",
    "country_points",
    "demonyms",
    "region_demonyms",
    "world_regions",
    "areas",
    "country_forms",
    "admin_suffixes",
    "preferred",
    "aliases",
    "name_articles",
    "name_prefixes",
    "region_abbreviations",
    "place_nouns",
    "site_nouns",
    "body_words",
    "non_container_nouns",
    "place_object_verbs",
    "compass_words",
    "not_after_verb",
)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value == value.strip()


def _text_map(table: Any, key: str, problems: list[str], *, lower: bool = False) -> dict[str, str]:
    if not isinstance(table, dict) or not table:
        problems.append(f"{key!r} must map words to words, got {table!r}")
        return {}
    bad = {
        k: v
        for k, v in table.items()
        if not (_is_text(k) and _is_text(v)) or (lower and (k != k.lower() or v != v.lower()))
    }
    if bad:
        problems.append(f"{key!r} has entries that are not {'lower-case ' * lower}text: {bad!r}")
    return {k: v for k, v in table.items() if k not in bad}


def _id_map(raw: Any, key: str, problems: list[str]) -> dict[str, int]:
    table = raw.get(key)
    if not isinstance(table, dict) or not table:
        problems.append(f"{key!r} must map names to geonameids, got {table!r}")
        return {}
    bad = {k: v for k, v in table.items() if not _is_text(k) or type(v) is not int or v <= 0}
    if bad:
        problems.append(f"{key!r} has entries that are not name: positive geonameid: {bad!r}")
    return {k: v for k, v in table.items() if k not in bad}


def _word_list(raw: Any, key: str, problems: list[str]) -> list[str]:
    values = raw.get(key)
    if not isinstance(values, list) or not values:
        problems.append(f"{key!r} must be a non-empty list, got {values!r}")
        return []
    bad = [v for v in values if not _is_text(v) or v != v.lower()]
    if bad:
        problems.append(f"{key!r} has values that are not lower-case text: {bad!r}")
    dupes = sorted({v for v in values if values.count(v) > 1 and isinstance(v, str)})
    if dupes:
        problems.append(f"{key!r} repeats {dupes}")
    return [v for v in values if v not in bad]


def _country_names(raw: Any, key: str, problems: list[str]) -> dict[str, list[str]]:
    table = raw.get(key)
    if not isinstance(table, dict) or not table:
        problems.append(f"{key!r} must map ISO3 codes to name lists, got {table!r}")
        return {}
    compiled = {}
    for code, names in table.items():
        if not (isinstance(code, str) and ISO3.fullmatch(code)):
            problems.append(f"{key!r} key {code!r} is not an ISO 3166 alpha-3 code")
        elif not isinstance(names, list) or not names or not all(map(_is_text, names)):
            problems.append(f"{key!r}[{code}] must be a list of names: {names!r}")
        else:
            compiled[code] = names
    return compiled


def _country_points(raw: Any, problems: list[str]) -> dict[str, list[float]]:
    table = raw.get("country_points") or {}
    if not isinstance(table, dict):
        problems.append(f"'country_points' must map ISO3 codes to [lat, lon], got {table!r}")
        return {}
    compiled = {}
    for code, point in table.items():
        ok = isinstance(point, list) and len(point) == 2
        ok = ok and all(isinstance(v, int | float) for v in point)
        if not (
            isinstance(code, str)
            and ISO3.fullmatch(code)
            and ok
            and -90 <= point[0] <= 90
            and -180 <= point[1] <= 180
        ):
            problems.append(
                f"'country_points'[{code!r}] must be an ISO3 code: [lat, lon] "
                f"in range, got {point!r}"
            )
            continue
        compiled[code] = [float(point[0]), float(point[1])]
    return compiled


def _world_regions(raw: Any, problems: list[str]) -> list[dict[str, object]]:
    entries = raw.get("world_regions")
    if not isinstance(entries, list) or not entries:
        problems.append(f"'world_regions' must be a list of regions, got {entries!r}")
        return []
    compiled = []
    for entry in entries:
        ok = isinstance(entry, dict) and type(entry.get("geonameid")) is int
        ok = ok and all(isinstance(entry.get(k), int | float) for k in ("lat", "lon"))
        names, demonyms = (entry.get("names"), entry.get("demonyms", [])) if ok else ([], [])
        lists_ok = all(isinstance(v, list) and all(map(_is_text, v)) for v in (names, demonyms))
        if not (
            ok and names and lists_ok and -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180
        ):
            problems.append(
                f"'world_regions' entry needs geonameid, lat, lon in range, names "
                f"and optional demonyms: {entry!r}"
            )
            continue
        compiled.append(
            {
                "geonameid": entry["geonameid"],
                "lat": float(entry["lat"]),
                "lon": float(entry["lon"]),
                "names": names,
                "demonyms": demonyms,
            }
        )
    return compiled


AREA_FEATURE_CLASSES = ("L", "H", "T")


def _areas(raw: Any, problems: list[str]) -> list[dict[str, object]]:
    """Well-known areas GeoNames lacks or places as a homonym (Darfur, the Balkans, the Sahel):
    names, a commonly used centre, a GeoNames feature class and the country holding them."""
    entries = raw.get("areas") or []
    if not isinstance(entries, list):
        problems.append(f"'areas' must be a list of areas, got {entries!r}")
        return []
    compiled = []
    for entry in entries:
        problem = _area_problem(entry)
        if problem:
            problems.append(f"'areas' entry {entry!r}: {problem}")
            continue
        compiled.append(
            {
                "lat": float(entry["lat"]),
                "lon": float(entry["lon"]),
                "names": entry["names"],
                "demonyms": entry.get("demonyms", []),
                "feature_class": entry.get("feature_class", "L"),
                "country": entry.get("country"),
            }
        )
    return compiled


def _area_problem(entry: object) -> str | None:
    """What is wrong with one ``areas`` entry, or None."""
    if not isinstance(entry, dict):
        return "must be a mapping with names, lat and lon"
    unknown = set(entry) - {"names", "demonyms", "lat", "lon", "feature_class", "country"}
    if unknown:
        return f"unknown keys {sorted(unknown)}"
    lat, lon = entry.get("lat"), entry.get("lon")
    if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
        return "needs numeric lat and lon"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"lat, lon out of range: {lat}, {lon}"
    for key in ("names", "demonyms"):
        values = entry.get(key, [])
        if not isinstance(values, list) or not all(map(_is_text, values)):
            return f"{key!r} must be a list of names"
    if not entry.get("names"):
        return "needs at least one name"
    if entry.get("feature_class", "L") not in AREA_FEATURE_CLASSES:
        return f"feature_class must be one of {AREA_FEATURE_CLASSES}"
    country = entry.get("country")
    if country is not None and not (isinstance(country, str) and ISO3.fullmatch(country)):
        return f"country {country!r} is not an ISO 3166 alpha-3 code"
    return None


def _region_demonyms(raw: Any, problems: list[str]) -> dict[str, dict[str, list[str]]]:
    table = raw.get("region_demonyms") or {}
    if not isinstance(table, dict):
        problems.append(f"'region_demonyms' must map ISO3 codes to tables, got {table!r}")
        return {}
    compiled = {}
    for code, regions in table.items():
        if not (isinstance(code, str) and ISO3.fullmatch(code)):
            problems.append(f"'region_demonyms' key {code!r} is not an ISO3 code")
        elif not isinstance(regions, dict) or not all(map(_is_text, regions)):
            problems.append(f"'region_demonyms'[{code}] must map region names to words")
        else:
            bad = {r: w for r, w in regions.items() if not (isinstance(w, list) and w)}
            bad |= {r: w for r, w in regions.items() if r not in bad and not all(map(_is_text, w))}
            if bad:
                problems.append(f"'region_demonyms'[{code}] needs lists of words: {bad!r}")
            compiled[code] = {r: w for r, w in regions.items() if r not in bad}
    return compiled


def _admin_suffixes(raw: Any, problems: list[str]) -> dict[str, int]:
    table = raw.get("admin_suffixes")
    if not isinstance(table, dict) or not table:
        problems.append(f"'admin_suffixes' must map words to 2 or 3, got {table!r}")
        return {}
    bad = {k: v for k, v in table.items() if not _is_text(k) or k != k.lower() or v not in (2, 3)}
    if bad:
        problems.append(
            f"'admin_suffixes' entries must be word: 2 (region) or 3 (district): {bad!r}"
        )
    return {k: v for k, v in table.items() if k not in bad}


def _region_abbreviations(raw: Any, problems: list[str]) -> dict[str, dict[str, str]]:
    table = raw.get("region_abbreviations")
    if not isinstance(table, dict) or not table:
        problems.append(f"'region_abbreviations' must map ISO3 codes to tables, got {table!r}")
        return {}
    compiled = {}
    for code, abbreviations in table.items():
        if not (isinstance(code, str) and ISO3.fullmatch(code)):
            problems.append(f"'region_abbreviations' key {code!r} is not an ISO3 code")
            continue
        compiled[code] = _text_map(abbreviations, f"region_abbreviations[{code}]", problems)
    return compiled


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"top level must be a mapping, got {type(raw).__name__}"]
    problems: list[str] = []
    compiled = {
        "token_equivalents": _text_map(
            raw.get("token_equivalents"), "token_equivalents", problems, lower=True
        ),
        "country_names": _country_names(raw, "country_names", problems),
        "country_points": _country_points(raw, problems),
        "demonyms": _country_names(raw, "demonyms", problems),
        "region_demonyms": _region_demonyms(raw, problems),
        "world_regions": _world_regions(raw, problems),
        "areas": _areas(raw, problems),
        "country_forms": _word_list(raw, "country_forms", problems),
        "admin_suffixes": _admin_suffixes(raw, problems),
        "preferred": _id_map(raw, "preferred", problems),
        "aliases": _id_map(raw, "aliases", problems),
        "name_articles": _word_list(raw, "name_articles", problems),
        "name_prefixes": _word_list(raw, "name_prefixes", problems),
        "region_abbreviations": _region_abbreviations(raw, problems),
        "place_nouns": _word_list(raw, "place_nouns", problems),
        "site_nouns": _word_list(raw, "site_nouns", problems),
        "body_words": _word_list(raw, "body_words", problems),
        "non_container_nouns": _word_list(raw, "non_container_nouns", problems),
        "place_object_verbs": _word_list(raw, "place_object_verbs", problems),
        "compass_words": _word_list(raw, "compass_words", problems),
        "not_after_verb": _word_list(raw, "not_after_verb", problems),
    }
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        problems.append(f"unknown keys {unknown}; known: {list(KEYS)}")
    return compiled, problems
