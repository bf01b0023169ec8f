"""Home card: the air-quality grade in the kiosk's district."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.reference import district_at
from kiosk.shell.page import GlanceCard
from kiosk.shell.theme import GRADE_COLORS
from widgets.air.model import air_here, grade_name
from widgets.common.cards import badge, empty_state, label
from widgets.common.freshness import freshness_row
from widgets.common.layout import clear_layout


class AirGlance(GlanceCard):
    def render(self, lang: str) -> None:
        site = self.context.config.site
        here = district_at(site.lat, site.lon)
        district = here.name_in(lang) if here else site.name_in(lang)
        self.title.setText(tr("air.here_title", lang, district=district))
        clear_layout(self.body)
        snapshot = self.context.store.snapshot("air_quality")
        air = air_here(snapshot, here.code if here else None)
        if snapshot.is_empty:
            self.body.addWidget(empty_state(tr("air.no_data", lang)), 1)
            return
        grade = air.overall if air else None
        background, foreground = GRADE_COLORS[grade]
        chip = badge(grade_name(grade, lang), background, foreground)
        chip.setObjectName("Big")
        chip.setStyleSheet(chip.styleSheet() + "border-radius: 12px; padding: 4px 18px;")
        self.body.addWidget(chip)
        if air and grade is not None:
            values = f"PM10 {air.pm10 or 0:.0f} · PM2.5 {air.pm25 or 0:.0f} ㎍/㎥"
            self.body.addWidget(label(values, "Medium"))
        self.body.addStretch(1)
        self.body.addLayout(freshness_row(snapshot, lang))
