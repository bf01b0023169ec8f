"""Home card: how many public bikes are parked near the station."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.shell.page import GlanceCard
from widgets.bikes.model import DEFAULT_RADIUS_M, distance_text, nearby_stations, query_nearby
from widgets.common.cards import empty_state, label
from widgets.common.freshness import freshness_row
from widgets.common.layout import clear_layout


class BikesGlance(GlanceCard):
    def render(self, lang: str) -> None:
        self.title.setText(self.spec.title_in(lang))
        clear_layout(self.body)
        site = self.context.config.site
        radius = float(self.context.config.section("bikes").get("radius_m", DEFAULT_RADIUS_M))
        snapshot = query_nearby(self.context.store, site, radius)
        stations = nearby_stations(snapshot, site, radius, limit=100)
        if not stations:
            message = tr("bikes.no_data", lang, radius=distance_text(radius, lang))
            self.body.addWidget(empty_state(message), 1)
            return
        bikes = sum(s.bikes or 0 for s in stations)
        self.body.addWidget(label(str(bikes), "Big"))
        self.body.addWidget(
            label(
                tr("bikes.summary", lang, stations=len(stations), bikes=bikes), "Muted", wrap=True
            )
        )
        nearest = stations[0]
        self.body.addWidget(
            label(f"{nearest.name} · {distance_text(nearest.distance_m, lang)}", wrap=True)
        )
        self.body.addStretch(1)
        self.body.addLayout(freshness_row(snapshot, lang))
