"""Background refresh inside the running kiosk: a service for ``kiosk/shell/services.py``.

Fetches run on their own thread; after each dataset is stored the pages reading it are asked
to re-render (``DataUpdated``), and the status strip / health report get a one-line summary.
Without any API key the kiosk simply shows its cache, and says so."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Protocol

from kiosk.config import ConfigError, KioskConfig
from kiosk.i18n import LANGUAGES, tr, tr_every
from kiosk.intents import DataUpdated, IntentSink
from offline_cache.connectors.redact import install_log_redaction
from offline_cache.connectors.refresher import Outcome, RefreshThread, plan
from offline_cache.connectors.settings import LiveSettings

STATUS_KEY = "live_data"
SHOWN_ERROR_CHARS = 90  # the status strip is one line; the full text is in the cache status


class ServiceContext(Protocol):
    """The part of the shell's context this service uses (see DEVELOPERS.md)."""

    config: KioskConfig
    sink: IntentSink

    def set_status(self, key: str, ok: bool, text: Mapping[str, str] | str) -> None: ...


class LiveDataService:
    """Runs the refresh thread and reports each fetch to the shell."""

    def __init__(self, context: ServiceContext, settings: LiveSettings):
        self.context = context
        active, self.skipped = plan(settings)
        self.latest: dict[str, Outcome] = {}
        self._lock = threading.Lock()
        self.thread = RefreshThread(context.config.data_dir, settings, self._on_outcome)
        skipped = ", ".join(self.skipped)
        notes = tr_every("live.status.skipped", names=skipped) if self.skipped else {}
        context.set_status(
            STATUS_KEY,
            True,
            {
                lang: tr("live.status.fetching", lang, n=len(active), notes=notes.get(lang, ""))
                for lang in LANGUAGES
            },
        )

    def _on_outcome(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.context.sink(DataUpdated((outcome.dataset,)))
        with self._lock:
            self.latest[outcome.dataset] = outcome
            failed = [o for o in self.latest.values() if not o.ok]
            total = len(self.latest)
        if not failed:
            text = tr_every("live.status.current", n=total)
        else:
            first = failed[0]
            error = first.error
            if len(error) > SHOWN_ERROR_CHARS:
                error = error[: SHOWN_ERROR_CHARS - 1] + "…"
            text = tr_every(
                "live.status.failing",
                n=len(failed),
                total=total,
                dataset=first.dataset,
                error=error,
            )
        self.context.set_status(STATUS_KEY, not failed, text)

    def stop(self) -> None:
        self.thread.stop()


def start(context: ServiceContext) -> LiveDataService | None:
    """Start refreshing the cache, or report why not and return None."""
    try:
        settings = LiveSettings.from_config(context.config)
    except ConfigError as exc:
        context.set_status(STATUS_KEY, False, tr_every("live.status.off", error=exc))
        return None
    if not settings.secrets():
        context.set_status(STATUS_KEY, False, tr_every("live.status.no_key"))
        return None
    install_log_redaction()
    service = LiveDataService(context, settings)
    service.thread.start()
    return service
