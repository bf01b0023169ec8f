"""City projects (도시프로젝트) from the content's ``projects.json``.

Schema (README "Staff content files"): ``{"as_of", "sample", "projects": [{"id", "title",
"summary", "department", "start", "end", "progress" (0-100), "milestones": [{"date",
"title", "done"}], "documents": [{"title", "file"}], "images": [{"file", "caption"}]}]}``.
Files are paths in the same content version (``projects/<name>.pdf|.png|.jpg``); a listed
file the version lacks shows as unavailable, the project still shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kiosk.i18n import pick
from offline_cache.content import Content, ContentError, current_content
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    SchemaError,
    StaffFile,
    content_path,
    identifier,
    iso_date,
    load_staff_file,
    number,
    parse_entries,
    texts,
)

FILE = "projects.json"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class Milestone:
    date: str
    title: Mapping[str, str]
    done: bool = False

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang)


@dataclass(frozen=True)
class Attachment:
    """A document (PDF) or an image of a project; ``path`` is None when the file is missing."""

    file: str
    title: Mapping[str, str]
    path: Path | None = None

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang) if self.title else ""


@dataclass(frozen=True)
class Project:
    id: str
    title: Mapping[str, str]
    summary: Mapping[str, str]
    department: Mapping[str, str]
    start: str
    end: str
    progress: float  # percent, 0-100
    milestones: tuple[Milestone, ...] = ()
    documents: tuple[Attachment, ...] = ()
    images: tuple[Attachment, ...] = ()

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang)

    def summary_in(self, lang: str) -> str:
        return pick(self.summary, lang) if self.summary else ""

    def department_in(self, lang: str) -> str:
        return pick(self.department, lang)

    @property
    def done(self) -> bool:
        return self.progress >= 100


def _milestone(raw: dict[str, Any]) -> Milestone:
    done = raw.get("done", False)
    if not isinstance(done, bool):
        raise SchemaError("milestone done must be true or false")
    return Milestone(
        iso_date(raw.get("date"), "milestone date"),
        texts(raw.get("title"), "milestone title"),
        done,
    )


def _attachments(
    raw: Any, name: str, suffixes: tuple[str, ...], title_key: str
) -> tuple[Attachment, ...]:
    """Documents (a required ``title``) or images (an optional ``caption``), files by suffix."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise SchemaError(f"{name} must be a list of objects")
    return tuple(
        Attachment(
            content_path(item.get("file"), f"{name}[{index}].file", suffixes),
            texts(
                item.get(title_key), f"{name}[{index}].{title_key}", required=title_key == "title"
            ),
        )
        for index, item in enumerate(raw)
    )


def parse_project(raw: dict[str, Any]) -> Project:
    progress = number(raw.get("progress"), "progress")
    if not 0 <= progress <= 100:
        raise SchemaError(f"progress must be 0-100 (percent), not {progress:g}")
    start, end = iso_date(raw.get("start"), "start"), iso_date(raw.get("end"), "end")
    if end < start:
        raise SchemaError(f"end {end} is before start {start}")
    milestones = raw.get("milestones") or []
    if not isinstance(milestones, list) or not all(isinstance(m, dict) for m in milestones):
        raise SchemaError("milestones must be a list of objects")
    return Project(
        id=identifier(raw.get("id")),
        title=texts(raw.get("title"), "title"),
        summary=texts(raw.get("summary"), "summary", required=False),
        department=texts(raw.get("department"), "department"),
        start=start,
        end=end,
        progress=progress,
        milestones=tuple(sorted((_milestone(m) for m in milestones), key=lambda m: m.date)),
        documents=_attachments(raw.get("documents"), "documents", (".pdf",), "title"),
        images=_attachments(raw.get("images"), "images", IMAGE_SUFFIXES, "caption"),
    )


def parse_projects(data: dict[str, Any]) -> tuple[list[Project], list[str]]:
    """Projects in progress first (furthest along first), then finished ones."""
    projects, skipped = parse_entries(data, "projects", parse_project)
    projects.sort(key=lambda p: (p.done, -p.progress))
    return projects, skipped


def _located(attachment: Attachment, content: Content) -> Attachment:
    try:
        return Attachment(attachment.file, attachment.title, content.path(attachment.file))
    except ContentError:
        return attachment


def load_projects(store: CacheStore) -> StaffFile[list[Project]]:
    """The projects, their documents and images located in the content on screen."""
    loaded = load_staff_file(store, FILE, parse_projects)
    if not loaded.value:
        return loaded
    content = current_content(store)
    located = [
        replace(
            project,
            documents=tuple(_located(document, content) for document in project.documents),
            images=tuple(_located(image, content) for image in project.images),
        )
        for project in loaded.value
    ]
    return replace(loaded, value=located)
