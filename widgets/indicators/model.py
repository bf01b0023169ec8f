"""City indicators (시정지표) from the content's ``indicators.json``, grouped by field.

Schema (README "Staff content files"): ``{"as_of": "YYYY-MM-DD", "sample": bool,
"fields": [{"id", "name", "indicators": [{"id", "name", "value", "unit", "target",
"higher_is_better", "history": [{"period", "value"}], "source", "example"}]}]}``. Texts are a
string or texts per language with at least Korean. A broken indicator (or field) is left out
with its reason; the others still show. The private internal indicators are a separate file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.i18n import pick
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    SchemaError,
    StaffFile,
    identifier,
    load_staff_file,
    number,
    parse_entries,
    texts,
)

FILE = "indicators.json"


@dataclass(frozen=True)
class HistoryPoint:
    period: str  # as staff wrote it: "2024", "2025-Q3", "2026-10"
    value: float


@dataclass(frozen=True)
class CityIndicator:
    id: str
    name: Mapping[str, str]
    value: float
    unit: Mapping[str, str]
    target: float | None = None
    higher_is_better: bool = True
    history: tuple[HistoryPoint, ...] = ()
    source: Mapping[str, str] | None = None
    example: bool = False  # an invented figure: tagged "예시" beside it

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)

    def unit_in(self, lang: str) -> str:
        return pick(self.unit, lang) if self.unit else ""

    def source_in(self, lang: str) -> str:
        return pick(self.source, lang) if self.source else ""

    @property
    def on_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


@dataclass(frozen=True)
class Field:
    id: str
    name: Mapping[str, str]
    indicators: tuple[CityIndicator, ...]

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)


def _history(value: Any, name: str) -> tuple[HistoryPoint, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SchemaError(f"{name} must be a list of {{period, value}}")
    points = []
    for index, point in enumerate(value):
        if not isinstance(point, dict) or not isinstance(point.get("period"), str | int):
            raise SchemaError(f"{name}[{index}] needs a period and a value")
        points.append(
            HistoryPoint(str(point["period"]), number(point.get("value"), f"{name}[{index}].value"))
        )
    return tuple(points)


def parse_indicator(raw: dict[str, Any]) -> CityIndicator:
    higher = raw.get("higher_is_better", True)
    if not isinstance(higher, bool):
        raise SchemaError("higher_is_better must be true or false")
    return CityIndicator(
        id=identifier(raw.get("id")),
        name=texts(raw.get("name"), "name"),
        value=number(raw.get("value"), "value"),
        unit=texts(raw.get("unit"), "unit", required=False),
        target=number(raw.get("target"), "target", required=False),
        higher_is_better=higher,
        history=_history(raw.get("history"), "history"),
        source=texts(raw.get("source"), "source", required=False) or None,
        example=bool(raw.get("example", False)),
    )


def parse_field(raw: dict[str, Any]) -> tuple[Field, list[str]]:
    indicators, skipped = parse_entries(raw, "indicators", parse_indicator)
    field_id = identifier(raw.get("id"))
    return Field(field_id, texts(raw.get("name"), "name"), tuple(indicators)), [
        f"field {field_id}: {reason}" for reason in skipped
    ]


def parse_city_indicators(data: dict[str, Any]) -> tuple[list[Field], list[str]]:
    """Fields with their indicators (a field left with none is dropped), and what was skipped."""
    parsed, skipped = parse_entries(data, "fields", parse_field)
    fields = []
    for field, reasons in parsed:
        skipped += reasons
        if field.indicators:
            fields.append(field)
    return fields, skipped


def load_city_indicators(store: CacheStore) -> StaffFile[list[Field]]:
    return load_staff_file(store, FILE, parse_city_indicators)
