"""Test helper: make a content version current without a bundle (pages read it at once)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from offline_cache.content import (
    CONTENT_FORMAT,
    SCHEMA_VERSION,
    ContentState,
    read_state,
    version_root,
    write_state,
)
from offline_cache.store import CACHE_FILENAME, CacheStore


def install_content(data_dir: Path, files: dict[str, Any], sample: bool = False) -> int:
    """Write the next content version with ``files`` (path -> JSON value, or str/bytes as
    they are) and make it the one on screen; returns its number."""
    store = CacheStore(Path(data_dir) / CACHE_FILENAME)
    try:
        state = read_state(store.db.conn)
        version = state.highest + 1
        root = version_root(Path(data_dir), version)
        root.mkdir(parents=True)
        manifest = {
            "format": CONTENT_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "version": version,
            "sample": sample,
        }
        (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        for relative, body in files.items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, bytes):
                target.write_bytes(body)
            elif isinstance(body, str):
                target.write_text(body, encoding="utf-8")
            else:
                target.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        with store.db.conn:
            write_state(
                store.db.conn,
                ContentState(version=version, previous=state.version, highest=version),
            )
        return version
    finally:
        store.close()
