"""Staff content on screen: which content version is current, and reading its files.

One pointer in the cache database (table ``content_state``) names the current version. A
bundle writes it in the same transaction as the datasets it carries, so pages see the old
content with the old data or the new with the new, never a mix. Version 0 is the embedded
default content (``offline_cache/default_content``); bundle versions live in
``<data dir>/content/versions/<N>/``, complete and immutable before they become current.
Both have the same layout: ``manifest.json`` beside the content files, datasets as raw Seoul
API responses in ``datasets/<SERVICE>.json``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from offline_cache.parsers import ApiError, ParseError, parse_response, resolve_service
from offline_cache.store import CacheStore, DatasetUpdate

DEFAULT_CONTENT = Path(__file__).resolve().parent / "default_content"
CONTENT_DIRNAME = "content"
MANIFEST = "manifest.json"
DATASETS_DIR = "datasets"
CONTENT_FORMAT = "seoul-kiosk-content"
SCHEMA_VERSION = 1  # the content layout this kiosk reads
STATE_TABLE = "content_state"
# Named in DataUpdated when the content version changes; a widget that reads staff content
# lists it in its spec's ``datasets`` so it re-renders then (it is not a cache dataset).
CONTENT_DATASET = "content"
MAX_PATH_CHARS = 240


class ContentError(RuntimeError):
    """Content cannot be read or used; the message names the file, the version and why."""


@dataclass(frozen=True)
class ContentState:
    """The pointer: the version on screen, what rollback returns to, the replay floor."""

    version: int = 0
    previous: int | None = None
    highest: int = 0  # bundles with a version <= this are refused (downgrade, replay)
    applied_at: float | None = None


def content_dir(data_dir: Path) -> Path:
    return Path(data_dir) / CONTENT_DIRNAME


def version_root(data_dir: Path, version: int) -> Path:
    """Where a content version's files are: the embedded default for 0."""
    if version == 0:
        return DEFAULT_CONTENT
    return content_dir(data_dir) / "versions" / str(version)


def ensure_state_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS [{STATE_TABLE}] ("
        " id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL,"
        " previous INTEGER, highest INTEGER NOT NULL, applied_at REAL)"
    )


def read_state(conn: sqlite3.Connection) -> ContentState:
    """The current pointer; a cache that never received a bundle is at version 0."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (STATE_TABLE,)
    ).fetchone()
    if not exists:
        return ContentState()
    row = conn.execute(
        f"SELECT version, previous, highest, applied_at FROM [{STATE_TABLE}] WHERE id = 1"
    ).fetchone()
    return ContentState(*row) if row else ContentState()


def write_state(conn: sqlite3.Connection, state: ContentState) -> None:
    """Store the pointer; call inside the transaction that swaps the version's datasets."""
    ensure_state_table(conn)
    conn.execute(
        f"INSERT INTO [{STATE_TABLE}] (id, version, previous, highest, applied_at)"
        " VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET version=excluded.version,"
        " previous=excluded.previous, highest=excluded.highest, applied_at=excluded.applied_at",
        (state.version, state.previous, state.highest, state.applied_at),
    )


def check_relative_path(path: str) -> str:
    """A content path as bundles may carry it: relative, '/'-separated, NFC, nothing hidden.

    Rejects what could escape the content directory or hide there: absolute paths, '..',
    backslashes, drive letters, empty or hidden segments, control characters."""
    problem = None
    if not path or len(path) > MAX_PATH_CHARS:
        problem = "empty or too long"
    elif path.startswith("/") or "\\" in path or ":" in path:
        problem = "absolute, or not '/'-separated"
    elif any(ord(ch) < 32 for ch in path):
        problem = "control characters"
    elif unicodedata.normalize("NFC", path) != path:
        problem = "not NFC-normalized"
    else:
        parts = path.split("/")
        if any(part in ("", ".", "..") for part in parts):
            problem = "empty, '.' or '..' segments"
        elif any(part.startswith(".") for part in parts):
            problem = "hidden files are not content"
    if problem:
        raise ContentError(f"unsafe content path {path!r}: {problem}")
    return path


@dataclass(frozen=True)
class Content:
    """One content version: its manifest and a safe way to read its files."""

    version: int
    root: Path
    manifest: dict[str, Any] = field(repr=False)
    applied_at: float | None = None  # when it became current (None: the embedded default)

    @property
    def is_default(self) -> bool:
        return self.version == 0

    def files(self) -> list[str]:
        """Every content file's path, sorted (the manifest itself excluded)."""
        listed = self.manifest.get("files")
        if isinstance(listed, dict):
            return sorted(listed)
        return sorted(_walk(self.root))

    def path(self, relative: str) -> Path:
        """The file's location; ``ContentError`` when this version has no such file."""
        check_relative_path(relative)
        target = self.root / relative
        if relative == MANIFEST or not target.is_file():
            raise ContentError(f"content version {self.version} has no file {relative!r}")
        return target

    def exists(self, relative: str) -> bool:
        try:
            self.path(relative)
        except ContentError:
            return False
        return True

    def is_sample(self, relative: str) -> bool:
        """True for example content, which the screen tags "예시 자료 / sample content"."""
        listed = self.manifest.get("files")
        if isinstance(listed, dict) and relative in listed:
            return bool(listed[relative].get("sample", False))
        return bool(self.manifest.get("sample", False))

    def read_bytes(self, relative: str) -> bytes:
        try:
            return self.path(relative).read_bytes()
        except OSError as exc:
            raise ContentError(
                f"cannot read {relative!r} of content version {self.version}: {exc.strerror}"
            ) from exc

    def load_json(self, relative: str) -> Any:
        """A JSON content file, decoded; ``ContentError`` says where it is broken."""
        return _decode_json(
            self.read_bytes(relative), f"{relative!r} of content version {self.version}"
        )

    def load_csv(self, relative: str) -> list[dict[str, str]]:
        """A UTF-8 CSV content file (a BOM is fine) as rows keyed by the header."""
        where = f"{relative!r} of content version {self.version}"
        try:
            text = self.read_bytes(relative).decode("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(text, newline=""), strict=True))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ContentError(f"{where} is not a readable UTF-8 CSV file: {exc}") from exc
        for number, row in enumerate(rows, start=2):
            if None in row or None in row.values():
                raise ContentError(f"{where}: line {number} does not match the header")
        return rows

    def dataset_files(self) -> dict[str, str]:
        """The datasets this version carries: canonical service name -> file path."""
        found: dict[str, str] = {}
        for relative in self.files():
            service = dataset_service(relative)
            if service:
                found[service] = relative
        return found

    def dataset_updates(self, relatives: list[str] | None = None) -> list[DatasetUpdate]:
        """Parse the version's dataset files (or the given ones) into cache updates."""
        updates: list[DatasetUpdate] = []
        for service, relative in self.dataset_files().items():
            if relatives is not None and relative not in relatives:
                continue
            updates.extend(
                parse_dataset(
                    service, self.read_bytes(relative), relative, self.is_sample(relative)
                )
            )
        return updates


def dataset_service(relative: str) -> str | None:
    """The API service a file under ``datasets/`` holds a response of (None elsewhere)."""
    path = PurePosixPath(relative)
    if len(path.parts) != 2 or path.parts[0] != DATASETS_DIR or path.suffix != ".json":
        return None
    try:
        return resolve_service(path.stem)
    except KeyError:
        raise ContentError(
            f"{relative!r}: datasets/ holds raw API responses named after their service;"
            f" {path.stem!r} is not a known service"
        ) from None


def parse_dataset(service: str, body: bytes, relative: str, sample: bool) -> list[DatasetUpdate]:
    """One dataset file through the same parser live data uses; ``ContentError`` if unusable."""
    try:
        return parse_response(service, body, sample=sample)
    except ApiError as exc:
        raise ContentError(
            f"{relative!r} is an API error response ({exc.code}: {exc.message})"
        ) from exc
    except ParseError as exc:
        raise ContentError(f"{relative!r} is not a usable {service} response ({exc})") from exc


def _decode_json(body: bytes, where: str) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ContentError(f"{where} is not UTF-8: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ContentError(f"{where} is not valid JSON: {exc}") from exc


def _walk(root: Path) -> Iterator[str]:
    for path in root.rglob("*"):
        relative = path.relative_to(root).as_posix()
        if (
            path.is_file()
            and relative != MANIFEST
            and not any(p.startswith(".") for p in path.relative_to(root).parts)
            and "__pycache__" not in relative
        ):
            yield relative


def load_manifest(root: Path, version: int) -> dict[str, Any]:
    """A version directory's manifest, checked for the format this kiosk reads."""
    where = f"manifest of content version {version} ({root / MANIFEST})"
    try:
        body = (root / MANIFEST).read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read the {where}: {exc.strerror}") from exc
    manifest = _decode_json(body, where)
    if not isinstance(manifest, dict) or manifest.get("format") != CONTENT_FORMAT:
        raise ContentError(f"the {where} is not a {CONTENT_FORMAT} manifest")
    if manifest.get("schema_version") != SCHEMA_VERSION or manifest.get("version") != version:
        raise ContentError(
            f"the {where} says schema {manifest.get('schema_version')}, version"
            f" {manifest.get('version')}; expected schema {SCHEMA_VERSION}, version {version}"
        )
    return manifest


@lru_cache(maxsize=16)
def _cached_content(root: Path, version: int) -> Content:
    # version directories never change once written, so one read per version is enough
    return Content(version, root, load_manifest(root, version))


def open_version(data_dir: Path, version: int) -> Content:
    """A content version by number (0 is the embedded default)."""
    return _cached_content(version_root(data_dir, version), version)


def current_content(store: CacheStore) -> Content:
    """The content version on screen: where pages read staff content (notices, PDFs, ...)."""
    state = read_state(store.db.conn)
    content = open_version(store.path.parent, state.version)
    return replace(content, applied_at=state.applied_at)


def load_content_object(store: CacheStore, relative: str) -> tuple[dict[str, Any], bool]:
    """A JSON object of the content on screen and whether it is example content (its own
    ``sample`` key, else the manifest's); ``ContentError`` names the file and what is wrong."""
    content = current_content(store)
    data = content.load_json(relative)
    if not isinstance(data, dict):
        raise ContentError(
            f"{relative!r} of content version {content.version} is not a JSON object"
        )
    return data, bool(data.get("sample", content.is_sample(relative)))
