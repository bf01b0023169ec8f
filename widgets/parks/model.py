"""Trails (둘레길) and parks (``parks.json``), nearest to the kiosk first.

The file: ``{"as_of": "2026-11-01", "places": [{"id": "seoul-forest", "kind": "park", "name":
{"ko": "서울숲", "en": "Seoul Forest"}, "district": {"ko": "성동구", "en": "Seongdong-gu"},
"description": {...}, "points": [{"lat": 37.5444, "lon": 127.0374}]}, {"kind": "trail",
..., "length_km": 12.7, "hours": 6, "points": [{"name": {"ko": "사당역", ...}, "lat": ...,
"lon": ...}, ...]}]}``. ``points`` are where a visitor gets in (a park's entrance or centre,
a trail's start and end); the distance is to the nearest of them, as the crow flies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.i18n import pick
from kiosk.reference import Site
from offline_cache.connectors.geo import distance_m
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    Parsed,
    SchemaError,
    StaffFile,
    coordinate,
    each_entry,
    optional_number,
    optional_texts,
    read_staff_file,
    texts,
)

FILE = "parks.json"


class Kind(StrEnum):
    TRAIL = "trail"
    PARK = "park"


@dataclass(frozen=True)
class AccessPoint:
    lat: float
    lon: float
    name: Mapping[str, str]  # may be empty (a park's single point needs no name)

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang) if self.name else ""


@dataclass(frozen=True)
class Place:
    id: str
    kind: Kind
    name: Mapping[str, str]
    points: tuple[AccessPoint, ...]
    district: Mapping[str, str]
    description: Mapping[str, str]
    length_km: float | None = None
    hours: float | None = None

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)

    def district_in(self, lang: str) -> str:
        return pick(self.district, lang) if self.district else ""

    def description_in(self, lang: str) -> str:
        return pick(self.description, lang) if self.description else ""


@dataclass(frozen=True)
class NearbyPlace:
    place: Place
    distance_m: float
    nearest: AccessPoint


def _point(entry: Mapping[str, Any], where: str) -> AccessPoint:
    lat, lon = coordinate(entry, where)
    return AccessPoint(lat, lon, optional_texts(entry.get("name"), f"{where}.name"))


def _place(entry: Mapping[str, Any], where: str) -> Place:
    try:
        kind = Kind(entry.get("kind"))
    except ValueError:
        raise SchemaError(
            f"{where}.kind must be 'trail' or 'park', not {entry.get('kind')!r}"
        ) from None
    points, bad_points = each_entry(entry, "points", _point, where)
    if bad_points:  # a place shown at a wrong position is worse than one left out
        raise SchemaError("; ".join(bad_points))
    return Place(
        id=str(entry.get("id") or where),
        kind=kind,
        name=texts(entry.get("name"), f"{where}.name"),
        points=tuple(points),
        district=optional_texts(entry.get("district"), f"{where}.district"),
        description=optional_texts(entry.get("description"), f"{where}.description"),
        length_km=optional_number(entry.get("length_km"), f"{where}.length_km", minimum=0),
        hours=optional_number(entry.get("hours"), f"{where}.hours", minimum=0),
    )


def parse_parks(raw: Mapping[str, Any]) -> Parsed[list[Place]]:
    places, skipped = each_entry(raw, "places", _place)
    return Parsed(places, skipped)


def load_parks(store: CacheStore) -> StaffFile[list[Place]]:
    return read_staff_file(store, FILE, parse_parks)


def nearest_first(places: list[Place], site: Site, kind: Kind | None = None) -> list[NearbyPlace]:
    """Places (of ``kind``, or all) by distance from the kiosk's site, nearest first."""
    nearby = []
    for place in places:
        if kind is not None and place.kind is not kind:
            continue
        point = min(place.points, key=lambda p: distance_m(site.lat, site.lon, p.lat, p.lon))
        nearby.append(
            NearbyPlace(place, distance_m(site.lat, site.lon, point.lat, point.lon), point)
        )
    nearby.sort(key=lambda n: n.distance_m)
    return nearby
