"""Parsers from raw Seoul API responses to validated dataset updates, one module per service."""

from __future__ import annotations

from collections.abc import Callable

from offline_cache.parsers import air, alerts, bikes, citydata, subway, toilets, weather
from offline_cache.parsers.envelope import ApiError, NoData, ParseError, load_json
from offline_cache.store import DatasetUpdate

Parser = Callable[..., list[DatasetUpdate]]

# Service names as the APIs spell them (the last path segment of the request URL).
SERVICES: dict[str, Parser] = {
    "RealtimeCityAir": air.parse,
    "realtimeStationArrival": subway.parse,
    "bikeList": bikes.parse,
    "citydata": citydata.parse,
    "DSSP-IF-00247": alerts.parse,
    "getUltraSrtNcst": weather.parse,
    "SearchPublicToiletPOIService": toilets.parse,
}

__all__ = ["SERVICES", "ApiError", "NoData", "ParseError", "parse_response", "resolve_service"]


class UnknownService(KeyError):
    def __str__(self) -> str:
        return f"unknown service {self.args[0]!r}; known: {', '.join(SERVICES)}"


def resolve_service(name: str) -> str:
    """The canonical service name, accepting any letter case."""
    for service in SERVICES:
        if service.casefold() == name.casefold():
            return service
    raise UnknownService(name)


def parse_response(service: str, body: bytes | str, *, sample: bool = False) -> list[DatasetUpdate]:
    """Decode and validate one response; raises ``ParseError`` (or ``ApiError``) when unusable."""
    parser = SERVICES[resolve_service(service)]
    return parser(load_json(body), sample=sample)
