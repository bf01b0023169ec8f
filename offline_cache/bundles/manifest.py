"""What a bundle says about itself: the signed manifest, and building one from a directory.

The manifest names the version (which must increase), when it was made, which kiosks it is
for (roles and stations; empty means all), the content schema it needs, whether it replaces
all content (``full``) or only the files it carries, and each file's SHA-256 and size."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.reference import Site
from offline_cache.content import (
    MANIFEST,
    SCHEMA_VERSION,
    ContentError,
    check_relative_path,
    dataset_service,
    parse_dataset,
)
from offline_cache.parsers.envelope import KST

log = logging.getLogger(__name__)

BUNDLE_FORMAT = "seoul-kiosk-bundle"
HASH_CHUNK = 1024 * 1024


class BundleError(ValueError):
    """A bundle is refused; the message says why, and nothing on the kiosk was changed.

    ``transient`` errors (disk full, another apply running) say nothing about the bundle:
    a poller tries the same bundle again later."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class BundleManifest:
    version: int
    created_at: str
    files: dict[str, FileEntry]
    roles: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    full: bool = False  # True: the new version holds only these files; else they overlay
    sample: bool = False  # example content, tagged "예시 자료" on screen
    description: str = ""
    schema_version: int = SCHEMA_VERSION

    @property
    def total_size(self) -> int:
        return sum(entry.size for entry in self.files.values())

    @property
    def dataset_files(self) -> list[str]:
        return [path for path in self.files if dataset_service(path)]

    def to_signed(self) -> dict[str, Any]:
        return {
            "format": BUNDLE_FORMAT,
            "schema_version": self.schema_version,
            "version": self.version,
            "created_at": self.created_at,
            "targets": {"roles": list(self.roles), "stations": list(self.stations)},
            "full": self.full,
            "sample": self.sample,
            "description": self.description,
            "files": {
                path: {"sha256": entry.sha256, "size": entry.size}
                for path, entry in sorted(self.files.items())
            },
        }

    @classmethod
    def from_signed(cls, signed: dict[str, Any]) -> BundleManifest:
        """Check a verified manifest's fields; ``BundleError`` names the first bad one."""
        if signed.get("format") != BUNDLE_FORMAT:
            raise BundleError(f"the manifest is not a {BUNDLE_FORMAT} manifest")
        schema = signed.get("schema_version")
        if schema != SCHEMA_VERSION:
            raise BundleError(
                f"the bundle needs content schema {schema!r}; this kiosk reads schema"
                f" {SCHEMA_VERSION} (update the kiosk software first)"
            )
        version = signed.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BundleError(
                f"the manifest's version must be a whole number >= 1, not {version!r}"
            )
        targets = signed.get("targets")
        if not isinstance(targets, dict):
            raise BundleError("the manifest has no targets")
        roles, stations = targets.get("roles"), targets.get("stations")
        for name, value in (("roles", roles), ("stations", stations)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise BundleError(f"the manifest's target {name} must be a list of names")
        raw_files = signed.get("files")
        if not isinstance(raw_files, dict):
            raise BundleError("the manifest has no file list")
        files: dict[str, FileEntry] = {}
        for path, entry in raw_files.items():
            try:
                check_relative_path(path)
            except ContentError as exc:
                raise BundleError(str(exc)) from None
            if path == MANIFEST:
                raise BundleError(f"{MANIFEST} is reserved and cannot be a content file")
            if not (
                isinstance(entry, dict)
                and isinstance(entry.get("sha256"), str)
                and len(entry["sha256"]) == 64
                and isinstance(entry.get("size"), int)
                and entry["size"] >= 0
            ):
                raise BundleError(f"the manifest entry for {path!r} needs a sha256 and a size")
            files[path] = FileEntry(path, entry["sha256"].lower(), entry["size"])
        return cls(
            version=version,
            created_at=str(signed.get("created_at", "")),
            files=files,
            roles=tuple(roles),
            stations=tuple(stations),
            full=bool(signed.get("full", False)),
            sample=bool(signed.get("sample", False)),
            description=str(signed.get("description", "")),
            schema_version=schema,
        )

    def targets_kiosk(self, role: str, site: Site) -> bool:
        return targets_match(self.roles, self.stations, role, site)

    def targets_text(self) -> str:
        roles = ", ".join(self.roles) or "all roles"
        stations = ", ".join(self.stations) or "all stations"
        return f"{roles}; {stations}"


def targets_match(roles: Iterable[str], stations: Iterable[str], role: str, site: Site) -> bool:
    """Whether a kiosk of this role at this site is meant (empty lists mean every kiosk)."""
    roles, stations = tuple(roles), tuple(stations)
    if roles and role not in roles:
        return False
    return not stations or any(same_site(name, site) for name in stations)


def same_site(name: str, site: Site) -> bool:
    """A target station names this site by id, Korean or English name, with or without "역"."""

    def norm(text: str) -> str:
        return text.strip().removesuffix("역").casefold()

    names = {norm(site.id), norm(site.name_ko), norm(site.name_en), norm(site.subway_station)}
    return norm(name) in names


def file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def source_files(src_dir: Path) -> dict[str, Path]:
    """Content files of a source directory by bundle path; refuses links and odd files.

    Hidden files (``.git``, ``.DS_Store``) and a top-level ``manifest.json`` are skipped: the
    manifest is generated."""
    if not src_dir.is_dir():
        raise BundleError(f"{src_dir} is not a directory")
    found: dict[str, Path] = {}
    for path in sorted(src_dir.rglob("*")):
        relative_parts = path.relative_to(src_dir).parts
        if any(part.startswith(".") for part in relative_parts):
            continue
        mode = path.lstat().st_mode
        relative = unicodedata.normalize("NFC", "/".join(relative_parts))
        if stat.S_ISLNK(mode):
            raise BundleError(f"{relative}: links are not allowed in bundles; copy the file in")
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            raise BundleError(f"{relative}: only regular files can go into a bundle")
        if relative == MANIFEST:
            log.info("skipping %s: the bundle's manifest is generated", path)
            continue
        try:
            check_relative_path(relative)
        except ContentError as exc:
            raise BundleError(str(exc)) from None
        if relative in found:
            raise BundleError(f"two files map to {relative!r} (Unicode normalization)")
        found[relative] = path
    return found


# Checks a decoded JSON content file as the page that reads it would (raises ValueError).
ContentCheck = Callable[[str, Any], None]


def check_source_file(relative: str, path: Path, content_check: ContentCheck | None = None) -> None:
    """Catch broken content on the staff machine, not on the kiosks: datasets must parse with
    the live parsers, JSON and CSV files must be well formed, and ``content_check`` may check
    a JSON file's schema."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        return
    body = path.read_bytes()
    try:
        if dataset_service(relative):
            parse_dataset(dataset_service(relative), body, relative, sample=False)
        elif suffix == ".json":
            data = json.loads(body.decode("utf-8-sig"))
            if content_check is not None:
                content_check(relative, data)
        else:
            list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), strict=True))
    except ContentError as exc:
        raise BundleError(str(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
        raise BundleError(
            f"{relative}: not well-formed UTF-8 {suffix[1:].upper()}: {exc}"
        ) from None
    except ValueError as exc:  # the schema check's message names the file and the place
        raise BundleError(str(exc)) from None


def manifest_for(
    files: dict[str, Path],
    version: int,
    *,
    roles: Iterable[str] = (),
    stations: Iterable[str] = (),
    full: bool = False,
    sample: bool = False,
    description: str = "",
    now: datetime | None = None,
    content_check: ContentCheck | None = None,
) -> BundleManifest:
    entries = {}
    for relative, path in files.items():
        check_source_file(relative, path, content_check)
        digest, size = file_digest(path)
        entries[relative] = FileEntry(relative, digest, size)
    created = (now or datetime.now(KST)).isoformat(timespec="seconds")
    return BundleManifest(
        version=version,
        created_at=created,
        files=entries,
        roles=tuple(roles),
        stations=tuple(stations),
        full=full,
        sample=sample,
        description=description,
    )
