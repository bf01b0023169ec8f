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
    Parsed,
    SchemaError,
    StaffFile,
    content_path,
    each_entry,
    identifier,
    number,
    optional_texts,
    partial_date,
    read_staff_file,
    texts,
)

FILE = "projects.json"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class Milestone:
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY, as written
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


def _milestone(raw: Mapping[str, Any], where: str) -> Milestone:
    done = raw.get("done", False)
    if not isinstance(done, bool):
        raise SchemaError(f"{where}.done must be true or false")
    return Milestone(
        partial_date(raw.get("date"), f"{where}.date"),
        texts(raw.get("title"), f"{where}.title"),
        done,
    )


def _attachments(
    raw: Any, where: str, suffixes: tuple[str, ...], title_key: str
) -> tuple[Attachment, ...]:
    """Documents (a required ``title``) or images (an optional ``caption``), files by suffix."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise SchemaError(f"{where} must be a list of objects")
    read_title = texts if title_key == "title" else optional_texts
    return tuple(
        Attachment(
            content_path(item.get("file"), f"{where}[{index}].file", suffixes),
            read_title(item.get(title_key), f"{where}[{index}].{title_key}"),
        )
        for index, item in enumerate(raw)
    )


def parse_project(raw: Mapping[str, Any], where: str) -> Project:
    progress = number(raw.get("progress"), f"{where}.progress")
    if not 0 <= progress <= 100:
        raise SchemaError(f"{where}.progress must be 0-100 (percent), not {progress:g}")
    start = partial_date(raw.get("start"), f"{where}.start")
    end = partial_date(raw.get("end"), f"{where}.end")
    if end < start:
        raise SchemaError(f"{where}: end {end} is before start {start}")
    milestones = raw.get("milestones") or []
    if not isinstance(milestones, list) or not all(isinstance(m, dict) for m in milestones):
        raise SchemaError(f"{where}.milestones must be a list of objects")
    return Project(
        id=identifier(raw.get("id"), f"{where}.id"),
        title=texts(raw.get("title"), f"{where}.title"),
        summary=optional_texts(raw.get("summary"), f"{where}.summary"),
        department=texts(raw.get("department"), f"{where}.department"),
        start=start,
        end=end,
        progress=progress,
        milestones=tuple(
            sorted(
                (_milestone(m, f"{where}.milestones[{n}]") for n, m in enumerate(milestones)),
                key=lambda m: m.date,
            )
        ),
        documents=_attachments(raw.get("documents"), f"{where}.documents", (".pdf",), "title"),
        images=_attachments(raw.get("images"), f"{where}.images", IMAGE_SUFFIXES, "caption"),
    )


def parse_projects(data: Mapping[str, Any]) -> Parsed[list[Project]]:
    """Projects in progress first (furthest along first), then finished ones."""
    projects, skipped = each_entry(data, "projects", parse_project, allow_empty=True)
    projects.sort(key=lambda p: (p.done, -p.progress))
    return Parsed(projects, skipped)


def _located(attachment: Attachment, content: Content) -> Attachment:
    try:
        return Attachment(attachment.file, attachment.title, content.path(attachment.file))
    except ContentError:
        return attachment


def load_projects(store: CacheStore) -> StaffFile[list[Project]]:
    """The projects, their documents and images located in the content on screen."""
    loaded = read_staff_file(store, FILE, parse_projects)
    if not loaded.data:
        return loaded
    content = current_content(store)
    located = [
        replace(
            project,
            documents=tuple(_located(document, content) for document in project.documents),
            images=tuple(_located(image, content) for image in project.images),
        )
        for project in loaded.data
    ]
    return replace(loaded, data=located)
