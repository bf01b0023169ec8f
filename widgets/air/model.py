"""Air quality by district, graded by the Korean bands (aq_grades.json)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.i18n import tr
from kiosk.reference import District, aq_grades, districts
from offline_cache.store import Snapshot

# pollutant column -> its band table in aq_grades.json
BANDS = {"pm10": "PM10_ugm3", "pm25": "PM25_ugm3", "o3": "O3_ppm_1h"}


def grade_of(value: float | None, pollutant: str) -> int | None:
    """0 좋음, 1 보통, 2 나쁨, 3 매우나쁨; None without a measurement."""
    if value is None:
        return None
    bands = aq_grades()[BANDS[pollutant]]
    for index, (_, upper) in enumerate(bands):
        if upper is None or value <= upper:
            return index
    return len(bands) - 1


def grade_name(grade: int | None, lang: str) -> str:
    if grade is None:
        return tr("air.no_reading", lang)
    return tr(f"grade.{grade}", lang)


@dataclass(frozen=True)
class DistrictAir:
    district: District
    pm10: float | None
    pm25: float | None
    o3: float | None
    main_pollutant: str
    measured_at: float | None
    is_here: bool

    def grade(self, pollutant: str) -> int | None:
        return grade_of(getattr(self, pollutant), pollutant)

    @property
    def overall(self) -> int | None:
        """The worst of the pollutant grades (how 미세먼지 forecasts combine them)."""
        grades = [g for g in (self.grade(p) for p in BANDS) if g is not None]
        return max(grades) if grades else None

    def name(self, lang: str) -> str:
        return self.district.name_in(lang)


def district_air(snapshot: Snapshot, here_code: str | None) -> list[DistrictAir]:
    """All 25 districts in official order, with or without a measurement."""
    rows: dict[str, dict[str, Any]] = {row["district_code"]: row for row in snapshot.rows}
    result = []
    for district in districts():
        row = rows.get(district.code, {})
        result.append(
            DistrictAir(
                district=district,
                pm10=row.get("pm10"),
                pm25=row.get("pm25"),
                o3=row.get("o3"),
                main_pollutant=row.get("main_pollutant") or "",
                measured_at=row.get("measured_at"),
                is_here=district.code == here_code,
            )
        )
    return result


def air_here(snapshot: Snapshot, here_code: str | None) -> DistrictAir | None:
    return next((d for d in district_air(snapshot, here_code) if d.is_here), None)
