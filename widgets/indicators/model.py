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
    Parsed,
    SchemaError,
    StaffFile,
    each_entry,
    identifier,
    number,
    optional_number,
    optional_texts,
    read_staff_file,
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


def _history(value: Any, where: str) -> tuple[HistoryPoint, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SchemaError(f"{where} must be a list of {{period, value}}")
    points = []
    for index, point in enumerate(value):
        place = f"{where}[{index}]"
        if not isinstance(point, dict) or not isinstance(point.get("period"), str | int):
            raise SchemaError(f"{place} needs a period and a value")
        points.append(
            HistoryPoint(str(point["period"]), number(point.get("value"), f"{place}.value"))
        )
    return tuple(points)


def parse_indicator(raw: Mapping[str, Any], where: str) -> CityIndicator:
    higher = raw.get("higher_is_better", True)
    if not isinstance(higher, bool):
        raise SchemaError(f"{where}.higher_is_better must be true or false")
    return CityIndicator(
        id=identifier(raw.get("id"), f"{where}.id"),
        name=texts(raw.get("name"), f"{where}.name"),
        value=number(raw.get("value"), f"{where}.value"),
        unit=optional_texts(raw.get("unit"), f"{where}.unit"),
        target=optional_number(raw.get("target"), f"{where}.target"),
        higher_is_better=higher,
        history=_history(raw.get("history"), f"{where}.history"),
        source=optional_texts(raw.get("source"), f"{where}.source") or None,
        example=bool(raw.get("example", False)),
    )


def parse_field(raw: Mapping[str, Any], where: str) -> tuple[Field, tuple[str, ...]]:
    """A field and the indicators of it that were left out (a field may end up with none)."""
    indicators, skipped = each_entry(raw, "indicators", parse_indicator, where, allow_empty=True)
    field = Field(
        identifier(raw.get("id"), f"{where}.id"),
        texts(raw.get("name"), f"{where}.name"),
        tuple(indicators),
    )
    return field, skipped


def parse_city_indicators(data: Mapping[str, Any]) -> Parsed[list[Field]]:
    """Fields with their indicators (a field left with none is dropped), and what was skipped."""
    parsed, skipped_fields = each_entry(data, "fields", parse_field, allow_empty=True)
    fields, skipped = [], list(skipped_fields)
    for field, reasons in parsed:
        skipped += reasons
        if field.indicators:
            fields.append(field)
    return Parsed(fields, tuple(skipped))


def load_city_indicators(store: CacheStore) -> StaffFile[list[Field]]:
    return read_staff_file(store, FILE, parse_city_indicators)
