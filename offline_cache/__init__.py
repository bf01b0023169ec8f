"""Offline-first data: the local SQLite cache, Seoul API parsers, the default content seed.

Nothing here imports Qt; the UI reads only through ``CacheStore.snapshot``."""
