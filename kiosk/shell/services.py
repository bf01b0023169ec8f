"""Background services (voice, gestures, face lock, data refresh, bundle polling) plug in here.

A service module has ``start(context: ShellContext) -> Service | None``. The shell knows
services only through ``SERVICE_MODULES``; a service that fails to start is reported in the
status strip and the kiosk runs on without it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.config import KioskConfig
from kiosk.health import StatusLine  # one line of the status strip and the health report
from kiosk.intents import IntentSink
from kiosk.presence import PresenceTracker
from kiosk.registry import Registry
from kiosk.router import Effect, NavState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# Listed in start order. Each entry is a module path with a start(context) function.
SERVICE_MODULES: tuple[str, ...] = (
    "offline_cache.connectors.service",
    "offline_cache.bundles.service",
    "kiosk.shell.face_lock",  # mayor role only
    "kiosk.shell.gesture_control",  # by default the mayor role only
    "kiosk.shell.voice_control",  # by default the mayor role only
)

StateListener = Callable[[NavState, tuple[Effect, ...]], None]


class Service(Protocol):
    def stop(self) -> None: ...


class StatusBoard(QObject):
    """Thread-safe statuses of devices and services; emits ``changed`` on the GUI thread."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._statuses: dict[str, StatusLine] = {}

    def set(self, key: str, ok: bool, text: Mapping[str, str] | str) -> None:
        texts = {"ko": text, "en": text} if isinstance(text, str) else dict(text)
        with self._lock:
            self._statuses[key] = StatusLine(key, ok, texts)
        self.changed.emit()

    def all(self) -> list[StatusLine]:
        with self._lock:
            return list(self._statuses.values())


class ShellContext:
    """What a service may use: config, registry, the intent sink, statuses, routed effects."""

    def __init__(
        self,
        config: KioskConfig,
        registry: Registry,
        sink: IntentSink,
        status: StatusBoard,
        window: QWidget,
        subscribe: Callable[[StateListener], None],
        presence: PresenceTracker | None = None,
    ):
        self.config = config
        self.registry = registry
        self.sink = sink  # callable from any thread; intents reach the router on the GUI thread
        self.window = window
        self._status = status
        self._subscribe = subscribe
        self._presence = presence

    def set_status(self, key: str, ok: bool, text: Mapping[str, str] | str) -> None:
        """Report a device or service state (thread-safe), e.g. ("microphone", False, {...})."""
        self._status.set(key, ok, text)

    def report_people(self, count: int) -> None:
        """How many people a camera sees in front of the screen now (thread-safe; call on
        every processed frame or on every change). Feeds the dead-touch-screen warning."""
        if self._presence is not None:
            self._presence.people(count)

    def subscribe(self, listener: StateListener) -> None:
        """Call ``listener(state, effects)`` on the GUI thread after every routed intent."""
        self._subscribe(listener)


def start_services(
    context: ShellContext, modules: tuple[str, ...] = SERVICE_MODULES
) -> list[Service]:
    """Start every listed service; a failing one is logged and reported, never fatal."""
    started: list[Service] = []
    for name in modules:
        try:
            service = import_module(name).start(context)
        except Exception as exc:  # a broken service must not take the kiosk down
            log.exception("service %s failed to start; continuing without it", name)
            context.set_status(name, False, f"{name}: {exc.__class__.__name__}")
            continue
        if service is not None:
            started.append(service)
    return started


def stop_services(services: list[Service]) -> None:
    for service in reversed(services):
        try:
            service.stop()
        except Exception:
            log.exception("service %r failed to stop cleanly", service)
