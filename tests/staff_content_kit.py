"""Test helper: a stand-in for the embedded default content (version 0) with chosen files,
so a page can be shown with its file missing, broken or replaced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from offline_cache import content


def default_content_with(
    monkeypatch: pytest.MonkeyPatch, root: Path, files: dict[str, str | bytes | dict]
) -> Path:
    """Version 0 becomes ``root`` holding the real manifest and only ``files`` (a dict is
    written as JSON, text and bytes as they are)."""
    root.mkdir(parents=True)
    shutil.copyfile(content.DEFAULT_CONTENT / content.MANIFEST, root / content.MANIFEST)
    for relative, body in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, dict):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode("utf-8")
        target.write_bytes(body)
    monkeypatch.setattr(content, "DEFAULT_CONTENT", root)
    return root


def default_file(relative: str) -> bytes:
    """A file of the real embedded default content."""
    return (content.DEFAULT_CONTENT / relative).read_bytes()
