"""Carries intents from any thread (voice, camera, fetch workers) to the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.intents import Intent


class IntentBridge(QObject):
    """``sink`` may be called from any thread; ``handler`` always runs on the GUI thread."""

    received = Signal(object)

    def __init__(self, handler) -> None:
        super().__init__()
        self.received.connect(handler, Qt.ConnectionType.QueuedConnection)

    def sink(self, intent: Intent) -> None:
        self.received.emit(intent)
