"""Private content files (결재문서, internal indicators) of the content version on screen.

Staff bundles deliver them under ``private/``; the embedded default content (version 0)
ships tagged example files so the pages work before the first bundle arrives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from offline_cache.content import ContentError, current_content, load_content_object
from offline_cache.store import CacheStore


class PrivateContentError(RuntimeError):
    """A private content file is missing or unreadable; the message names it and why."""


def private_file(store: CacheStore, relative: str) -> Path:
    """The path of a file of the current content, e.g. ``private/approvals/EX-1.pdf``."""
    try:
        return current_content(store).path(relative)
    except ContentError as exc:
        raise PrivateContentError(str(exc)) from exc


def load_private_json(store: CacheStore, relative: str) -> tuple[Any, bool]:
    """A JSON object of the current content and whether it is example content."""
    try:
        return load_content_object(store, relative)
    except ContentError as exc:
        raise PrivateContentError(str(exc)) from exc
