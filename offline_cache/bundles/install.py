"""Apply and roll back content versions on a kiosk: stage beside, switch in one transaction.

An apply, in order, and why a crash at any point shows the old version or the new, never a mix:

1. check the signature, the version (it must exceed every version this kiosk has seen), the
   targets, the sizes and the free disk space; nothing is written yet;
2. unpack into ``content/staging/`` checking every file's SHA-256, carry unchanged files over
   from the current version (hard links), parse the datasets with the live parsers, save the
   rows they replace (for rollback);
3. rename the staging directory to ``content/versions/<N>``: complete, but nothing points at it;
4. one SQLite transaction swaps the datasets and moves the pointer (``content_state``) to N;
5. delete versions that are neither current nor previous.

A crash before 4 leaves data and pointer on the old version; the leftovers of 2-3 are invisible
and removed by ``recover`` at the next start or apply. SQLite makes 4 all or nothing. Readers
follow only the pointer. Applies and rollbacks hold ``content/lock`` (released by the kernel if
the process dies), so a kiosk's poller and a staff command never interleave."""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig
from offline_cache.bundles.archive import BundleReader
from offline_cache.bundles.manifest import BundleError, BundleManifest, file_digest
from offline_cache.bundles.settings import MB, BundleSettings
from offline_cache.content import (
    CONTENT_FORMAT,
    MANIFEST,
    SCHEMA_VERSION,
    Content,
    ContentError,
    ContentState,
    content_dir,
    load_manifest,
    open_version,
    read_state,
    version_root,
    write_state,
)
from offline_cache.parsers.envelope import KST
from offline_cache.startup import open_cache
from offline_cache.store import CacheStore, DatasetUpdate

log = logging.getLogger(__name__)

Clock = Callable[[], float]
KIOSK_DIR = ".kiosk"  # per-version bookkeeping: the signed manifest, the rows to roll back to
UNDO_FILE = "undo.json"
SPACE_MARGIN = 8 * MB
LOCK_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class ApplyResult:
    version: int
    previous: int
    datasets: tuple[str, ...]  # cache datasets the bundle replaced
    files: int  # content files in the new version
    bundle_files: int  # of which the bundle carried
    bundle_bytes: int


@dataclass(frozen=True)
class RollbackResult:
    version: int  # now on screen
    left: int  # the version rolled back from (never applied again)
    datasets: tuple[str, ...]  # datasets restored to their rows before ``left``


def _versions_dir(data_dir: Path) -> Path:
    return content_dir(data_dir) / "versions"


def _staging_dir(data_dir: Path) -> Path:
    return content_dir(data_dir) / "staging"


@contextmanager
def content_lock(data_dir: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Exclusive use of the content directory across processes."""
    path = content_dir(data_dir) / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BundleError(
                        "another bundle apply or rollback is running on this kiosk; try again",
                        transient=True,
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def installed_versions(data_dir: Path) -> list[int]:
    root = _versions_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(int(p.name) for p in root.iterdir() if p.name.isdigit())


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def recover(data_dir: Path, store: CacheStore, clock: Clock = time.time) -> None:
    """Call under the lock: drop what an interrupted apply left behind, and re-adopt the
    newest installed version when the cache was rebuilt (it was corrupt and moved aside)."""
    _remove_tree(_staging_dir(data_dir))
    state = read_state(store.db.conn)
    versions = installed_versions(data_dir)
    if state.applied_at is None and versions:
        state = _adopt(data_dir, store, versions, clock) or state
    elif not _intact(data_dir, state.version):
        state = _fall_back(data_dir, store, state, clock)
    keep = {state.version, state.previous}
    for version in versions:
        if version not in keep:
            log.info("removing content version %d (neither current nor previous)", version)
            _remove_tree(version_root(data_dir, version))


def _intact(data_dir: Path, version: int) -> bool:
    try:
        load_manifest(version_root(data_dir, version), version)
    except ContentError:
        return False
    return True


def _fall_back(
    data_dir: Path, store: CacheStore, state: ContentState, clock: Clock
) -> ContentState:
    """The current version's directory is gone or broken (disk damage, a hand-made
    deletion): show the previous version, or the embedded default, rather than nothing."""
    target = state.previous if state.previous and _intact(data_dir, state.previous) else 0
    new = ContentState(target, None, state.highest, clock())
    switch(store, [], state, new)
    log.error("content version %d is damaged or missing; showing version %d", state.version, target)
    return new


def recover_content(data_dir: Path, clock: Clock = time.time) -> ContentState:
    """``recover`` with the lock and a cache of its own (at kiosk start); the state after."""
    content_dir(data_dir).mkdir(parents=True, exist_ok=True)
    with content_lock(data_dir):
        store = open_cache(data_dir)
        try:
            recover(data_dir, store, clock)
            return read_state(store.db.conn)
        finally:
            store.close()


def _adopt(
    data_dir: Path, store: CacheStore, versions: list[int], clock: Clock
) -> ContentState | None:
    for version in reversed(versions):
        try:
            content = open_version(data_dir, version)
            updates = content.dataset_updates()
        except ContentError as exc:
            log.error("cannot re-adopt content version %d: %s", version, exc)
            continue
        now = clock()
        state = ContentState(version, None, max(versions), now)
        store.replace(
            [_tag(u, version, now) for u in updates],
            also=lambda conn, s=state: write_state(conn, s),
        )
        log.warning(
            "the cache had no content pointer; re-adopted installed content version %d", version
        )
        return state
    return None


def _tag(update: DatasetUpdate, version: int, now: float) -> DatasetUpdate:
    """Mark rows as this bundle's, so rollback can tell whether they were replaced since."""
    return replace(update, source=f"{update.source} · bundle {version}", fetched_at=now)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, KST).isoformat(timespec="seconds")


def check_applicable(manifest: BundleManifest, state: ContentState, config: KioskConfig) -> None:
    """Refuse downgrades, replays and bundles meant for other kiosks."""
    if manifest.version <= state.highest:
        raise BundleError(
            f"bundle version {manifest.version} is not newer than version {state.highest},"
            " the highest this kiosk has applied (downgrades and replays are refused; publish"
            f" a higher version)"
        )
    if not manifest.targets_kiosk(config.role, config.site):
        raise BundleError(
            f"bundle version {manifest.version} is for {manifest.targets_text()}, not for this"
            f" kiosk ({config.role} at {config.site.name_ko})"
        )


def _check_space(data_dir: Path, needed: int) -> None:
    free = shutil.disk_usage(content_dir(data_dir)).free
    if free < needed + SPACE_MARGIN:
        raise BundleError(
            f"not enough disk space in {content_dir(data_dir)}: the new version needs about"
            f" {(needed + SPACE_MARGIN) / MB:.1f} MB, {free / MB:.1f} MB are free",
            transient=True,
        )


@contextmanager
def _full_disk_refuses() -> Iterator[None]:
    """A write that fails for space (ENOSPC, quota, file size limit, SQLite's "full") becomes
    a transient refusal with a clear message; the caller has already undone its writes."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
        if full or (isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)):
            raise BundleError(
                f"cannot write to the disk: it is full ({exc})", transient=True
            ) from None
        raise


def apply_bundle(
    bundle_path: Path, config: KioskConfig, settings: BundleSettings, clock: Clock = time.time
) -> ApplyResult:
    """Verify and apply one bundle; ``BundleError`` says why it was refused (nothing changed)."""
    data_dir = config.data_dir
    content_dir(data_dir).mkdir(parents=True, exist_ok=True)
    with content_lock(data_dir), _full_disk_refuses():
        store = open_cache(data_dir)
        staging: Path | None = None
        try:
            recover(data_dir, store, clock)
            with BundleReader(bundle_path, settings) as bundle:
                manifest = bundle.manifest
                state = read_state(store.db.conn)
                check_applicable(manifest, state, config)
                base = open_version(data_dir, state.version)
                _check_space(data_dir, manifest.total_size + _copy_bytes(base, manifest))
                staging = _staging_dir(data_dir) / f"{manifest.version}-{os.getpid()}"
                staging.mkdir(parents=True)
                extract(bundle, staging)
            version, updates = stage(data_dir, staging, manifest, bundle.key_id, base, store, clock)
            staging = None
            commit(store, manifest.version, state, updates, clock)
            prune(data_dir, keep={manifest.version, state.version})
        except ContentError as exc:
            raise BundleError(str(exc)) from None
        finally:
            if staging is not None:
                _remove_tree(staging)
            _drop_uncommitted(data_dir, store)
            store.close()
    log.info("applied content version %d (previous %d)", manifest.version, state.version)
    return ApplyResult(
        version=manifest.version,
        previous=state.version,
        datasets=tuple(u.dataset for u in updates),
        files=len(version.files()),
        bundle_files=len(manifest.files),
        bundle_bytes=manifest.total_size,
    )


def _drop_uncommitted(data_dir: Path, store: CacheStore) -> None:
    """After a failed apply: a staged version the pointer does not name must not linger."""
    try:
        state = read_state(store.db.conn)
    except sqlite3.Error:
        return
    for version in installed_versions(data_dir):
        if version > state.highest:
            _remove_tree(version_root(data_dir, version))


def _copy_bytes(base: Content, manifest: BundleManifest) -> int:
    """Bytes the carried-over files cost: copies from the embedded default, links otherwise."""
    if manifest.full or not base.is_default:
        return 0
    return sum((base.root / f).stat().st_size for f in base.files() if f not in manifest.files)


def extract(bundle: BundleReader, staging: Path) -> None:
    """Unpack every file into the staging directory, each checked against its hash."""
    for entry in bundle.manifest.files.values():
        bundle.extract_file(entry, staging / entry.path)


def stage(
    data_dir: Path,
    staging: Path,
    manifest: BundleManifest,
    key_id: str,
    base: Content,
    store: CacheStore,
    clock: Clock,
) -> tuple[Content, list[DatasetUpdate]]:
    """Complete the staging directory and move it to ``versions/<N>`` (not yet current).

    Returns the new version and its parsed datasets; a dataset that does not parse refuses
    the bundle here, before anything is visible."""
    files = {
        path: {
            "sha256": e.sha256,
            "size": e.size,
            "version": manifest.version,
            "sample": manifest.sample,
        }
        for path, e in manifest.files.items()
    }
    if not manifest.full:
        files.update(_carry_over(base, staging, manifest))
    content = Content(manifest.version, staging, {"files": files})
    updates = content.dataset_updates(manifest.dataset_files)
    datasets = [u.dataset for u in updates]
    if len(set(datasets)) != len(datasets):
        raise BundleError(f"two dataset files in the bundle fill the same dataset: {datasets}")
    _write_json(staging / KIOSK_DIR / UNDO_FILE, _undo_record(store, datasets))
    _write_json(
        staging / KIOSK_DIR / "bundle-manifest.json",
        {"key_id": key_id, "signed": manifest.to_signed()},
    )
    installed = {
        "format": CONTENT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "version": manifest.version,
        "previous": base.version,
        "created_at": manifest.created_at,
        "installed_at": _iso(clock()),
        "description": manifest.description,
        "signed_by": key_id,
        "files": dict(sorted(files.items())),
    }
    _write_json(staging / MANIFEST, installed)
    for directory in sorted({p.parent for p in staging.rglob("*")} | {staging}, reverse=True):
        _fsync_dir(directory)
    target = version_root(data_dir, manifest.version)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_tree(target)  # an orphan of an earlier, interrupted try of this version
    os.rename(staging, target)
    _fsync_dir(target.parent)
    return Content(manifest.version, target, installed), updates


def _carry_over(base: Content, staging: Path, manifest: BundleManifest) -> dict[str, dict]:
    """Files of the current version the bundle does not replace, linked (or copied) in."""
    carried: dict[str, dict] = {}
    listed = base.manifest.get("files") if isinstance(base.manifest.get("files"), dict) else {}
    for relative in base.files():
        if relative in manifest.files:
            continue
        source, target = base.root / relative, staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if base.is_default:
            # the embedded default sits in the installed program: copy, never share inodes
            shutil.copyfile(source, target)
            with open(target, "rb+") as f:
                os.fsync(f.fileno())
            os.chmod(target, 0o444)
            digest, size = file_digest(target)
            carried[relative] = {
                "sha256": digest,
                "size": size,
                "version": 0,
                "sample": base.is_sample(relative),
            }
        else:
            os.link(source, target)
            carried[relative] = dict(listed[relative])
    return carried


def _undo_record(store: CacheStore, datasets: list[str]) -> dict[str, Any]:
    """The rows and metadata each dataset has now, to put back on rollback."""
    record: dict[str, Any] = {}
    for dataset in datasets:
        snapshot = store.snapshot(dataset)
        status = snapshot.status
        record[dataset] = {
            "rows": snapshot.rows,
            "source": status.source,
            "measured_at": status.measured_at,
            "fetched_at": status.fetched_at,
            "sample": status.sample,
            "schema_version": status.schema_version or 1,
        }
    return {"datasets": record}


def commit(
    store: CacheStore,
    version: int,
    before: ContentState,
    updates: list[DatasetUpdate],
    clock: Clock,
) -> None:
    """Make a staged version current, with its datasets."""
    now = clock()
    new = ContentState(version=version, previous=before.version, highest=version, applied_at=now)
    switch(store, [_tag(u, version, now) for u in updates], before, new)


def switch(
    store: CacheStore, updates: list[DatasetUpdate], before: ContentState, new: ContentState
) -> None:
    """The one step: datasets and pointer in one transaction, unless the pointer moved."""

    def move_pointer(conn: sqlite3.Connection) -> None:
        if read_state(conn) != before:
            raise BundleError("the content changed meanwhile; try again", transient=True)
        write_state(conn, new)

    store.replace(updates, also=move_pointer)


def prune(data_dir: Path, keep: set[int]) -> None:
    for version in installed_versions(data_dir):
        if version not in keep:
            _remove_tree(version_root(data_dir, version))


def rollback(config: KioskConfig, clock: Clock = time.time) -> RollbackResult:
    """Return to the previous version: its files, and the datasets' rows from before."""
    data_dir = config.data_dir
    content_dir(data_dir).mkdir(parents=True, exist_ok=True)
    with content_lock(data_dir), _full_disk_refuses():
        store = open_cache(data_dir)
        try:
            recover(data_dir, store, clock)
            state = read_state(store.db.conn)
            if state.previous is None:
                raise BundleError(
                    f"no earlier content version is kept on this kiosk (now on version"
                    f" {state.version})"
                )
            try:
                target = open_version(data_dir, state.previous)
                undo = json.loads(
                    (version_root(data_dir, state.version) / KIOSK_DIR / UNDO_FILE).read_text(
                        encoding="utf-8"
                    )
                )
            except (ContentError, OSError, ValueError) as exc:
                raise BundleError(f"cannot roll back: {exc}") from None
            restores = _restores(store, state.version, undo["datasets"])
            earlier = target.manifest.get("previous")
            keep_earlier = earlier if earlier in (0, *installed_versions(data_dir)) else None
            new = ContentState(
                version=target.version,
                previous=keep_earlier,
                highest=state.highest,
                applied_at=clock(),
            )
            switch(store, restores, state, new)
            _remove_tree(version_root(data_dir, state.version))
        finally:
            store.close()
    log.info("rolled back content version %d to %d", state.version, target.version)
    return RollbackResult(target.version, state.version, tuple(u.dataset for u in restores))


def _restores(store: CacheStore, version: int, undo: dict[str, Any]) -> list[DatasetUpdate]:
    """Rows to put back, for datasets that still hold what ``version`` wrote: data fetched
    live since then is newer than either and stays."""
    restores = []
    for dataset, before in undo.items():
        status = store.status(dataset)
        if not (status.source or "").endswith(f" · bundle {version}"):
            log.info("%s was refreshed since bundle %d; keeping the newer data", dataset, version)
            continue
        restores.append(
            DatasetUpdate(
                dataset,
                before["rows"],
                source=before["source"] or "",
                measured_at=before["measured_at"],
                fetched_at=before["fetched_at"],
                sample=before["sample"],
                schema_version=before["schema_version"],
            )
        )
    return restores


def content_status(config: KioskConfig) -> dict[str, Any]:
    """What ``bundle status`` prints: the pointer, the versions kept, the current manifest."""
    store = open_cache(config.data_dir)
    try:
        state = read_state(store.db.conn)
        content = open_version(config.data_dir, state.version)
        datasets = {
            s.dataset: s.source
            for s in store.statuses()
            if (s.source or "").endswith(f" · bundle {state.version}")
        }
    finally:
        store.close()
    return {
        **asdict(state),
        "applied_at_text": _iso(state.applied_at) if state.applied_at else None,
        "created_at": content.manifest.get("created_at"),
        "description": content.manifest.get("description", ""),
        "signed_by": content.manifest.get("signed_by"),
        "files": len(content.files()),
        "sample_files": sum(content.is_sample(f) for f in content.files()),
        "datasets_from_bundle": datasets,
        "installed_versions": installed_versions(config.data_dir),
        "content_root": str(content.root),
    }
