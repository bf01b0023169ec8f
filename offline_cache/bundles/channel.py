"""The channel: published bundles and a signed index, in a directory any static origin serves.

``channel.json`` lists every published bundle (version, file, size, SHA-256, targets, full)
and is signed as a whole, so a kiosk learns versions and targets before downloading and an
origin cannot add, drop or swap entries. Bundles are kept, because a kiosk that was offline
applies every version it missed, in order (or starts from the newest ``full`` one)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.config import KioskConfig
from kiosk.reference import Site
from offline_cache.bundles.archive import BundleReader
from offline_cache.bundles.manifest import BundleError, file_digest, targets_match
from offline_cache.bundles.settings import BundleSettings
from offline_cache.bundles.signing import (
    PublicKey,
    SignatureError,
    public_of,
    sign_document,
    verify_document,
)
from offline_cache.content import ContentState
from offline_cache.parsers.envelope import KST

CHANNEL_FILE = "channel.json"
CHANNEL_FORMAT = "seoul-kiosk-channel"
MAX_CHANNEL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class ChannelEntry:
    version: int
    file: str  # relative to the channel's base URL
    size: int
    sha256: str
    full: bool
    roles: tuple[str, ...]
    stations: tuple[str, ...]

    def targets_kiosk(self, role: str, site: Site) -> bool:
        return targets_match(self.roles, self.stations, role, site)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "file": self.file,
            "size": self.size,
            "sha256": self.sha256,
            "full": self.full,
            "targets": {"roles": list(self.roles), "stations": list(self.stations)},
        }


def parse_channel(body: bytes, keys: Iterable[PublicKey]) -> list[ChannelEntry]:
    """Verify a channel index and return its entries, oldest first."""
    if len(body) > MAX_CHANNEL_BYTES:
        raise BundleError(f"the channel index is larger than {MAX_CHANNEL_BYTES} bytes")
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BundleError(f"the channel index is not valid JSON ({exc})") from None
    try:
        signed, _ = verify_document(document, keys, "channel index")
    except SignatureError as exc:
        raise BundleError(str(exc)) from None
    if signed.get("format") != CHANNEL_FORMAT or not isinstance(signed.get("bundles"), list):
        raise BundleError(f"the channel index is not a {CHANNEL_FORMAT} document")
    entries = []
    for raw in signed["bundles"]:
        try:
            targets = raw.get("targets", {})
            entry = ChannelEntry(
                version=int(raw["version"]),
                file=str(raw["file"]),
                size=int(raw["size"]),
                sha256=str(raw["sha256"]),
                full=bool(raw.get("full", False)),
                roles=tuple(targets.get("roles", ())),
                stations=tuple(targets.get("stations", ())),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BundleError(f"a channel index entry is malformed: {raw!r:.200}") from None
        if entry.file.startswith("/") or ".." in entry.file.split("/") or "://" in entry.file:
            raise BundleError(f"a channel entry points outside the channel: {entry.file!r}")
        entries.append(entry)
    return sorted(entries, key=lambda e: e.version)


def pending(
    entries: list[ChannelEntry], state: ContentState, config: KioskConfig, skip: set[int]
) -> list[ChannelEntry]:
    """What this kiosk should apply, in order: newer than anything it has seen, meant for it,
    not refused before; when one of them is ``full``, the ones before it are not needed."""
    wanted = [
        entry
        for entry in entries
        if entry.version > state.highest
        and entry.version not in skip
        and entry.targets_kiosk(config.role, config.site)
    ]
    fulls = [index for index, entry in enumerate(wanted) if entry.full]
    return wanted[fulls[-1] :] if fulls else wanted


def publish(
    bundle_path: Path,
    to_dir: Path,
    private: Ed25519PrivateKey,
    settings: BundleSettings,
) -> ChannelEntry:
    """Copy a verified bundle into the channel directory and re-sign the index."""
    publisher = public_of(private)
    keys = (publisher, *settings.public_keys)
    with BundleReader(bundle_path, settings, keys=keys) as bundle:
        bundle.verify_files()
        manifest = bundle.manifest
    digest, size = file_digest(bundle_path)
    relative = f"bundles/{manifest.version:08d}.zip"
    target = to_dir / relative
    index_path = to_dir / CHANNEL_FILE
    entries = parse_channel(index_path.read_bytes(), keys) if index_path.exists() else []
    newest = max((e.version for e in entries), default=0)
    same = [e for e in entries if e.version == manifest.version]
    if same and same[0].sha256 != digest:
        raise BundleError(
            f"version {manifest.version} is already published with different content;"
            " build the change with a higher version"
        )
    if not same and manifest.version <= newest:
        raise BundleError(
            f"version {manifest.version} is not newer than version {newest}, already published;"
            " kiosks would refuse it"
        )
    entry = ChannelEntry(
        version=manifest.version,
        file=relative,
        size=size,
        sha256=digest,
        full=manifest.full,
        roles=manifest.roles,
        stations=manifest.stations,
    )
    if not same:
        _copy_atomically(bundle_path, target)
        entries.append(entry)
    signed = {
        "format": CHANNEL_FORMAT,
        "schema_version": 1,
        "updated_at": datetime.now(KST).isoformat(timespec="seconds"),
        "bundles": [e.to_json() for e in sorted(entries, key=lambda e: e.version)],
    }
    _write_atomically(index_path, json.dumps(sign_document(signed, private), indent=1).encode())
    return entry


def _copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(source, partial)
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(partial, target)


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with open(partial, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, target)
