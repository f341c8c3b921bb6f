"""Resolve what extraction found to canonical values.

Each module here is a set of pure functions (or a small class holding a read-only backend
passed in by the caller): ``dates`` turns date expressions into :class:`~whimbrel.records.DateRef`
against the article's date, ``places`` turns place names into
:class:`~whimbrel.records.PlaceRef` through a :class:`~whimbrel.resolve.places.Gazetteer`.
Modules never read files themselves; backends and lexicons are loaded once by the caller.
"""
