"""bikeList: Seoul public bike (따릉이) stations with bikes parked now."""

from __future__ import annotations

from typing import Any

from offline_cache.parsers.envelope import integer, number, seoul_rows, text
from offline_cache.store import DatasetUpdate


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    rows, _ = seoul_rows(doc, "rentBikeStatus")
    out = []
    for row in rows:
        lat = number(row.get("stationLatitude"), "stationLatitude")
        lon = number(row.get("stationLongitude"), "stationLongitude")
        if lat is None or lon is None:
            continue  # a station without a position cannot be "near" anything
        out.append(
            {
                "station_id": text(row.get("stationId")),
                "name": text(row.get("stationName")),
                "bikes": integer(row.get("parkingBikeTotCnt"), "parkingBikeTotCnt"),
                "racks": integer(row.get("rackTotCnt"), "rackTotCnt"),
                "shared_pct": number(row.get("shared"), "shared"),
                "lat": lat,
                "lon": lon,
            }
        )
    return [DatasetUpdate("bike_stations", out, source="bikeList", measured_at=None, sample=sample)]
