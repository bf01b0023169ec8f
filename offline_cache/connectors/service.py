"""Background refresh inside the running kiosk: a service for ``kiosk/shell/services.py``.

Fetches run on their own thread; after each dataset is stored the pages reading it are asked
to re-render (``DataUpdated``), and the status strip / health report get a one-line summary.
Without any API key the kiosk simply shows its cache, and says so."""

from __future__ import annotations

import threading
from typing import Protocol

from kiosk.config import ConfigError, KioskConfig
from kiosk.intents import DataUpdated, IntentSink
from offline_cache.connectors.redact import install_log_redaction
from offline_cache.connectors.refresher import Outcome, RefreshThread, plan
from offline_cache.connectors.settings import LiveSettings

STATUS_KEY = "live_data"
NO_KEY = "no API key: showing cached data"


class ServiceContext(Protocol):
    """The part of the shell's context this service uses (see DEVELOPERS.md)."""

    config: KioskConfig
    sink: IntentSink

    def set_status(self, key: str, ok: bool, text: str) -> None: ...


class LiveDataService:
    """Runs the refresh thread and reports each fetch to the shell."""

    def __init__(self, context: ServiceContext, settings: LiveSettings):
        self.context = context
        active, self.skipped = plan(settings)
        self.latest: dict[str, Outcome] = {}
        self._lock = threading.Lock()
        self.thread = RefreshThread(context.config.data_dir, settings, self._on_outcome)
        notes = f"; not fetched: {', '.join(self.skipped)}" if self.skipped else ""
        context.set_status(STATUS_KEY, True, f"live data: fetching {len(active)} datasets{notes}")

    def _on_outcome(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.context.sink(DataUpdated((outcome.dataset,)))
        with self._lock:
            self.latest[outcome.dataset] = outcome
            failed = [o for o in self.latest.values() if not o.ok]
            current = len(self.latest) - len(failed)
        text = f"live data: {current} of {len(self.latest)} datasets current"
        if failed:
            text += f"; {failed[0].summary()}"
        self.context.set_status(STATUS_KEY, not failed, text)

    def stop(self) -> None:
        self.thread.stop()


def start(context: ServiceContext) -> LiveDataService | None:
    """Start refreshing the cache, or report why not and return None."""
    try:
        settings = LiveSettings.from_config(context.config)
    except ConfigError as exc:
        context.set_status(STATUS_KEY, False, f"live data off: {exc}")
        return None
    if not settings.secrets():
        context.set_status(STATUS_KEY, False, NO_KEY)
        return None
    install_log_redaction()
    service = LiveDataService(context, settings)
    service.thread.start()
    return service
