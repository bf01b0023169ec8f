"""Run the connectors on a schedule and store what they return; record every failure.

``Refresher`` is the synchronous core (driven directly by tests with a fake clock, and by
``main.py fetch --once``); ``RefreshThread`` runs it off the UI thread inside the kiosk. A
failed fetch never touches the data: the last good version stays, its status says why."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from offline_cache.connectors.fetchers import CONNECTORS, FetchContext, describe_error
from offline_cache.connectors.http import FetchError, HttpSource
from offline_cache.connectors.redact import redact, register_secrets
from offline_cache.connectors.settings import LiveSettings
from offline_cache.parsers import ParseError
from offline_cache.startup import open_cache
from offline_cache.store import CacheStore, Clock

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE_S = 30.0  # doubles with each failure in a row, up to the dataset's interval


@dataclass(frozen=True)
class Outcome:
    """What one fetch of one dataset did."""

    dataset: str
    ok: bool
    rows: int = 0
    error: str = ""  # why nothing was stored (ok is False)
    warning: str = ""  # stored, but part of the fetch failed
    duration_s: float = 0.0
    next_at: float | None = None

    def summary(self) -> str:
        if not self.ok:
            return f"{self.dataset}: failed, keeping the last good data: {self.error}"
        text = f"{self.dataset}: {self.rows} rows stored"
        return f"{text} (partly failed: {self.warning})" if self.warning else text


def plan(
    settings: LiveSettings, datasets: Iterable[str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """The datasets to fetch, and why each of the others is not fetched.

    ``datasets`` names some explicitly; then even those whose interval is 0 are fetched."""
    active: list[str] = []
    skipped: dict[str, str] = {}
    for dataset in CONNECTORS if datasets is None else datasets:
        endpoint = settings.endpoints[CONNECTORS[dataset].endpoint]
        if not endpoint.key:
            skipped[dataset] = f"no API key ({endpoint.key_hint})"
        elif datasets is None and settings.intervals_s[dataset] <= 0:
            skipped[dataset] = f"turned off ([refresh] {dataset} = 0)"
        else:
            active.append(dataset)
    return active, skipped


class Refresher:
    """Fetches the live datasets into one store; use from one thread."""

    def __init__(
        self,
        store: CacheStore,
        settings: LiveSettings,
        *,
        datasets: Iterable[str] | None = None,
        clock: Clock | None = None,
        sleep: Callable[[float], object] = time.sleep,
        scheduled: bool = True,
    ):
        """``datasets`` limits the refresh to some (then even ones whose interval is 0 run);
        ``scheduled=False`` (a one-off fetch) records no next fetch time."""
        self.store = store
        self.scheduled = scheduled
        self.settings = settings
        self.clock = clock or store.clock
        register_secrets(settings.secrets())
        self.sources = {
            name: HttpSource(endpoint, settings, clock=self.clock, sleep=sleep)
            for name, endpoint in settings.endpoints.items()
            if endpoint.key
        }
        active, self.skipped = plan(settings, datasets)
        self.failures: dict[str, int] = {}
        self.next_at = {dataset: self._first_due(dataset) for dataset in active}

    @property
    def active(self) -> list[str]:
        return list(self.next_at)

    def close(self) -> None:
        for source in self.sources.values():
            source.close()

    def _first_due(self, dataset: str) -> float:
        """Now, unless live data fetched less than an interval ago is already cached."""
        now = self.clock()
        status = self.store.status(dataset)
        if status.sample or status.last_success_at is None:
            return now
        interval = self.settings.intervals_s[dataset]
        return min(max(now, status.last_success_at + interval), now + interval)

    def fetch(self, dataset: str) -> Outcome:
        """Fetch one dataset now, store it or record the error, and schedule the next fetch."""
        started = time.monotonic()
        context = FetchContext(
            self.settings, self.sources, self.clock, previous=self.store.snapshot
        )
        try:
            result = CONNECTORS[dataset].fetch(context)
            self.store.replace(result.updates)
            warning = redact(result.warning)
            if warning:
                self.store.record_error(dataset, warning)
        except (FetchError, ParseError) as exc:
            return self._failed(dataset, describe_error(exc), started)
        except sqlite3.Error as exc:
            return self._failed(dataset, f"could not store the new data: {exc}", started)
        except Exception as exc:  # a connector bug must not stop the other datasets
            log.exception("%s: unexpected error in the connector", dataset)
            return self._failed(dataset, f"internal error: {type(exc).__name__}: {exc}", started)
        self.failures[dataset] = 0
        rows = sum(len(update.rows) for update in result.updates)
        next_at = self._schedule(dataset, self.settings.intervals_s[dataset])
        duration = time.monotonic() - started
        outcome = Outcome(
            dataset, True, rows, warning=warning, duration_s=duration, next_at=next_at
        )
        log.log(logging.WARNING if warning else logging.INFO, "%s", outcome.summary())
        return outcome

    def _failed(self, dataset: str, error: str, started: float) -> Outcome:
        error = redact(error)
        self.failures[dataset] = self.failures.get(dataset, 0) + 1
        interval = self.settings.intervals_s[dataset] or RETRY_AFTER_FAILURE_S
        pause = RETRY_AFTER_FAILURE_S * 2 ** (self.failures[dataset] - 1)
        try:
            self.store.record_error(dataset, error)
        except sqlite3.Error as exc:
            log.error("%s: could not record the error in the cache: %s", dataset, exc)
        next_at = self._schedule(dataset, min(interval, pause))
        outcome = Outcome(
            dataset, False, error=error, duration_s=time.monotonic() - started, next_at=next_at
        )
        log.warning("%s", outcome.summary())
        return outcome

    def _schedule(self, dataset: str, delay_s: float) -> float | None:
        if not self.scheduled or dataset not in self.next_at:
            return None
        when = self.clock() + delay_s
        self.next_at[dataset] = when
        try:
            self.store.set_next_fetch(dataset, when)
        except sqlite3.Error as exc:
            log.error("%s: could not record the next fetch time: %s", dataset, exc)
        return when

    def run_once(self) -> list[Outcome]:
        """Fetch every active dataset once, in order."""
        return [self.fetch(dataset) for dataset in self.active]

    def run_due(self, stop: Callable[[], bool] = lambda: False) -> list[Outcome]:
        """Fetch the datasets whose time has come, most overdue first."""
        now = self.clock()
        due = sorted((when, dataset) for dataset, when in self.next_at.items() if when <= now)
        outcomes = []
        for _, dataset in due:
            if stop():
                break
            outcomes.append(self.fetch(dataset))
        return outcomes

    def next_due_at(self) -> float | None:
        return min(self.next_at.values(), default=None)


class RefreshThread(threading.Thread):
    """The refresher on its own thread (with its own cache connection), until ``stop()``."""

    def __init__(
        self,
        data_dir: Path,
        settings: LiveSettings,
        on_outcome: Callable[[Outcome], None],
        *,
        datasets: Iterable[str] | None = None,
    ):
        super().__init__(name="live-data-refresh", daemon=True)
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.on_outcome = on_outcome
        self.datasets = None if datasets is None else list(datasets)
        self._stopping = threading.Event()

    def run(self) -> None:
        try:
            store = open_cache(self.data_dir)
            refresher = Refresher(
                store, self.settings, datasets=self.datasets, sleep=self._stopping.wait
            )
        except Exception:
            log.exception("live data refresh could not start")
            return
        try:
            while not self._stopping.is_set():
                for outcome in refresher.run_due(stop=self._stopping.is_set):
                    self._report(outcome)
                due = refresher.next_due_at()
                if due is None:
                    break
                self._stopping.wait(max(0.0, due - refresher.clock()))
        except Exception:
            log.exception("live data refresh stopped by an unexpected error")
        finally:
            refresher.close()
            store.close()

    def _report(self, outcome: Outcome) -> None:
        try:
            self.on_outcome(outcome)
        except Exception:
            log.exception("live data: reporting %s failed", outcome.dataset)

    def stop(self, timeout_s: float = 2.0) -> None:
        """Stop after the request in flight (bounded by the timeout); waits ``timeout_s``."""
        self._stopping.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout_s)
