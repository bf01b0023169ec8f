"""A page drawn from one staff content file: the same frame for every such page.

Above the figures the "예시 자료" tag and the date they describe; below them the skipped
entries, the file's note and its source. A missing file gets an empty state, a broken one a
clear message with the reason (the file, the version, where it is wrong), never a blank."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import PALETTE, readable
from offline_cache.store import Snapshot
from widgets.common.cards import badge, empty_state, label
from widgets.common.layout import clear_layout
from widgets.common.staff_content import StaffFile


class StaffContentPage(WidgetPage):
    """Subclasses give ``load()`` (the file, through its model) and ``fill_content``.

    The page is rebuilt only when what it shows changed (the file, the language, the text
    size, the contrast, ``view_state``): showing it again or the refresh timer costs a file
    read, not a rebuild (a subclass's ``reset`` forgets what the visitor tapped)."""

    _shown: tuple[Any, ...] | None = None

    def load(self) -> StaffFile[Any]:
        raise NotImplementedError

    def fill_content(self, file: StaffFile[Any], lang: str) -> None:
        """Add the figures of a readable file to ``self.body``."""
        raise NotImplementedError

    def header_controls(self, lang: str) -> list[QWidget]:
        """Controls at the right of the date line (filters); none by default."""
        return []

    def view_state(self) -> Any:
        """What the visitor chose on this page (a filter), part of what the page shows."""
        return None

    def fill(self, lang: str) -> list[Snapshot]:
        file = self.load()
        scale = self.context.scale
        shown = (file, lang, scale.text, scale.px(100), PALETTE.high_contrast, self.view_state())
        if shown == self._shown:
            return []
        self._shown = shown
        clear_layout(self.body)
        if file.missing or file.error:
            self._problem(file, lang)
            return []
        header = QHBoxLayout()
        header.setSpacing(self.context.scale.px(16))
        if file.sample:
            header.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
        if file.as_of:
            header.addWidget(
                label(tr("staff_content.as_of", lang, date=file.as_of.isoformat()), "Medium")
            )
        header.addStretch(1)
        for control in self.header_controls(lang):
            header.addWidget(control)
        self.body.addLayout(header)
        self.fill_content(file, lang)
        if file.skipped:
            reasons = "; ".join(file.skipped)
            skipped = label(
                tr("staff_content.skipped", lang, n=len(file.skipped), reasons=reasons),
                "Muted",
                wrap=True,
            )
            skipped.setStyleSheet(f"color: {readable(PALETTE.danger)};")
            self.body.addWidget(skipped)
        self.body.addStretch(1)
        if file.note_in(lang):
            self.body.addWidget(label(file.note_in(lang), "Muted", wrap=True))
        if file.source_in(lang):
            source = tr("staff_content.source", lang, source=file.source_in(lang))
            self.body.addWidget(label(source, "Muted", wrap=True))
        return []

    def _problem(self, file: StaffFile[Any], lang: str) -> None:
        self.body.addStretch(1)
        if file.missing:
            self.body.addWidget(empty_state(tr("staff_content.missing", lang)))
        else:
            self.body.addWidget(empty_state(tr("staff_content.broken", lang)))
            reason = label(file.error or "", "Muted", wrap=True)
            reason.setStyleSheet(f"color: {readable(PALETTE.danger)};")
            reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(reason)
        where = label(
            tr("staff_content.file", lang, file=file.path, version=file.version), "Muted", wrap=True
        )
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(where)
        self.body.addStretch(2)
