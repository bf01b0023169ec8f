"""Idle handling: a countdown after N seconds without input, then a clean home and the
attract loop that rotates pages until someone touches the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.config import IdleSettings
from kiosk.i18n import tr
from kiosk.intents import AttractStep, IdleTimeout, IntentSink


class IdleOverlay(QWidget):
    """The full-screen countdown; a tap anywhere (or the big button) keeps the session."""

    stay = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent, objectName="IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.button = QPushButton(objectName="StayButton")
        self.button.clicked.connect(self.stay)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def show_count(self, seconds: int, lang: str) -> None:
        self.message.setText(tr("idle.countdown", lang, n=seconds))
        self.button.setText(tr("idle.stay", lang))
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def mousePressEvent(self, event) -> None:
        self.stay.emit()


class IdleController(QObject):
    """Timers only; what an idle reset means is the router's business (IdleTimeout)."""

    countdown_tick = Signal(int)  # seconds left; 0 hides the countdown

    def __init__(
        self, settings: IdleSettings, sink: IntentSink, session_is_clean: Callable[[], bool]
    ):
        super().__init__()
        self.settings = settings
        self.sink = sink
        self.session_is_clean = session_is_clean
        self.remaining = 0
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._attract = QTimer(self, interval=max(1, int(settings.attract_interval_s * 1000)))
        self._attract.timeout.connect(lambda: self.sink(AttractStep()))

    @property
    def enabled(self) -> bool:
        return self.settings.timeout_s > 0

    @property
    def counting_down(self) -> bool:
        return self._tick.isActive()

    @property
    def attracting(self) -> bool:
        return self._attract.isActive()

    def activity(self) -> None:
        """Someone is here: stop the countdown and the attract loop, restart the idle timer."""
        if not self.enabled:
            return
        self._attract.stop()
        if self._tick.isActive():
            self._tick.stop()
            self.countdown_tick.emit(0)
        self._idle.start(int(self.settings.timeout_s * 1000))

    def _on_idle(self) -> None:
        if self.session_is_clean():
            self._attract.start()
            return
        self.remaining = int(self.settings.countdown_s)
        self.countdown_tick.emit(self.remaining)
        self._tick.start()

    def _on_tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.countdown_tick.emit(self.remaining)
            return
        self._tick.stop()
        self.countdown_tick.emit(0)
        self.sink(IdleTimeout())
        self._attract.start()
