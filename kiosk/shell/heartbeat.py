"""The running kiosk's side of the health report: records touches and rewrites
``runtime.json`` (statuses, last touch, people in view, start time) every few seconds, so
``main.py status`` in a terminal reports exactly what the staff screen shows."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable

import psutil
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.health import HEARTBEAT_S, Runtime, write_runtime
from kiosk.presence import PresenceTracker
from kiosk.shell.input_filters import install_input_filter, remove_input_filter
from kiosk.shell.services import StatusBoard

log = logging.getLogger(__name__)

TOUCH_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


class Heartbeat(QObject):
    def __init__(
        self,
        data_dir: os.PathLike[str],
        status: StatusBoard,
        presence: PresenceTracker,
        kiosk_mode: bool,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.data_dir = data_dir
        self.status = status
        self.presence = presence
        self.kiosk_mode = kiosk_mode
        self.clock = clock
        self.started_at = psutil.Process().create_time()
        self._write_failed = False
        self.timer = QTimer(self, interval=int(HEARTBEAT_S * 1000))
        self.timer.timeout.connect(self.write)
        window = parent.window() if isinstance(parent, QWidget) else None
        install_input_filter(self, window)  # the window, or every top-level widget there is

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS:
            self.presence.touched()
        return False

    def runtime(self) -> Runtime:
        return Runtime(
            pid=os.getpid(),
            started_at=self.started_at,
            heartbeat_at=self.clock(),
            kiosk_mode=self.kiosk_mode,
            presence=self.presence.summary(),
            statuses=tuple(self.status.all()),
        )

    def start(self) -> None:
        self.write()
        self.timer.start()

    def write(self) -> None:
        """Rewrite runtime.json; a full or read-only disk is logged once, never fatal."""
        try:
            write_runtime(self.data_dir, self.runtime())
        except OSError as exc:
            if not self._write_failed:
                log.error("cannot write the health heartbeat in %s: %s", self.data_dir, exc)
            self._write_failed = True
        else:
            self._write_failed = False

    def stop(self) -> None:
        self.timer.stop()
        remove_input_filter(self)
