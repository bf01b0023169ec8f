"""서울시 이력서: key figures, then global rankings; every card names its source and year,
an invented one carries the "예시" chip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.i18n import format_number, tr
from widgets.common.cards import Card, label
from widgets.common.content_page import StaffContentPage, example_badge, source_line
from widgets.common.layout import columns_for, fill_grid
from widgets.common.staff_content import StaffFile, decimals
from widgets.resume.model import KeyFigure, Ranking, Resume, Sourced, load_resume

FIGURE_COLUMNS = 4
RANKING_COLUMNS = 3


class ResumePage(StaffContentPage):
    def load(self) -> StaffFile[Resume]:
        return load_resume(self.context.store)

    def _sections(self, resume: Resume, lang: str) -> list[tuple[str, list[Card], int]]:
        """The sections that have entries: their heading, cards and design columns."""
        sections = (
            ("resume.figures", [self._figure(f, lang) for f in resume.figures], FIGURE_COLUMNS),
            ("resume.rankings", [self._ranking(r, lang) for r in resume.rankings], RANKING_COLUMNS),
        )
        return [section for section in sections if section[1]]

    def heading(self, file: StaffFile[Resume], lang: str) -> str:
        """The first section's heading shares the date line (a line saved at 1080p)."""
        return tr("resume.figures" if file.data.figures else "resume.rankings", lang)

    def fill_content(self, file: StaffFile[Resume], lang: str) -> None:
        for number, (heading, cards, design_columns) in enumerate(self._sections(file.data, lang)):
            if number > 0:
                self.body.addWidget(label(tr(heading, lang), "Medium"))
            grid = QGridLayout()
            grid.setSpacing(self.context.scale.px(20))
            fill_grid(grid, cards, columns_for(self.context.scale, design_columns))
            self.body.addLayout(grid)

    def _card(self) -> tuple[Card, QHBoxLayout]:
        card = Card(self.context.scale, tappable=False)
        top = QHBoxLayout()
        card.layout_.addLayout(top)
        return card, top

    def _finish(self, card: Card, entry: Sourced, lang: str, reading: str) -> Card:
        """The source and year at the bottom, after the "예시" chip of an invented entry;
        voice guidance reads the card as one item (``reading``, the tag, the source)."""
        card.layout_.addStretch(1)
        bottom = QHBoxLayout()
        parts = [reading]
        if entry.example:
            bottom.addWidget(example_badge(lang), 0, Qt.AlignmentFlag.AlignTop)
            parts.append(tr("staff_content.example", lang))
        source = source_line(entry.source_in(lang), entry.year, lang)
        bottom.addWidget(source, 1)
        card.layout_.addLayout(bottom)
        card.setAccessibleName(". ".join([*parts, source.text()]))
        return card

    def _figure(self, figure: KeyFigure, lang: str) -> Card:
        card, top = self._card()
        top.addWidget(label(figure.label_in(lang), "CardTitle", wrap=True), 1)
        value = QHBoxLayout()
        number = format_number(figure.value, lang, decimals(figure.value))
        value.addWidget(label(number, "Big"), 0, Qt.AlignmentFlag.AlignBaseline)
        if figure.unit_in(lang):  # smaller, so "9,386,034 people" stays on one line
            value.addWidget(
                label(figure.unit_in(lang), "Medium"), 0, Qt.AlignmentFlag.AlignBaseline
            )
        value.addStretch(1)
        card.layout_.addLayout(value)
        reading = f"{figure.label_in(lang)}: {number} {figure.unit_in(lang)}".strip()
        return self._finish(card, figure, lang, reading)

    def _ranking(self, ranking: Ranking, lang: str) -> Card:
        """The rank big beside the ranking's name (and how many cities it compares)."""
        card, top = self._card()
        rank = label(tr("resume.rank", lang, rank=ranking.rank), "Big")
        top.addWidget(rank, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.addWidget(label(ranking.name_in(lang), "CardTitle", wrap=True))
        if ranking.out_of is not None:
            names.addWidget(label(tr("resume.out_of", lang, n=ranking.out_of), "Muted", wrap=True))
        top.addLayout(names, 1)
        reading = f"{ranking.name_in(lang)}: {rank.text()}"
        if ranking.out_of is not None:
            reading += f", {tr('resume.out_of', lang, n=ranking.out_of)}"
        return self._finish(card, ranking, lang, reading)
