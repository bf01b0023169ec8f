"""Reading one staff content file (water quality, prices, parks, opinion, indicators,
projects, library, résumé) for a page.

Every such file is a JSON object with the same frame: ``as_of`` (the date the figures
describe, ``YYYY-MM-DD``), optional ``source`` and ``note`` (texts per language, shown under
the figures), optional ``sample`` (example content, tagged on screen; else the content
version's flag), and the page's own entries. A page gets a ``StaffFile``: missing (an empty
state), broken (the reason, on screen and in the log) or its parsed data plus the entries
that were skipped and why. The checks below raise ``SchemaError`` with the place in the file
("centres[2].ph"), so staff can fix a file from the message alone. No Qt here."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from kiosk.i18n import pick
from offline_cache.content import ContentError, current_content, load_content_object
from offline_cache.store import CacheStore

log = logging.getLogger(__name__)

T = TypeVar("T")
E = TypeVar("E")


class SchemaError(ValueError):
    """A content file does not have the documented shape; the message says where."""


@dataclass(frozen=True)
class StaffFile(Generic[T]):
    """What a page needs to show one content file, whatever state it is in."""

    path: str
    version: int
    data: T | None = None
    as_of: date | None = None
    sample: bool = False
    source: Mapping[str, str] = field(default_factory=dict)
    note: Mapping[str, str] = field(default_factory=dict)
    missing: bool = False
    error: str | None = None  # the whole file is unusable
    skipped: tuple[str, ...] = ()  # entries left out, each with its reason

    @property
    def ok(self) -> bool:
        return self.data is not None

    def source_in(self, lang: str) -> str:
        return pick(self.source, lang) if self.source else ""

    def note_in(self, lang: str) -> str:
        return pick(self.note, lang) if self.note else ""


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A parser's result: the data and the entries it skipped (with their reasons)."""

    data: T
    skipped: tuple[str, ...] = ()


def read_staff_file(
    store: CacheStore, path: str, parse: Callable[[Mapping[str, Any]], Parsed[T]]
) -> StaffFile[T]:
    """The file ``path`` of the content version on screen, checked by ``parse``."""
    content = current_content(store)
    if not content.exists(path):
        return StaffFile(path, content.version, missing=True)
    try:
        raw, sample = load_content_object(store, path)
        as_of, source, note = _frame(raw)
        parsed = parse(raw)
    except (ContentError, SchemaError) as exc:
        message = str(exc) if isinstance(exc, ContentError) else f"{path}: {exc}"
        log.warning("content version %d: %s", content.version, message)
        return StaffFile(path, content.version, error=message)
    for problem in parsed.skipped:
        log.warning("content version %d: %s: skipped %s", content.version, path, problem)
    return StaffFile(
        path,
        content.version,
        data=parsed.data,
        as_of=as_of,
        sample=sample,
        source=source,
        note=note,
        skipped=parsed.skipped,
    )


def check_staff_object(raw: Any, parse: Callable[[Mapping[str, Any]], Parsed[T]]) -> Parsed[T]:
    """A decoded file checked as a page reads it (``bundle build`` runs this on the staff
    machine); ``SchemaError`` when the page could not show it."""
    if not isinstance(raw, dict):
        raise SchemaError("must be a JSON object")
    _frame(raw)
    return parse(raw)


def _frame(raw: Mapping[str, Any]) -> tuple[date | None, dict[str, str], dict[str, str]]:
    """The keys every staff file shares: its date, source and note."""
    return (
        iso_date(raw.get("as_of"), "as_of"),
        optional_texts(raw.get("source"), "source"),
        optional_texts(raw.get("note"), "note"),
    )


# --- checks that name the place in the file -------------------------------------------------


def each_entry(
    raw: Mapping[str, Any],
    key: str,
    parse: Callable[[Mapping[str, Any], str], E],
    where: str = "",
    allow_empty: bool = False,
) -> tuple[list[E], tuple[str, ...]]:
    """Parse every object of the list ``raw[key]`` (``where`` is the place of ``raw`` in the
    file); a bad entry is skipped with its reason. A missing list makes the whole of ``raw``
    unusable; so does an empty one (or one with no usable entry) unless ``allow_empty``."""
    place = f"{where}.{key}" if where else key
    entries = raw.get(key)
    if not isinstance(entries, list) or not (entries or allow_empty):
        raise SchemaError(f"'{place}' must be a {'' if allow_empty else 'non-empty '}list")
    parsed: list[E] = []
    skipped: list[str] = []
    for index, entry in enumerate(entries):
        entry_place = f"{place}[{index}]"
        try:
            if not isinstance(entry, dict):
                raise SchemaError(f"{entry_place} must be an object")
            parsed.append(parse(entry, entry_place))
        except SchemaError as exc:
            skipped.append(str(exc))
    if not parsed and entries and not allow_empty:
        raise SchemaError(f"no usable entry in '{place}': " + "; ".join(skipped))
    return parsed, tuple(skipped)


def texts(value: Any, where: str) -> dict[str, str]:
    """A text per language (Korean required); a plain string is the Korean text."""
    if isinstance(value, str) and value.strip():
        return {"ko": value}
    if isinstance(value, dict) and isinstance(value.get("ko"), str) and value["ko"].strip():
        if not all(isinstance(text, str) for text in value.values()):
            raise SchemaError(f"{where}: every language's text must be a string")
        return {str(lang): text for lang, text in value.items() if text}
    raise SchemaError(f'{where} needs a text, at least in Korean: {{"ko": "...", "en": "..."}}')


def optional_texts(value: Any, where: str) -> dict[str, str]:
    return {} if value in (None, "", {}) else texts(value, where)


def number(value: Any, where: str, minimum: float | None = None) -> float:
    """A JSON number (not a string, not true/false), at least ``minimum`` when given."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SchemaError(f"{where} must be a number, not {value!r}")
    if minimum is not None and value < minimum:
        raise SchemaError(f"{where} must be at least {minimum:g}, not {value!r}")
    return float(value)


def optional_number(value: Any, where: str, minimum: float | None = None) -> float | None:
    return None if value is None else number(value, where, minimum)


def iso_date(value: Any, where: str) -> date | None:
    """A ``YYYY-MM-DD`` date, or None when absent."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise SchemaError(f"{where} must be a date as YYYY-MM-DD, not {value!r}")


def coordinate(entry: Mapping[str, Any], where: str) -> tuple[float, float]:
    """``lat`` and ``lon`` (WGS84 degrees) of an entry, inside plausible ranges."""
    lat = number(entry.get("lat"), f"{where}.lat")
    lon = number(entry.get("lon"), f"{where}.lon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise SchemaError(f"{where}: lat {lat} / lon {lon} is not a position on Earth")
    return lat, lon


def partial_date(value: Any, where: str) -> str:
    """A date as ``YYYY-MM-DD``, a month as ``YYYY-MM`` or a year as ``YYYY`` (a JSON number
    too), kept as written: a project's schedule or a figure's year is often no more exact."""
    written = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(written, str):
        padded = {4: "-01-01", 7: "-01", 10: ""}.get(len(written))
        if padded is not None:
            try:
                date.fromisoformat(written + padded)
                return written
            except ValueError:
                pass
    raise SchemaError(f"{where} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}")


def identifier(value: Any, where: str) -> str:
    """An entry's ``id`` (a string or a whole number), which pages keep the visitor's choice by."""
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    raise SchemaError(f"{where} is missing")


def content_path(value: Any, where: str, suffixes: tuple[str, ...]) -> str:
    """A file of the same content version (``library/report.pdf``), checked by its suffix."""
    if isinstance(value, str) and value.lower().endswith(suffixes):
        return value
    raise SchemaError(f"{where} must be a content file path ending in {' or '.join(suffixes)}")


def decimals(value: float, most: int = 2) -> int:
    """How many decimals ``value`` was written with (605.2 -> 1, 25 -> 0), at most ``most``."""
    for digits in range(most + 1):
        if round(value, digits) == value:
            return digits
    return most
