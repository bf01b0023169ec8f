"""A page drawn from one staff content file: the same frame for every such page.

Above the figures the "예시 자료" tag and the date they describe; below them the skipped
entries, the file's note and its source. A missing file gets an empty state, a broken one a
clear message with the reason (the file, the version, where it is wrong), a file with nothing
to show says so, never a blank. The per-entry pieces (the "예시" chip of one invented figure,
an entry's source and year) are here too, so every staff page draws them alike."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.theme import PALETTE, readable
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import Snapshot
from widgets.common.cards import badge, empty_state, label
from widgets.common.layout import clear_layout
from widgets.common.staff_content import StaffFile


def example_badge(lang: str) -> QLabel:
    """The chip beside one invented figure (the page's sample tag covers the whole file)."""
    return badge(tr("staff_content.example", lang), PALETTE.sample)


def source_line(source: str, year: str, lang: str) -> QLabel:
    """An entry's own source and the year its figure is for (a file's source is in the frame)."""
    return label(
        tr("staff_content.source_year", lang, source=source, year=year), "Muted", wrap=True
    )


def target_badge(met: bool, lang: str) -> QLabel:
    """ "목표 달성" in green or "목표 미달" in amber (city and internal indicators)."""
    return badge(
        tr("indicators.met" if met else "indicators.below", lang),
        PALETTE.ok if met else PALETTE.warning,
    )


class StaffContentPage(WidgetPage):
    """Subclasses give ``load()`` (the file, through its model) and ``fill_content``.

    The page is rebuilt only when what it shows changed (the file, the language, the text
    size, the contrast, ``view_state``): showing it again or the refresh timer costs a file
    read, not a rebuild. ``reset`` (idle) forgets what was built, so the next visitor gets a
    fresh page (a subclass's ``reset`` forgets what the visitor tapped). ``self.lang`` is the
    language of the last build, for handlers of taps on the page."""

    _shown: tuple[Any, ...] | None = None

    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        self.lang = context.config.default_language

    def load(self) -> StaffFile[Any]:
        raise NotImplementedError

    def fill_content(self, file: StaffFile[Any], lang: str) -> None:
        """Add the figures of a readable file to ``self.body``."""
        raise NotImplementedError

    def heading(self, file: StaffFile[Any], lang: str) -> str:
        """A heading at the left of the date line (the first section's title); none by default."""
        return ""

    def kept_widgets(self) -> tuple[QWidget, ...]:
        """Widgets built once that survive a rebuild, hidden, for ``fill_content`` to put back
        (a PDF viewer keeps its document and the page being read)."""
        return ()

    def forget_content(self) -> None:
        """The file cannot be shown (missing, broken, empty): drop what the page kept from the
        last one (an open document); nothing by default."""

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
        self._shown, self.lang = shown, lang
        for widget in self.kept_widgets():
            self.body.removeWidget(widget)  # also from the layouts inside the body
            widget.hide()
        clear_layout(self.body)
        if file.missing or file.error or not file.data:
            self.forget_content()
            self._problem(file, lang)
            return []
        header = QHBoxLayout()
        header.setSpacing(self.context.scale.px(16))
        heading = self.heading(file, lang)
        if heading:
            header.addWidget(label(heading, "Medium", wrap=True), 1)
        if file.sample:
            header.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
        if file.as_of:
            header.addWidget(
                label(tr("staff_content.as_of", lang, date=file.as_of.isoformat()), "Medium")
            )
        if not heading:
            header.addStretch(1)
        for control in self.header_controls(lang):
            header.addWidget(control)
        self.body.addLayout(header)
        self.fill_content(file, lang)
        if file.skipped:
            skipped = label(self._skipped_text(file, lang), "Muted", wrap=True)
            skipped.setStyleSheet(f"color: {readable(PALETTE.danger)};")
            self.body.addWidget(skipped)
        self.body.addStretch(1)
        if file.note_in(lang):
            self.body.addWidget(label(file.note_in(lang), "Muted", wrap=True))
        if file.source_in(lang):
            source = tr("staff_content.source", lang, source=file.source_in(lang))
            self.body.addWidget(label(source, "Muted", wrap=True))
        return []

    def reset(self) -> None:
        super().reset()
        self._shown = None

    def _problem(self, file: StaffFile[Any], lang: str) -> None:
        """No file, a broken one, or one with nothing to show (every entry left out)."""
        self.body.addStretch(1)
        if file.missing:
            self.body.addWidget(empty_state(tr("staff_content.missing", lang)))
        elif file.error is None:
            self.body.addWidget(empty_state(tr("staff_content.empty", lang)))
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
        if file.skipped:
            skipped = label(self._skipped_text(file, lang), "Muted", wrap=True)
            skipped.setStyleSheet(f"color: {readable(PALETTE.danger)};")
            skipped.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(skipped)
        self.body.addStretch(2)

    @staticmethod
    def _skipped_text(file: StaffFile[Any], lang: str) -> str:
        reasons = "; ".join(file.skipped)
        return tr("staff_content.skipped", lang, n=len(file.skipped), reasons=reasons)
