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
    SchemaError,
    StaffFile,
    content_path,
    identifier,
    iso_date,
    load_staff_file,
    parse_entries,
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


def parse_document(raw: dict[str, Any]) -> LibraryDocument:
    kind = raw.get("kind", "report")
    if kind not in KINDS:
        raise SchemaError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return LibraryDocument(
        id=identifier(raw.get("id")),
        title=texts(raw.get("title"), "title"),
        kind=kind,
        publisher=texts(raw.get("publisher"), "publisher"),
        published=iso_date(raw.get("published"), "published"),
        file=content_path(raw.get("file"), "file", (".pdf",)),
        summary=texts(raw.get("summary"), "summary", required=False) or None,
    )


def parse_library(data: dict[str, Any]) -> tuple[list[LibraryDocument], list[str]]:
    documents, skipped = parse_entries(data, "documents", parse_document)
    documents.sort(key=lambda d: d.published, reverse=True)
    return documents, skipped


def load_library(store: CacheStore) -> StaffFile[list[LibraryDocument]]:
    """The reading room's documents with their PDFs located in the content on screen."""
    loaded = load_staff_file(store, INDEX, parse_library)
    if not loaded.value:
        return loaded
    content = current_content(store)
    located = []
    for document in loaded.value:
        try:
            located.append(replace(document, pdf=content.path(document.file)))
        except ContentError:
            located.append(document)
    return replace(loaded, value=located)
