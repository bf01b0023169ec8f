"""Home card: the temperature and sky here now."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.shell.page import GlanceCard
from widgets.common.cards import empty_state, label
from widgets.common.freshness import freshness_row
from widgets.common.layout import clear_layout
from widgets.weather.model import weather_now


class WeatherGlance(GlanceCard):
    def render(self, lang: str) -> None:
        self.title.setText(self.spec.title_in(lang))
        clear_layout(self.body)
        now, snapshot = weather_now(self.context.store)
        if now is None:
            self.body.addWidget(empty_state(tr("weather.no_data", lang)), 1)
            return
        temperature = "-" if now.temperature is None else f"{now.temperature:.1f}°C"
        self.body.addWidget(label(temperature, "Big"))
        if now.precip_type is not None:
            self.body.addWidget(label(tr(f"precip.{now.precip_type}", lang), "Medium"))
        details = []
        if now.humidity is not None:
            details.append(tr("weather.humidity", lang, n=f"{now.humidity:.0f}"))
        if now.wind_speed is not None:
            details.append(tr("weather.wind", lang, n=f"{now.wind_speed:.1f}"))
        self.body.addWidget(label(" · ".join(details), "Muted", wrap=True))
        self.body.addStretch(1)
        self.body.addLayout(freshness_row(snapshot, lang))
