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
    SchemaError,
    StaffFile,
    identifier,
    iso_date,
    load_staff_file,
    number,
    parse_entries,
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


def _sourced(raw: dict[str, Any]) -> dict[str, Any]:
    example = raw.get("example", False)
    if not isinstance(example, bool):
        raise SchemaError("example must be true or false")
    return {
        "source": texts(raw.get("source"), "source"),
        "year": iso_date(
            str(raw["year"]) if isinstance(raw.get("year"), int) else raw.get("year"), "year"
        ),
        "example": example,
        "id": identifier(raw.get("id")),
    }


def _whole(value: Any, name: str, required: bool = True) -> int | None:
    found = number(value, name, required)
    if found is None:
        return None
    if not found.is_integer() or found < 1:
        raise SchemaError(f"{name} must be a whole number from 1, not {value!r}")
    return int(found)


def parse_figure(raw: dict[str, Any]) -> KeyFigure:
    return KeyFigure(
        **_sourced(raw),
        label=texts(raw.get("label"), "label"),
        value=number(raw.get("value"), "value"),
        unit=texts(raw.get("unit"), "unit", required=False),
    )


def parse_ranking(raw: dict[str, Any]) -> Ranking:
    rank = _whole(raw.get("rank"), "rank")
    out_of = _whole(raw.get("out_of"), "out_of", required=False)
    if out_of is not None and rank > out_of:
        raise SchemaError(f"rank {rank} is beyond out_of {out_of}")
    return Ranking(**_sourced(raw), name=texts(raw.get("name"), "name"), rank=rank, out_of=out_of)


@dataclass(frozen=True)
class Resume:
    figures: list[KeyFigure]
    rankings: list[Ranking]

    def __bool__(self) -> bool:
        return bool(self.figures or self.rankings)


def parse_resume(data: dict[str, Any]) -> tuple[Resume, list[str]]:
    figures, skipped = parse_entries(data, "figures", parse_figure)
    rankings, skipped_rankings = parse_entries(data, "rankings", parse_ranking)
    return Resume(figures, rankings), skipped + skipped_rankings


def load_resume(store: CacheStore) -> StaffFile[Resume]:
    return load_staff_file(store, FILE, parse_resume)
