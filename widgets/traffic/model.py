"""Roads, bus stops and car parks of one citydata place, shaped for the traffic page.

Every field may be missing, None (a value "점검중" is stored as None) or of an older row's
shape; nothing here raises on such a row, it just leaves the value out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.i18n import format_number, tr
from offline_cache.connectors.geo import distance_m
from widgets.common.hotspots import stored_number, stored_whole

# citydata's road index (ROAD_TRAFFIC_IDX, IDX) as a level 0..2, and its colours.
ROAD_LEVELS = {"원활": 0, "서행": 1, "정체": 2}
ROAD_COLORS = {0: "#0F9D58", 1: "#E8710A", 2: "#C5221F", None: "#6B7280"}


def _items(row: dict[str, Any], block: str) -> list[dict[str, Any]]:
    items = row.get(block)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


@dataclass(frozen=True)
class RoadLink:
    name: str
    start: str
    end: str
    distance_m: float | None
    speed_kmh: float | None
    level: int | None  # ROAD_LEVELS; None when the index is unknown


@dataclass(frozen=True)
class RoadTraffic:
    message: str  # the API's own words (Korean)
    level: int | None
    speed_kmh: float | None
    measured_at: float | None
    links: list[RoadLink]


def road_traffic(row: dict[str, Any]) -> RoadTraffic | None:
    """The average road speed and every road link of the place; None when it has neither."""
    summary = row.get("road_traffic") if isinstance(row.get("road_traffic"), dict) else {}
    links = [
        RoadLink(
            name=str(link.get("name") or ""),
            start=str(link.get("from") or ""),
            end=str(link.get("to") or ""),
            distance_m=stored_number(link.get("distance_m")),
            speed_kmh=stored_number(link.get("speed")),
            level=ROAD_LEVELS.get(str(link.get("index") or "")),
        )
        for link in _items(row, "roads")
    ]
    traffic = RoadTraffic(
        message=str(summary.get("message") or ""),
        level=ROAD_LEVELS.get(str(summary.get("index") or "")),
        speed_kmh=stored_number(summary.get("speed")),
        measured_at=stored_number(summary.get("time")),
        links=links,
    )
    if not links and traffic.speed_kmh is None and traffic.level is None and not traffic.message:
        return None
    return traffic


def road_level_name(level: int | None, lang: str) -> str:
    return tr(f"traffic.road.{level}", lang) if level is not None else tr("traffic.unknown", lang)


@dataclass(frozen=True)
class BusStop:
    name: str
    ars_id: str  # the 5-digit number on the stop's sign
    distance_m: float | None  # from the kiosk


def bus_stops(row: dict[str, Any], lat: float, lon: float) -> list[BusStop]:
    """The place's bus stops, nearest the kiosk first (stops without a position last)."""
    stops = []
    for stop in _items(row, "bus_stops"):
        stop_lat, stop_lon = stored_number(stop.get("lat")), stored_number(stop.get("lon"))
        distance = None
        if stop_lat is not None and stop_lon is not None:
            distance = distance_m(lat, lon, stop_lat, stop_lon)
        stops.append(BusStop(str(stop.get("name") or ""), str(stop.get("ars_id") or ""), distance))
    stops.sort(key=lambda s: (s.distance_m is None, s.distance_m or 0.0))
    return stops


@dataclass(frozen=True)
class ParkingLot:
    name: str
    capacity: int | None
    parked: int | None  # only when ``live``
    live: bool  # the lot reports how many cars are parked now
    paid: bool
    rate_won: int | None
    rate_minutes: int | None
    extra_rate_won: int | None
    extra_minutes: int | None

    @property
    def free_spaces(self) -> int | None:
        if not self.live or self.capacity is None or self.parked is None:
            return None
        return max(0, self.capacity - self.parked)

    def fee_text(self, lang: str) -> str:
        """'30분 2,000원 · 추가 10분 1,000원', 'Free', or '' when the fee is not known."""
        if not self.paid:
            return tr("traffic.parking.free", lang)
        if not self.rate_won or not self.rate_minutes:
            return ""
        fee = tr(
            "traffic.parking.fee",
            lang,
            won=format_number(self.rate_won, lang),
            minutes=self.rate_minutes,
        )
        if self.extra_rate_won and self.extra_minutes:
            fee += " · " + tr(
                "traffic.parking.fee_extra",
                lang,
                won=format_number(self.extra_rate_won, lang),
                minutes=self.extra_minutes,
            )
        return fee


def parking_lots(row: dict[str, Any]) -> list[ParkingLot]:
    """The place's car parks: those reporting live spaces first, then the largest."""
    lots = [
        ParkingLot(
            name=str(lot.get("name") or ""),
            capacity=stored_whole(lot.get("capacity")),
            parked=stored_whole(lot.get("parked")),
            live=lot.get("live") is True,
            paid=lot.get("paid") is not False,
            rate_won=stored_whole(lot.get("rate_won")),
            rate_minutes=stored_whole(lot.get("rate_minutes")),
            extra_rate_won=stored_whole(lot.get("extra_rate_won")),
            extra_minutes=stored_whole(lot.get("extra_minutes")),
        )
        for lot in _items(row, "parking")
    ]
    lots.sort(key=lambda lot: (lot.free_spaces is None, -(lot.capacity or 0)))
    return lots
