"""Kiosk mode: no key chord, context menu, close or state change leaves the app;
``--windowed`` (no Lockdown) behaves like a normal window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from kiosk.shell.lockdown import Lockdown, is_escape_key, strip_web_debugging

K, M = Qt.Key, Qt.KeyboardModifier
ESCAPES = [
    (K.Key_F4, M.AltModifier),  # Alt+F4
    (K.Key_Q, M.ControlModifier),  # Ctrl+Q
    (K.Key_W, M.ControlModifier),  # Ctrl+W
    (K.Key_Escape, M.NoModifier),
    (K.Key_Tab, M.AltModifier),  # Alt+Tab
    (K.Key_Backtab, M.AltModifier | M.ShiftModifier),
    (K.Key_F11, M.NoModifier),  # full screen toggle in many apps
    (K.Key_F12, M.NoModifier),  # developer tools in browsers
    (K.Key_I, M.ControlModifier | M.ShiftModifier),  # developer tools
    (K.Key_Backspace, M.ControlModifier | M.AltModifier),  # X server zap
    (K.Key_F1, M.ControlModifier | M.AltModifier),  # VT switch
    (K.Key_Delete, M.ControlModifier | M.AltModifier),
    (K.Key_Super_L, M.NoModifier),
    (K.Key_Menu, M.NoModifier),  # context menu key
    (K.Key_Space, M.AltModifier),  # window menu
    (K.Key_PowerOff, M.NoModifier),
]
PLAIN = [
    (K.Key_Left, M.NoModifier),
    (K.Key_Tab, M.NoModifier),
    (K.Key_Tab, M.ShiftModifier),
    (K.Key_Return, M.NoModifier),
    (K.Key_Space, M.NoModifier),
    (K.Key_5, M.NoModifier),
]


@pytest.mark.parametrize("key,modifiers", ESCAPES)
def test_escape_chords_are_recognised(key, modifiers):
    assert is_escape_key(key, modifiers)


@pytest.mark.parametrize("key,modifiers", PLAIN)
def test_plain_navigation_keys_stay_usable(key, modifiers):
    assert not is_escape_key(key, modifiers)


@pytest.fixture
def locked(make_window, qtbot):
    window = make_window()
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen)
    lockdown = Lockdown(window)
    yield window, lockdown
    lockdown.release()
    QApplication.instance().setQuitOnLastWindowClosed(True)


def test_key_chords_never_reach_the_app_or_its_shortcuts(locked, qtbot):
    window, lockdown = locked
    fired = []
    for sequence in ("Ctrl+Q", "Alt+F4", "Esc", "Ctrl+W", "F11"):
        QShortcut(QKeySequence(sequence), window, lambda s=sequence: fired.append(s))
    target = window.top_bar.language
    for key, modifiers in ESCAPES:
        qtbot.keyClick(target, key, modifiers)
    assert fired == []
    assert lockdown.blocked >= len(ESCAPES)
    assert window.isVisible() and window.isFullScreen()


def test_the_same_shortcuts_work_without_lockdown(make_window, qtbot):
    window = make_window()
    fired = []
    QShortcut(QKeySequence("Ctrl+Q"), window, lambda: fired.append("quit"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.top_bar.language, K.Key_Q, M.ControlModifier)
    assert fired == ["quit"]  # proves the locked test above would have seen it


def test_close_requests_are_refused(locked, qtbot):
    window, lockdown = locked
    assert not window.close()
    assert window.isVisible()
    lockdown.release()
    assert window.close()


def test_minimise_or_leaving_full_screen_comes_back(locked, qtbot):
    window, _ = locked
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized())
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen)
    window.hide()
    qtbot.waitUntil(window.isVisible)


def test_context_menus_never_open(locked, qtbot):
    window, lockdown = locked
    before = lockdown.blocked
    for widget in (window, window.home, window.top_bar.language):
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
        QApplication.sendEvent(widget, event)
    assert lockdown.blocked == before + 3
    assert QApplication.activePopupWidget() is None
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_an_edge_swipe_only_pages_inside_the_app(locked, qtbot):
    window, _ = locked
    start = QPoint(1, window.height() // 2)  # from the very left edge
    qtbot.mousePress(window.home, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.home, QPoint(window.width() // 2, window.height() // 2))
    qtbot.mouseRelease(
        window.home, Qt.MouseButton.LeftButton, pos=QPoint(window.width() // 2, start.y())
    )
    qtbot.waitUntil(lambda: window.state.page != "home")
    assert window.isVisible() and not window.isMinimized()
    assert QApplication.activeWindow() is window


def test_remote_debugging_is_removed_from_the_environment():
    environ = {
        "QTWEBENGINE_REMOTE_DEBUGGING": "9222",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --remote-debugging-port=9223 --disable-gpu",
    }
    strip_web_debugging(environ)
    assert environ == {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-gpu"}


def test_window_events_other_than_close_pass(locked):
    window, lockdown = locked
    assert not lockdown.eventFilter(window, QEvent(QEvent.Type.Show))
