"""생활인구: how crowded the kiosk's citydata place is now (level, message, range), who is
there (age, sex, residents) and the hourly forecast, as charts a tap reads out."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk.i18n import format_number, format_time, tr
from offline_cache.store import Snapshot
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.charts import Series, TapChart, hour_label
from widgets.common.hotspot_page import HotspotPage
from widgets.common.hotspots import seoul_words
from widgets.common.layout import columns_for
from widgets.population.model import (
    CONGESTION_COLORS,
    LivePopulation,
    age_label,
    level_name,
    live_population,
    range_text,
)

CHART_HEIGHT = 260


def congestion_message(population: LivePopulation, lang: str) -> str:
    if population.level is None:
        return population.message
    return seoul_words(population.message, f"population.msg.{population.level}", lang)


def percent(value: float) -> str:
    return f"{value:g}%"


def legend(chart: TapChart) -> QHBoxLayout:
    """The chart's series as chips in their colours, under the chart."""
    row = QHBoxLayout()
    for name, colour in chart.legend_entries():
        row.addWidget(badge(name, colour))
    row.addStretch(1)
    return row


class PopulationPage(HotspotPage):
    def build(self, lang: str, snapshots: dict[str, Snapshot]) -> list[Snapshot]:
        self.charts: dict[str, TapChart] = {}
        city = snapshots["citydata"]
        row = self.place(city, lang)
        population = live_population(row) if row is not None else None
        if population is None:
            self.body.addWidget(empty_state(tr("population.no_data", lang)), 1)
            return [city]
        now = self._now_card(population, lang, city)
        ages = self._ages_card(population, lang)
        mix = self._mix_card(population, lang)
        forecast = self._forecast_card(population, lang)
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.context.scale.px(16))
        columns = columns_for(self.context.scale, 3)
        row_index, column = 0, 0
        # now and the forecast first (what a passer-by wants), then who is there
        for card, span in ((now, 1), (forecast, 2), (ages, 2), (mix, 1)):
            span = min(span, columns)
            if column + span > columns:
                row_index, column = row_index + 1, 0
            card.layout_.addStretch(1)
            grid.addWidget(card, row_index, column, 1, span)
            column += span
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.body.addWidget(host)
        self.body.addWidget(label(tr("city.tap_hint", lang), "Muted", wrap=True))
        self.body.addStretch(1)
        return [city]

    def _chart(self, name: str, value_text, fixed: bool = True) -> TapChart:
        chart = TapChart(self.context.scale, value_text, height=CHART_HEIGHT, fixed=fixed)
        self.charts[name] = chart
        return chart

    def _now_card(self, population: LivePopulation, lang: str, city: Snapshot) -> Card:
        card = self.titled_card(f"{tr('population.now_title', lang)} · {population.area}")
        level = QHBoxLayout()
        level.addWidget(
            badge(level_name(population.level, lang), CONGESTION_COLORS[population.level])
        )
        level.addStretch(1)
        card.layout_.addLayout(level)
        people = range_text(population.minimum, population.maximum, lang)
        card.layout_.addWidget(label(people or "-", "Big", wrap=True))
        if message := congestion_message(population, lang):
            card.layout_.addWidget(label(message, wrap=True))
        if population.measured_at is not None:
            when = format_time(population.measured_at, lang, city.now)
            card.layout_.addWidget(label(tr("city.as_of", lang, when=when), "Muted"))
        if (peak := population.peak) is not None:
            text = tr(
                "population.peak",
                lang,
                when=format_time(peak.time, lang, city.now),
                level=level_name(peak.level, lang),
            )
            card.layout_.addWidget(label(text, "Medium", wrap=True))
        return card

    def _forecast_card(self, population: LivePopulation, lang: str) -> Card:
        card = self.titled_card(tr("population.forecast_title", lang))
        hours = [hour for hour in population.forecast if hour.maximum is not None]
        if not hours:
            card.layout_.addWidget(empty_state(tr("population.no_forecast", lang)))
            return card

        def value_text(series: Series, x: float, y: float) -> str:
            hour = hours[int(x)]
            people = range_text(hour.minimum, hour.maximum, lang)
            return f"{hour_label(hour.time)} {people} · {level_name(hour.level, lang)}"

        chart = self._chart("forecast", value_text, fixed=False)  # as tall as the now card
        step = max(1, len(hours) // 6)
        chart.set_categories(
            [hour_label(h.time) if i % step == 0 else "" for i, h in enumerate(hours)]
        )
        chart.set_y_format(lambda value: format_number(value, lang))
        chart.add_line(
            Series(
                tr("population.forecast_max", lang),
                [(i, float(h.maximum or 0)) for i, h in enumerate(hours)],
                point_colors=[CONGESTION_COLORS[h.level] for h in hours],
            )
        )
        lows = [(i, float(h.minimum)) for i, h in enumerate(hours) if h.minimum is not None]
        if lows:
            grey = "#4B5563"  # not a congestion colour: the levels colour the points of the most
            chart.add_line(Series(tr("population.forecast_min", lang), lows, grey, dashed=True))
        self.add_chart(card, chart, tr("population.forecast_title", lang))
        chips = legend(chart)
        levels = sorted({h.level for h in hours if h.level is not None})
        if levels:
            chips.insertWidget(chips.count() - 1, label(tr("population.levels", lang), "Muted"))
        for level in levels:
            chips.insertWidget(
                chips.count() - 1, badge(level_name(level, lang), CONGESTION_COLORS[level])
            )
        card.layout_.addLayout(chips)
        return card

    def _ages_card(self, population: LivePopulation, lang: str) -> Card:
        card = self.titled_card(tr("population.ages_title", lang))
        if not population.ages:
            card.layout_.addWidget(empty_state(tr("population.no_breakdown", lang)))
            return card
        names = [age_label(band, lang) for band, _ in population.ages]

        def value_text(series: Series, x: float, y: float) -> str:
            return f"{names[int(x)]}: {format_number(y, lang, 1)}%"

        chart = self._chart("ages", value_text)
        chart.set_categories(names)
        chart.set_y_format(percent)
        chart.add_bars(
            Series(
                tr("population.ages_title", lang),
                [(i, share) for i, (_, share) in enumerate(population.ages)],
            )
        )
        self.add_chart(card, chart, tr("population.ages_title", lang))
        return card

    def _mix_card(self, population: LivePopulation, lang: str) -> Card:
        card = self.titled_card(tr("population.mix_title", lang))
        groups = [
            (
                "population.sex",
                (("population.male", population.male), ("population.female", population.female)),
            ),
            (
                "population.residence",
                (
                    ("population.resident", population.resident),
                    ("population.non_resident", population.non_resident),
                ),
            ),
        ]
        names: list[str] = []
        series: list[Series] = []
        for group, parts in groups:
            points = []
            for key, share in parts:
                if share is not None:
                    points.append((len(names), share))
                names.append(tr(key, lang))
            if points:
                series.append(Series(tr(group, lang), points))
            names.append("")  # a gap between the groups
        if not series:
            card.layout_.addWidget(empty_state(tr("population.no_breakdown", lang)))
            return card

        def value_text(series: Series, x: float, y: float) -> str:
            return f"{names[int(x)]}: {format_number(y, lang, 1)}%"

        chart = self._chart("mix", value_text)
        chart.set_categories(names[:-1])
        chart.set_y_format(percent)
        for item in series:
            chart.add_bars(item)
        self.add_chart(card, chart, tr("population.mix_title", lang))
        card.layout_.addLayout(legend(chart))
        return card
