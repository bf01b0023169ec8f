"""Tabler outline icons (MIT, vendored in kiosk/shell/icons/) rendered in any colour and size."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent / "icons"


@cache
def _svg(name: str) -> str:
    path = ICON_DIR / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.exists() else ""


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
