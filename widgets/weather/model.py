"""The weather now at the kiosk: the KMA nowcast, or the nearest citydata hotspot's weather."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.i18n import format_number, tr
from offline_cache.store import CacheStore, Snapshot
from widgets.common.hotspots import stored_number

# citydata spells precipitation types out; map them to the KMA PTY codes the UI translates.
PRECIP_CODES = {
    "없음": 0,
    "비": 1,
    "비/눈": 2,
    "눈": 3,
    "빗방울": 5,
    "빗방울/눈날림": 6,
    "눈날림": 7,
    "소나기": 4,  # forecasts only
}


@dataclass(frozen=True)
class WeatherNow:
    temperature: float | None
    precip_type: int | None  # KMA PTY code: 0 none, 1 rain, 2 rain/snow, 3 snow, 5-7 light
    humidity: float | None
    wind_speed: float | None
    rain_1h_mm: float | None


def weather_now(store: CacheStore) -> tuple[WeatherNow | None, Snapshot]:
    """The current weather and the snapshot it came from (for its freshness line)."""
    nowcast = store.snapshot("weather")
    if nowcast.rows:
        row = nowcast.rows[0]
        return (
            WeatherNow(
                temperature=row.get("temperature"),
                precip_type=row.get("precip_type"),
                humidity=row.get("humidity"),
                wind_speed=row.get("wind_speed"),
                rain_1h_mm=row.get("rain_1h_mm"),
            ),
            nowcast,
        )
    city = store.snapshot("citydata")
    block = next((row["weather"] for row in city.rows if row.get("weather")), None)
    if block is None:
        return None, nowcast
    return (
        WeatherNow(
            temperature=block.get("temperature"),
            precip_type=PRECIP_CODES.get(block.get("precip_type") or ""),
            humidity=block.get("humidity"),
            wind_speed=block.get("wind_speed"),
            rain_1h_mm=None,
        ),
        city,
    )


# The weather page: every value with the source it came from.
KMA, CITYDATA = "kma", "citydata"
SKY_KEYS = {"맑음": "clear", "구름많음": "mostly_cloudy", "흐림": "cloudy"}
# the 16 points citydata writes wind directions in (WIND_DIRCT), clockwise from north
COMPASS = tuple("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())
UV_LEVELS = {"낮음": 0, "보통": 1, "높음": 2, "매우높음": 3, "위험": 4}


def compass_point(degrees: float | None) -> str | None:
    """KMA's wind direction in degrees (VEC) as one of the 16 points citydata uses."""
    if degrees is None or not 0 <= degrees <= 360:
        return None
    return COMPASS[round(degrees / 22.5) % 16]


@dataclass(frozen=True)
class Reading:
    """One value on the weather page: what it is, the value in words, where it came from."""

    name: str  # a text key: "weather.temperature"
    value: str
    source: str  # KMA or CITYDATA


@dataclass(frozen=True)
class ForecastHour:
    time: float
    temperature: float | None
    sky: str | None  # a SKY_KEYS value, or the API's word when unknown
    precip_type: int | None
    rain_chance: float | None  # percent


@dataclass(frozen=True)
class WeatherReport:
    readings: list[Reading]
    message: str  # citydata's own words on rain or snow (Korean)
    area: str  # the citydata place the citydata values are of
    forecast: list[ForecastHour]

    @property
    def sources(self) -> set[str]:
        return {reading.source for reading in self.readings}


def _forecast(block: dict[str, Any]) -> list[ForecastHour]:
    items = block.get("forecast")
    hours = [
        ForecastHour(
            time=float(item["time"]),
            temperature=stored_number(item.get("temperature")),
            sky=SKY_KEYS.get(str(item.get("sky") or ""), item.get("sky") or None),
            precip_type=PRECIP_CODES.get(str(item.get("precip_type") or "")),
            rain_chance=stored_number(item.get("rain_chance")),
        )
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and stored_number(item.get("time")) is not None
    ]
    return sorted(hours, key=lambda hour: hour.time)


def sky_name(sky: str | None, lang: str) -> str:
    if sky in SKY_KEYS.values():
        return tr(f"weather.sky.{sky}", lang)
    return sky or "-"


def precip_name(code: int | None, lang: str) -> str:
    return tr(f"precip.{code}", lang) if code in (0, 1, 2, 3, 4, 5, 6, 7) else "-"


def _degrees(value: float | None, lang: str) -> str:
    return "-" if value is None else f"{format_number(value, lang, 1)}°C"


def _now(
    kma: dict[str, Any] | None, block: dict[str, Any] | None, kma_key: str, city_key: str
) -> tuple[float, str] | None:
    """A value of the weather now: the nowcast's when it has one, else citydata's."""
    if kma is not None and (value := stored_number(kma.get(kma_key))) is not None:
        return value, KMA
    if block is not None and (value := stored_number(block.get(city_key))) is not None:
        return value, CITYDATA
    return None


def _precipitation(
    kma: dict[str, Any] | None, block: dict[str, Any] | None, lang: str
) -> Reading | None:
    if kma is not None and (code := stored_number(kma.get("precip_type"))) is not None:
        text = precip_name(int(code), lang)
        if rain := stored_number(kma.get("rain_1h_mm")):
            text += " · " + tr("weather.rain", lang, n=format_number(rain, lang, 1))
        return Reading("weather.precipitation", text, KMA)
    kind = str(block.get("precip_type") or "") if block else ""
    if not kind:
        return None
    code = PRECIP_CODES.get(kind)
    text = kind if code is None else precip_name(code, lang)
    amount = str(block.get("precipitation") or "") if block else ""
    if amount not in ("", "-"):
        text += f" · {amount}"
    return Reading("weather.precipitation", text, CITYDATA)


def _wind(kma: dict[str, Any] | None, block: dict[str, Any] | None, lang: str) -> Reading | None:
    found = _now(kma, block, "wind_speed", "wind_speed")
    if found is None:
        return None
    speed, source = found
    if source == KMA and kma is not None:
        point = compass_point(stored_number(kma.get("wind_dir_deg")))
    else:
        point = str(block.get("wind_direction") or "") if block else ""
    text = tr("weather.wind_speed", lang, n=format_number(speed, lang, 1))
    if point in COMPASS:
        text = f"{tr(f'weather.dir.{point}', lang)} {text}"
    return Reading("weather.wind_label", text, source)


def weather_report(
    nowcast: Snapshot, city: Snapshot, row: dict[str, Any] | None, lang: str
) -> WeatherReport | None:
    """The weather at the kiosk: the KMA nowcast of its own 5 km cell for temperature,
    humidity, rain and wind (unless it is out of date and citydata is not), citydata's place
    for what the nowcast lacks (sky, today's low and high, UV) and the 24-hour forecast."""
    block = row.get("weather") if row and isinstance(row.get("weather"), dict) else None
    kma = nowcast.rows[0] if nowcast.rows else None
    if kma is not None and block is not None and nowcast.is_stale and not city.is_stale:
        kma = None
    if kma is None and block is None:
        return None
    hours = _forecast(block) if block else []
    readings: list[Reading | None] = []
    if found := _now(kma, block, "temperature", "temperature"):
        readings.append(Reading("weather.temperature", _degrees(found[0], lang), found[1]))
    if hours and hours[0].sky:
        readings.append(Reading("weather.sky", sky_name(hours[0].sky, lang), CITYDATA))
    low, high = (
        (stored_number(block.get(k)) for k in ("min_temperature", "max_temperature"))
        if block
        else (None, None)
    )
    if low is not None or high is not None:
        text = f"{_degrees(low, lang)} / {_degrees(high, lang)}"
        readings.append(Reading("weather.low_high", text, CITYDATA))
    readings.append(_precipitation(kma, block, lang))
    readings.append(_wind(kma, block, lang))
    if found := _now(kma, block, "humidity", "humidity"):
        text = f"{format_number(found[0], lang)}%"
        readings.append(Reading("weather.humidity_label", text, found[1]))
    uv = UV_LEVELS.get(str(block.get("uv_level") or "").replace(" ", "")) if block else None
    if uv is not None:
        readings.append(Reading("weather.uv", tr(f"weather.uv.{uv}", lang), CITYDATA))
    return WeatherReport(
        readings=[reading for reading in readings if reading is not None],
        message=str(block.get("precip_message") or "") if block else "",
        area=str(row.get("area_name") or "") if row else "",
        forecast=hours,
    )
