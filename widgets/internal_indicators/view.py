"""내부지표: one card per indicator with its value, target, progress and change."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout

from kiosk.i18n import tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import PALETTE
from offline_cache.store import Snapshot
from widgets.common.cards import Card, badge, empty_state, label, progress_bar
from widgets.common.content_page import target_badge
from widgets.common.layout import clear_layout
from widgets.internal_indicators.model import Indicator, load_indicators

COLUMNS = 3


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class InternalIndicatorsPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        indicators = load_indicators(self.context.store)
        if indicators.error or not indicators.items:
            self.body.addWidget(empty_state(indicators.error or tr("indicators.none", lang)), 1)
            return []
        header = QHBoxLayout()
        if indicators.sample:
            header.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
        header.addWidget(label(tr("indicators.as_of", lang, date=indicators.as_of), "Muted"))
        header.addStretch(1)
        self.body.addLayout(header)
        grid = QGridLayout()
        grid.setSpacing(self.context.scale.px(20))
        for index, indicator in enumerate(indicators.items):
            grid.addWidget(self._card(indicator, lang), *divmod(index, COLUMNS))
        self.body.addLayout(grid)
        self.body.addStretch(1)
        return []

    def _card(self, indicator: Indicator, lang: str) -> Card:
        card = Card(self.context.scale, tappable=False)
        top = QHBoxLayout()
        top.addWidget(label(indicator.field_in(lang), "Muted"))
        top.addStretch(1)
        if indicator.on_target is not None:
            top.addWidget(target_badge(indicator.on_target, lang))
        card.layout_.addLayout(top)
        card.layout_.addWidget(label(indicator.name_in(lang), "CardTitle", wrap=True))
        card.layout_.addWidget(label(f"{number(indicator.value)} {indicator.unit_in(lang)}", "Big"))
        if indicator.progress is not None:
            card.layout_.addWidget(progress_bar(self.context.scale, indicator.progress))
        facts = []
        if indicator.target is not None:
            facts.append(
                tr(
                    "indicators.target",
                    lang,
                    value=number(indicator.target),
                    unit=indicator.unit_in(lang),
                )
            )
        if indicator.change is not None:
            arrow = "▲" if indicator.change > 0 else "▼" if indicator.change < 0 else "―"
            facts.append(
                tr("indicators.change", lang, arrow=arrow, value=number(abs(indicator.change)))
            )
        card.layout_.addWidget(label(" · ".join(facts), "Muted", wrap=True))
        return card
