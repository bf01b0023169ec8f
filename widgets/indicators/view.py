"""시정지표: a row of fields, the chosen field's indicators, and the chosen indicator's trend
against its target (a tap on a point shows its value)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import format_number, tr
from kiosk.shell.page import PageContext
from kiosk.shell.theme import PALETTE
from kiosk.widget_spec import WidgetSpec
from widgets.common.cards import Card, label, mark_selected
from widgets.common.charts import Series, TapChart
from widgets.common.content_page import StaffContentPage, example_badge, target_badge
from widgets.common.layout import clear_layout, columns_for, fill_grid, stack_for_large_text
from widgets.common.staff_content import StaffFile, decimals
from widgets.indicators.model import CityIndicator, Field, load_city_indicators

FIELD_COLUMNS = 4  # more fields take a second row
CHART_HEIGHT = 300  # design px: the trend fits beside the cards on a 1080p screen


def measure(value: float, unit: str, lang: str) -> str:
    number = format_number(value, lang, decimals(value))
    return f"{number} {unit}".strip()


class IndicatorsPage(StaffContentPage):
    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        self.fields: list[Field] = []
        self.field_id = ""  # the visitor's choice (forgotten on idle)
        self.indicator_id = ""
        self.field_cards: dict[str, Card] = {}
        self.indicator_cards: dict[str, Card] = {}
        self.chart: TapChart | None = None
        self.indicator_column = QVBoxLayout()  # both rebuilt by fill_content
        self.chart_column = QVBoxLayout()

    def load(self) -> StaffFile[list[Field]]:
        return load_city_indicators(self.context.store)

    def fill_content(self, file: StaffFile[list[Field]], lang: str) -> None:
        self.field_cards, self.indicator_cards, self.chart = {}, {}, None
        self.fields = file.data
        field_grid = QGridLayout()
        field_grid.setSpacing(self.context.scale.px(16))
        cards = [self._field_card(field) for field in self.fields]
        design_columns = min(len(cards), FIELD_COLUMNS)
        fill_grid(field_grid, cards, columns_for(self.context.scale, design_columns))
        self.body.addLayout(field_grid)
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(self.context.scale.px(24))
        stack_for_large_text(row, self.context.scale)
        self.indicator_column = QVBoxLayout()
        self.indicator_column.setSpacing(self.context.scale.px(16))
        self.chart_column = QVBoxLayout()
        row.addLayout(self.indicator_column, 2)
        row.addLayout(self.chart_column, 3)
        self.body.addLayout(row, 1)
        field = self._field()
        self._show_field(field, self._indicator(field))

    def _field(self) -> Field:
        return next((f for f in self.fields if f.id == self.field_id), self.fields[0])

    def _indicator(self, field: Field) -> CityIndicator:
        found = (i for i in field.indicators if i.id == self.indicator_id)
        return next(found, field.indicators[0])

    def _field_card(self, field: Field) -> Card:
        card = Card(self.context.scale)
        row = QHBoxLayout()
        row.addWidget(label(field.name_in(self.lang), "CardTitle", wrap=True), 1)
        count = tr("cityind.count", self.lang, n=len(field.indicators))
        row.addWidget(label(count, "Muted"))
        card.layout_.addLayout(row)
        card.setAccessibleName(f"{field.name_in(self.lang)}, {count}")
        # after the tap is handled: the cards below are rebuilt
        card.clicked.connect(lambda: QTimer.singleShot(0, lambda: self.choose_field(field.id)))
        self.field_cards[field.id] = card
        return card

    def choose_field(self, field_id: str) -> None:
        field = next(f for f in self.fields if f.id == field_id)
        self._show_field(field, field.indicators[0])

    def choose_indicator(self, indicator_id: str) -> None:
        field = self._field()
        self.indicator_id = indicator_id
        for key, card in self.indicator_cards.items():
            mark_selected(card, key == indicator_id, self.context.scale)
        self._show_chart(self._indicator(field))

    def _show_field(self, field: Field, indicator: CityIndicator) -> None:
        self.field_id, self.indicator_id = field.id, indicator.id
        for key, card in self.field_cards.items():
            mark_selected(card, key == field.id, self.context.scale)
        clear_layout(self.indicator_column)
        self.indicator_cards = {i.id: self._indicator_card(i) for i in field.indicators}
        for card in self.indicator_cards.values():
            self.indicator_column.addWidget(card)
        self.indicator_column.addStretch(1)
        self.choose_indicator(indicator.id)

    def _indicator_card(self, indicator: CityIndicator) -> Card:
        lang = self.lang
        card = Card(self.context.scale)
        top = QHBoxLayout()
        top.addWidget(label(indicator.name_in(lang), "CardTitle", wrap=True), 1)
        if indicator.example:
            top.addWidget(example_badge(lang))
        if indicator.on_target is not None:
            top.addWidget(target_badge(indicator.on_target, lang))
        card.layout_.addLayout(top)
        figures = QHBoxLayout()
        figures.addWidget(label(measure(indicator.value, indicator.unit_in(lang), lang), "Big"))
        figures.addStretch(1)
        if indicator.target is not None:
            target = measure(indicator.target, indicator.unit_in(lang), lang)
            figures.addWidget(label(tr("cityind.target", lang, value=target), "Medium"))
        card.layout_.addLayout(figures)
        if indicator.source:
            card.layout_.addWidget(label(indicator.source_in(lang), "Muted", wrap=True))
        card.clicked.connect(lambda: self.choose_indicator(indicator.id))
        return card

    def _show_chart(self, indicator: CityIndicator) -> None:
        clear_layout(self.chart_column)
        lang = self.lang
        name = indicator.name_in(lang)
        if not indicator.history:
            self.chart = None
            self.chart_column.addWidget(label(tr("cityind.no_history", lang), "Muted", wrap=True))
            return
        self.chart_column.addWidget(
            label(tr("cityind.trend", lang, name=name), "Medium", wrap=True)
        )
        unit = indicator.unit_in(lang)
        if indicator.target is None:
            key = tr("cityind.tap_hint", lang)
        else:
            key = tr("cityind.target_key", lang, value=measure(indicator.target, unit, lang))
        self.chart_column.addWidget(label(key, "Muted", wrap=True))
        periods = [point.period for point in indicator.history]
        chart = self.chart = TapChart(
            self.context.scale,
            lambda series, x, y: f"{series.name} {periods[round(x)]}: {measure(y, unit, lang)}",
            height=CHART_HEIGHT,
        )
        if self.context.scale.text == 1.0:
            # beside the cards its height is the free space, not its size hint (which would
            # make the page taller than the screen: the scroll area sizes pages by their
            # preferred height); with larger text the page scrolls anyway
            chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        chart.set_categories(periods)
        if unit:
            chart.set_y_label(unit)
        chart.add_line(Series(name, [(n, p.value) for n, p in enumerate(indicator.history)]))
        if indicator.target is not None:
            target = tr("cityind.target_line", lang)
            line = [(n, indicator.target) for n in range(len(periods))]
            chart.add_line(Series(target, line, color=PALETTE.ok, dashed=True))
        self.chart_column.addWidget(chart, 1)

    def reset(self) -> None:
        super().reset()
        self.field_id = self.indicator_id = ""
