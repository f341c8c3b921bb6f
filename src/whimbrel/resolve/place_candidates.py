"""Which gazetteer entries a place name may mean: the lookup half of place resolution.

A name is tried as written, then through the shapes news writes places in: "City, Region"
("Prague, Oklahoma", "Geneva, Ill."), a region abbreviation ("Kan.", "NSW"), a government form
("the Republic of Pakistan"), an administrative suffix ("Homs Governorate"), a noun of place
("the town of Bakwa"), a compass word ("South Lebanon", "northern Europe") and spelling
variants ("Sere Kaniye/Ras al-Ain", "Al-Dawr"). Ranking the senses found is
:mod:`whimbrel.resolve.place_ranking`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable

from whimbrel.resolve.gazetteer import Gazetteer, GazetteerEntry, IndexedName, fold

__all__ = ["candidates", "names_a_kind_of_place"]

# Resolutions of the areas a compass word or a noun of area may qualify: a world region,
# a country or a first-level region ("South Lebanon", "Montenegro province").
AREA_RESOLUTIONS = frozenset({0, 1, 2})
# Ways a name reaches an entry that say the writer meant that very entry.
DELIBERATE_HOWS = frozenset({"alias", "preferred"})
# A town has quarters a compass word may name ("North London", "East Jerusalem") only when it
# is this big; "West Wing" is not a part of the village of Wing.
COMPASS_TOWN_POPULATION = 50_000
# How a demonym of a region or city ends, how its place's name may end instead, and the
# shortest stem that ending takes ("Ontarians" → Ontario, "Texan" → Texas, "Kashmiri" →
# Kashmir, "Londoners" → London, "Sicilian" → Sicily, "Crimean" → Crimea). Short stems and
# "-i" after a short stem are mostly given names ("Nad Ali", "Ghori"), so they do not count.
DEMONYM_ENDINGS = (
    ("ians", ("ia", "y", ""), 3),
    ("ian", ("ia", "y", ""), 3),
    ("eans", ("ea",), 3),
    ("ean", ("ea",), 3),
    ("ans", ("a", "o", "", "as"), 3),
    ("an", ("a", "o", "", "as"), 3),
    ("ers", ("",), 4),
    ("ites", ("",), 4),
    ("is", ("",), 5),
    ("i", ("",), 5),
)
DEMONYM_CITY_POPULATION = 100_000
# Endings that name the people of a city ("Londoners", "Richmondites"), not only of a region.
CITY_ENDINGS = ("ers", "ites")


def candidates(name: str, gazetteer: Gazetteer) -> tuple[tuple[IndexedName, ...], str | None]:
    """Entries ``name`` may mean, and how they were found when not by the name itself."""
    if gazetteer.key(name) in gazetteer.overrides.get("name_prefixes", ()):
        return (), None
    qualified = _qualified(name, gazetteer)
    if qualified:
        return qualified, "qualified"
    named = _named(name, gazetteer)
    abbreviated = _abbreviated_regions(name, gazetteer)
    # "Kan.", "Fla.", "Alta.": the dot says abbreviation, not the town Kan or Flå, and so do
    # capitals ("WA", "PA": not the towns Wa or Pa); but a name listed as an alias ("L.A.")
    # means the place it is listed for.
    marked = name.endswith(".") or _is_capital_code(name)
    if abbreviated and marked and not any(n.how in DELIBERATE_HOWS for n in named):
        return abbreviated, "abbreviation"
    compass = _compass_area(name, gazetteer, named=named)
    if compass:
        return compass, "compass"
    if named:
        return named, None
    variant = _spelling_variant(name, gazetteer)
    if variant:
        return variant, "variant"
    if abbreviated:
        return abbreviated, "abbreviation"
    people = _regional_demonym(name, gazetteer)
    if people:
        return people, "demonym"
    container = _named_container(name, gazetteer)
    if container:
        return container, "container"
    head, comma, _ = name.rpartition(",")
    if not comma or not head.strip():
        return (), None
    # "Russia, Turkey" or "Ankara, the Turkish capital": the first name alone.
    return candidates(head.strip(), gazetteer)


def _named_container(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "Aathmail of Nuwakot": a place the gazetteer lacks, named with the area that holds it;
    the area places it. Not a site ("the University of Kent") nor a noun of area ("the
    district of Zhob"), which the place-noun reading handles."""
    head, of, tail = name.rpartition(" of ")
    words = head.split()
    if not of or not words or not words[0][:1].isupper() or not tail.strip():
        return ()
    nouns = gazetteer.site_nouns | gazetteer.place_nouns
    nouns |= frozenset(gazetteer.overrides.get("non_container_nouns", ()))
    if any(word.lower().strip(".,'") in nouns for word in words):
        return ()
    found, _ = candidates(tail.strip(), gazetteer)
    return tuple(IndexedName(n.entry, "container", False) for n in found)


def _is_capital_code(name: str) -> bool:
    """ "WA", "NSW": two or three capital letters, the way codes are written."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _compass_area(
    name: str, gazetteer: Gazetteer, *, named: tuple[IndexedName, ...]
) -> tuple[IndexedName, ...]:
    """ "South Lebanon", "northern Afghanistan", "North London": the area after the compass
    word. A country or region there wins over a town that carries the whole name (South
    Lebanon, Ohio); a name that is itself a country or region ("South Africa", "West
    Virginia") keeps its own sense, and a name the gazetteer knows keeps it over a town."""
    words = gazetteer.key(name).split()
    compass = gazetteer.compass_words
    rest = list(words)
    while len(rest) > 1 and rest[0] in compass:
        rest = rest[1:]
    if len(rest) == len(words) or any(n.entry.resolution in AREA_RESOLUTIONS for n in named):
        return ()
    found = _named(" ".join(rest), gazetteer)
    areas = [n for n in found if n.entry.resolution in AREA_RESOLUTIONS]
    parts = [
        n for n in found if n.entry.resolution == 3 or n.entry.population >= COMPASS_TOWN_POPULATION
    ]
    chosen = areas or ([] if named else parts)
    return tuple(IndexedName(n.entry, "compass", False) for n in chosen)


def _regional_demonym(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "Ontarians", "Dagestani", "Londoners": the region, or the big city, its people are
    named after (country demonyms are indexed by the gazetteer itself)."""
    key = gazetteer.key(name)
    if not key.replace(" ", "").isalpha() or gazetteer.demonym_place(name) is not None:
        return ()
    for ending, replacements, shortest in DEMONYM_ENDINGS:
        stem = key[: len(key) - len(ending)]
        if not key.endswith(ending) or len(stem.split()[-1] if stem else "") < shortest:
            continue
        for replacement in replacements:
            found = [
                n
                for n in gazetteer.lookup(stem + replacement)
                if n.entry.resolution in (1, 2)
                or (ending in CITY_ENDINGS and n.entry.population >= DEMONYM_CITY_POPULATION)
            ]
            if found:
                return tuple(IndexedName(n.entry, "demonym", False) for n in found)
    return ()


def _spelling_variant(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """Entries under another spelling of the name: each of "Sere Kaniye/Ras al-Ain", the name
    without its article ("Al-Dawr" is indexed as "Ad Dawr" and "Dawr") or written as one word
    ("Dunya Pur" → "Dunyapur")."""
    if "/" in name:
        for part in filter(None, (p.strip() for p in name.split("/"))):
            found = _named(part, gazetteer) or _spelling_variant(part, gazetteer)
            if found:
                return found
        return ()
    words = gazetteer.key(name).split()
    tries = []
    if len(words) > 1 and words[0] in gazetteer.overrides["name_articles"]:
        tries.append(" ".join(words[1:]))
    if 1 < len(words) <= 3:
        tries.append("".join(words))
    for key in tries:
        found = gazetteer.lookup(key)
        if found:
            return tuple(IndexedName(n.entry, "variant", False) for n in found)
    return ()


def _abbreviated_regions(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "W.Va.", "NSW", "B.C.": the first-level regions an abbreviation stands for."""
    found = []
    for iso3, region in gazetteer.abbreviated_regions(name):
        found += [
            IndexedName(n.entry, "abbreviation", False)
            for n in gazetteer.lookup(region)
            if n.entry.country == iso3 and n.entry.resolution == 2
        ]
    return tuple(found)


def _named(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """Entries under the name itself, else under it without a government form or suffix."""
    found = gazetteer.lookup(name)
    if found:
        return found
    key = gazetteer.key(name)
    for form in gazetteer.overrides["country_forms"]:
        form_key = gazetteer.key(form)
        if key.startswith(form_key + " "):
            countries = [
                n for n in gazetteer.lookup(key[len(form_key) + 1 :]) if n.entry.resolution == 1
            ]
            if countries:
                return tuple(IndexedName(n.entry, "country-form", False) for n in countries)
    return _with_admin_suffix(key, gazetteer) or _without_place_noun(key, gazetteer)


def _without_place_noun(key: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "the village of Ashmi", "Sinjar town", "Kawkab army base": the name without the noun
    that says what kind of place it is (extraction keeps the noun as evidence)."""
    nouns = gazetteer.place_nouns | gazetteer.site_nouns
    words = key.split()
    if len(words) > 2 and words[0] in gazetteer.place_nouns and words[1] == "of":
        rest = words[2:]
    elif len(words) > 1 and words[-1] in nouns:
        rest = words[:-1]
        while len(rest) > 1 and rest[-1] not in nouns and not gazetteer.lookup(" ".join(rest)):
            rest = rest[:-1]
        if set(words[len(rest) :]) & set(gazetteer.overrides.get("body_words", ())):
            # "the Christian Democratic Party headquarters": a body's name, not "Christian".
            return ()
    else:
        return ()
    if len(rest) == 1 and rest[0] in gazetteer.compass_words:
        # "North Annville Township" is not the region called North.
        return ()
    found = gazetteer.lookup(" ".join(rest))
    if not found and len(rest) < len(words):
        # "the Korean peninsula", "the Somali coast": the area of the people named.
        people = gazetteer.demonym_place(" ".join(rest))
        found = () if people is None else (IndexedName(people, "demonym", False),)
    return tuple(IndexedName(n.entry, "place-noun", False) for n in found)


def names_a_kind_of_place(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name carries a noun of area ("Aziziyah district", "the town of Bakwa"). A bare
    site ("the ICRC offices", "a UN base") is not a place of its own: an event there is placed at
    the town named with it (measured on the event-location set: 0.806 → 0.808)."""
    words = gazetteer.key(text).split()
    # "the town of Bakwa", "Zarghun district", "Chamkani district headquarters".
    return len(words) > 1 and any(word in gazetteer.place_nouns for word in words)


def _with_admin_suffix(key: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "Homs Governorate", "Bathinda district": the named area, not a town of that name.
    With no area of the suffix's level, a country keeps its sense ("Montenegro province" is
    the country, not a Brazilian municipality)."""
    head, _, suffix = key.rpartition(" ")
    resolution = gazetteer.overrides["admin_suffixes"].get(suffix)
    if not head or resolution is None or head in gazetteer.compass_words:
        # "the western department of Santa Ana" says where in Santa Ana; it is not Sri
        # Lanka's Western Province (an area so named is in the gazetteer under its name).
        return ()
    named = gazetteer.lookup(head)
    areas = [n for n in named if n.entry.resolution in (2, 3)]
    exact = [n for n in areas if n.entry.resolution == resolution]
    countries = [n for n in named if n.entry.resolution in (0, 1)]
    return tuple(IndexedName(n.entry, "admin-suffix", False) for n in exact or countries or areas)


def _qualified(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "Prague, Oklahoma", "Geneva, Ill.", "Pandi, Bulacan": places within the qualifier."""
    head, comma, qualifier = name.rpartition(",")
    if not comma or not head.strip() or gazetteer.lookup(name):
        return ()
    areas = _qualifier_areas(qualifier.strip(), gazetteer)
    if not areas:
        return ()
    inside = [n for n in _named(head.strip(), gazetteer) if _within(n.entry, areas)]
    return tuple(inside)


def _qualifier_areas(qualifier: str, gazetteer: Gazetteer) -> list[tuple[str, str | None]]:
    """(country, region name or None) pairs a qualifier can mean."""
    areas: list[tuple[str, str | None]] = list(gazetteer.abbreviated_regions(qualifier))
    for named in gazetteer.lookup(qualifier):
        entry = named.entry
        if entry.country is None:
            continue
        if entry.resolution == 1:
            areas.append((entry.country, None))
        elif entry.resolution in (2, 3):
            areas.append((entry.country, entry.admin2 or entry.admin1))
    return areas


def _within(entry: GazetteerEntry, areas: Iterable[tuple[str, str | None]]) -> bool:
    for country, region in areas:
        if entry.country != country or entry.resolution == 1:
            continue
        if region is None or _same_name(region, entry.admin1) or _same_name(region, entry.admin2):
            return True
    return False


def _same_name(left: str | None, right: str | None) -> bool:
    return left is not None and right is not None and fold(left) == fold(right)
