"""Qt pieces shared by the pages that show a staff content file: the empty and error states,
the header with the content's date and sample tag, per-entry example and source lines."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.theme import PALETTE, Scale
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import Snapshot
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.staff_content import StaffFile


def unavailable(loaded: StaffFile, lang: str) -> QLabel | None:
    """What a page shows instead of its content when the file is missing, broken or empty
    (else None): the broken one names the file and the problem, in the danger colour."""
    if loaded.error is not None:
        message = empty_state(tr("staff_content.broken", lang, error=loaded.error))
        message.setStyleSheet(f"color: {PALETTE.danger};")
        return message
    if loaded.value is None:
        return empty_state(tr("staff_content.missing", lang, file=loaded.path))
    if not loaded.value:
        return empty_state(tr("staff_content.empty", lang, file=loaded.path))
    return None


def content_header(loaded: StaffFile, lang: str, heading: str = "") -> QVBoxLayout:
    """The sample tag and the content's date (after a first section's ``heading``, to save
    a line); below them, entries left out and why."""
    column = QVBoxLayout()
    row = QHBoxLayout()
    if heading:
        row.addWidget(label(heading, "Medium", wrap=True), 1)
    if loaded.sample:
        row.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
    row.addWidget(label(tr("staff_content.as_of", lang, date=loaded.as_of), "Muted"))
    if not heading:
        row.addStretch(1)
    column.addLayout(row)
    if loaded.skipped:
        note = label(
            tr("staff_content.skipped", lang, n=len(loaded.skipped), first=loaded.skipped[0]),
            "Muted",
            wrap=True,
        )
        note.setStyleSheet(f"color: {PALETTE.warning};")
        column.addWidget(note)
    return column


def example_badge(lang: str) -> QLabel:
    """The chip beside one invented figure (the page's sample tag covers the whole file)."""
    return badge(tr("staff_content.example", lang), PALETTE.sample)


def target_badge(met: bool, lang: str) -> QLabel:
    """ "목표 달성" in green or "목표 미달" in amber (city and internal indicators)."""
    return badge(
        tr("indicators.met" if met else "indicators.below", lang),
        PALETTE.ok if met else PALETTE.warning,
    )


def source_line(source: str, year: str, lang: str) -> QLabel:
    return label(tr("staff_content.source", lang, source=source, year=year), "Muted", wrap=True)


def mark_selected(card: Card, selected: bool, scale: Scale) -> None:
    """A thick accent border on the chosen card (the theme keeps its background and size)."""
    card.setStyleSheet(
        f"#Card {{ border: {scale.px(5)}px solid {PALETTE.accent}; }}" if selected else ""
    )


def stack_for_large_text(row: QBoxLayout, scale: Scale) -> None:
    """Side by side at normal text size; one above the other, full width, for larger text."""
    row.setDirection(
        QBoxLayout.Direction.TopToBottom if scale.text > 1.0 else QBoxLayout.Direction.LeftToRight
    )


class StaffContentPage(WidgetPage):
    """A page that shows one staff content file. It is rebuilt only when the file's content
    or the language changed since it was last built (showing it again is then cheap, and the
    visitor's choices on it stay), and always after ``reset``."""

    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        self.lang = context.config.default_language
        self._built: tuple[StaffFile, str] | None = None

    def load(self) -> StaffFile:
        """The page's file from the content on screen."""
        raise NotImplementedError

    def show_file(self, loaded: StaffFile, lang: str) -> None:
        """Build the body from ``loaded`` (its content, or why there is none)."""
        raise NotImplementedError

    def fill(self, lang: str) -> list[Snapshot]:
        loaded = self.load()
        if self._built != (loaded, lang):
            self._built, self.lang = (loaded, lang), lang
            self.show_file(loaded, lang)
        return []

    def reset(self) -> None:
        super().reset()
        self._built = None
