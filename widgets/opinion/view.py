"""시민 여론: the latest month's complaints by type (most first, with the change on the month
before), and a trend chart of every type; each type's row carries its line's colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from kiosk.i18n import format_month, format_month_short, format_number, tr
from widgets.common.cards import badge, label, table_card
from widgets.common.charts import SERIES_COLORS, Series, TapChart
from widgets.common.content_page import StaffContentPage
from widgets.common.layout import columns_for
from widgets.common.staff_content import StaffFile
from widgets.opinion.model import Opinion, load_opinion


def colour_of(index: int) -> str:
    return SERIES_COLORS[index % len(SERIES_COLORS)]


class OpinionPage(StaffContentPage):
    chart: TapChart | None = None

    def reset(self) -> None:
        super().reset()
        if self.chart is not None:
            self.chart.clear_value()

    def load(self) -> StaffFile[Opinion]:
        return load_opinion(self.context.store)

    def fill_content(self, file: StaffFile[Opinion], lang: str) -> None:
        opinion = file.data
        assert opinion is not None
        latest = opinion.months[-1]
        total = tr(
            "opinion.total",
            lang,
            month=format_month(latest, lang),
            n=format_number(opinion.latest_total, lang),
        )
        self.body.addWidget(label(total, "CardTitle", wrap=True))
        self.chart = self._chart(opinion, lang)
        table = self._table(opinion, lang)
        side_by_side = columns_for(self.context.scale, 2) > 1
        row = QHBoxLayout() if side_by_side else QVBoxLayout()
        row.setSpacing(self.context.scale.px(24))
        trend = QVBoxLayout()
        trend.addWidget(label(tr("opinion.trend", lang), "Muted", wrap=True))
        trend.addWidget(self.chart, 1)
        if side_by_side:
            row.addLayout(trend, 3)
            row.addWidget(table, 2)
        else:
            row.addWidget(table)
            row.addLayout(trend)
        self.body.addLayout(row)

    def _table(self, opinion: Opinion, lang: str) -> QFrame:
        """This month's count and change per type; each row's chip is its line's colour."""
        table, grid = table_card(self.context.scale, column_gap=16, row_gap=12)
        for row, complaint in enumerate(opinion.types):
            grid.addWidget(badge("  ", colour_of(row)), row, 0)  # the key to the chart
            grid.addWidget(label(complaint.name_in(lang), "CardTitle", wrap=True), row, 1)
            count = "-" if complaint.latest is None else format_number(complaint.latest, lang)
            amount = label(tr("opinion.count", lang, n=count), "CardTitle")
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(amount, row, 2)
            change = complaint.change
            if change is not None:
                arrow = "▲" if change > 0 else "▼" if change < 0 else "―"
                text = tr("opinion.change", lang, arrow=arrow, n=format_number(abs(change), lang))
                grid.addWidget(label(text, "Muted"), row, 3)
        grid.setColumnStretch(1, 1)
        return table

    def _chart(self, opinion: Opinion, lang: str) -> TapChart:
        months = opinion.months

        def value_text(series: Series, x: float, y: float) -> str:
            month = format_month_short(months[round(x)], lang)
            n = format_number(y, lang)
            return tr("opinion.point", lang, type=series.name, month=month, n=n)

        chart = TapChart(self.context.scale, value_text, height=380)
        chart.set_categories([format_month_short(month, lang) for month in months])
        chart.set_y_label(tr("opinion.axis", lang))
        highest = 0.0
        for index, complaint in enumerate(opinion.types):
            points = [(x, float(n)) for x, n in enumerate(complaint.counts) if n is not None]
            highest = max([highest, *(y for _, y in points)])
            chart.add_line(Series(complaint.name_in(lang), points, colour_of(index)))
        chart.setYRange(0, max(highest, 1) * 1.15)  # counts start at zero: no exaggerated swings
        return chart
