"""Which citydata hotspot a page shows: the cache holds one row per place near the kiosk.

The configured places come first, in the configured order (the first is the kiosk's own);
any other place in the cache follows, nearest first (its position is the middle of the bus
stops and car parks it lists). Pure: the traffic, population and weather pages share it."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Any

from kiosk.config import ConfigError, KioskConfig
from kiosk.i18n import LANGUAGES, pick, tr
from offline_cache.connectors.geo import distance_m
from offline_cache.connectors.settings import configured_hotspots
from offline_cache.store import Snapshot

log = logging.getLogger(__name__)


def stored_number(value: Any) -> float | None:
    """A number of a cached citydata row, or None for anything else (None, a stray string
    from an older row, a bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def stored_whole(value: Any) -> int | None:
    number = stored_number(value)
    return None if number is None else int(number)


def hotspot_names(config: KioskConfig) -> tuple[str, ...]:
    """The configured places; none when the setting is broken (logged, the pages go on)."""
    try:
        return configured_hotspots(config)
    except ConfigError as exc:
        log.warning("citydata hotspots: %s", exc)
        return ()


def _position(row: dict[str, Any]) -> tuple[float, float] | None:
    points = [
        (item.get("lat"), item.get("lon"))
        for block in ("bus_stops", "parking")
        for item in (row.get(block) or [])
        if isinstance(item, dict)
    ]
    points = [(lat, lon) for lat, lon in points if lat is not None and lon is not None]
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def ordered_hotspots(
    snapshot: Snapshot, configured: Sequence[str], lat: float, lon: float
) -> list[dict[str, Any]]:
    """The places in the cache in the order a visitor can switch between them."""
    rows = [row for row in snapshot.rows if row.get("area_name")]
    rank = {name: index for index, name in enumerate(configured)}

    def key(row: dict[str, Any]) -> tuple[int, float]:
        if row["area_name"] in rank:
            return (0, rank[row["area_name"]])
        position = _position(row)
        distance = math.inf if position is None else distance_m(lat, lon, *position)
        return (1, distance)

    return sorted(rows, key=key)


def pick_hotspot(rows: Sequence[dict[str, Any]], chosen: str | None) -> dict[str, Any] | None:
    """The row the visitor chose, else the first (the kiosk's own place)."""
    for row in rows:
        if row.get("area_name") == chosen:
            return row
    return rows[0] if rows else None


def seoul_words(message: str, key: str, lang: str) -> str:
    """citydata's own message (Korean only) for Korean visitors, the same meaning from the
    text ``key`` for everyone else; the text alone when the API sent none."""
    texts = {code: tr(key, code) for code in LANGUAGES}
    return pick({**texts, "ko": message or texts["ko"]}, lang)
