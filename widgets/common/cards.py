"""Tappable cards, colour badges and empty states: the building blocks of every page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.shell.theme import PALETTE, Scale, readable


class Card(QFrame):
    """A rounded panel; emits ``clicked`` on a tap, but not at the end of a swipe."""

    clicked = Signal()

    def __init__(self, scale: Scale, parent: QWidget | None = None, tappable: bool = True):
        super().__init__(parent, objectName="Card")
        self._scale = scale
        self._press: QPoint | None = None
        self.tappable = tappable
        if tappable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.layout_ = QVBoxLayout(self)
        margin = scale.px(24)
        self.layout_.setContentsMargins(margin, margin, margin, margin)
        self.layout_.setSpacing(scale.px(10))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tappable and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._set_pressed(True)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        self._set_pressed(False)
        if press is not None and self.rect().contains(event.position().toPoint()):
            moved = (event.position().toPoint() - press).manhattanLength()
            if moved < self._scale.px(40):
                self.clicked.emit()
        super().mouseReleaseEvent(event)

    def _set_pressed(self, pressed: bool) -> None:
        self.setProperty(
            "pressed", "true" if pressed else "false"
        )  # a str: PySide6 bool properties upset refcounts at exit
        self.style().unpolish(self)
        self.style().polish(self)


def badge(text: str, background: str, foreground: str = "#FFFFFF") -> QLabel:
    """A coloured chip (grade, line number, sample tag); in high contrast white text on
    black, the colour kept as a thick border."""
    label = QLabel(text, objectName="Badge")
    if PALETTE.high_contrast:
        label.setStyleSheet(
            f"background: {PALETTE.background}; color: {PALETTE.text};"
            f" border: 3px solid {readable(background)};"
        )
    else:
        label.setStyleSheet(f"background: {background}; color: {foreground};")
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def empty_state(text: str) -> QLabel:
    """The clear message a page shows instead of a blank when it has no data."""
    label = QLabel(text, objectName="Empty")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def label(text: str, role: str = "", wrap: bool = False) -> QLabel:
    """A label with a style role (objectName from the theme: Big, Medium, Muted, CardTitle)."""
    widget = QLabel(text, objectName=role) if role else QLabel(text)
    widget.setWordWrap(wrap)
    return widget


def table_card(scale: Scale, column_gap: int = 24, row_gap: int = 12) -> tuple[QFrame, QGridLayout]:
    """A card holding a grid of rows (a table of readings, prices, counts): the card and its
    grid, gaps in design pixels."""
    card = QFrame(objectName="Card")
    grid = QGridLayout(card)
    grid.setContentsMargins(scale.px(24), scale.px(16), scale.px(24), scale.px(16))
    grid.setHorizontalSpacing(scale.px(column_gap))
    grid.setVerticalSpacing(scale.px(row_gap))
    return card, grid


def progress_bar(scale: Scale, fraction: float) -> QProgressBar:
    """A thick rounded bar, ``fraction`` 0..1 filled in the accent colour (targets, projects)."""
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.setValue(round(max(0.0, min(1.0, fraction)) * 100))
    bar.setTextVisible(False)
    bar.setFixedHeight(scale.px(18))
    bar.setStyleSheet(
        f"QProgressBar {{ background: {PALETTE.border}; border: none;"
        f" border-radius: {scale.px(9)}px; }} QProgressBar::chunk {{ background:"
        f" {PALETTE.accent}; border-radius: {scale.px(9)}px; }}"
    )
    return bar


def mark_selected(card: Card, selected: bool, scale: Scale) -> None:
    """A thick accent border on the chosen card (the theme keeps its background and size)."""
    card.setStyleSheet(
        f"#Card {{ border: {scale.px(5)}px solid {PALETTE.accent}; }}" if selected else ""
    )
