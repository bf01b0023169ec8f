"""The map page's file in the data directory, built by folium only when its inputs changed.

Importing folium costs about half a second, so a kiosk start reuses the page it built before:
a key of everything the page is made from (the district outlines, the builder, folium's
version, where the vendored scripts are) is stored beside it."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from kiosk.reference import DISTRICTS_GEOJSON

HERE = Path(__file__).resolve().parent
PAGE_NAME = "seoul_districts_map.html"
KEY_SUFFIX = ".key"


def page_key() -> str:
    digest = hashlib.sha256()
    for path in (DISTRICTS_GEOJSON, HERE / "page_builder.py", HERE / "model.py"):
        digest.update(path.read_bytes())
    digest.update(f"folium {version('folium')} at {HERE}".encode())
    return digest.hexdigest()


def ensure_page(directory: Path) -> Path:
    """The page's path, (re)built first when missing or made from other inputs."""
    path = directory / PAGE_NAME
    key_file = path.with_name(path.name + KEY_SUFFIX)
    key = page_key()
    if path.exists() and key_file.exists() and key_file.read_text(encoding="utf-8") == key:
        return path
    from widgets.map.page_builder import write_page  # folium: only here

    write_page(directory)
    key_file.write_text(key, encoding="utf-8")
    return path
