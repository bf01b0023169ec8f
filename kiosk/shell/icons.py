"""Tabler outline icons (MIT, vendored in kiosk/shell/icons/) rendered in any colour and size."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from kiosk.shell.theme import PALETTE, Scale

ICON_DIR = Path(__file__).resolve().parent / "icons"


@cache
def _svg(name: str) -> str:
    path = ICON_DIR / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@cache
def icon_pixmap(name: str, size: int, color: str = "#111827") -> QPixmap:
    """The icon as a pixmap (transparent when the name is unknown, never an error)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    svg = _svg(name)
    if svg:
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode()))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    return pixmap


class IconLabel(QLabel):
    """An icon drawn in a live palette colour (``role``: "accent", "text", ...) at a design
    size that grows with the visitor's text size; it redraws itself when the theme changes."""

    def __init__(self, name: str, design_px: float, scale: Scale, role: str = "accent"):
        super().__init__()
        self.name, self.design_px, self.scale, self.role = name, design_px, scale, role
        self._draw()

    def _draw(self) -> None:
        look = (self.scale.text_px(self.design_px), getattr(PALETTE, self.role))
        if look != getattr(self, "_look", None):
            self._look = look
            self.setPixmap(icon_pixmap(self.name, *look))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._draw()
        super().changeEvent(event)
