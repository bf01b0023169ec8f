"""The approval documents listed in the private content's ``private/approvals/index.json``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.privacy.content import PrivateContentError, load_private_json, private_file
from offline_cache.store import CacheStore

INDEX = "private/approvals/index.json"
STATUSES = ("pending", "approved", "returned")


@dataclass(frozen=True)
class ApprovalDocument:
    id: str
    title: Mapping[str, str]
    department: Mapping[str, str]
    submitted: str  # YYYY-MM-DD
    status: str  # one of STATUSES
    pdf: Path | None  # None when the file is missing (the list still shows the entry)

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("ko", self.id)

    def department_in(self, lang: str) -> str:
        return self.department.get(lang) or self.department.get("ko", "")


@dataclass(frozen=True)
class Approvals:
    documents: list[ApprovalDocument] = field(default_factory=list)
    sample: bool = False
    error: str | None = None  # why the list could not be read (shown instead of a blank)


def load_approvals(store: CacheStore) -> Approvals:
    """Pending documents first (oldest first: they waited longest), then the decided ones."""
    try:
        index, sample = load_private_json(store, INDEX)
    except PrivateContentError as exc:
        return Approvals(error=str(exc))
    documents = []
    for entry in index.get("documents", []):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("title"):
            continue
        try:
            pdf = private_file(store, str(entry.get("file", "")))
        except PrivateContentError:
            pdf = None
        status = entry.get("status") if entry.get("status") in STATUSES else "pending"
        documents.append(
            ApprovalDocument(
                id=str(entry["id"]),
                title=dict(entry["title"]),
                department=dict(entry.get("department") or {}),
                submitted=str(entry.get("submitted", "")),
                status=status,
                pdf=pdf,
            )
        )
    pending = sorted((d for d in documents if d.status == "pending"), key=lambda d: d.submitted)
    decided = sorted(
        (d for d in documents if d.status != "pending"), key=lambda d: d.submitted, reverse=True
    )
    return Approvals(pending + decided, sample)
