"""Kiosk mode: nothing a visitor does leaves the app.

The session has no window manager (packaging/session), so nothing outside the app reacts to
Alt+Tab, Alt+F4 or edge swipes; the X server ignores Ctrl+Alt+Backspace and Ctrl+Alt+Fn.
Inside the app this filter swallows every key chord and system key before any widget or
shortcut sees it, every context menu, and every attempt to close, minimise or leave full
screen. Plain keys (arrows, Tab, Enter, Space, digits) still work for switch-access devices.
``--windowed`` (development) is not locked."""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.shell.input_filters import install_input_filter, remove_input_filter

log = logging.getLogger(__name__)

CHORD_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
BLOCKED_KEYS = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_Menu,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Close,
        Qt.Key.Key_Back,
        Qt.Key.Key_Forward,
        Qt.Key.Key_HomePage,
        Qt.Key.Key_Search,
        Qt.Key.Key_Launch0,
        Qt.Key.Key_Explorer,
        Qt.Key.Key_LaunchMail,
        Qt.Key.Key_PowerOff,
        Qt.Key.Key_Sleep,
        Qt.Key.Key_Suspend,
        Qt.Key.Key_Hibernate,
        Qt.Key.Key_LogOff,
        Qt.Key.Key_Standby,
        Qt.Key.Key_Print,
        Qt.Key.Key_SysReq,
    }
)
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
FUNCTION_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)


DEBUGGING_FLAGS = ("--remote-debugging-port", "--remote-debugging-pipe", "--auto-open-devtools")


def strip_web_debugging(environ: MutableMapping[str, str] = os.environ) -> None:
    """No remote developer tools for web views in kiosk mode (set before Qt starts)."""
    environ.pop("QTWEBENGINE_REMOTE_DEBUGGING", None)
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    kept = [flag for flag in flags if not flag.startswith(DEBUGGING_FLAGS)]
    if kept != flags:
        environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(kept)


def is_escape_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """A key or chord that could close, switch or leave the app (or open tools)."""
    if modifiers & CHORD_MODIFIERS:
        return True
    key_value = key.value if isinstance(key, Qt.Key) else int(key)
    return key_value in FUNCTION_KEYS or any(key_value == k.value for k in BLOCKED_KEYS)


class Lockdown(QObject):
    """Filter for the kiosk window and every widget in it; install once, in kiosk mode only."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.allow_close = False  # set by the app itself when it really exits
        self.blocked = 0  # events swallowed, for tests and the log
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)
        install_input_filter(self, window)
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._restore = QTimer(self, singleShot=True, interval=0)
        self._restore.timeout.connect(self.restore_full_screen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in KEY_EVENTS and isinstance(event, QKeyEvent):
            if is_escape_key(event.key(), event.modifiers()):
                # An accepted ShortcutOverride tells Qt the key is taken: no shortcut fires.
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    log.info("kiosk mode: ignored key %s", event.keyCombination().toCombined())
                self.blocked += 1
                return True
        elif kind == QEvent.Type.ContextMenu:
            self.blocked += 1
            return True
        elif watched is self.window:
            if kind == QEvent.Type.Close and not self.allow_close:
                event.ignore()
                self.blocked += 1
                return True
            if kind in (QEvent.Type.WindowStateChange, QEvent.Type.Hide):
                self._restore.start()  # after Qt has finished applying the change
            if kind == QEvent.Type.WindowDeactivate and not (
                QApplication.activePopupWidget() or QApplication.activeModalWidget()
            ):
                self._restore.start()
        return False

    def restore_full_screen(self) -> None:
        """Back to full screen, shown and in front, whatever tried to change that."""
        if self.allow_close:
            return
        window = self.window
        if not window.isFullScreen() or window.isMinimized() or not window.isVisible():
            self.window.setWindowState(Qt.WindowState.WindowFullScreen)
            self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()

    def release(self) -> None:
        """The app is exiting on purpose: let the window close."""
        self.allow_close = True
        remove_input_filter(self)
