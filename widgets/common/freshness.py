"""The footer under every page: data age, stale and sample tags, last error, attribution."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.freshness import describe
from kiosk.i18n import tr
from kiosk.shell.theme import PALETTE, Scale
from offline_cache.store import Snapshot
from widgets.common.cards import badge
from widgets.common.layout import clear_layout


def freshness_row(snapshot: Snapshot, lang: str, compact: bool = True) -> QBoxLayout:
    """One dataset's age line with its tags; ``compact`` stacks them for narrow cards."""
    info = describe(snapshot, lang)
    tags = QHBoxLayout()
    tags.setSpacing(8)
    if info.stale:
        tags.addWidget(badge(tr("data.stale", lang), PALETTE.warning))
    if info.sample:
        tags.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
    text = QLabel(info.text, objectName="Muted")
    text.setWordWrap(True)
    error = None
    if info.error:
        error = QLabel(info.error, objectName="Muted")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {PALETTE.danger};")
    if compact:
        column = QVBoxLayout()
        column.setSpacing(4)
        tags.addStretch(1)
        column.addLayout(tags)
        column.addWidget(text)
        if error is not None:
            column.addWidget(error)
        return column
    tags.addWidget(text, 1)
    if error is not None:
        tags.addWidget(error)
    return tags


class FreshnessBar(QWidget):
    """Freshness of every dataset a page shows (the attribution is in the status strip)."""

    def __init__(self, scale: Scale):
        super().__init__()
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, scale.px(6), 0, 0)
        self._rows.setSpacing(scale.px(4))

    def show_snapshots(self, snapshots: list[Snapshot], lang: str) -> None:
        clear_layout(self._rows)
        for snapshot in snapshots:
            if snapshot.status.has_data:
                self._rows.addLayout(freshness_row(snapshot, lang, compact=False))
