"""What the district map shows, as plain data: districts coloured by a layer, markers, and one
district's details. No Qt and no folium here (the page builder and the view use these).

Three layers colour the 25 districts:
- ``air``: the worst pollutant grade of each district (widgets.air.model, aq_grades.json);
- ``congestion``: the live-population congestion of the citydata hotspots the kiosk follows,
  on the districts that contain one ("no data" elsewhere: the API only covers hotspots);
- ``incidents``: how many active disaster alerts and road incidents are in each district."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from statistics import fmean
from typing import Any

from kiosk.i18n import tr
from kiosk.reference import DISTRICTS_GEOJSON, District, Site, district_at, districts
from offline_cache.store import Snapshot
from widgets.air.model import DistrictAir, district_air
from widgets.alerts.model import Alert
from widgets.bikes.model import NearbyStation

LAYERS = ("air", "congestion", "incidents")
LAYER_DATASETS = {  # what each layer's colours come from
    "air": ("air_quality",),
    "congestion": ("citydata",),
    "incidents": ("disaster_alerts", "citydata"),
}
DEFAULT_LAYER = "air"

# citydata AREA_CONGEST_LVL, calmest first; colours as on Seoul's own citydata map
CONGESTION_LEVELS = ("여유", "보통", "약간 붐빔", "붐빔")
CONGESTION_COLORS = {0: "#2E9E5B", 1: "#E3B505", 2: "#EA7A17", 3: "#D3312A"}
INCIDENT_COLORS = {0: "#D7DEE6", 1: "#F3A530", 2: "#E0541E", 3: "#B3161B"}  # 0, 1, 2, 3+
NO_DATA_COLOR = "#C9CED6"
NO_DATA_COLOR_HIGH_CONTRAST = "#2B2B2B"
COORDINATE_DIGITS = 5  # ~1 m: the shipped outlines are simplified far more than that


@dataclass(frozen=True)
class Hotspot:
    """One citydata place (AREA_NM) and where it is."""

    name: str
    level: int | None  # index in CONGESTION_LEVELS
    level_text: str  # as the API wrote it
    message: str
    lat: float | None
    lon: float | None
    district_code: str | None


@dataclass(frozen=True)
class Incident:
    """A road incident or works from citydata ACDNT_CNTRL_STTS."""

    kind: str
    kind_en: str
    info: str
    info_en: str
    lat: float
    lon: float
    district_code: str | None
    expected_clear_at: float | None


@dataclass(frozen=True)
class Marker:
    """A point on the map: ``kind`` is here, bike, alert or incident."""

    kind: str
    lat: float
    lon: float
    label: str
    district_code: str | None = None
    short: str = ""  # what the map writes beside it when zoomed in (a station's bike count)


@dataclass(frozen=True)
class MapData:
    """Everything the map draws from, read from the cache once per render."""

    air: list[DistrictAir]
    hotspots: list[Hotspot]
    alerts: list[Alert]  # active, for Seoul
    incidents: list[Incident]  # active
    bikes: list[NearbyStation]  # near the kiosk, nearest first
    here: Site
    here_code: str | None


@dataclass(frozen=True)
class DistrictDetails:
    """What a tap on a district shows."""

    district: District
    air: DistrictAir | None
    hotspots: list[Hotspot] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)  # located in this district
    citywide_alerts: list[Alert] = field(default_factory=list)  # for all of Seoul
    incidents: list[Incident] = field(default_factory=list)
    is_here: bool = False


# --- the districts' outlines ------------------------------------------------------------


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, COORDINATE_DIGITS)
    return [_round(item) for item in value]


@cache
def district_features() -> dict[str, Any]:
    """The 25 district outlines as a GeoJSON FeatureCollection whose properties are the
    district code and its names (the page colours and labels them by code)."""
    doc = json.loads(DISTRICTS_GEOJSON.read_text(encoding="utf-8"))
    by_code = {d.code: d for d in districts()}
    features = []
    for feature in doc["features"]:
        code = str(feature["properties"]["SIG_CD"])
        district = by_code[code]
        geometry = feature["geometry"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": code,
                    **{f"name_{lang}": district.name_in(lang) for lang in ("ko", "en", "zh", "ja")},
                },
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round(geometry["coordinates"]),
                },
            }
        )
    features.sort(key=lambda f: f["properties"]["code"])
    return {"type": "FeatureCollection", "features": features}


def _outer_rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [polygon[0] for polygon in polygons]


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, fmean(p[0] for p in ring), fmean(p[1] for p in ring)
    return area, cx / (6 * area), cy / (6 * area)


def _chord_middle(ring: list[list[float]], lat: float) -> float | None:
    """The middle of the widest piece of the horizontal line at ``lat`` inside the ring."""
    crossings = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat):
            crossings.append(x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
    crossings.sort()
    pieces = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not pieces:
        return None
    left, right = max(pieces, key=lambda piece: piece[1] - piece[0])
    return (left + right) / 2


@cache
def label_points() -> dict[str, tuple[float, float]]:
    """District code -> (lat, lon) for its name: the centroid of its largest part, moved
    onto the widest chord through it when the centroid falls outside (a concave outline)."""
    points = {}
    for feature in district_features()["features"]:
        code = feature["properties"]["code"]
        rings = _outer_rings(feature["geometry"])
        ring = max(rings, key=lambda r: abs(_ring_area_centroid(r)[0]))
        _, lon, lat = _ring_area_centroid(ring)
        found = district_at(lat, lon)
        if found is None or found.code != code:
            lon = _chord_middle(ring, lat) or lon
        points[code] = (lat, lon)
    return points


# --- reading the cache -------------------------------------------------------------------


def congestion_level(text: str | None) -> int | None:
    """0 여유 .. 3 붐빔 from the API's words (None when it says something else)."""
    if not text:
        return None
    words = "".join(text.split())
    for index, name in enumerate(CONGESTION_LEVELS):
        if words == "".join(name.split()):
            return index
    return None


def _position(row: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """Where a hotspot is: the middle of the bus stops, car parks and bike stations the API
    lists around it (citydata gives the place no coordinates of its own)."""
    for block in ("bus_stops", "parking", "bikes"):
        points = [
            (item["lat"], item["lon"])
            for item in row.get(block) or []
            if isinstance(item, Mapping) and item.get("lat") and item.get("lon")
        ]
        if points:
            return fmean(p[0] for p in points), fmean(p[1] for p in points)
    return None, None


def hotspots(snapshot: Snapshot) -> list[Hotspot]:
    out = []
    for row in snapshot.rows:
        lat, lon = _position(row)
        district = district_at(lat, lon) if lat is not None and lon is not None else None
        out.append(
            Hotspot(
                name=row.get("area_name") or "",
                level=congestion_level(row.get("congestion_level")),
                level_text=row.get("congestion_level") or "",
                message=row.get("congestion_message") or "",
                lat=lat,
                lon=lon,
                district_code=district.code if district else None,
            )
        )
    return out


def active_incidents(snapshot: Snapshot) -> list[Incident]:
    """Incidents of every hotspot that have a position and are not cleared yet (one entry
    for an incident that two hotspots both list)."""
    seen = set()
    out = []
    for row in snapshot.rows:
        for item in row.get("incidents") or []:
            if not isinstance(item, Mapping) or item.get("lat") is None or item.get("lon") is None:
                continue
            started, clears = item.get("started_at"), item.get("expected_clear_at")
            if (started is not None and started > snapshot.now) or (
                clears is not None and clears < snapshot.now
            ):
                continue
            key = (item.get("type"), round(item["lat"], 5), round(item["lon"], 5))
            if key in seen:
                continue
            seen.add(key)
            district = district_at(item["lat"], item["lon"])
            out.append(
                Incident(
                    kind=item.get("type") or "",
                    kind_en=item.get("type_en") or "",
                    info=item.get("info") or "",
                    info_en=item.get("info_en") or "",
                    lat=item["lat"],
                    lon=item["lon"],
                    district_code=district.code if district else None,
                    expected_clear_at=clears,
                )
            )
    return out


def alert_districts(alert: Alert) -> list[District]:
    """The Seoul districts an alert's receiving region names ("서울특별시 마포구, 서울특별시
    용산구"); empty for all of Seoul or outside it."""
    found = []
    for part in re.split(r"[,·/]", alert.region):
        if "서울" not in part:
            continue
        words = set(part.split())
        found += [d for d in districts() if d.name_ko in words and d not in found]
    return found


def collect(
    air: Snapshot,
    citydata: Snapshot,
    alerts: list[Alert],
    bikes: list[NearbyStation],
    here: Site,
) -> MapData:
    """The map's inputs from the snapshots (alerts already filtered to the active ones)."""
    here_district = district_at(here.lat, here.lon)
    here_code = here_district.code if here_district else None
    return MapData(
        air=district_air(air, here_code),
        hotspots=hotspots(citydata),
        alerts=alerts,
        incidents=active_incidents(citydata),
        bikes=bikes,
        here=here,
        here_code=here_code,
    )


# --- layers ------------------------------------------------------------------------------


def layer_levels(data: MapData, layer: str) -> dict[str, int | None]:
    """District code -> the layer's level there (None: no data for that district)."""
    codes = [d.code for d in districts()]
    if layer == "air":
        return {entry.district.code: entry.overall for entry in data.air}
    if layer == "congestion":
        levels: dict[str, int | None] = dict.fromkeys(codes)
        for spot in data.hotspots:
            if spot.district_code and spot.level is not None:
                levels[spot.district_code] = max(levels[spot.district_code] or 0, spot.level)
        return levels
    if layer == "incidents":
        counts = dict.fromkeys(codes, 0)
        for alert in data.alerts:
            for district in alert_districts(alert):
                counts[district.code] += 1
        for incident in data.incidents:
            if incident.district_code:
                counts[incident.district_code] += 1
        return dict(counts)
    raise ValueError(f"unknown map layer {layer!r}; known: {', '.join(LAYERS)}")


def map_label(district: District, lang: str) -> str:
    """A district's name as the map writes it: English without "-gu" (25 long names would
    cover a small map), every other language in full."""
    name = district.name_in(lang)
    return name.removesuffix("-gu") if lang == "en" else name


def level_text(layer: str, level: int | None, lang: str) -> str:
    """The level in words, as the legend and the district labels say it."""
    if layer == "incidents":
        return tr("map.incidents_n", lang, n=level or 0)
    if level is None:
        return tr("map.no_data", lang)
    if layer == "air":
        return tr(f"grade.{level}", lang)
    return tr(f"map.congestion.{level}", lang)


def layer_colors(
    layer: str, grade_colors: Mapping[int | None, str], high_contrast: bool
) -> dict[int | None, str]:
    """Level -> fill colour for a layer; ``grade_colors`` are the theme's air-grade colours."""
    no_data = NO_DATA_COLOR_HIGH_CONTRAST if high_contrast else NO_DATA_COLOR
    if layer == "air":
        return {**{k: v for k, v in grade_colors.items() if k is not None}, None: no_data}
    if layer == "congestion":
        return {**CONGESTION_COLORS, None: no_data}
    return {**INCIDENT_COLORS, 0: no_data if high_contrast else INCIDENT_COLORS[0]}


def legend(layer: str, lang: str, colors: Mapping[int | None, str]) -> list[tuple[str, str]]:
    """(colour, words) for every level of a layer, as the legend under the map lists them."""
    if layer == "incidents":
        return [
            (colors[0], tr("map.incidents_none", lang)),
            (colors[1], tr("map.incidents_n", lang, n=1)),
            (colors[2], tr("map.incidents_n", lang, n=2)),
            (colors[3], tr("map.incidents_many", lang, n=3)),
        ]
    levels = range(4)
    return [(colors[level], level_text(layer, level, lang)) for level in levels] + [
        (colors[None], tr("map.no_data", lang))
    ]


def district_fill(layer: str, level: int | None, colors: Mapping[int | None, str]) -> str:
    if layer == "incidents":
        return colors[min(level or 0, 3)]
    return colors[level]


# --- markers -----------------------------------------------------------------------------


def markers(data: MapData, lang: str) -> list[Marker]:
    """Active alerts with a place (at their district), incidents, nearby bike stations, and
    the kiosk itself (last, so it is drawn on top)."""
    points = label_points()
    out = []
    for alert in data.alerts:
        for district in alert_districts(alert):
            lat, lon = points[district.code]
            text = f"[{alert.step}] {alert.kind}".strip() if alert.step else alert.kind
            out.append(Marker("alert", lat, lon, text or tr("map.alert", lang), district.code))
    for incident in data.incidents:
        kind = incident.kind_en if lang != "ko" and incident.kind_en else incident.kind
        out.append(Marker("incident", incident.lat, incident.lon, kind, incident.district_code))
    for station in data.bikes:
        if station.lat is None or station.lon is None:
            continue
        count = "-" if station.bikes is None else str(station.bikes)
        out.append(
            Marker("bike", station.lat, station.lon, f"{station.name} · {count}", short=count)
        )
    out.append(Marker("here", data.here.lat, data.here.lon, tr("map.here", lang), data.here_code))
    return out


def map_state(
    data: MapData,
    layer: str,
    lang: str,
    grade_colors: Mapping[int | None, str],
    style: Mapping[str, Any],
    selected: str | None = None,
) -> dict[str, Any]:
    """The JSON the page's ``kioskMap.update`` draws: every district's fill and label, the
    markers, the look (``style``: line, text and halo colours, label size) and the selection."""
    high_contrast = bool(style.get("high_contrast"))
    colors = layer_colors(layer, grade_colors, high_contrast)
    levels = layer_levels(data, layer)
    by_code = {d.code: d for d in districts()}
    return {
        "layer": layer,
        "districts": {
            code: {
                "fill": district_fill(layer, level, colors),
                "name": map_label(by_code[code], lang),
                "value": level_text(layer, level, lang),
                "known": level is not None and (layer != "incidents" or level > 0),
            }
            for code, level in levels.items()
        },
        "markers": [
            {"kind": m.kind, "lat": m.lat, "lon": m.lon, "label": m.label, "short": m.short}
            for m in markers(data, lang)
        ],
        "labels": {code: list(point) for code, point in label_points().items()},
        "here_code": data.here_code,
        "selected": selected,
        "style": dict(style),
    }


# --- a district's details ----------------------------------------------------------------


def district_details(data: MapData, code: str) -> DistrictDetails:
    district = next(d for d in districts() if d.code == code)
    located = [a for a in data.alerts if district in alert_districts(a)]
    citywide = [a for a in data.alerts if not alert_districts(a)]
    return DistrictDetails(
        district=district,
        air=next((a for a in data.air if a.district.code == code), None),
        hotspots=[h for h in data.hotspots if h.district_code == code],
        alerts=located,
        citywide_alerts=citywide,
        incidents=[i for i in data.incidents if i.district_code == code],
        is_here=code == data.here_code,
    )
