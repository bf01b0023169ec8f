"""What the connectors need to know: API keys and base URLs, fetch intervals, what is nearby.

Read from the config file's ``[api]`` and ``[refresh]`` tables and the per-dataset ``[bikes]``
(shared with the bikes page), ``[toilets]`` and ``[citydata]`` tables; environment variables
override the file (the kiosk's usual precedence), so a key can live outside the config and
tests can point every API at a local server."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.config import ConfigError, KioskConfig
from kiosk.reference import Site


@dataclass(frozen=True)
class Endpoint:
    """One upstream API: where it is and the key it wants ('' when none is configured)."""

    name: str
    base_url: str
    key: str
    key_hint: str  # how to configure the key, for messages

    @property
    def host(self) -> str:
        """The server's name for messages (never the full URL, which may carry the key)."""
        return self.base_url.split("://", 1)[-1].split("/", 1)[0]


@dataclass(frozen=True)
class EndpointSpec:
    name: str
    default_base: str
    base_env: str
    base_setting: str
    keys: tuple[tuple[str, str], ...]  # (environment variable, [api] setting), first set wins


ENDPOINTS = (
    EndpointSpec(
        "seoul",
        "http://openapi.seoul.go.kr:8088",
        "SEOUL_API_BASE",
        "seoul_base",
        (("SEOUL_API_KEY", "seoul_key"),),
    ),
    EndpointSpec(
        "subway",
        "http://swopenapi.seoul.go.kr",
        "SEOUL_SUBWAY_API_BASE",
        "subway_base",
        # the swopenapi key is issued separately; the general key is the fallback
        (("SEOUL_SUBWAY_API_KEY", "subway_key"), ("SEOUL_API_KEY", "seoul_key")),
    ),
    EndpointSpec(
        "kma",
        "http://apis.data.go.kr/1360000/VilageFcstInfoService_2.0",
        "KMA_API_BASE",
        "kma_base",
        (("DATA_GO_KR_API_KEY", "data_go_kr_key"),),
    ),
    EndpointSpec(
        "safetydata",
        "https://www.safetydata.go.kr",
        "SAFETYDATA_API_BASE",
        "safetydata_base",
        (("SAFETYDATA_API_KEY", "safetydata_key"),),
    ),
)

# Seconds between fetches; the APIs refresh about this often (citydata every 5-10 min, air
# hourly with 10-minute updates, arrivals continuously). 0 turns a dataset off.
DEFAULT_INTERVALS_S = {
    "subway_arrivals": 30.0,
    "disaster_alerts": 60.0,
    "bike_stations": 120.0,
    "citydata": 300.0,
    "air_quality": 600.0,
    "weather": 600.0,
    "public_toilets": 86400.0,
}

# citydata hotspots (official AREA_NM) nearest each site of kiosk_sites.csv
DEFAULT_HOTSPOTS = {
    "hongik_univ": ("홍대 관광특구",),
    "yeouido": ("여의도",),
    "changdong": ("창동 신경제 중심지",),
    "city_hall": ("광화문·덕수궁",),
}


def configured_hotspots(config: KioskConfig) -> tuple[str, ...]:
    """The citydata places this kiosk follows, in the configured order (the first is the
    one its pages show first); ConfigError when the setting is not a list of names."""
    hotspots = config.section("citydata").get("hotspots", DEFAULT_HOTSPOTS.get(config.site.id, ()))
    if isinstance(hotspots, str) or not all(isinstance(h, str) for h in hotspots):
        raise ConfigError('[citydata] hotspots must be a list of names, e.g. ["여의도"]')
    return tuple(h.strip() for h in hotspots if h.strip())


@dataclass(frozen=True)
class LiveSettings:
    site: Site
    endpoints: Mapping[str, Endpoint]
    intervals_s: Mapping[str, float]
    hotspots: tuple[str, ...]
    bike_radius_m: float = 2000.0  # [bikes] radius_m, the bikes page's radius too
    toilet_radius_m: float = 700.0
    timeout_s: float = 10.0  # connect and per-read
    max_response_s: float = 30.0  # a whole response, however slowly it trickles in
    attempts: int = 3  # per request, with exponential backoff and jitter between them
    backoff_s: float = 1.0  # first pause between attempts; doubles, capped at 30 s
    breaker_failures: int = 3  # requests in a row without an answer before a source rests
    breaker_reset_s: float = 300.0

    @classmethod
    def from_config(
        cls, config: KioskConfig, environ: Mapping[str, str] | None = None
    ) -> LiveSettings:
        """Settings from the config's tables and the environment; ConfigError says what is wrong."""
        env = os.environ if environ is None else environ
        api, refresh = config.section("api"), config.section("refresh")
        endpoints = {spec.name: _endpoint(spec, api, env) for spec in ENDPOINTS}
        intervals = dict(DEFAULT_INTERVALS_S)
        for dataset, value in refresh.items():
            if dataset not in intervals:
                raise ConfigError(
                    f"[refresh] {dataset}: not a live dataset; known: {', '.join(intervals)}"
                )
            intervals[dataset] = _number(value, f"[refresh] {dataset}", minimum=0)
        extra: dict[str, Any] = {}
        for name, table, setting, minimum in (
            ("bike_radius_m", "bikes", "radius_m", 1),
            ("toilet_radius_m", "toilets", "radius_m", 1),
            ("timeout_s", "api", "timeout_s", 0.01),
            ("max_response_s", "api", "max_response_s", 0.01),
            ("attempts", "api", "attempts", 1),
            ("backoff_s", "api", "backoff_s", 0),
            ("breaker_failures", "api", "breaker_failures", 1),
            ("breaker_reset_s", "api", "breaker_reset_s", 0),
        ):
            values = config.section(table)
            if setting in values:
                extra[name] = _number(values[setting], f"[{table}] {setting}", minimum)
        for whole in ("attempts", "breaker_failures"):
            if whole in extra:
                extra[whole] = int(extra[whole])
        return cls(
            site=config.site,
            endpoints=endpoints,
            intervals_s=intervals,
            hotspots=configured_hotspots(config),
            **extra,
        )

    def secrets(self) -> list[str]:
        """Every configured key, for the log and message redaction."""
        return [endpoint.key for endpoint in self.endpoints.values() if endpoint.key]


def _endpoint(spec: EndpointSpec, api: Mapping[str, Any], env: Mapping[str, str]) -> Endpoint:
    base = env.get(spec.base_env) or api.get(spec.base_setting) or spec.default_base
    if not isinstance(base, str) or "://" not in base:
        raise ConfigError(f"[api] {spec.base_setting} / ${spec.base_env} must be a URL")
    key = ""
    for variable, setting in spec.keys:
        key = env.get(variable) or api.get(setting) or ""
        if not isinstance(key, str):
            raise ConfigError(f"[api] {setting} must be a string")
        if key.strip():
            break
    variable, setting = spec.keys[0]
    return Endpoint(spec.name, base.rstrip("/"), key.strip(), f"set ${variable} or [api] {setting}")


def _number(value: Any, label: str, minimum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise ConfigError(f"{label} must be a number >= {minimum}, not {value!r}")
    return float(value)
