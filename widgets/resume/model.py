"""서울시 이력서 (Seoul's résumé): the city's key figures and its global rankings.

Schema (README "Staff content files"): ``resume.json`` is ``{"as_of", "sample", "figures":
[{"id", "label", "value", "unit", "year", "source", "example"}], "rankings": [{"id", "name",
"rank", "out_of", "year", "source", "example"}]}``. Every figure and ranking names its
source and year (an entry without them is left out); an invented one sets ``example`` and
is tagged "예시" on screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    partial_date,
    read_staff_file,
    texts,
)

FILE = "resume.json"


@dataclass(frozen=True)
class Sourced:
    """What every entry carries: where the figure comes from, for which year."""

    source: Mapping[str, str]
    year: str
    example: bool

    def source_in(self, lang: str) -> str:
        return pick(self.source, lang)


@dataclass(frozen=True)
class KeyFigure(Sourced):
    id: str = ""
    label: Mapping[str, str] = field(default_factory=dict)
    value: float = 0.0
    unit: Mapping[str, str] = field(default_factory=dict)

    def label_in(self, lang: str) -> str:
        return pick(self.label, lang)

    def unit_in(self, lang: str) -> str:
        return pick(self.unit, lang) if self.unit else ""


@dataclass(frozen=True)
class Ranking(Sourced):
    id: str = ""
    name: Mapping[str, str] = field(default_factory=dict)
    rank: int = 0
    out_of: int | None = None

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)


def _sourced(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    example = raw.get("example", False)
    if not isinstance(example, bool):
        raise SchemaError(f"{where}.example must be true or false")
    return {
        "source": texts(raw.get("source"), f"{where}.source"),
        "year": partial_date(raw.get("year"), f"{where}.year"),
        "example": example,
        "id": identifier(raw.get("id"), f"{where}.id"),
    }


def _whole(value: float | None, where: str) -> int | None:
    if value is None:
        return None
    if not value.is_integer() or value < 1:
        raise SchemaError(f"{where} must be a whole number from 1, not {value:g}")
    return int(value)


def parse_figure(raw: Mapping[str, Any], where: str) -> KeyFigure:
    return KeyFigure(
        **_sourced(raw, where),
        label=texts(raw.get("label"), f"{where}.label"),
        value=number(raw.get("value"), f"{where}.value"),
        unit=optional_texts(raw.get("unit"), f"{where}.unit"),
    )


def parse_ranking(raw: Mapping[str, Any], where: str) -> Ranking:
    rank = _whole(number(raw.get("rank"), f"{where}.rank"), f"{where}.rank")
    out_of = _whole(optional_number(raw.get("out_of"), f"{where}.out_of"), f"{where}.out_of")
    if out_of is not None and rank > out_of:
        raise SchemaError(f"{where}: rank {rank} is beyond out_of {out_of}")
    return Ranking(
        **_sourced(raw, where),
        name=texts(raw.get("name"), f"{where}.name"),
        rank=rank,
        out_of=out_of,
    )


@dataclass(frozen=True)
class Resume:
    figures: list[KeyFigure]
    rankings: list[Ranking]

    def __bool__(self) -> bool:
        return bool(self.figures or self.rankings)


def parse_resume(data: Mapping[str, Any]) -> Parsed[Resume]:
    """Figures and rankings; either list may be empty (the page shows the other)."""
    figures, skipped_figures = each_entry(data, "figures", parse_figure, allow_empty=True)
    rankings, skipped_rankings = each_entry(data, "rankings", parse_ranking, allow_empty=True)
    return Parsed(Resume(figures, rankings), skipped_figures + skipped_rankings)


def load_resume(store: CacheStore) -> StaffFile[Resume]:
    return read_staff_file(store, FILE, parse_resume)
