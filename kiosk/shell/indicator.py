"""A small indicator in the bottom bar (voice, gestures): an icon and a line saying what to
do now, on a coloured pill while the input is active."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.shell.theme import Scale


class StatusIndicator(QWidget):
    def __init__(self, name: str, scale: Scale, icon_px: int):
        super().__init__(objectName=name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        px = scale.px
        self.icon_size = px(icon_px)
        row = QHBoxLayout(self)
        row.setContentsMargins(px(12), px(6), px(20), px(6))
        row.setSpacing(px(12))
        self.icon = QLabel()
        self.icon.setFixedSize(self.icon_size, self.icon_size)
        self.text = QLabel(wordWrap=True)  # large text: two lines rather than cut off
        row.addWidget(self.icon)
        row.addWidget(self.text)
        self.radius = px(14)
        self.font_px = scale.text_px(26)

    def paint(self, text: str, icon: QPixmap, background: str, foreground: str, bold: bool) -> None:
        """Show ``text`` and ``icon`` in these colours (``background`` "transparent" at rest)."""
        name = self.objectName()
        self.setStyleSheet(
            f"#{name} {{ background: {background}; border-radius: {self.radius}px; }}"
            f" #{name} QLabel {{ color: {foreground}; font-size: {self.font_px}px;"
            f" font-weight: {'bold' if bold else 'normal'}; }}"
        )
        self.text.setText(text)
        self.icon.setPixmap(icon)
