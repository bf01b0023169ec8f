"""One connector per dataset: the API calls that make a complete, validated new version of it.

A connector returns updates only when every page was fetched and parsed; anything else raises
(``FetchError`` for the transport, ``ParseError``/``ApiError`` for the content) and the cache
keeps the last good version. The parsers in ``offline_cache.parsers`` do the validation."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, unquote

from offline_cache.connectors.geo import distance_m, kma_grid
from offline_cache.connectors.http import FetchError, HttpSource
from offline_cache.connectors.settings import LiveSettings
from offline_cache.parsers import (
    ApiError,
    NoData,
    ParseError,
    air,
    alerts,
    bikes,
    citydata,
    subway,
    toilets,
    weather,
)
from offline_cache.parsers.envelope import KST, load_json, seoul_rows
from offline_cache.store import Clock, DatasetUpdate, Snapshot

log = logging.getLogger(__name__)

PAGE_ROWS = 1000  # the Seoul API's maximum per call
SAMPLE_KEY_ROWS = 5  # the public key "sample" answers 5 rows at most, first page only
MAX_ROWS = 20_000  # a wrong list_total_count must not page forever
ALERT_REGION = "서울특별시"
ALERT_PAGE_ROWS = 100
MAX_ALERT_PAGES = 10


@dataclass(frozen=True)
class FetchContext:
    settings: LiveSettings
    sources: Mapping[str, HttpSource]  # by endpoint name
    clock: Clock
    previous: Callable[[str], Snapshot]  # what the cache holds now, for partial refreshes


@dataclass(frozen=True)
class FetchResult:
    updates: list[DatasetUpdate]
    warning: str = ""  # stored, but part of it failed (e.g. one citydata hotspot)


@dataclass(frozen=True)
class Connector:
    dataset: str
    endpoint: str  # the API (and so the key and circuit breaker) it uses
    fetch: Callable[[FetchContext], FetchResult]


def describe_error(exc: Exception) -> str:
    """A one-line explanation of a failed fetch for the log and the staff screen."""
    if isinstance(exc, ApiError):
        return f"API error {exc.code}: {exc.message}"
    if isinstance(exc, ParseError):
        return f"unusable response: {exc}"
    return str(exc)


def _path(*segments: str) -> str:
    return "/".join(quote(segment, safe="") for segment in segments)


def _data_go_kr_key(key: str) -> str:
    """data.go.kr shows each key URL-encoded and plain; accept either (httpx encodes it)."""
    return unquote(key) if "%" in key else key


def seoul_table(source: HttpSource, service: str, wrapper: str) -> dict[str, Any]:
    """A whole openapi.seoul.go.kr table: every page up to list_total_count in one document."""
    key = source.endpoint.key
    page = SAMPLE_KEY_ROWS if key == "sample" else PAGE_ROWS
    rows: list[dict[str, Any]] = []
    start = 1
    while True:
        end = start + page - 1
        doc = load_json(source.get(_path(key, "json", service, str(start), str(end)) + "/"))
        page_rows, total = seoul_rows(doc, wrapper)
        rows.extend(page_rows)
        if not page_rows or len(rows) >= total or key == "sample":
            break
        if end >= MAX_ROWS:
            log.warning("%s: stopped paging at %d of %d rows", service, len(rows), total)
            break
        start = end + 1
    doc[wrapper]["row"] = rows
    return doc


def _nearby(update: DatasetUpdate, settings: LiveSettings, radius_m: float) -> DatasetUpdate:
    """Only the rows within ``radius_m`` of the kiosk, nearest first, with their distance."""
    site = settings.site
    rows = []
    for row in update.rows:
        metres = distance_m(site.lat, site.lon, row["lat"], row["lon"])
        if metres <= radius_m:
            rows.append({**row, "distance_m": round(metres)})
    rows.sort(key=lambda row: row["distance_m"])
    return dataclasses.replace(update, rows=rows)


def fetch_air(ctx: FetchContext) -> FetchResult:
    doc = seoul_table(ctx.sources["seoul"], "RealtimeCityAir", "RealtimeCityAir")
    return FetchResult(air.parse(doc))


def fetch_bikes(ctx: FetchContext) -> FetchResult:
    doc = seoul_table(ctx.sources["seoul"], "bikeList", "rentBikeStatus")
    (update,) = bikes.parse(doc)
    return FetchResult([_nearby(update, ctx.settings, ctx.settings.bike_radius_m)])


def fetch_toilets(ctx: FetchContext) -> FetchResult:
    doc = seoul_table(ctx.sources["seoul"], toilets.WRAPPER, toilets.WRAPPER)
    (update,) = toilets.parse(doc)
    return FetchResult([_nearby(update, ctx.settings, ctx.settings.toilet_radius_m)])


def fetch_subway(ctx: FetchContext) -> FetchResult:
    """Arrivals at the kiosk's station; INFO-200 means no trains now (night), stored as empty."""
    source = ctx.sources["subway"]
    station = ctx.settings.site.subway_station
    if not station:
        raise FetchError("the kiosk's site has no subway station ([site] subway_station)")
    path = _path("api", "subway", source.endpoint.key, "json", "realtimeStationArrival", "0", "40")
    body = source.get(f"{path}/{quote(station, safe='')}")
    try:
        return FetchResult(subway.parse(load_json(body)))
    except NoData:
        empty = DatasetUpdate(
            "subway_arrivals", [], source="realtimeStationArrival", measured_at=None
        )
        return FetchResult([empty])


def fetch_citydata(ctx: FetchContext) -> FetchResult:
    """One row per configured hotspot; a hotspot that fails keeps its last good row."""
    hotspots = ctx.settings.hotspots
    if not hotspots:
        raise FetchError("no citydata hotspots configured ([citydata] hotspots)")
    source = ctx.sources["seoul"]
    rows: dict[str, dict[str, Any]] = {}
    problems: dict[str, str] = {}
    for area in hotspots:
        path = _path(source.endpoint.key, "json", "citydata", "1", "5", area)
        try:
            rows[area] = citydata.parse_place(load_json(source.get(path)))
        except (FetchError, ParseError) as exc:
            problems[area] = describe_error(exc)
    message = "; ".join(f"{area}: {problem}" for area, problem in problems.items())
    if not rows:
        raise FetchError(message)
    if problems:
        previous = ctx.previous("citydata")
        if not previous.status.sample:
            for row in previous.rows:
                if row.get("area_name") in problems:
                    rows[row["area_name"]] = row
    ordered = [rows[area] for area in hotspots if area in rows]
    times = [row["population_time"] for row in ordered if row.get("population_time")]
    update = DatasetUpdate(
        "citydata", ordered, source="citydata", measured_at=min(times) if times else None
    )
    return FetchResult([update], warning=message)


def kma_base_time(now: float) -> tuple[str, str]:
    """The newest nowcast published by ``now``: made on the hour, served from about HH:40."""
    moment = datetime.fromtimestamp(now, KST) - timedelta(minutes=40)
    return moment.strftime("%Y%m%d"), moment.strftime("%H00")


def fetch_weather(ctx: FetchContext) -> FetchResult:
    source = ctx.sources["kma"]
    nx, ny = kma_grid(ctx.settings.site.lat, ctx.settings.site.lon)
    base_date, base_time = kma_base_time(ctx.clock())
    params = {
        "serviceKey": _data_go_kr_key(source.endpoint.key),
        "pageNo": 1,
        "numOfRows": 60,
        "dataType": "JSON",
        "base_date": base_date,
        "base_time": base_time,
        "nx": nx,
        "ny": ny,
    }
    return FetchResult(weather.parse(load_json(source.get("getUltraSrtNcst", params))))


def fetch_alerts(ctx: FetchContext) -> FetchResult:
    """Seoul's disaster text alerts of the last day, all pages."""
    source = ctx.sources["safetydata"]
    since = datetime.fromtimestamp(ctx.clock(), KST) - timedelta(days=1)
    rows: list[dict[str, Any]] = []
    times: list[float] = []
    for page in range(1, MAX_ALERT_PAGES + 1):
        params = {
            "serviceKey": _data_go_kr_key(source.endpoint.key),
            "returnType": "json",
            "pageNo": page,
            "numOfRows": ALERT_PAGE_ROWS,
            "crtDt": since.strftime("%Y%m%d"),
            "rgnNm": ALERT_REGION,
        }
        doc = load_json(source.get("V2/api/DSSP-IF-00247", params))
        (update,) = alerts.parse(doc)
        rows.extend(update.rows)
        if update.measured_at is not None:
            times.append(update.measured_at)
        total = str(doc.get("totalCount", ""))  # parse() checked doc is an object
        if len(update.rows) < ALERT_PAGE_ROWS or not total.isdigit() or len(rows) >= int(total):
            break
    merged = DatasetUpdate(
        "disaster_alerts",
        rows,
        source="safetydata DSSP-IF-00247",
        measured_at=max(times) if times else None,
    )
    return FetchResult([merged])


CONNECTORS: dict[str, Connector] = {
    connector.dataset: connector
    for connector in (
        Connector("subway_arrivals", "subway", fetch_subway),
        Connector("disaster_alerts", "safetydata", fetch_alerts),
        Connector("bike_stations", "seoul", fetch_bikes),
        Connector("citydata", "seoul", fetch_citydata),
        Connector("air_quality", "seoul", fetch_air),
        Connector("weather", "kma", fetch_weather),
        Connector("public_toilets", "seoul", fetch_toilets),
    )
}
