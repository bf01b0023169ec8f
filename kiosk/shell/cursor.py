"""The remote (gesture) cursor: a large ring drawn over everything, never taking input.

Seen from across the room, it shows what the hand is doing: an arc fills around the ring
while a closed hand is held (the select happens when it closes), a filled disc flashes when
the select fires, and the ring fades while the hand is out of sight."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from kiosk.shell.theme import PALETTE, Scale

FLASH_MS = 350


class CursorOverlay(QWidget):
    def __init__(self, parent: QWidget, scale: Scale):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.radius = scale.px(48)
        self.line = scale.px(10)
        self.position = QPoint()
        self.progress = 0.0  # of the select hold
        self.hand_visible = True
        self._flash = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash.timeout.connect(self.update)
        self.hide()

    def move_to(self, x: float, y: float) -> None:
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        self.position = QPoint(int(x * parent.width()), int(y * parent.height()))
        self.show()
        self.raise_()
        self.update()

    def set_feedback(self, progress: float, hand_visible: bool, selected: bool = False) -> None:
        """The select hold's progress (0..1), whether the hand is seen, a select that fired."""
        self.progress = min(max(progress, 0.0), 1.0)
        self.hand_visible = hand_visible
        if selected:
            self._flash.start()
        self.update()

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(1.0 if self.hand_visible else 0.4)
        r = self.radius
        fill = QColor(PALETTE.accent)
        fill.setAlpha(255 if self.flashing else 60)  # a tint shows on white and on blue
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(self.position, r, r)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(Qt.GlobalColor.white, self.line + 6))
        painter.drawEllipse(self.position, r, r)
        painter.setPen(QPen(QColor(PALETTE.text), max(2, self.line * 2 // 3)))
        painter.drawEllipse(self.position, r, r)
        if self.progress > 0:
            pen = QPen(QColor(PALETTE.accent), self.line)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            box = QRect(self.position.x() - r, self.position.y() - r, 2 * r, 2 * r)
            painter.drawArc(box, 90 * 16, -round(self.progress * 360 * 16))  # clockwise from 12
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PALETTE.text))
        painter.drawEllipse(self.position, self.line // 2, self.line // 2)
