"""Gesture control in the running kiosk (a service for ``SERVICE_MODULES``).

On by default in the mayor's office, off at stations (``[gestures] enabled``). The pipeline
runs on its own thread (``gestures.worker``) and sends CursorMove / Select / CursorRelease /
Next / Previous into the intent sink, so a gesture select is exactly a tap. This module shows
what the camera side is doing: the engage indicator in the bottom bar (how to start, the 3 s
count, engaged, no camera) and the cursor's press feedback."""

from __future__ import annotations

import logging
import math
from functools import partial

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from gestures.engagement import GestureStatus, Phase
from gestures.frames import CameraSource
from gestures.worker import CAMERA_PROBLEM, GestureSettings, GestureWorker, WorkerEvents
from kiosk.config import ConfigError
from kiosk.i18n import tr, tr_every
from kiosk.router import NavState
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.indicator import StatusIndicator
from kiosk.shell.services import ShellContext
from kiosk.shell.theme import PALETTE, Scale

log = logging.getLogger(__name__)
STATUS_KEY = "gestures"


class GestureIndicator(StatusIndicator):
    """Bottom-bar indicator: a hand icon (a ring fills while the hand is held up) and a line
    saying what to do now."""

    def __init__(self, scale: Scale):
        super().__init__("GestureIndicator", scale, icon_px=56)
        self.state = "idle"

    def show_state(self, state: str, lang: str, progress: float = 0.0, seconds: int = 0) -> None:
        """state: idle, engaging, engaged, hand_lost, no_camera or no_model; ``seconds``: of
        the raise (idle) or left of it (engaging)."""
        self.state = state
        backgrounds = {
            "engaging": PALETTE.accent,
            "engaged": PALETTE.ok,
            "hand_lost": PALETTE.warning,
        }
        active = state in backgrounds
        # the accent's text colour reads on every active pill (black on the high-contrast ones)
        foreground = PALETTE.accent_text if active else PALETTE.muted
        icon = self._icon(foreground, progress if state == "engaging" else 0.0)
        text = tr(f"gesture.{state}", lang, n=seconds)
        self.paint(text, icon, backgrounds.get(state, "transparent"), foreground, active)

    def _icon(self, color: str, progress: float) -> QPixmap:
        size = self.icon_size
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = size // 5
        painter.drawPixmap(inset, inset, icon_pixmap("hand-stop", size - 2 * inset, color))
        if progress > 0:
            width = max(3, size // 12)
            painter.setPen(QPen(QColor(color), width))
            ring = QRectF(width, width, size - 2 * width, size - 2 * width)
            painter.drawArc(ring, 90 * 16, -round(progress * 360 * 16))
        painter.end()
        return pixmap


class GestureService(QObject):
    _status = Signal(object)
    _device = Signal(str, bool, str)
    _people = Signal(int)

    def __init__(self, context: ShellContext, settings):
        super().__init__()
        self.context = context
        window = context.window
        self.cursor = window.cursor_overlay
        self.indicator = GestureIndicator(window.context.scale)
        self.engage_s = settings.engagement.engage_s
        window.status_strip.layout().insertWidget(0, self.indicator)
        self.lang = context.config.default_language
        self.gesture = GestureStatus()
        self.device_problem: str | None = None
        self._status.connect(self._on_gesture_status)
        self._device.connect(self._on_device)
        self._people.connect(context.report_people)
        context.subscribe(self._on_routed)
        self._render()
        self.worker = GestureWorker(
            partial(CameraSource(settings.camera).frames),
            context.sink,
            settings,
            WorkerEvents(self._status.emit, self._device.emit, self._people.emit),
        )

    def _on_gesture_status(self, status) -> None:
        self.gesture = status
        if self.cursor.isVisible():
            self.cursor.set_feedback(status.progress, status.hand_visible, status.selected)
        self._render()

    def _on_device(self, kind: str, ok: bool, message: str) -> None:
        if kind == CAMERA_PROBLEM:
            self.context.set_status(
                "camera",
                ok,
                message if ok else tr_every("face.status.camera", error=message),
            )
            self.device_problem = None if ok else "no_camera"
        elif ok:
            self.context.set_status(STATUS_KEY, True, message)
        else:
            self.device_problem = "no_model"
            self.context.set_status(
                STATUS_KEY,
                False,
                tr_every("gesture.status.model", error=message),
            )
        self._render()

    def _on_routed(self, state: NavState, effects) -> None:
        if state.lang != self.lang:
            self.lang = state.lang
            self._render()

    def _render(self) -> None:
        status = self.gesture
        if self.device_problem is not None:
            state = self.device_problem
        elif status.phase is Phase.ENGAGED:
            state = "engaged" if status.hand_visible else "hand_lost"
        else:
            state = status.phase.value
        seconds = self.engage_s
        if state == "engaging":
            seconds = math.ceil((1.0 - status.progress) * self.engage_s)
        self.indicator.show_state(state, self.lang, status.progress, round(seconds))

    def stop(self) -> None:
        self.worker.stop()


def start(context: ShellContext) -> GestureService | None:
    """Gesture control where ``[gestures] enabled`` (default: the mayor role only)."""
    try:
        settings = GestureSettings.from_config(
            context.config.section("gestures"), context.config.role
        )
    except ConfigError as exc:
        context.set_status(
            STATUS_KEY,
            False,
            tr_every("gesture.status.config", error=exc),
        )
        return None
    if not settings.enabled:
        return None
    log.info("gestures: camera %s, mirrored=%s", settings.camera, settings.mirrored)
    return GestureService(context, settings)
