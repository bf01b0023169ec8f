"""Citizens' complaints by type over the months (``opinion.json``): the latest month ranked,
and the trend of each type.

The file: ``{"as_of": "2026-11-30", "months": ["2026-06", ..., "2026-11"], "types": [{"id":
"traffic", "name": {"ko": "교통", "en": "Traffic"}, "counts": [1210, 1185, ...]}, ...]}``; each
type has one count per month, oldest first (``null`` for a month not counted)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.i18n import pick
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    Parsed,
    SchemaError,
    StaffFile,
    each_entry,
    optional_number,
    read_staff_file,
    texts,
)

FILE = "opinion.json"


@dataclass(frozen=True)
class ComplaintType:
    id: str
    name: Mapping[str, str]
    counts: tuple[int | None, ...]  # one per month, oldest first

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)

    @property
    def latest(self) -> int | None:
        return self.counts[-1]

    @property
    def change(self) -> int | None:
        """Since the month before the latest (None when either is not counted)."""
        if len(self.counts) < 2 or self.counts[-1] is None or self.counts[-2] is None:
            return None
        return self.counts[-1] - self.counts[-2]


@dataclass(frozen=True)
class Opinion:
    months: tuple[date, ...]  # the first day of each month, oldest first
    types: tuple[ComplaintType, ...]  # most complaints in the latest month first

    @property
    def latest_total(self) -> int:
        return sum(t.latest or 0 for t in self.types)

    def top(self, n: int) -> tuple[ComplaintType, ...]:
        return self.types[:n]


def _month(value: Any, where: str) -> date:
    try:
        if isinstance(value, str) and len(value) == 7:
            return date.fromisoformat(value + "-01")
    except ValueError:
        pass
    raise SchemaError(f"{where} must be a month as YYYY-MM, not {value!r}")


def parse_opinion(raw: Mapping[str, Any]) -> Parsed[Opinion]:
    listed = raw.get("months")
    if not isinstance(listed, list) or not listed:
        raise SchemaError("'months' must be a non-empty list of YYYY-MM months")
    months = tuple(_month(value, f"months[{i}]") for i, value in enumerate(listed))
    if list(months) != sorted(set(months)):
        raise SchemaError("'months' must be in order, oldest first, each once")

    def complaint_type(entry: Mapping[str, Any], where: str) -> ComplaintType:
        counts = entry.get("counts")
        if not isinstance(counts, list) or len(counts) != len(months):
            raise SchemaError(f"{where}.counts needs one count per month ({len(months)})")
        checked = []
        for index, value in enumerate(counts):
            count = optional_number(value, f"{where}.counts[{index}]", minimum=0)
            checked.append(None if count is None else round(count))
        return ComplaintType(
            str(entry.get("id") or where), texts(entry.get("name"), f"{where}.name"), tuple(checked)
        )

    types, skipped = each_entry(raw, "types", complaint_type)
    types.sort(key=lambda t: -(t.latest or 0))
    return Parsed(Opinion(months, tuple(types)), skipped)


def load_opinion(store: CacheStore) -> StaffFile[Opinion]:
    return read_staff_file(store, FILE, parse_opinion)
