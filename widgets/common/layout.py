"""Small layout helpers shared by the views."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLayout, QWidget

from kiosk.shell.theme import Scale


def columns_for(scale: Scale, design_columns: int) -> int:
    """How many columns of a grid designed with ``design_columns`` at 100% text fit at the
    visitor's text size (4 stay 4 at 100%, become 2 at 150% and 200%)."""
    return max(1, int(design_columns / scale.text))


def fill_grid(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    """Place ``widgets`` row by row in ``columns`` equally stretched columns."""
    for widget in widgets:
        grid.removeWidget(widget)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, *divmod(index, columns))
    for column in range(max(grid.columnCount(), columns)):
        grid.setColumnStretch(column, 1 if column < columns else 0)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every item of a layout (views rebuild their body on each render)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def stack_for_large_text(row: QBoxLayout, scale: Scale) -> None:
    """Side by side at normal text size; one above the other, full width, for larger text."""
    row.setDirection(
        QBoxLayout.Direction.TopToBottom if scale.text > 1.0 else QBoxLayout.Direction.LeftToRight
    )
