"""Reading one staff content file (indicators, projects, library, résumé) for a page.

Pure: a page's model gives a parser from the decoded JSON object to what it shows; this
module finds the file in the content on screen, tells "not in this version" (an empty state)
from "broken" (an error naming the file and the problem), and collects the entries a parser
skipped so the page can say so. The field checkers raise ``SchemaError`` with the entry's
name, so staff see exactly what to fix."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from offline_cache.content import ContentError, current_content, load_content_object
from offline_cache.store import CacheStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class SchemaError(ValueError):
    """A content file or one of its entries does not follow the file's schema."""


@dataclass(frozen=True)
class StaffFile(Generic[T]):
    """What a page shows from one file: the parsed value, or why there is none."""

    path: str
    version: int
    value: T | None = None
    as_of: str = ""  # the content's own date (YYYY-MM-DD), shown on the page
    sample: bool = False  # example content: the page shows "예시 자료"
    error: str | None = None  # the file is there but unusable (shown instead of a blank)
    skipped: tuple[str, ...] = ()  # entries left out, each with its reason

    @property
    def missing(self) -> bool:
        return self.value is None and self.error is None


Parser = Callable[[dict[str, Any]], tuple[T, list[str]]]


def load_staff_file(store: CacheStore, path: str, parse: Parser[T]) -> StaffFile[T]:
    """``path`` of the content on screen through ``parse`` (which returns the value and the
    reasons of skipped entries); never raises for a missing or broken file."""
    content = current_content(store)
    if not content.exists(path):
        return StaffFile(path, content.version)
    try:
        data, sample = load_content_object(store, path)
        as_of = iso_date(data.get("as_of"), "as_of")
        value, skipped = parse(data)
    except (ContentError, SchemaError) as exc:
        message = str(exc) if isinstance(exc, ContentError) else f"{path}: {exc}"
        log.error("content version %d: %s", content.version, message)
        return StaffFile(path, content.version, error=message)
    for reason in skipped:
        log.warning("content version %d: %s: skipped %s", content.version, path, reason)
    return StaffFile(path, content.version, value, as_of, sample, skipped=tuple(skipped))


def parse_entries(
    data: dict[str, Any], key: str, parse_one: Callable[[dict[str, Any]], T]
) -> tuple[list[T], list[str]]:
    """``data[key]`` as a list of objects through ``parse_one``; a broken entry is skipped
    with its reason (the others still show), a missing or non-list key is an error."""
    entries = data.get(key)
    if not isinstance(entries, list):
        raise SchemaError(f'needs "{key}": a list')
    parsed, skipped = [], []
    for index, entry in enumerate(entries):
        name = entry.get("id") if isinstance(entry, dict) else None
        try:
            if not isinstance(entry, dict):
                raise SchemaError("not an object")
            parsed.append(parse_one(entry))
        except SchemaError as exc:
            skipped.append(f"{key}[{index}] ({name or '?'}): {exc}")
    return parsed, skipped


def texts(value: Any, name: str, required: bool = True) -> dict[str, str]:
    """A text per language with at least Korean; a plain string is the same in every one."""
    if value in (None, "", {}) and not required:
        return {}
    if isinstance(value, str) and value:
        return {"ko": value}
    if (
        isinstance(value, dict)
        and all(isinstance(text, str) for text in value.values())
        and value.get("ko")
    ):
        return {str(lang): text for lang, text in value.items() if text}
    raise SchemaError(f"{name} needs a text, or texts per language with at least 'ko'")


def number(value: Any, name: str, required: bool = True) -> float | None:
    if value is None and not required:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise SchemaError(f"{name} must be a number, not {value!r}")


def identifier(value: Any, name: str = "id") -> str:
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    raise SchemaError(f"{name} is missing")


def iso_date(value: Any, name: str, required: bool = True) -> str:
    """A date as YYYY-MM-DD, or a month as YYYY-MM, or a year as YYYY (kept as written)."""
    if value in (None, "") and not required:
        return ""
    if isinstance(value, str):
        padded = {4: "-01-01", 7: "-01", 10: ""}.get(len(value))
        if padded is not None:
            try:
                date.fromisoformat(value + padded)
                return value
            except ValueError:
                pass
    raise SchemaError(f"{name} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}")


def content_path(value: Any, name: str, suffixes: tuple[str, ...]) -> str:
    """A file of the same content version (``library/report.pdf``), checked by its suffix."""
    if isinstance(value, str) and value.lower().endswith(suffixes):
        return value
    raise SchemaError(f"{name} must be a content file path ending in {' or '.join(suffixes)}")


def decimals(value: float, most: int = 2) -> int:
    """How many decimals ``value`` was written with (605.2 -> 1, 25 -> 0), at most ``most``."""
    for digits in range(most + 1):
        if round(value, digits) == value:
            return digits
    return most
