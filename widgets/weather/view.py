"""날씨: the weather now (each value with the source it came from: the KMA nowcast of the
kiosk's grid cell or the citydata place) and citydata's 24-hour forecast as a chart."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.i18n import format_number, tr
from offline_cache.store import Snapshot
from widgets.common.cards import Card, empty_state, label
from widgets.common.charts import Series, TapChart, hour_label
from widgets.common.hotspot_page import HotspotPage
from widgets.common.layout import columns_for
from widgets.weather.model import (
    CITYDATA,
    KMA,
    ForecastHour,
    Reading,
    WeatherReport,
    precip_name,
    sky_name,
    weather_report,
)

CHART_HEIGHT = 250
STRIP_HOURS = 6  # hours listed in words under the chart (evenly spread over the forecast)


def source_text(source: str, report: WeatherReport, lang: str) -> str:
    if source == KMA:
        return tr("weather.source.kma", lang)
    return tr("weather.source.citydata", lang, place=report.area)


def hour_summary(hour: ForecastHour, lang: str) -> list[str]:
    """What one forecast hour says: temperature, sky (or rain/snow), chance of rain."""
    parts = []
    if hour.temperature is not None:
        parts.append(f"{format_number(hour.temperature, lang)}°C")
    if hour.precip_type:
        parts.append(precip_name(hour.precip_type, lang))
    elif hour.sky:
        parts.append(sky_name(hour.sky, lang))
    if hour.rain_chance is not None:
        parts.append(tr("weather.rain_chance", lang, n=format_number(hour.rain_chance, lang)))
    return parts


class WeatherPage(HotspotPage):
    def build(self, lang: str, snapshots: dict[str, Snapshot]) -> list[Snapshot]:
        self.chart: TapChart | None = None
        nowcast, city = snapshots["weather"], snapshots["citydata"]
        row = self.place(city, lang)
        report = weather_report(nowcast, city, row, lang)
        if report is None:
            self.body.addWidget(empty_state(tr("weather.no_data", lang)), 1)
            return [nowcast, city]
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.context.scale.px(16))
        columns = columns_for(self.context.scale, 2)
        for index, card in enumerate(
            (self._now_card(report, lang), self._forecast_card(report, lang))
        ):
            card.layout_.addStretch(1)
            grid.addWidget(card, *divmod(index, columns))
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.body.addWidget(host)
        self.body.addStretch(1)
        shown = report.sources | ({CITYDATA} if report.forecast else set())
        return [
            snapshot for source, snapshot in ((KMA, nowcast), (CITYDATA, city)) if source in shown
        ]

    def _now_card(self, report: WeatherReport, lang: str) -> Card:
        card = self.titled_card(tr("weather.now_title", lang))
        columns = 3 if self.context.scale.text < 1.5 else 1
        for source in (KMA, CITYDATA):  # the values grouped under the source they came from
            group = [reading for reading in report.readings if reading.source == source]
            if not group:
                continue
            card.layout_.addSpacing(self.context.scale.px(8))
            card.layout_.addWidget(label(source_text(source, report, lang), "Muted", wrap=True))
            if group[0].name == "weather.temperature":
                card.layout_.addWidget(label(group.pop(0).value, "Big"))
            grid = QGridLayout()
            grid.setHorizontalSpacing(self.context.scale.px(24))
            grid.setVerticalSpacing(self.context.scale.px(8))
            for index, reading in enumerate(group):
                grid.addLayout(self._reading(reading, lang), *divmod(index, columns))
            card.layout_.addLayout(grid)
        if report.message:
            card.layout_.addWidget(label(report.message, wrap=True))
        return card

    def _reading(self, reading: Reading, lang: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(label(tr(reading.name, lang), "Muted"))
        column.addWidget(label(reading.value, "Medium", wrap=True))
        return column

    def _forecast_card(self, report: WeatherReport, lang: str) -> Card:
        title = f"{tr('weather.forecast_title', lang)} · {source_text(CITYDATA, report, lang)}"
        card = self.titled_card(title)
        hours = [hour for hour in report.forecast if hour.temperature is not None]
        if not hours:
            card.layout_.addWidget(empty_state(tr("weather.no_forecast", lang)))
            return card

        def value_text(series: Series, x: float, y: float) -> str:
            hour = hours[int(x)]
            return " · ".join([hour_label(hour.time), *hour_summary(hour, lang)])

        chart = TapChart(self.context.scale, value_text, height=CHART_HEIGHT, fixed=True)
        step = max(1, -(-len(hours) // 8))
        chart.set_categories(
            [hour_label(h.time) if i % step == 0 else "" for i, h in enumerate(hours)]
        )
        chart.set_y_format(lambda value: f"{value:g}°")
        chart.add_line(
            Series(
                tr("weather.temperature", lang),
                [(i, float(h.temperature or 0)) for i, h in enumerate(hours)],
            )
        )
        self.chart = chart
        self.add_chart(card, chart, title)
        strip = QGridLayout()
        strip.setHorizontalSpacing(self.context.scale.px(12))
        picked = hours[:: max(1, -(-len(hours) // STRIP_HOURS))]
        per_row = columns_for(self.context.scale, STRIP_HOURS)
        for index, hour in enumerate(picked):
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(label(hour_label(hour.time), "Muted"))
            for part in hour_summary(hour, lang):
                cell.addWidget(label(part, wrap=True))
            strip.addLayout(cell, *divmod(index, per_row))
        for column in range(min(per_row, len(picked))):
            strip.setColumnStretch(column, 1)
        card.layout_.addLayout(strip)
        card.layout_.addWidget(label(tr("city.tap_hint", lang), "Muted", wrap=True))
        return card
