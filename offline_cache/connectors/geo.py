"""Where things are relative to the kiosk: distances, and the KMA forecast grid cell."""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


# KMA's Lambert conformal conic grid (5 km cells), constants from the KMA API guide.
_EARTH_KM, _GRID_KM = 6371.00877, 5.0
_LAT1, _LAT2, _LON0, _LAT0 = 30.0, 60.0, 126.0, 38.0
_X0, _Y0 = 43, 136


def kma_grid(lat: float, lon: float) -> tuple[int, int]:
    """The (nx, ny) forecast grid cell containing a WGS84 position (Seoul City Hall: 60, 127)."""
    rad = math.pi / 180.0
    re = _EARTH_KM / _GRID_KM
    lat1, lat2, lon0, lat0 = _LAT1 * rad, _LAT2 * rad, _LON0 * rad, _LAT0 * rad

    def t(phi: float) -> float:
        return math.tan(math.pi * 0.25 + phi * 0.5)

    sn = math.log(math.cos(lat1) / math.cos(lat2)) / math.log(t(lat2) / t(lat1))
    sf = t(lat1) ** sn * math.cos(lat1) / sn
    ro = re * sf / t(lat0) ** sn
    ra = re * sf / t(lat * rad) ** sn
    theta = lon * rad - lon0
    theta = (theta + math.pi) % (2 * math.pi) - math.pi
    theta *= sn
    return (
        math.floor(ra * math.sin(theta) + _X0 + 0.5),
        math.floor(ro - ra * math.cos(theta) + _Y0 + 0.5),
    )
