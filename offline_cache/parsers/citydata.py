"""citydata: Seoul's real-time city data for one hotspot (population, roads, parking, weather...).

One response describes one place; each becomes one row whose nested blocks are kept as JSON
columns so the pages that need them (traffic, population, weather) read them whole."""

from __future__ import annotations

from typing import Any

from offline_cache.parsers.envelope import (
    ParseError,
    check_result,
    integer,
    number,
    parse_kst,
    text,
)
from offline_cache.store import DatasetUpdate

AGE_BANDS = (0, 10, 20, 30, 40, 50, 60, 70)


def _list(block: Any) -> list[dict[str, Any]]:
    if block is None or block == "":
        return []
    if isinstance(block, dict):
        return [block]
    if not isinstance(block, list):
        raise ParseError(f"expected a list, got {type(block).__name__}")
    return [item for item in block if isinstance(item, dict)]


def _population(live: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "congestion_level": text(live.get("AREA_CONGEST_LVL")),
        "congestion_message": text(live.get("AREA_CONGEST_MSG")),
        "population_min": integer(live.get("AREA_PPLTN_MIN"), "AREA_PPLTN_MIN"),
        "population_max": integer(live.get("AREA_PPLTN_MAX"), "AREA_PPLTN_MAX"),
        "male_rate": number(live.get("MALE_PPLTN_RATE"), "MALE_PPLTN_RATE"),
        "female_rate": number(live.get("FEMALE_PPLTN_RATE"), "FEMALE_PPLTN_RATE"),
        "resident_rate": number(live.get("RESNT_PPLTN_RATE"), "RESNT_PPLTN_RATE"),
        "non_resident_rate": number(live.get("NON_RESNT_PPLTN_RATE"), "NON_RESNT_PPLTN_RATE"),
        "population_time": parse_kst(live.get("PPLTN_TIME")),
        "population_forecast": [
            {
                "time": parse_kst(item.get("FCST_TIME")),
                "level": text(item.get("FCST_CONGEST_LVL")),
                "min": integer(item.get("FCST_PPLTN_MIN"), "FCST_PPLTN_MIN"),
                "max": integer(item.get("FCST_PPLTN_MAX"), "FCST_PPLTN_MAX"),
            }
            for item in _list(live.get("FCST_PPLTN"))
        ],
    }
    for band in AGE_BANDS:
        key = f"PPLTN_RATE_{band}"
        row[f"age_{band}"] = number(live.get(key), key)
    return row


def _roads(block: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    average = block.get("AVG_ROAD_DATA") or {}
    summary = {
        "message": text(average.get("ROAD_MSG")),
        "index": text(average.get("ROAD_TRAFFIC_IDX")),
        "speed": number(average.get("ROAD_TRAFFIC_SPD"), "ROAD_TRAFFIC_SPD"),
        "time": parse_kst(average.get("ROAD_TRAFFIC_TIME")),
    }
    roads = [
        {
            "name": text(link.get("ROAD_NM")),
            "from": text(link.get("START_ND_NM")),
            "to": text(link.get("END_ND_NM")),
            "distance_m": number(link.get("DIST"), "DIST"),
            "speed": number(link.get("SPD"), "SPD"),
            "index": text(link.get("IDX")),
        }
        for link in _list(block.get("ROAD_TRAFFIC_STTS"))
    ]
    return summary, roads


def _weather(block: dict[str, Any]) -> dict[str, Any]:
    return {
        "time": parse_kst(block.get("WEATHER_TIME")),
        "temperature": number(block.get("TEMP"), "TEMP"),
        "max_temperature": number(block.get("MAX_TEMP"), "MAX_TEMP"),
        "min_temperature": number(block.get("MIN_TEMP"), "MIN_TEMP"),
        "humidity": number(block.get("HUMIDITY"), "HUMIDITY"),
        "wind_direction": text(block.get("WIND_DIRCT")),
        "wind_speed": number(block.get("WIND_SPD"), "WIND_SPD"),
        "precipitation": text(block.get("PRECIPITATION")),
        "precip_type": text(block.get("PRECPT_TYPE")),
        "precip_message": text(block.get("PCP_MSG")),
        "uv_level": text(block.get("UV_INDEX_LVL")),
        "pm10": number(block.get("PM10"), "PM10"),
        "pm25": number(block.get("PM25"), "PM25"),
        "air_index": text(block.get("AIR_IDX")),
        "air_message": text(block.get("AIR_MSG")),
        "forecast": [
            {
                "time": parse_kst(item.get("FCST_DT")),
                "temperature": number(item.get("TEMP"), "TEMP"),
                "precipitation": text(item.get("PRECIPITATION")),
                "precip_type": text(item.get("PRECPT_TYPE")),
                "rain_chance": number(item.get("RAIN_CHANCE"), "RAIN_CHANCE"),
                "sky": text(item.get("SKY_STTS")),
            }
            for item in _list(block.get("FCST24HOURS"))
        ],
    }


def parse_place(doc: Any) -> dict[str, Any]:
    """One citydata response as one normalized row."""
    if not isinstance(doc, dict):
        raise ParseError("response is not a JSON object")
    check_result(doc.get("RESULT"))
    city = doc.get("CITYDATA")
    if not isinstance(city, dict):
        raise ParseError("response has no CITYDATA block")
    live = _list(city.get("LIVE_PPLTN_STTS"))
    weather = _list(city.get("WEATHER_STTS"))
    summary, roads = _roads(city.get("ROAD_TRAFFIC_STTS") or {})
    row: dict[str, Any] = {
        "area_name": text(city.get("AREA_NM")),
        "area_code": text(city.get("AREA_CD")),
        **(_population(live[0]) if live else {"population_time": None}),
        "road_traffic": summary,
        "roads": roads,
        "parking": [
            {
                "name": text(lot.get("PRK_NM")),
                "capacity": integer(lot.get("CPCTY"), "CPCTY"),
                "parked": integer(lot.get("CUR_PRK_CNT"), "CUR_PRK_CNT"),
                "live": text(lot.get("CUR_PRK_YN")) == "Y",
                "parked_at": parse_kst(lot.get("CUR_PRK_TIME")),
                "paid": text(lot.get("PAY_YN")) == "Y",
                # the fee: rate_won per rate_minutes, then extra_rate_won per extra_minutes
                "rate_won": integer(lot.get("RATES"), "RATES"),
                "rate_minutes": integer(lot.get("TIME_RATES"), "TIME_RATES"),
                "extra_rate_won": integer(lot.get("ADD_RATES"), "ADD_RATES"),
                "extra_minutes": integer(lot.get("ADD_TIME_RATES"), "ADD_TIME_RATES"),
                "address": text(lot.get("ADDRESS")),
                "lat": number(lot.get("LAT"), "LAT"),
                "lon": number(lot.get("LNG"), "LNG"),
            }
            for lot in _list(city.get("PRK_STTS"))
        ],
        "bus_stops": [
            {
                "name": text(stop.get("BUS_STN_NM")),
                "ars_id": text(stop.get("BUS_ARS_ID")),
                "lat": number(stop.get("BUS_STN_Y"), "BUS_STN_Y"),
                "lon": number(stop.get("BUS_STN_X"), "BUS_STN_X"),
            }
            for stop in _list(city.get("BUS_STN_STTS"))
        ],
        "weather": _weather(weather[0]) if weather else None,
        "incidents": [
            {
                "type": text(item.get("ACDNT_TYPE")),
                "type_en": text(item.get("ACDNT_ENG_TYPE")),
                "detail": text(item.get("ACDNT_DTYPE")),
                "info": text(item.get("ACDNT_INFO")),
                "info_en": text(item.get("ACDNT_ENG_INFO")),
                "started_at": parse_kst(item.get("ACDNT_OCCR_DT")),
                "expected_clear_at": parse_kst(item.get("EXP_CLR_DT")),
                "lat": number(item.get("ACDNT_Y"), "ACDNT_Y"),
                "lon": number(item.get("ACDNT_X"), "ACDNT_X"),
            }
            for item in _list(city.get("ACDNT_CNTRL_STTS"))
        ],
        "bikes": [
            {
                "name": text(spot.get("SBIKE_SPOT_NM")),
                "station_id": text(spot.get("SBIKE_SPOT_ID")),
                "bikes": integer(spot.get("SBIKE_PARKING_CNT"), "SBIKE_PARKING_CNT"),
                "racks": integer(spot.get("SBIKE_RACK_CNT"), "SBIKE_RACK_CNT"),
                "lat": number(spot.get("SBIKE_Y"), "SBIKE_Y"),
                "lon": number(spot.get("SBIKE_X"), "SBIKE_X"),
            }
            for spot in _list(city.get("SBIKE_STTS"))
        ],
        "alerts": [
            {
                "kind": text(item.get("DST_SE_NM")),
                "step": text(item.get("EMRG_STEP_NM")),
                "message": text(item.get("MSG_CN")),
                "created_at": parse_kst(item.get("CRT_DT")),
            }
            for item in _list(city.get("LIVE_DST_MESSAGE"))
        ],
    }
    if not row["area_name"]:
        raise ParseError("CITYDATA.AREA_NM is empty")
    return row


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    row = parse_place(doc)
    return [
        DatasetUpdate(
            "citydata",
            [row],
            source="citydata",
            measured_at=row.get("population_time"),
            sample=sample,
        )
    ]
