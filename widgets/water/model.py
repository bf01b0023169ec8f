"""Tap-water quality by purification centre (``water_quality.json``) against the Korean
drinking-water standards.

The file: ``{"as_of": "2026-11-30", "source": {...}, "centres": [{"id": "guui", "name":
{"ko": "구의아리수정수센터", "en": "..."}, "measured": "2026-11-30", "turbidity_ntu": 0.06,
"residual_chlorine_mg_l": 0.65, "ph": 7.2}, ...]}``; a centre needs its name and at least one
of the three values. The standards are law, not content, so they live here with their source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from kiosk.i18n import pick
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    Parsed,
    SchemaError,
    StaffFile,
    each_entry,
    iso_date,
    optional_number,
    read_staff_file,
    texts,
)

FILE = "water_quality.json"

# 먹는물 수질기준 및 검사 등에 관한 규칙 [별표 1] (환경부령): turbidity at most 0.5 NTU for tap
# water, pH 5.8-8.5, free residual chlorine at most 4.0 mg/L; 수도법 시행규칙 제22조의2: at least
# 0.1 mg/L of free residual chlorine at the tap (law.go.kr).
STANDARD_SOURCE = {
    "ko": "먹는물 수질기준 및 검사 등에 관한 규칙 별표 1, 수도법 시행규칙 제22조의2 (국가법령정보센터)",
    "en": "Drinking Water Quality Standards rule, Annex 1, and Water Supply Act enforcement rule, Art. 22-2 (law.go.kr)",
    "zh": "《饮用水水质标准及检查等相关规则》附表1、《自来水法实施规则》第22条之2（韩国国家法令信息中心）",
    "ja": "「飲用水の水質基準及び検査等に関する規則」別表1、水道法施行規則第22条の2（国家法令情報センター）",
}


class Quantity(StrEnum):
    TURBIDITY = "turbidity_ntu"
    CHLORINE = "residual_chlorine_mg_l"
    PH = "ph"


@dataclass(frozen=True)
class Standard:
    """The allowed range of one quantity (either end may be open)."""

    quantity: Quantity
    unit: str
    low: float | None
    high: float | None
    digits: int  # decimals the page shows

    def allows(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


STANDARDS = (
    Standard(Quantity.TURBIDITY, "NTU", None, 0.5, 2),
    Standard(Quantity.CHLORINE, "mg/L", 0.1, 4.0, 2),
    Standard(Quantity.PH, "", 5.8, 8.5, 1),
)


@dataclass(frozen=True)
class Centre:
    id: str
    name: Mapping[str, str]
    measured: date | None
    values: Mapping[Quantity, float]  # only the quantities the file gives

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)

    def meets(self, standard: Standard) -> bool | None:
        """Within the standard, outside it, or None when this centre has no such value."""
        value = self.values.get(standard.quantity)
        return None if value is None else standard.allows(value)

    @property
    def all_within(self) -> bool:
        return all(self.meets(s) is not False for s in STANDARDS)


def _centre(entry: Mapping[str, Any], where: str) -> Centre:
    values = {}
    for quantity in Quantity:
        value = optional_number(entry.get(quantity.value), f"{where}.{quantity.value}", minimum=0)
        if value is not None:
            values[quantity] = value
    if not values:
        raise SchemaError(f"{where} has none of {', '.join(q.value for q in Quantity)}")
    if Quantity.PH in values and values[Quantity.PH] > 14:
        raise SchemaError(f"{where}.ph must be between 0 and 14, not {values[Quantity.PH]:g}")
    return Centre(
        id=str(entry.get("id") or where),
        name=texts(entry.get("name"), f"{where}.name"),
        measured=iso_date(entry.get("measured"), f"{where}.measured"),
        values=values,
    )


def parse_water_quality(raw: Mapping[str, Any]) -> Parsed[list[Centre]]:
    centres, skipped = each_entry(raw, "centres", _centre)
    return Parsed(centres, skipped)


def load_water_quality(store: CacheStore) -> StaffFile[list[Centre]]:
    return read_staff_file(store, FILE, parse_water_quality)
