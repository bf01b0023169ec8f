"""First-run seed: the embedded default content, so a new kiosk shows data with no network."""

from __future__ import annotations

import logging
from pathlib import Path

from offline_cache.content import DEFAULT_CONTENT, Content, load_manifest
from offline_cache.store import CacheStore, DatasetUpdate

log = logging.getLogger(__name__)


def load_default_content(content_dir: Path = DEFAULT_CONTENT) -> list[DatasetUpdate]:
    """Parse every dataset file of the default content (version 0), tagged as sample content."""
    return Content(0, content_dir, load_manifest(content_dir, 0)).dataset_updates()


def seed_default_content(store: CacheStore, content_dir: Path = DEFAULT_CONTENT) -> int:
    """Store the default content in one transaction; returns the number of datasets seeded."""
    updates = load_default_content(content_dir)
    store.replace(updates)
    log.info("seeded %d datasets from the default content in %s", len(updates), content_dir)
    return len(updates)
