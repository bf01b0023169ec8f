"""RealtimeCityAir: real-time air quality for the 25 districts, current and legacy field names."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.reference import district_by_name
from offline_cache.parsers.envelope import number, parse_kst, seoul_rows, text
from offline_cache.store import DatasetUpdate

log = logging.getLogger(__name__)

# normalized column -> (current name, legacy name); the API renamed its fields over time
FIELDS = {
    "measured": ("MSRMT_DT", "MSRDT"),
    "region": ("SAREA_NM", "MSRRGN_NM"),
    "district": ("MSRSTN_NM", "MSRSTE_NM"),
    "pm10": ("PM", "PM10"),
    "pm25": ("FPM", "PM25"),
    "o3": ("OZON", "O3"),
    "no2": ("NTDX", "NO2"),
    "co": ("CBMX", "CO"),
    "so2": ("SPDX", "SO2"),
    "cai_grade": ("CAI_GRD", "IDEX_NM"),
    "cai": ("CAI_IDX", "IDEX_MVL"),
    "main_pollutant": ("CRST_SBSTN", "ARPLT_MAIN"),
}
NUMBERS = ("pm10", "pm25", "o3", "no2", "co", "so2", "cai")


def _field(row: dict[str, Any], name: str) -> Any:
    current, legacy = FIELDS[name]
    return row[current] if current in row else row.get(legacy)


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    rows, _ = seoul_rows(doc, "RealtimeCityAir")
    out: list[dict[str, Any]] = []
    for row in rows:
        name = text(_field(row, "district"))
        district = district_by_name(name)
        if district is None:
            log.info("air quality: skipping %r, not one of the 25 districts", name)
            continue
        normalized: dict[str, Any] = {
            "district": district.name_ko,
            "district_en": district.name_en,
            "district_code": district.code,
            "region": text(_field(row, "region")) or district.air_region,
            "measured_at": parse_kst(_field(row, "measured")),
            "cai_grade": text(_field(row, "cai_grade")),
            "main_pollutant": text(_field(row, "main_pollutant")),
        }
        for key in NUMBERS:
            normalized[key] = number(_field(row, key), FIELDS[key][0])
        out.append(normalized)
    times = [row["measured_at"] for row in out if row["measured_at"] is not None]
    return [
        DatasetUpdate(
            "air_quality",
            out,
            source="RealtimeCityAir",
            measured_at=max(times) if times else None,
            sample=sample,
        )
    ]
