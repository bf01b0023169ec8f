"""Open the cache at start: recover from a corrupt file and seed an empty one."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from offline_cache.seed import seed_default_content
from offline_cache.store import CACHE_FILENAME, CacheCorrupt, CacheStore, Clock

log = logging.getLogger(__name__)


def move_aside(path: Path, clock: Clock = time.time) -> Path:
    """Rename a broken cache file (and its WAL files) out of the way, keeping it for analysis."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


def open_cache(data_dir: Path, clock: Clock = time.time, seed: bool = True) -> CacheStore:
    """The kiosk's cache in ``data_dir``; a corrupt file is moved aside, an empty one seeded."""
    path = Path(data_dir) / CACHE_FILENAME
    try:
        store = CacheStore(path, clock)
    except CacheCorrupt as exc:
        aside = move_aside(path, clock)
        log.error("cache file is corrupt (%s); moved it to %s and starting a fresh one", exc, aside)
        store = CacheStore(path, clock)
    if seed and store.is_empty():
        seed_default_content(store)
    return store
