"""Score whimbrel's place resolution as geocoding of gold toponyms (Gritta's geoparsing corpora).

Reads ``corpora/geoparsing`` from the shared folder at run time (nothing is copied): LGL,
TR-News, GeoVirus and GeoWebNews (``gwn_full.txt`` coordinates over ``GWN.xml`` texts). Each gold
toponym span is resolved with :func:`resolve_place`; the story context is built in two passes:
resolve every toponym of the article alone, then again with the countries and first-level
regions the first pass found (most frequent first). With ``--qualifiers`` (default) a toponym
followed in the text by ", <region>" ("Alexandria, La.") is resolved with that qualifier, as
an extractor that keeps "City, Region" together would pass it.

    .venv/bin/python benchmarks/eval_geoparsing.py [--shared PATH] [--corpus lgl ...]
        [--no-context] [--no-qualifiers] [--errors N]

Prints per corpus: n, accuracy within 161 km, median and mean error (km; an unresolved
toponym counts as 20,038 km, half the Earth's circumference), unresolved count, and speed.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from whimbrel.records import PlaceRef
from whimbrel.resolve.places import Gazetteer, resolve_place, resolve_story_places

MISS_KM = 20038.0
QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?)?)")


@dataclass(frozen=True)
class GoldToponym:
    phrase: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def shared_dir(cli_path: str | None) -> Path:
    if cli_path:
        return Path(cli_path)
    if os.environ.get("WHIMBREL_SHARED"):
        return Path(os.environ["WHIMBREL_SHARED"])
    return Path(__file__).resolve().parents[1] / ".." / "shared"


def read_gaztag_corpus(path: Path) -> Iterator[GoldArticle]:
    """LGL and TR-News: ``<toponym>`` with start, end, phrase and a ``<gaztag>`` lat/lon."""
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for toponym in article.iter("toponym"):
            gaztag = toponym.find("gaztag")
            if gaztag is None or gaztag.findtext("lat") is None:
                continue
            toponyms.append(
                GoldToponym(
                    toponym.findtext("phrase") or "",
                    int(toponym.findtext("start") or 0),
                    int(toponym.findtext("end") or 0),
                    float(gaztag.findtext("lat") or 0),
                    float(gaztag.findtext("lon") or 0),
                )
            )
        yield GoldArticle(article.findtext("text") or "", tuple(toponyms))


def read_geovirus(path: Path) -> Iterator[GoldArticle]:
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = tuple(
            GoldToponym(
                loc.findtext("name") or "",
                int(loc.findtext("start") or 0),
                int(loc.findtext("end") or 0),
                float(loc.findtext("lat") or 0),
                float(loc.findtext("lon") or 0),
            )
            for loc in article.iter("location")
        )
        yield GoldArticle(article.findtext("text") or "", toponyms)


def read_gwn(folder: Path) -> Iterator[GoldArticle]:
    """GeoWebNews: texts from GWN.xml, coordinates from gwn_full.txt (one line per article)."""
    texts = [
        a.findtext("text") or "" for a in ET.parse(folder / "GWN.xml").getroot().iter("article")
    ]
    lines = (folder / "gwn_full.txt").read_text(encoding="utf-8").splitlines()
    for text, line in zip(texts, lines, strict=True):
        toponyms = []
        for item in filter(None, line.split("||")):
            _, surface, lat, lon, start, end = item.split(",,")
            toponyms.append(GoldToponym(surface, int(start), int(end), float(lat), float(lon)))
        yield GoldArticle(text, tuple(toponyms))


CORPORA = {
    "lgl": lambda folder: read_gaztag_corpus(folder / "lgl.xml"),
    "trnews": lambda folder: read_gaztag_corpus(folder / "TR-News.xml"),
    "geovirus": lambda folder: read_geovirus(folder / "GeoVirus.xml"),
    "gwn": read_gwn,
}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def with_qualifier(article: GoldArticle, toponym: GoldToponym, gazetteer: Gazetteer) -> str:
    """ "Alexandria" followed by ", La." becomes "Alexandria, La." when the tail is a region."""
    match = QUALIFIER.match(article.text, toponym.end)
    if match is None:
        return toponym.phrase
    qualifier = match.group(1).rstrip(".") + ("." if match.group(1).endswith(".") else "")
    is_area = gazetteer.abbreviated_regions(qualifier) or any(
        n.entry.resolution in (1, 2, 3) for n in gazetteer.lookup(qualifier)
    )
    return f"{toponym.phrase}, {qualifier}" if is_area else toponym.phrase


def resolve_article(
    article: GoldArticle, gazetteer: Gazetteer, *, context: bool, qualifiers: bool
) -> list[PlaceRef | None]:
    names = [
        with_qualifier(article, t, gazetteer) if qualifiers else t.phrase for t in article.toponyms
    ]
    if not context:
        return [resolve_place(name, gazetteer=gazetteer) for name in names]
    return resolve_story_places(names, gazetteer=gazetteer)


def score_corpus(
    name: str, articles: list[GoldArticle], gazetteer: Gazetteer, args: argparse.Namespace
) -> None:
    errors: list[float] = []
    misses: list[tuple[float, str, PlaceRef | None]] = []
    began = time.perf_counter()
    for article in articles:
        places = resolve_article(
            article, gazetteer, context=not args.no_context, qualifiers=not args.no_qualifiers
        )
        for toponym, place in zip(article.toponyms, places, strict=True):
            km = (
                MISS_KM
                if place is None or place.lat is None or place.lon is None
                else (distance_km(toponym.lat, toponym.lon, float(place.lat), float(place.lon)))
            )
            errors.append(km)
            if km > 161:
                misses.append((km, toponym.phrase, place))
    seconds = time.perf_counter() - began
    within = sum(e <= 161 for e in errors) / len(errors)
    unresolved = sum(e == MISS_KM for e in errors)
    print(
        f"{name:9} n={len(errors):5} acc@161km={within:.3f} "
        f"median_km={statistics.median(errors):8.1f} "
        f"mean_km={statistics.fmean(errors):7.1f} unresolved={unresolved:4} "
        f"us_per_toponym={1e6 * seconds / len(errors) / (1 + (not args.no_context)):.0f}"
    )
    for phrase, count in Counter(p for _, p, _ in misses).most_common(args.errors):
        example = next(place for _, p, place in misses if p == phrase)
        got = "None" if example is None else f"{example.name} {example.country} {example.geonameid}"
        print(f"    {count:3} x {phrase!r} -> {got}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="path of the shared folder (default ../shared)")
    parser.add_argument("--corpus", nargs="*", choices=sorted(CORPORA), default=list(CORPORA))
    parser.add_argument("--no-context", action="store_true")
    parser.add_argument("--no-qualifiers", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="list the N most frequent misses")
    args = parser.parse_args()
    folder = shared_dir(args.shared) / "corpora" / "geoparsing"
    if not folder.is_dir():
        sys.stderr.write(f"no geoparsing corpora at {folder}: pass --shared PATH\n")
        return 2
    began = time.perf_counter()
    gazetteer = Gazetteer.load()
    print(f"gazetteer load_s={time.perf_counter() - began:.1f} entries={len(gazetteer)}")
    for name in args.corpus:
        score_corpus(name, list(CORPORA[name](folder)), gazetteer, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
