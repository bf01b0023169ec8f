"""Live population (citydata LIVE_PPLTN_STTS) of one place, shaped for the population page.

Every value may be missing or None (a value "점검중" is stored as None); nothing here raises
on such a row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.i18n import format_number, tr
from offline_cache.parsers.citydata import AGE_BANDS
from widgets.common.hotspots import stored_number, stored_whole

# citydata's four congestion levels (AREA_CONGEST_LVL, spaces dropped) and their colours.
CONGESTION_LEVELS = {"여유": 0, "보통": 1, "약간붐빔": 2, "붐빔": 3}
CONGESTION_COLORS = {0: "#0F9D58", 1: "#B7950B", 2: "#E8710A", 3: "#C5221F", None: "#6B7280"}


def congestion_level(text: Any) -> int | None:
    return CONGESTION_LEVELS.get(str(text or "").replace(" ", ""))


def level_name(level: int | None, lang: str) -> str:
    key = f"population.level.{level}" if level is not None else "traffic.unknown"
    return tr(key, lang)


@dataclass(frozen=True)
class ForecastHour:
    time: float
    level: int | None
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True)
class LivePopulation:
    area: str
    level: int | None
    message: str  # the API's own words (Korean)
    minimum: int | None
    maximum: int | None
    measured_at: float | None
    ages: list[tuple[int, float]]  # (first year of the band, percent): 0, 10, ... 70 (70+)
    male: float | None  # percent
    female: float | None
    resident: float | None
    non_resident: float | None
    forecast: list[ForecastHour]

    @property
    def peak(self) -> ForecastHour | None:
        """The forecast hour with the most people (the earliest of equals)."""
        counted = [hour for hour in self.forecast if hour.maximum is not None]
        return max(counted, key=lambda hour: hour.maximum or 0, default=None)


def live_population(row: dict[str, Any]) -> LivePopulation | None:
    """The place's live population; None when the place has no population block."""
    forecast_items = row.get("population_forecast")
    forecast = [
        ForecastHour(
            time=float(item["time"]),
            level=congestion_level(item.get("level")),
            minimum=stored_whole(item.get("min")),
            maximum=stored_whole(item.get("max")),
        )
        for item in (forecast_items if isinstance(forecast_items, list) else [])
        if isinstance(item, dict) and stored_number(item.get("time")) is not None
    ]
    forecast.sort(key=lambda hour: hour.time)
    ages = [
        (band, value)
        for band in AGE_BANDS
        if (value := stored_number(row.get(f"age_{band}"))) is not None
    ]
    population = LivePopulation(
        area=str(row.get("area_name") or ""),
        level=congestion_level(row.get("congestion_level")),
        message=str(row.get("congestion_message") or ""),
        minimum=stored_whole(row.get("population_min")),
        maximum=stored_whole(row.get("population_max")),
        measured_at=stored_number(row.get("population_time")),
        ages=ages,
        male=stored_number(row.get("male_rate")),
        female=stored_number(row.get("female_rate")),
        resident=stored_number(row.get("resident_rate")),
        non_resident=stored_number(row.get("non_resident_rate")),
        forecast=forecast,
    )
    if (
        population.level is None
        and population.maximum is None
        and not ages
        and not forecast
        and population.male is None
    ):
        return None
    return population


def range_text(minimum: int | None, maximum: int | None, lang: str) -> str:
    """'38,000~40,000명', or one end when the other is missing, '' when both are."""
    if minimum is None and maximum is None:
        return ""
    if minimum is None or maximum is None or minimum == maximum:
        return tr("population.people", lang, n=format_number(maximum or minimum or 0, lang))
    return tr(
        "population.range",
        lang,
        low=format_number(minimum, lang),
        high=format_number(maximum, lang),
    )


def age_label(band: int, lang: str) -> str:
    """'20대', '20s'; the last band is '70대 이상', '70+'."""
    key = "population.age_last" if band == AGE_BANDS[-1] else "population.age"
    return tr(key, lang, n=band)
