"""What a visitor can read under a widget: the GUI tests check content, not pixels."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QWidget


def texts(widget: QWidget) -> str:
    """Every visible label's text under ``widget``, one a line. Widgets a re-render has just
    added to a shown layout are shown by a queued call: let it run first."""
    QApplication.processEvents()
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())
