"""서울시 이력서: key figures, then global rankings; every card names its source and year,
an invented one carries the "예시" chip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.i18n import format_number, tr
from kiosk.shell.page import WidgetPage
from offline_cache.store import Snapshot
from widgets.common.cards import Card, label
from widgets.common.layout import clear_layout, columns_for, fill_grid
from widgets.common.staff_content import decimals
from widgets.common.staff_view import content_header, example_badge, source_line, unavailable
from widgets.resume.model import KeyFigure, Ranking, Sourced, load_resume

FIGURE_COLUMNS = 4
RANKING_COLUMNS = 3


class ResumePage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        loaded = load_resume(self.context.store)
        problem = unavailable(loaded, lang)
        if problem is not None:
            self.body.addWidget(problem, 1)
            return []
        sections = (
            (
                "resume.figures",
                [self._figure(f, lang) for f in loaded.value.figures],
                FIGURE_COLUMNS,
            ),
            (
                "resume.rankings",
                [self._ranking(r, lang) for r in loaded.value.rankings],
                RANKING_COLUMNS,
            ),
        )
        shown = [section for section in sections if section[1]]
        for number, (heading, cards, design_columns) in enumerate(shown):
            if number == 0:
                self.body.addLayout(content_header(loaded, lang, tr(heading, lang)))
            else:
                self.body.addWidget(label(tr(heading, lang), "Medium"))
            grid = QGridLayout()
            grid.setSpacing(self.context.scale.px(20))
            fill_grid(grid, cards, columns_for(self.context.scale, design_columns))
            self.body.addLayout(grid)
        self.body.addStretch(1)
        return []

    def _card(self, entry: Sourced) -> tuple[Card, QHBoxLayout]:
        """A card whose first row ends with the "예시" chip of an invented entry."""
        card = Card(self.context.scale, tappable=False)
        top = QHBoxLayout()
        card.layout_.addLayout(top)
        return card, top

    def _finish(self, card: Card, top: QHBoxLayout, entry: Sourced, lang: str) -> Card:
        if entry.example:
            top.addWidget(example_badge(lang), 0, Qt.AlignmentFlag.AlignTop)
        card.layout_.addStretch(1)
        card.layout_.addWidget(source_line(entry.source_in(lang), entry.year, lang))
        return card

    def _figure(self, figure: KeyFigure, lang: str) -> Card:
        card, top = self._card(figure)
        top.addWidget(label(figure.label_in(lang), "CardTitle", wrap=True), 1)
        number = format_number(figure.value, lang, decimals(figure.value))
        card.layout_.addWidget(label(f"{number} {figure.unit_in(lang)}".strip(), "Big", wrap=True))
        return self._finish(card, top, figure, lang)

    def _ranking(self, ranking: Ranking, lang: str) -> Card:
        """The rank big beside the ranking's name (and how many cities it compares)."""
        card, top = self._card(ranking)
        top.addWidget(label(tr("resume.rank", lang, rank=ranking.rank), "Big"))
        names = QVBoxLayout()
        names.addWidget(label(ranking.name_in(lang), "CardTitle", wrap=True))
        if ranking.out_of is not None:
            names.addWidget(label(tr("resume.out_of", lang, n=ranking.out_of), "Muted", wrap=True))
        top.addLayout(names, 1)
        return self._finish(card, top, ranking, lang)
