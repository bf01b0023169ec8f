"""What does not fit: widgets wider than their parent, labels and buttons cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    return f"{type(widget).__name__}({widget.objectName() or ''}{':' + text[:30] if text else ''})"


def misfits(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` that sticks out of its parent or cuts its text."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        parent = widget.parentWidget()
        geometry = widget.geometry()
        if geometry.left() < 0 or geometry.right() >= parent.width() + 1:
            problems.append(
                f"{_name(widget)} is wider than {_name(parent)}: {geometry} in {parent.width()}"
            )
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(f"{_name(widget)} cut: {widget.height()} of {needed} px high")
            elif widget.width() + 1 < widget.minimumSizeHint().width():
                problems.append(
                    f"{_name(widget)} elided: {widget.width()} of {widget.minimumSizeHint().width()} px"
                )
        if isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.minimumSizeHint()
            if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
                problems.append(f"{_name(widget)} cut: {widget.size()} of {hint}")
    return problems
