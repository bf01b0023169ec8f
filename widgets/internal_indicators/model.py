"""Internal indicators from the private content's ``private/internal_indicators.json``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.privacy.content import PrivateContentError, load_private_json
from offline_cache.store import CacheStore

FILE = "private/internal_indicators.json"


@dataclass(frozen=True)
class Indicator:
    id: str
    name: Mapping[str, str]
    field: Mapping[str, str]
    value: float
    unit: Mapping[str, str]
    target: float | None
    previous: float | None
    higher_is_better: bool = True

    def name_in(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("ko", self.id)

    def field_in(self, lang: str) -> str:
        return self.field.get(lang) or self.field.get("ko", "")

    def unit_in(self, lang: str) -> str:
        return self.unit.get(lang) or self.unit.get("ko", "")

    @property
    def on_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    @property
    def change(self) -> float | None:
        return None if self.previous is None else round(self.value - self.previous, 2)

    @property
    def improved(self) -> bool | None:
        change = self.change
        if not change:
            return None
        return change > 0 if self.higher_is_better else change < 0

    @property
    def progress(self) -> float | None:
        """How far towards the target, 0..1 (for a lower-is-better figure: target / value)."""
        if not self.target or not self.value:
            return None
        ratio = self.value / self.target if self.higher_is_better else self.target / self.value
        return max(0.0, min(1.0, ratio))


@dataclass(frozen=True)
class Indicators:
    items: list[Indicator] = field(default_factory=list)
    as_of: str = ""
    sample: bool = False
    error: str | None = None


def _number(value) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _texts(value) -> dict[str, str]:
    """A text per language; a plain string (like "%") is the same in every language."""
    if isinstance(value, dict):
        return {str(lang): str(text) for lang, text in value.items()}
    return {"ko": str(value)}


def load_indicators(store: CacheStore) -> Indicators:
    """Every well-formed indicator (a broken entry is skipped, the others still show)."""
    try:
        data, sample = load_private_json(store, FILE)
    except PrivateContentError as exc:
        return Indicators(error=str(exc))
    items = []
    for entry in data.get("indicators", []):
        if not isinstance(entry, dict) or _number(entry.get("value")) is None:
            continue
        if not isinstance(entry.get("name"), dict):
            continue
        items.append(
            Indicator(
                id=str(entry.get("id", "")),
                name=dict(entry["name"]),
                field=dict(entry.get("field") or {}),
                value=_number(entry["value"]),
                unit=_texts(entry.get("unit", "")),
                target=_number(entry.get("target")),
                previous=_number(entry.get("previous")),
                higher_is_better=bool(entry.get("higher_is_better", True)),
            )
        )
    return Indicators(items, str(data.get("as_of", "")), sample)
