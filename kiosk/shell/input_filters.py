"""Event filters that see every widget of the kiosk window, without being application-wide.

A Python event filter on the QApplication is handed every QObject of the process, and PySide
must wrap each in a Python object first. QtWebEngine's internal QtQuick item (the web view's
``RenderWidgetHostViewQtDelegateItem``, compiled without RTTI) cannot be wrapped: the first
event it gets through an application-wide Python filter crashes the process
(PySide::getWrapperForQObject). So the kiosk's filters (input watcher, staff corner,
lockdown, heartbeat) are installed on the window and on every widget in it instead, and
follow widgets added later; a web view's own widget (what a finger touches) is watched, its
QtQuick items never are. Events reach the filters where they land, as before."""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

# Widgets whose children include QtWebEngine internals: never ask a child event for its child.
WEB_CONTAINERS = ("QWebEngineView", "QQuickWidget")
T = QEvent.Type
# What the kiosk's filters look at (input, and the window being closed, hidden or left): the
# other events (paints, layouts, polish: most of them) never reach Python filters.
FORWARDED_EVENTS = frozenset(
    (
        T.MouseButtonPress,
        T.MouseButtonDblClick,
        T.MouseMove,
        T.MouseButtonRelease,
        T.TouchBegin,
        T.TouchUpdate,
        T.TouchEnd,
        T.TouchCancel,
        T.KeyPress,
        T.KeyRelease,
        T.ShortcutOverride,
        T.ContextMenu,
        T.Close,
        T.Hide,
        T.WindowStateChange,
        T.WindowDeactivate,
    )
)


class _TreeFilters(QObject):
    """The filters of one window: the one Python event filter on each widget of it (as
    widgets appear), handing each event the filters look at (FORWARDED_EVENTS) to every
    filter as the application would."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.filters: list[QObject] = []
        self._adopt(window)

    def add(self, target: QObject) -> None:
        if target not in self.filters:
            self.filters.append(target)

    def remove(self, target: QObject) -> None:
        if target in self.filters:
            self.filters.remove(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in FORWARDED_EVENTS:
            for target in reversed(self.filters):  # the last installed first, as on the app
                if shiboken6.isValid(target) and target.eventFilter(watched, event):
                    return True
        elif kind == QEvent.Type.ChildAdded and isinstance(watched, QWidget):
            if any(watched.inherits(name) for name in WEB_CONTAINERS):
                for child in watched.findChildren(QWidget):  # widgets only: nothing internal
                    self._adopt(child)
            else:
                child = event.child()
                if child is not None and child.isWidgetType():
                    self._adopt(child)
        return False

    def _adopt(self, root: QWidget) -> None:
        root.installEventFilter(self)
        for widget in root.findChildren(QWidget):
            widget.installEventFilter(self)


_WINDOWS: weakref.WeakKeyDictionary[QWidget, _TreeFilters] = weakref.WeakKeyDictionary()


def _filters_of(window: QWidget) -> _TreeFilters:
    filters = _WINDOWS.get(window)
    if filters is None or not shiboken6.isValid(filters):
        filters = _TreeFilters(window)
        _WINDOWS[window] = filters
    return filters


def install_input_filter(target: QObject, window: QWidget | None = None) -> None:
    """Install ``target``'s eventFilter on ``window`` and every widget in it, now and later
    (without a window: on every top-level widget there is now)."""
    windows = [window] if window is not None else QApplication.topLevelWidgets()
    for each in windows:
        if shiboken6.isValid(each):
            _filters_of(each).add(target)


def remove_input_filter(target: QObject) -> None:
    for filters in list(_WINDOWS.values()):
        if shiboken6.isValid(filters):
            filters.remove(target)
