"""Voice guidance for blind visitors: touching an item reads it aloud, a double tap anywhere
activates the item last read (selection separated from execution), a sideways swipe or the
Tab and arrow keys move to the next or previous item in reading order.

It speaks through the one ``Speaker``; what it said is also shown as a caption in the
guidance banner, so a companion can follow. Items are found on screen, not declared: buttons,
tappable cards (read as a whole), widgets with an accessible name, and every other visible
text, so any page, including ones added later, is readable without extra work."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from kiosk.i18n import tr
from kiosk.shell.theme import PALETTE, Scale
from widgets.common.cards import Card

if TYPE_CHECKING:
    from kiosk.shell.speech import Speaker

TAG = re.compile(r"<[^>]+>")
RING_COLOR = "#FFB000"  # amber: stands out on the light theme and on every card


def is_tappable(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton) or (isinstance(widget, Card) and widget.tappable)


def is_item(widget: QWidget) -> bool:
    """A unit the visitor hears and selects as one."""
    if is_tappable(widget) or widget.accessibleName():
        return True
    return isinstance(widget, QLabel) and bool(widget.text().strip())


def describe(widget: QWidget, lang: str) -> str:
    """What to say for an item: its name, what it is, and whether it is on."""
    if widget.accessibleName():
        text = widget.accessibleName()
    elif isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLabel):
        text = widget.text()
    else:  # a card: its texts in reading order
        text = ". ".join(describe(label, lang) for label in _visible_labels(widget))
    text = " ".join(TAG.sub(" ", text).split())
    if isinstance(widget, QAbstractButton) and widget.autoExclusive():
        text += f", {tr('guidance.selected', lang)}" if widget.isChecked() else ""
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        text += f", {tr('access.on' if widget.isChecked() else 'access.off', lang)}"
    if is_tappable(widget):
        text += f", {tr('guidance.button', lang)}"
    return text


def _visible_labels(widget: QWidget) -> list[QLabel]:
    labels = [
        label
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.text().strip()
    ]
    return reading_order(labels, widget)


def reading_order(widgets: list[QWidget], frame: QWidget, row_px: int = 24) -> list[QWidget]:
    """Top to bottom, and left to right within a row (items whose tops are within
    ``row_px`` of the row's first item)."""
    placed = sorted(widgets, key=lambda w: (_top_left(w, frame).y(), _top_left(w, frame).x()))
    rows: list[list[QWidget]] = []
    for widget in placed:
        if rows and _top_left(widget, frame).y() - _top_left(rows[-1][0], frame).y() < row_px:
            rows[-1].append(widget)
        else:
            rows.append([widget])
    return [widget for row in rows for widget in sorted(row, key=lambda w: _top_left(w, frame).x())]


def _top_left(widget: QWidget, frame: QWidget) -> QPoint:
    return widget.mapTo(frame, QPoint(0, 0))


class FocusRing(QWidget):
    """A thick ring around the selected item, drawn over everything, never taking input."""

    def __init__(self, parent: QWidget, scale: Scale):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.width_px = scale.px(8)
        self.target = QRect()
        self.hide()

    def surround(self, widget: QWidget | None) -> None:
        if widget is None:
            self.hide()
            return
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        top_left = widget.mapTo(parent, QPoint(0, 0))
        margin = self.width_px // 2
        self.target = QRect(top_left, widget.size()).adjusted(-margin, -margin, margin, margin)
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(Qt.GlobalColor.black, self.width_px + 4))
        painter.drawRoundedRect(self.target, 12, 12)
        ring = PALETTE.accent if PALETTE.high_contrast else RING_COLOR
        painter.setPen(QPen(QColor(ring), self.width_px))
        painter.drawRoundedRect(self.target, 12, 12)


class Guidance(QObject):
    """Guidance mode of one window: hit testing, reading order, speech, activation."""

    def __init__(
        self,
        window: QWidget,
        scale: Scale,
        speaker: Callable[[], Speaker],
        roots: Callable[[], list[QWidget]],
        language: Callable[[], str],
        on_spoken: Callable[[str], None],
    ):
        super().__init__(window)
        self.window = window
        self._speaker_factory = speaker
        self._speaker: Speaker | None = None
        self.roots = roots  # the parts of the screen to read, in order (bars, page)
        self.language = language
        self.on_spoken = on_spoken
        self.active = False
        self.selected: QWidget | None = None
        self.ring = FocusRing(window, scale)
        self._pending_tap: QPoint | None = None
        self._tap_timer = QTimer(self, singleShot=True)
        self._tap_timer.setInterval(QGuiApplication.styleHints().mouseDoubleClickInterval())
        self._tap_timer.timeout.connect(self._on_single_tap)

    @property
    def speaker(self) -> Speaker:
        """Created on first use: most visitors never turn guidance on."""
        if self._speaker is None:
            self._speaker = self._speaker_factory()
        return self._speaker

    def close_speech(self) -> None:
        """End the speech engine's process (the window is closing)."""
        if self._speaker is not None:
            self._speaker.close()

    def say(self, text: str) -> None:
        self.speaker.say(text, self.language())
        self.on_spoken(text)

    # mode
    def start(self) -> None:
        self.active = True
        self.say(tr("guidance.started", self.language()))

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        self._tap_timer.stop()
        self.select(None, speak=False)
        self.say(tr("guidance.stopped", self.language()))

    # items
    def items(self) -> list[QWidget]:
        """Every item on screen, in focus (reading) order."""
        found: list[QWidget] = []
        for root in self.roots():
            if root.isVisible():
                found += reading_order(self._items_in(root), self.window)
        return found

    def _items_in(self, root: QWidget) -> list[QWidget]:
        result = []
        for widget in root.findChildren(QWidget):
            if not widget.isVisibleTo(self.window) or not is_item(widget):
                continue
            if any(is_item(parent) for parent in _ancestors(widget, root)):
                continue  # read as part of its card or named group
            result.append(widget)
        return result

    def item_at(self, window_pos: QPoint) -> QWidget | None:
        widget = self.window.childAt(window_pos)
        items = set(self.items())
        while widget is not None and widget is not self.window:
            if widget in items:
                return widget
            widget = widget.parentWidget()
        return None

    def select(self, widget: QWidget | None, speak: bool = True) -> None:
        self.selected = widget
        if widget is not None:
            _scroll_into_view(widget)
        self.ring.surround(widget)
        if widget is not None and speak:
            self.say(describe(widget, self.language()))

    def move(self, step: int) -> None:
        """Select the next (+1) or previous (-1) item, wrapping around."""
        items = self.items()
        if not items:
            return
        if self.selected in items:
            index = (items.index(self.selected) + step) % len(items)
        else:
            index = 0 if step > 0 else len(items) - 1
        self.select(items[index])

    def activate(self) -> None:
        """Do what a tap on the selected item would do."""
        widget = self.selected
        if widget is None or not widget.isVisible():
            return
        if isinstance(widget, QAbstractButton):
            widget.click()
        elif isinstance(widget, Card) and widget.tappable:
            widget.clicked.emit()
        else:
            self.say(describe(widget, self.language()))  # plain text: read it again

    # input, while active (the window's input watcher hands events here)
    def tap(self, window_pos: QPoint) -> None:
        """One tap selects and reads; a second within the double-click interval activates."""
        if self._tap_timer.isActive():
            self._tap_timer.stop()
            if self.selected is None:
                self.select(self.item_at(self._pending_tap), speak=False)
            self.activate()
            return
        self._pending_tap = window_pos
        self._tap_timer.start()

    def _on_single_tap(self) -> None:
        item = self.item_at(self._pending_tap)
        if item is not None:
            self.select(item)

    def key(self, event: QKeyEvent) -> bool:
        """Switch access and keyboards: Tab and arrows move, Enter and Space activate."""
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.move(+1)
        elif key in (Qt.Key.Key_Backtab, Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.move(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate()
        else:
            return False
        return True

    def page_changed(self, text: str) -> None:
        """A new page: forget the old selection and say where the visitor is."""
        self._tap_timer.stop()
        self.select(None, speak=False)
        self.say(text)


def _ancestors(widget: QWidget, root: QWidget):
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        yield parent
        parent = parent.parentWidget()


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()


def release_outside(widget: QWidget) -> None:
    """End a press without a click (after a long press started guidance)."""
    outside = QPointF(-10_000, -10_000)
    event = QMouseEvent(
        QMouseEvent.Type.MouseButtonRelease,
        outside,
        outside,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
