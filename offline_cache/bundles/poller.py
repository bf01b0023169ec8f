"""Kiosk side of the channel: poll the origins, download what is new, apply it in order.

Only outbound HTTP GETs: the kiosk never listens. The index is asked for with
If-None-Match, so an unchanged channel costs one 304. A download is bounded by the size the
signed index gives and checked against its SHA-256 before ``apply_bundle`` verifies it again
from its own signature. An origin that is down, a truncated download or a full disk leaves
the last good content on screen and is retried at the next poll; a bundle that is refused for
what it is (bad signature, tampered file) is remembered and skipped, so one bad version does
not block the ones after it."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from kiosk.config import KioskConfig
from offline_cache.bundles.channel import CHANNEL_FILE, ChannelEntry, parse_channel, pending
from offline_cache.bundles.install import ApplyResult, apply_bundle
from offline_cache.bundles.manifest import BundleError
from offline_cache.bundles.settings import MB, BundleSettings
from offline_cache.content import content_dir, read_state
from offline_cache.parsers.envelope import KST
from offline_cache.startup import open_cache

log = logging.getLogger(__name__)

POLL_RECORD = "poll.json"
DOWNLOAD_CHUNK = 256 * 1024
Clock = Callable[[], float]


class TransientError(RuntimeError):
    """Worth retrying at the next poll: the origin, the network or the disk."""


@dataclass
class PollRecord:
    """What the poller remembers between polls and restarts (``content/poll.json``)."""

    etags: dict[str, str] = field(default_factory=dict)  # per origin, after a complete poll
    refused: dict[str, str] = field(default_factory=dict)  # version -> why it was refused
    at: float | None = None
    result: str = ""
    ok: bool = True
    origin: str | None = None
    last_success_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["at_text"] = _iso(self.at)
        return data


def _iso(epoch: float | None) -> str | None:
    return datetime.fromtimestamp(epoch, KST).isoformat(timespec="seconds") if epoch else None


def read_poll_record(data_dir: Path) -> dict[str, Any]:
    try:
        return json.loads((content_dir(data_dir) / POLL_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _load_record(data_dir: Path) -> PollRecord:
    raw = read_poll_record(data_dir)
    known = {k: v for k, v in raw.items() if k in PollRecord.__dataclass_fields__}
    try:
        return PollRecord(**known)
    except TypeError:
        return PollRecord()


def _save_record(data_dir: Path, record: PollRecord) -> None:
    path = content_dir(data_dir) / POLL_RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_text(json.dumps(record.to_json(), ensure_ascii=False, indent=1), "utf-8")
        os.replace(partial, path)
    except OSError as exc:  # a full disk must not stop polling; the record is a convenience
        log.warning("cannot save the poll record: %s", exc)


@dataclass(frozen=True)
class PollOutcome:
    ok: bool
    message: str
    applied: tuple[ApplyResult, ...] = ()
    version: int = 0


class BundlePoller:
    """One poll at a time; the service calls ``poll_once`` on its interval."""

    def __init__(
        self,
        config: KioskConfig,
        settings: BundleSettings,
        client: httpx.Client | None = None,
        clock: Clock = time.time,
    ):
        self.config = config
        self.settings = settings
        self.clock = clock
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(20.0, connect=5.0), follow_redirects=True
        )
        self.record = _load_record(config.data_dir)
        # downloads are this poller's alone: what a killed process left is useless
        shutil.rmtree(content_dir(config.data_dir) / "downloads", ignore_errors=True)

    def close(self) -> None:
        self.client.close()

    def poll_once(self) -> PollOutcome:
        applied: list[ApplyResult] = []
        unreachable: list[str] = []  # origins tried before one answered (mirrors)
        failure = ""
        answered = None
        for origin in self.settings.origins:
            try:
                entries = self._fetch_index(origin)
            except (TransientError, BundleError) as exc:
                unreachable.append(f"{origin}: {exc}")
                continue
            answered = origin
            try:
                if entries is not None:
                    applied += self._apply_pending(origin, entries)
            except TransientError as exc:
                failure = str(exc)
                self.record.etags.pop(origin, None)  # retry the same index next time
            except BaseException:
                self.record.etags.pop(origin, None)
                raise
            break
        version = self._current_version()
        ok = answered is not None and not failure
        if answered is None:
            message = "no origin answered: " + "; ".join(unreachable)
        elif failure:
            message = failure
        else:
            message = f"up to date at version {version}"
            if unreachable:
                message += f" (from a mirror; {'; '.join(unreachable)})"
        self.record.at = self.clock()
        self.record.result = message
        self.record.ok = ok
        self.record.origin = answered
        if ok:
            self.record.last_success_at = self.record.at
        _save_record(self.config.data_dir, self.record)
        log.log(logging.INFO if ok else logging.WARNING, "bundle poll: %s", message)
        return PollOutcome(ok, message, tuple(applied), version)

    def _current_version(self) -> int:
        store = open_cache(self.config.data_dir)
        try:
            return read_state(store.db.conn).version
        finally:
            store.close()

    def _fetch_index(self, origin: str) -> list[ChannelEntry] | None:
        """The verified index, or None when it did not change since the last complete poll."""
        headers = {}
        if origin in self.record.etags:
            headers["If-None-Match"] = self.record.etags[origin]
        url = origin + CHANNEL_FILE
        try:
            response = self.client.get(url, headers=headers)
        except httpx.HTTPError as exc:
            raise TransientError(
                f"cannot reach the origin ({exc.__class__.__name__}: {exc})"
            ) from None
        if response.status_code == 304:
            return None
        if response.status_code != 200:
            raise TransientError(f"{url} answered HTTP {response.status_code}")
        entries = parse_channel(response.content, self.settings.public_keys)
        etag = response.headers.get("ETag")
        if etag:
            self.record.etags[origin] = etag
        return entries

    def _apply_pending(self, origin: str, entries: list[ChannelEntry]) -> list[ApplyResult]:
        store = open_cache(self.config.data_dir)
        try:
            state = read_state(store.db.conn)
        finally:
            store.close()
        self.record.refused = {
            v: why for v, why in self.record.refused.items() if int(v) > state.highest
        }  # forget refusals that newer versions made moot
        skip = {int(v) for v in self.record.refused}
        applied = []
        for entry in pending(entries, state, self.config, skip):
            if entry.size > self.settings.max_bundle_bytes:
                self._refuse(
                    entry,
                    f"{entry.size / MB:.1f} MB, more than this kiosk accepts"
                    f" ({self.settings.max_bundle_bytes / MB:.0f} MB, [bundles] max_bundle_mb)",
                )
                continue
            path = self._download(origin, entry)
            try:
                applied.append(apply_bundle(path, self.config, self.settings, self.clock))
            except BundleError as exc:
                if exc.transient:
                    raise TransientError(f"version {entry.version}: {exc}") from None
                self._refuse(entry, str(exc))
            finally:
                path.unlink(missing_ok=True)
        return applied

    def _refuse(self, entry: ChannelEntry, reason: str) -> None:
        self.record.refused[str(entry.version)] = reason
        log.error("refused bundle version %d: %s", entry.version, reason)

    def _download(self, origin: str, entry: ChannelEntry) -> Path:
        downloads = content_dir(self.config.data_dir) / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        target = downloads / f"{entry.version}.zip"
        digest = hashlib.sha256()
        received = 0
        try:
            with open(target, "wb") as out:
                with self.client.stream("GET", origin + entry.file) as response:
                    if response.status_code != 200:
                        raise TransientError(
                            f"{origin + entry.file} answered HTTP {response.status_code}"
                        )
                    for chunk in response.iter_bytes(DOWNLOAD_CHUNK):
                        received += len(chunk)
                        if received > entry.size:
                            raise TransientError(
                                f"version {entry.version} is longer than the index says"
                            )
                        digest.update(chunk)
                        out.write(chunk)
        except httpx.HTTPError as exc:
            target.unlink(missing_ok=True)
            raise TransientError(
                f"download of version {entry.version} failed after {received} of"
                f" {entry.size} bytes ({exc.__class__.__name__})"
            ) from None
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise TransientError(f"cannot store the download ({exc.strerror})") from None
        except TransientError:
            target.unlink(missing_ok=True)
            raise
        if received != entry.size or digest.hexdigest() != entry.sha256:
            target.unlink(missing_ok=True)
            raise TransientError(
                f"download of version {entry.version} is truncated or damaged ({received} of"
                f" {entry.size} bytes, SHA-256 {'does not match' if received == entry.size else 'not checked'})"
            )
        return target
