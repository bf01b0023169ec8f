"""First-run seed: the embedded default content, so a new kiosk shows data with no network."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from offline_cache.parsers import parse_response
from offline_cache.store import CacheStore, DatasetUpdate

log = logging.getLogger(__name__)

DEFAULT_CONTENT = Path(__file__).resolve().parent / "default_content"


def load_default_content(content_dir: Path = DEFAULT_CONTENT) -> list[DatasetUpdate]:
    """Parse every response listed in the content manifest, tagged as sample content."""
    manifest = json.loads((content_dir / "manifest.json").read_text(encoding="utf-8"))
    updates: list[DatasetUpdate] = []
    for entry in manifest["datasets"]:
        body = (content_dir / entry["file"]).read_bytes()
        updates.extend(parse_response(entry["service"], body, sample=True))
    return updates


def seed_default_content(store: CacheStore, content_dir: Path = DEFAULT_CONTENT) -> int:
    """Store the default content in one transaction; returns the number of datasets seeded."""
    updates = load_default_content(content_dir)
    store.replace(updates)
    log.info("seeded %d datasets from the default content in %s", len(updates), content_dir)
    return len(updates)
