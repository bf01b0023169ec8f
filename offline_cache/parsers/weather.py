"""KMA ultra-short-term nowcast (getUltraSrtNcst): the weather at the kiosk's grid cell."""

from __future__ import annotations

from typing import Any

from offline_cache.parsers.envelope import ParseError, api_error, integer, number, parse_kst, text
from offline_cache.store import DatasetUpdate

# KMA category codes -> normalized columns
CATEGORIES = {
    "T1H": "temperature",
    "RN1": "rain_1h_mm",
    "REH": "humidity",
    "PTY": "precip_type",
    "WSD": "wind_speed",
    "VEC": "wind_dir_deg",
}


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    response = doc.get("response") if isinstance(doc, dict) else None
    if not isinstance(response, dict):
        raise ParseError("response has no 'response' block")
    header = response.get("header") or {}
    code = text(header.get("resultCode"))
    if code != "00":
        raise api_error(code or "?", text(header.get("resultMsg")))
    try:
        items = response["body"]["items"]["item"]
    except (KeyError, TypeError):
        raise ParseError("response.body.items.item is missing") from None
    if not isinstance(items, list) or not items:
        raise ParseError("response.body.items.item is not a non-empty list")
    row: dict[str, Any] = {}
    for item in items:
        column = CATEGORIES.get(text(item.get("category")))
        if column:
            row[column] = number(item.get("obsrValue"), item.get("category"))
    first = items[0]
    row["precip_type"] = None if row.get("precip_type") is None else int(row["precip_type"])
    row["nx"] = integer(first.get("nx"), "nx")
    row["ny"] = integer(first.get("ny"), "ny")
    row["observed_at"] = parse_kst(f"{text(first.get('baseDate'))}{text(first.get('baseTime'))}")
    return [
        DatasetUpdate(
            "weather",
            [row],
            source="KMA getUltraSrtNcst",
            measured_at=row["observed_at"],
            sample=sample,
        )
    ]
