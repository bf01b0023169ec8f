"""Public bike stations near the kiosk, nearest first."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.i18n import format_measure
from kiosk.reference import Site
from offline_cache.connectors.geo import distance_m
from offline_cache.store import CacheStore, Snapshot

DEFAULT_RADIUS_M = 2000


@dataclass(frozen=True)
class NearbyStation:
    name: str
    bikes: int | None
    racks: int | None
    distance_m: float
    lat: float | None = None  # where it is (the map draws it)
    lon: float | None = None


def query_nearby(store: CacheStore, site: Site, radius_m: float = DEFAULT_RADIUS_M) -> Snapshot:
    """Stations inside the bounding box of the radius (an indexed query, then exact filter)."""
    dlat = radius_m / 111_320
    dlon = radius_m / (111_320 * math.cos(math.radians(site.lat)))
    return store.snapshot(
        "bike_stations",
        where="lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
        params=(site.lat - dlat, site.lat + dlat, site.lon - dlon, site.lon + dlon),
    )


def nearby_stations(
    snapshot: Snapshot, site: Site, radius_m: float = DEFAULT_RADIUS_M, limit: int = 12
) -> list[NearbyStation]:
    stations = [
        NearbyStation(
            name=row.get("name") or "",
            bikes=row.get("bikes"),
            racks=row.get("racks"),
            distance_m=distance_m(site.lat, site.lon, row["lat"], row["lon"]),
            lat=row["lat"],
            lon=row["lon"],
        )
        for row in snapshot.rows
        if row.get("lat") is not None and row.get("lon") is not None
    ]
    stations = [s for s in stations if s.distance_m <= radius_m]
    stations.sort(key=lambda s: s.distance_m)
    return stations[:limit]


def distance_text(meters: float, lang: str) -> str:
    if meters < 1000:
        return format_measure(round(meters / 10) * 10, "length-meter", lang)
    return format_measure(meters / 1000, "length-kilometer", lang, digits=1)
