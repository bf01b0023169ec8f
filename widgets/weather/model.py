"""The weather now at the kiosk: the KMA nowcast, or the nearest citydata hotspot's weather."""

from __future__ import annotations

from dataclasses import dataclass

from offline_cache.store import CacheStore, Snapshot

# citydata spells precipitation types out; map them to the KMA PTY codes the UI translates.
PRECIP_CODES = {
    "없음": 0,
    "비": 1,
    "비/눈": 2,
    "눈": 3,
    "빗방울": 5,
    "빗방울/눈날림": 6,
    "눈날림": 7,
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
