"""Content bundles inside the running kiosk: a service for ``kiosk/shell/services.py``.

One thread, no Qt, no listening socket: at start it cleans up after an interrupted apply;
then it polls the configured origins on the interval and watches the content pointer, so
pages re-render (``DataUpdated``) whether the new version came from the poller or from a
staff command (``bundle apply``/``rollback``) run on the kiosk."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from kiosk.config import ConfigError, KioskConfig
from kiosk.i18n import LANGUAGES, tr, tr_every
from kiosk.intents import DataUpdated, IntentSink
from offline_cache.bundles.install import recover_content
from offline_cache.bundles.manifest import BundleError
from offline_cache.bundles.poller import BundlePoller, PollOutcome
from offline_cache.bundles.settings import BundleSettings, bundle_settings
from offline_cache.content import CONTENT_DATASET, ContentState, read_state
from offline_cache.datasets import DATASETS
from offline_cache.parsers.envelope import KST
from offline_cache.startup import open_cache

log = logging.getLogger(__name__)

STATUS_KEY = "content"
WATCH_INTERVAL_S = 2.0  # how soon a staff command's new version reaches the screen
SHOWN_ERROR_CHARS = 90
EVERYTHING = (*DATASETS, CONTENT_DATASET)


class ServiceContext(Protocol):
    """The part of the shell's context this service uses (see DEVELOPERS.md)."""

    config: KioskConfig
    sink: IntentSink

    def set_status(self, key: str, ok: bool, text: Mapping[str, str] | str) -> None: ...


def version_text(version: int, lang: str) -> str:
    if version == 0:
        return tr("content.status.default", lang)
    return tr("content.status.version", lang, n=version)


def status_text(key: str, version: int, **values: object) -> dict[str, str]:
    """A status line naming the content version, in every interface language."""
    return {
        lang: tr(key, lang, content=version_text(version, lang), **values) for lang in LANGUAGES
    }


class BundleService:
    """Polls and watches on its own thread until ``stop``."""

    def __init__(self, context: ServiceContext, settings: BundleSettings):
        self.context = context
        self.settings = settings
        self._stopping = threading.Event()
        self._seen: ContentState | None = None
        self.thread = threading.Thread(target=self._run, name="bundle-poller", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self.thread.join(timeout=30)

    def _run(self) -> None:
        config = self.context.config
        try:
            self._seen = recover_content(config.data_dir)
        except (BundleError, OSError) as exc:
            log.error("content recovery at start failed: %s", exc)
        poller = BundlePoller(config, self.settings) if self.settings.origins else None
        self._report_idle(poller is None)
        next_poll = time.monotonic()
        try:
            while not self._stopping.is_set():
                if poller is not None and time.monotonic() >= next_poll:
                    self._report(self._poll(poller))
                    next_poll = time.monotonic() + self.settings.poll_interval_s * random.uniform(
                        0.9, 1.1
                    )  # spread a fleet's polls
                self._watch_pointer()
                self._stopping.wait(WATCH_INTERVAL_S)
        finally:
            if poller is not None:
                poller.close()

    def _poll(self, poller: BundlePoller) -> PollOutcome:
        try:
            return poller.poll_once()
        except Exception as exc:  # never let one bad poll end polling
            log.exception("bundle poll failed")
            return PollOutcome(False, f"{exc.__class__.__name__}: {exc}")

    def _watch_pointer(self) -> None:
        store = open_cache(self.context.config.data_dir)
        try:
            state = read_state(store.db.conn)
        finally:
            store.close()
        if self._seen is not None and state != self._seen:
            log.info("content version %d is now on screen", state.version)
            self.context.sink(DataUpdated(EVERYTHING))
        self._seen = state

    def _report_idle(self, no_origins: bool) -> None:
        version = self._seen.version if self._seen else 0
        if no_origins:
            text = status_text("content.status.no_origin", version)
        else:
            text = {lang: version_text(version, lang) for lang in LANGUAGES}
        self.context.set_status(STATUS_KEY, True, text)

    def _report(self, outcome: PollOutcome) -> None:
        if outcome.ok:
            when = datetime.now(KST).strftime("%H:%M")
            text = status_text("content.status.checked", outcome.version, when=when)
            self.context.set_status(STATUS_KEY, True, text)
            return
        error = outcome.message
        if len(error) > SHOWN_ERROR_CHARS:
            error = error[: SHOWN_ERROR_CHARS - 1] + "…"
        text = status_text("content.status.failed", outcome.version, error=error)
        self.context.set_status(STATUS_KEY, False, text)


def start(context: ServiceContext) -> BundleService | None:
    """Start polling and watching, or report a bad ``[bundles]`` table and return None."""
    try:
        settings = bundle_settings(context.config)
    except ConfigError as exc:
        context.set_status(STATUS_KEY, False, tr_every("content.status.off", error=exc))
        return None
    if settings.origins and not settings.public_keys:
        context.set_status(STATUS_KEY, False, tr_every("content.status.no_keys"))
        return None
    service = BundleService(context, settings)
    service.start()
    return service
