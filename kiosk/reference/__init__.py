"""Reference data that ships with the kiosk: sites, districts, air-quality grade bands, map."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kiosk.i18n import pick

REFERENCE_DIR = Path(__file__).resolve().parent
STATION_SUFFIXES = ("역", " Station", "站", "駅")
DISTRICTS_GEOJSON = REFERENCE_DIR / "seoul_municipalities_geo_simple.juso2015.json"


@dataclass(frozen=True)
class Site:
    """Where a kiosk stands: its name, coordinates and the subway API's station name."""

    id: str
    name_ko: str
    name_en: str
    lat: float
    lon: float
    subway_station: str  # as realtimeStationArrival expects it (no "역")
    lines: tuple[str, ...] = ()
    name_zh: str = ""
    name_ja: str = ""

    def name_in(self, lang: str) -> str:
        return pick(_names(self), lang)

    def station_in(self, lang: str) -> str:
        """The name without the word for station, for texts that add it ("{station}역")."""
        name = self.name_in(lang)
        for suffix in STATION_SUFFIXES:
            name = name.removesuffix(suffix)
        return name


@dataclass(frozen=True)
class District:
    code: str  # standard SIG code, e.g. 11110
    name_ko: str
    name_en: str
    air_station_code: str
    air_region: str
    name_zh: str = ""  # official names in Chinese characters: SOURCES.md
    name_ja: str = ""

    def name_in(self, lang: str) -> str:
        return pick(_names(self), lang)


def _names(place: Site | District) -> dict[str, str]:
    return {"ko": place.name_ko, "en": place.name_en, "zh": place.name_zh, "ja": place.name_ja}


@cache
def sites() -> tuple[Site, ...]:
    """The sites where the seed's screens stood (kiosk_sites.csv)."""
    with open(REFERENCE_DIR / "kiosk_sites.csv", encoding="utf-8") as f:
        return tuple(
            Site(
                id=row["site"],
                name_ko=row["name_ko"],
                name_en=row["name_en"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                subway_station=row["subway_api_station_name"],
                lines=tuple(line for line in row["lines"].split(";") if line),
                name_zh=row["name_zh"],
                name_ja=row["name_ja"],
            )
            for row in csv.DictReader(f)
        )


def find_site(name: str) -> Site | None:
    """A site by id, Korean or English name, with or without "역"."""
    wanted = name.strip().removesuffix("역").casefold()
    for site in sites():
        names = {site.id, site.subway_station, site.name_ko.removesuffix("역"), site.name_en}
        if wanted in {n.casefold() for n in names}:
            return site
    return None


@cache
def districts() -> tuple[District, ...]:
    """Seoul's 25 districts in the official code order."""
    with open(REFERENCE_DIR / "seoul_districts.csv", encoding="utf-8") as f:
        return tuple(
            District(
                code=row["sig_cd"],
                name_ko=row["name_ko"],
                name_en=row["name_en"],
                air_station_code=row["seoul_air_msrstn_pbadms_cd"],
                air_region=row["sarea_nm"],
                name_zh=row["name_zh"],
                name_ja=row["name_ja"],
            )
            for row in csv.DictReader(f)
        )


def district_by_name(name_ko: str) -> District | None:
    return next((d for d in districts() if d.name_ko == name_ko), None)


@cache
def aq_grades() -> dict:
    """Korean air-quality grade bands (aq_grades.json)."""
    return json.loads((REFERENCE_DIR / "aq_grades.json").read_text(encoding="utf-8"))


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting: is the point inside this polygon ring?"""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


@cache
def district_shapes() -> dict[str, list[list[list[list[float]]]]]:
    """District code -> polygons (each a list of rings) from the shipped GeoJSON."""
    doc = json.loads(DISTRICTS_GEOJSON.read_text(encoding="utf-8"))
    shapes: dict[str, list] = {}
    for feature in doc["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        shapes[str(feature["properties"]["SIG_CD"])] = polygons
    return shapes


@cache  # pages ask for the same few points (the kiosk, hotspots) on every render
def district_at(lat: float, lon: float) -> District | None:
    """The district containing a point (None outside Seoul)."""
    for code, polygons in district_shapes().items():
        for rings in polygons:
            if _inside(lon, lat, rings[0]) and not any(
                _inside(lon, lat, hole) for hole in rings[1:]
            ):
                return next((d for d in districts() if d.code == code), None)
    return None
