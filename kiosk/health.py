"""The kiosk's health report, shared by the staff screen and ``main.py status``.

Two halves: what only the running kiosk knows (its statuses, last touch, people in view,
start time) is kept in ``runtime.json`` in the data directory, rewritten every few seconds;
everything else (datasets, content version, disk, memory) is read where the report is made.
No Qt here, so the command and the screen build exactly the same report."""

from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil

from kiosk import __version__
from kiosk.config import ConfigError, KioskConfig
from kiosk.i18n import KST, LANGUAGES, format_age, format_time, pick, tr, tr_every
from kiosk.presence import PresenceSummary
from offline_cache.content import ContentError, open_version, read_state
from offline_cache.datasets import dataset_info
from offline_cache.store import CACHE_FILENAME, CacheStore, DatasetStatus

log = logging.getLogger(__name__)

RUNTIME_FILE = "runtime.json"
HEARTBEAT_S = 10.0  # how often the running kiosk rewrites runtime.json
RUNTIME_STALE_S = 60.0  # a heartbeat older than this means the kiosk is not running
# Status keys the camera, microphone and model services report under (DEVELOPERS.md); the
# report lists them even before anyone reported, so a missing device is never just absent.
DEVICE_KEYS = ("camera", "microphone", "voice_model", "face_model")
MB = 1024 * 1024


@dataclass(frozen=True)
class StatusLine:
    """One device or service state: a line of the status strip and of the health report."""

    key: str
    ok: bool | None  # None: a device key nobody has reported yet
    text: Mapping[str, str]

    def text_in(self, lang: str) -> str:
        return pick(self.text, lang)


@dataclass(frozen=True)
class Runtime:
    """What the running kiosk knows about itself; written to ``runtime.json``."""

    pid: int
    started_at: float
    heartbeat_at: float
    kiosk_mode: bool  # full screen and locked (not --windowed)
    presence: PresenceSummary = field(default_factory=PresenceSummary)
    statuses: tuple[StatusLine, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "statuses": [asdict(s) for s in self.statuses]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Runtime:
        return cls(
            pid=int(data["pid"]),
            started_at=float(data["started_at"]),
            heartbeat_at=float(data["heartbeat_at"]),
            kiosk_mode=bool(data["kiosk_mode"]),
            presence=PresenceSummary(**data.get("presence", {})),
            statuses=tuple(
                StatusLine(str(s["key"]), bool(s["ok"]), dict(s["text"]))
                for s in data.get("statuses", ())
            ),
        )


def write_runtime(data_dir: Path, runtime: Runtime) -> None:
    """Replace runtime.json atomically (a reader never sees half a file)."""
    path = Path(data_dir) / RUNTIME_FILE
    temporary = path.with_name(f".{RUNTIME_FILE}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(runtime.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def read_runtime(data_dir: Path) -> Runtime | None:
    """The last runtime.json, or None when there is none or it cannot be read."""
    path = Path(data_dir) / RUNTIME_FILE
    try:
        return Runtime.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return None


@dataclass(frozen=True)
class HealthSettings:
    """``[health]`` in the config."""

    dead_touch_after_s: float = 2 * 3600.0  # no touch for this long ...
    dead_touch_visits: int = 20  # ... while this many people stood at the screen
    disk_min_free_mb: float = 1024.0
    memory_min_available_percent: float = 10.0

    @classmethod
    def from_config(cls, config: KioskConfig) -> HealthSettings:
        raw = config.section("health")
        defaults = cls()
        try:
            return cls(
                dead_touch_after_s=float(
                    raw.get("dead_touch_after_s", defaults.dead_touch_after_s)
                ),
                dead_touch_visits=int(raw.get("dead_touch_visits", defaults.dead_touch_visits)),
                disk_min_free_mb=float(raw.get("disk_min_free_mb", defaults.disk_min_free_mb)),
                memory_min_available_percent=float(
                    raw.get("memory_min_available_percent", defaults.memory_min_available_percent)
                ),
            )
        except (TypeError, ValueError):
            raise ConfigError("[health] settings must be numbers") from None


@dataclass(frozen=True)
class Problem:
    """A warning at the top of the report: something staff should act on."""

    code: str  # stable, for monitoring: "kiosk_not_running", "dead_touch", ...
    text: Mapping[str, str]

    def text_in(self, lang: str) -> str:
        return pick(self.text, lang)


@dataclass(frozen=True)
class DatasetHealth:
    dataset: str
    has_data: bool
    sample: bool
    stale: bool
    age_s: float | None
    row_count: int
    source: str | None
    last_success_at: float | None
    last_error: str | None
    last_error_at: float | None
    next_fetch_at: float | None

    @property
    def failing(self) -> bool:
        """The last fetch failed (a success since then clears it)."""
        return bool(self.last_error) and (self.last_success_at or 0) <= (self.last_error_at or 0)


@dataclass(frozen=True)
class HealthReport:
    generated_at: float
    app_version: str
    qt_version: str
    python_version: str
    content: Mapping[str, Any]  # version, description, applied_at, previous (rollback target)
    running: bool
    runtime: Runtime | None
    rss_mb: float | None  # the kiosk and its helper processes (QtWebEngine)
    memory_total_mb: float
    memory_available_mb: float
    system_uptime_s: float
    disk_path: str
    disk_total_mb: float
    disk_free_mb: float
    datasets: tuple[DatasetHealth, ...]
    statuses: tuple[StatusLine, ...]
    problems: tuple[Problem, ...]

    @property
    def uptime_s(self) -> float | None:
        return self.generated_at - self.runtime.started_at if self.runtime else None

    @property
    def last_touch_at(self) -> float | None:
        return self.runtime.presence.last_touch_at if self.runtime else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON: epoch seconds plus ISO times in Seoul time for people."""
        data = asdict(self)
        data["runtime"] = self.runtime.to_json() if self.runtime else None
        data["uptime_s"] = self.uptime_s
        data["last_touch_at"] = self.last_touch_at
        data["generated_at_text"] = iso(self.generated_at)
        data["ok"] = not self.problems
        return data


def iso(epoch: float | None) -> str | None:
    return datetime.fromtimestamp(epoch, KST).isoformat(timespec="seconds") if epoch else None


def content_info(store: CacheStore | None) -> dict[str, Any]:
    """The content version on screen and what a rollback would return to."""
    if store is None:
        return {"version": None, "description": "-", "applied_at": None, "previous": None}
    state = read_state(store.db.conn)
    try:
        manifest = open_version(store.path.parent, state.version).manifest
        description = manifest.get("description") or ""
    except ContentError as exc:
        description = f"unreadable: {exc}"
    if not description and state.version == 0:
        description = "default content"
    return {
        "version": state.version,
        "description": description,
        "applied_at": state.applied_at,
        "previous": state.previous,
    }


def dataset_health(status: DatasetStatus, now: float) -> DatasetHealth:
    reference = status.measured_at or status.fetched_at
    age = None if reference is None else max(0.0, now - reference)
    return DatasetHealth(
        dataset=status.dataset,
        has_data=status.has_data,
        sample=status.sample,
        stale=age is not None and age > dataset_info(status.dataset).stale_after_s,
        age_s=age,
        row_count=status.row_count,
        source=status.source,
        last_success_at=status.last_success_at,
        last_error=status.last_error,
        last_error_at=status.last_error_at,
        next_fetch_at=status.next_fetch_at,
    )


def is_alive(runtime: Runtime, now: float) -> bool:
    """The process that wrote ``runtime`` is still there (not a reused pid) and beating."""
    if now - runtime.heartbeat_at > RUNTIME_STALE_S:
        return False
    try:
        return abs(psutil.Process(runtime.pid).create_time() - runtime.started_at) < 2.0
    except psutil.Error:
        return False


def process_rss_mb(pid: int) -> float | None:
    """Resident memory of a process and all its children, in MiB."""
    try:
        process = psutil.Process(pid)
        processes = [process, *process.children(recursive=True)]
        total = 0
        for each in processes:
            try:
                total += each.memory_info().rss
            except psutil.Error:
                continue  # a helper process that just ended
        return total / MB
    except psutil.Error:
        return None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def build_report(
    config: KioskConfig,
    store: CacheStore | None,
    runtime: Runtime | None,
    *,
    now: float | None = None,
    live: bool = False,
    store_error: str | None = None,
) -> HealthReport:
    """The whole report. ``live`` when the kiosk itself builds it (it is running by definition);
    ``store`` is None when the cache cannot be opened (``store_error`` says why)."""
    now = time.time() if now is None else now
    settings = HealthSettings.from_config(config)
    running = runtime is not None and (live or is_alive(runtime, now))
    memory = psutil.virtual_memory()
    disk_path = _existing_parent(config.data_dir)
    disk = shutil.disk_usage(disk_path)
    datasets = tuple(dataset_health(status, now) for status in store.statuses()) if store else ()
    statuses = _statuses(runtime.statuses if runtime and running else ())
    report = HealthReport(
        generated_at=now,
        app_version=__version__,
        qt_version=_version("pyside6"),
        python_version=platform.python_version(),
        content=content_info(store),
        running=running,
        runtime=runtime,
        rss_mb=process_rss_mb(runtime.pid) if runtime and running else None,
        memory_total_mb=memory.total / MB,
        memory_available_mb=memory.available / MB,
        system_uptime_s=now - psutil.boot_time(),
        disk_path=str(disk_path),
        disk_total_mb=disk.total / MB,
        disk_free_mb=disk.free / MB,
        datasets=datasets,
        statuses=statuses,
        problems=(),
    )
    problems = find_problems(report, settings, store_error)
    return HealthReport(**{**report.__dict__, "problems": tuple(problems)})


def _existing_parent(path: Path) -> Path:
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _statuses(reported: Sequence[StatusLine]) -> tuple[StatusLine, ...]:
    """Every reported status, with the device keys nobody reported marked as such."""
    keys = {status.key for status in reported}
    missing = tuple(
        StatusLine(key, None, tr_every("health.not_reported"))
        for key in DEVICE_KEYS
        if key not in keys
    )
    return tuple(reported) + missing


def _problem(code: str, key: str, **values: Any) -> Problem:
    return Problem(code, tr_every(key, **values))


def find_problems(
    report: HealthReport, settings: HealthSettings, store_error: str | None = None
) -> list[Problem]:
    """Everything staff should act on, most basic first."""
    problems: list[Problem] = []
    now = report.generated_at
    if not report.running:
        last = report.runtime.heartbeat_at if report.runtime else None
        problems.append(
            Problem(
                "kiosk_not_running",
                {
                    lang: tr("health.p.not_running", lang, when=when_text(last, lang, now))
                    for lang in LANGUAGES
                },
            )
        )
    if store_error:
        problems.append(_problem("cache_unreadable", "health.p.cache", error=store_error))
    if report.runtime and report.running:
        presence = report.runtime.presence
        since = presence.last_touch_at or report.runtime.started_at
        if (
            presence.visits_since_touch >= settings.dead_touch_visits
            and now - since >= settings.dead_touch_after_s
        ):
            problems.append(
                _problem(
                    "dead_touch",
                    "health.p.dead_touch",
                    visits=presence.visits_since_touch,
                    hours=round((now - since) / 3600, 1),
                )
            )
    for status in report.statuses:
        if status.ok is False:
            problems.append(
                Problem(
                    f"status:{status.key}",
                    {lang: f"{status.key}: {status.text_in(lang)}" for lang in LANGUAGES},
                )
            )
    for data in report.datasets:
        if not data.has_data:
            problems.append(
                _problem(f"no_data:{data.dataset}", "health.p.no_data", id=data.dataset)
            )
        elif data.stale:
            problems.append(_problem(f"stale:{data.dataset}", "health.p.stale", id=data.dataset))
    if report.disk_free_mb < settings.disk_min_free_mb:
        problems.append(
            _problem(
                "disk_low", "health.p.disk", free=round(report.disk_free_mb), path=report.disk_path
            )
        )
    available = 100 * report.memory_available_mb / max(report.memory_total_mb, 1)
    if available < settings.memory_min_available_percent:
        problems.append(_problem("memory_low", "health.p.memory", percent=round(available)))
    return problems


def when_text(epoch: float | None, lang: str, now: float) -> str:
    if epoch is None:
        return tr("health.never", lang)
    return f"{format_time(epoch, lang, now)} ({format_age(now - epoch, lang)})"


def report_for_data_dir(config: KioskConfig) -> HealthReport:
    """The report as ``main.py status`` makes it: from the files a running kiosk keeps."""
    runtime = read_runtime(config.data_dir)
    cache = Path(config.data_dir) / CACHE_FILENAME
    store = None
    error = None
    if cache.exists():
        try:
            store = CacheStore(cache)
        except Exception as exc:  # a corrupt cache is a finding, not a crash of the report
            error = str(exc)
    else:
        error = tr("health.no_cache", "en", path=str(cache))
    try:
        return build_report(config, store, runtime, store_error=error)
    finally:
        if store is not None:
            store.close()
