"""The bundle file: a zip holding ``manifest.json`` (signed) and the content files.

Reading is defensive: the archive's size is bounded before it is opened, every entry must be
a regular file at a safe path that the signed manifest lists with the same size, and files
are streamed with their SHA-256 checked and their length capped, so a truncated download, a
tampered file, a link, a '../' path or a zip bomb is refused with a clear reason."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from offline_cache.bundles.manifest import HASH_CHUNK, BundleError, BundleManifest, FileEntry
from offline_cache.bundles.settings import MB, BundleSettings
from offline_cache.bundles.signing import PublicKey, SignatureError, verify_document
from offline_cache.content import MANIFEST, ContentError, check_relative_path

MAX_MANIFEST_BYTES = 8 * MB
# already compressed: storing them is as small and much faster to unpack
STORED_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".zip", ".gz", ".mp4"}


def write_bundle(out: Path, document: dict[str, Any], files: dict[str, Path]) -> None:
    """Write the archive next to ``out`` and move it into place only when complete."""
    partial = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(document, ensure_ascii=False, indent=1))
            for relative, path in sorted(files.items()):
                stored = path.suffix.lower() in STORED_SUFFIXES
                archive.write(
                    path,
                    relative,
                    compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                )
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


class BundleReader:
    """An opened, signature-checked bundle; use as a context manager."""

    def __init__(
        self, path: Path, settings: BundleSettings, keys: Iterable[PublicKey] | None = None
    ):
        self.path = Path(path)
        try:
            size = self.path.stat().st_size
        except OSError as exc:
            raise BundleError(f"cannot read {self.path}: {exc.strerror}") from None
        if size > settings.max_bundle_bytes:
            raise BundleError(
                f"{self.path.name} is {size / MB:.1f} MB, more than the"
                f" {settings.max_bundle_bytes / MB:.0f} MB a bundle may be ([bundles] max_bundle_mb)"
            )
        try:
            self.zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BundleError(
                f"{self.path.name} is not a bundle, or it is truncated ({exc})"
            ) from None
        try:
            self.infos = self._check_entries()
            document = json.loads(self._read_small(MANIFEST))
            signed, self.key_id = verify_document(
                document, settings.public_keys if keys is None else keys, "bundle manifest"
            )
            self.manifest = BundleManifest.from_signed(signed)
            self._check_against_manifest(settings)
        except SignatureError as exc:
            self.close()
            raise BundleError(str(exc)) from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self.close()
            raise BundleError(f"the bundle's manifest is not valid JSON ({exc})") from None
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.zip.close()

    def _check_entries(self) -> dict[str, zipfile.ZipInfo]:
        infos: dict[str, zipfile.ZipInfo] = {}
        for info in self.zip.infolist():
            name = info.orig_filename
            kind = stat.S_IFMT(info.external_attr >> 16)
            if info.is_dir() or kind == stat.S_IFDIR:
                raise BundleError(f"archive entry {name!r} is a directory; bundles hold files only")
            if kind not in (0, stat.S_IFREG):
                what = "a link" if kind == stat.S_IFLNK else "not a regular file"
                raise BundleError(f"archive entry {name!r} is {what}; refused")
            if name != MANIFEST:
                try:
                    check_relative_path(name)
                except ContentError as exc:
                    raise BundleError(f"archive entry refused: {exc}") from None
            if info.flag_bits & 0x1:
                raise BundleError(f"archive entry {name!r} is encrypted")
            if name in infos:
                raise BundleError(f"archive entry {name!r} appears twice")
            infos[name] = info
        if MANIFEST not in infos:
            raise BundleError(f"{self.path.name} has no {MANIFEST}; not a bundle")
        return infos

    def _read_small(self, name: str) -> bytes:
        info = self.infos[name]
        if info.file_size > MAX_MANIFEST_BYTES:
            raise BundleError(f"{name} is larger than {MAX_MANIFEST_BYTES // MB} MB")
        with self.zip.open(info) as f:
            data = f.read(MAX_MANIFEST_BYTES + 1)
        if len(data) > MAX_MANIFEST_BYTES:
            raise BundleError(f"{name} is larger than {MAX_MANIFEST_BYTES // MB} MB")
        return data

    def _check_against_manifest(self, settings: BundleSettings) -> None:
        total = self.manifest.total_size
        if total > settings.max_unpacked_bytes:
            raise BundleError(
                f"the bundle unpacks to {total / MB:.1f} MB, more than the"
                f" {settings.max_unpacked_bytes / MB:.0f} MB allowed ([bundles] max_unpacked_mb)"
            )
        listed = set(self.manifest.files)
        present = set(self.infos) - {MANIFEST}
        if present - listed:
            extra = sorted(present - listed)[0]
            raise BundleError(f"archive entry {extra!r} is not in the signed manifest; refused")
        if listed - present:
            missing = sorted(listed - present)[0]
            raise BundleError(f"{missing!r} is in the manifest but missing from the archive")
        for path, entry in self.manifest.files.items():
            if self.infos[path].file_size != entry.size:
                raise BundleError(
                    f"{path!r} has {self.infos[path].file_size} bytes in the archive but"
                    f" {entry.size} in the signed manifest; refused"
                )

    def stream(self, entry: FileEntry, sink: Callable[[bytes], object]) -> None:
        """Feed a file's bytes to ``sink``; ``BundleError`` if its length or hash is wrong."""
        digest = hashlib.sha256()
        seen = 0
        try:
            with self.zip.open(self.infos[entry.path]) as f:
                while chunk := f.read(HASH_CHUNK):
                    seen += len(chunk)
                    if seen > entry.size:
                        raise BundleError(
                            f"{entry.path!r} is longer than the manifest says; refused"
                        )
                    digest.update(chunk)
                    sink(chunk)
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise BundleError(f"{entry.path!r} is damaged in the archive ({exc})") from None
        if seen != entry.size or digest.hexdigest() != entry.sha256:
            raise BundleError(
                f"{entry.path!r} does not match its SHA-256 in the signed manifest"
                " (tampered with or damaged); refused"
            )

    def verify_files(self) -> None:
        """Check every file's hash without writing anything."""
        for entry in self.manifest.files.values():
            self.stream(entry, lambda chunk: None)

    def extract_file(self, entry: FileEntry, target: Path) -> None:
        """Write one verified file (fsynced, read-only); a bad one leaves no file behind."""
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(target, "xb") as out:
                self.stream(entry, out.write)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        os.chmod(target, 0o444)
