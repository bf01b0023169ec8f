"""The digital citizen reading room (디지털 시민열람실): reports and white papers as PDFs.

Schema (README "Staff content files"): ``library/index.json`` is ``{"as_of", "sample",
"documents": [{"id", "title", "kind", "publisher", "published", "summary", "file"}]}`` with
each ``file`` a PDF of the same content version (``library/<name>.pdf``). ``kind`` is one
of ``KINDS``. Newest first; a listed PDF the version lacks shows as unavailable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kiosk.i18n import pick
from offline_cache.content import ContentError, current_content
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    Parsed,
    SchemaError,
    StaffFile,
    content_path,
    each_entry,
    identifier,
    optional_texts,
    partial_date,
    read_staff_file,
    texts,
)

INDEX = "library/index.json"
KINDS = ("report", "white_paper", "statistics", "guide")


@dataclass(frozen=True)
class LibraryDocument:
    id: str
    title: Mapping[str, str]
    kind: str  # one of KINDS (the chip on its card)
    publisher: Mapping[str, str]
    published: str  # YYYY-MM-DD, YYYY-MM or YYYY
    file: str
    summary: Mapping[str, str] | None = None
    pdf: Path | None = None  # None when the version lacks the file

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang)

    def publisher_in(self, lang: str) -> str:
        return pick(self.publisher, lang)

    def summary_in(self, lang: str) -> str:
        return pick(self.summary, lang) if self.summary else ""


def parse_document(raw: Mapping[str, Any], where: str) -> LibraryDocument:
    kind = raw.get("kind", "report")
    if kind not in KINDS:
        raise SchemaError(f"{where}.kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return LibraryDocument(
        id=identifier(raw.get("id"), f"{where}.id"),
        title=texts(raw.get("title"), f"{where}.title"),
        kind=kind,
        publisher=texts(raw.get("publisher"), f"{where}.publisher"),
        published=partial_date(raw.get("published"), f"{where}.published"),
        file=content_path(raw.get("file"), f"{where}.file", (".pdf",)),
        summary=optional_texts(raw.get("summary"), f"{where}.summary") or None,
    )


def parse_library(data: Mapping[str, Any]) -> Parsed[list[LibraryDocument]]:
    documents, skipped = each_entry(data, "documents", parse_document, allow_empty=True)
    documents.sort(key=lambda d: d.published, reverse=True)
    return Parsed(documents, skipped)


def load_library(store: CacheStore) -> StaffFile[list[LibraryDocument]]:
    """The reading room's documents with their PDFs located in the content on screen."""
    loaded = read_staff_file(store, INDEX, parse_library)
    if not loaded.data:
        return loaded
    content = current_content(store)
    located = []
    for document in loaded.data:
        try:
            located.append(replace(document, pdf=content.path(document.file)))
        except ContentError:
            located.append(document)
    return replace(loaded, data=located)
