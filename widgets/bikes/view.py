"""따릉이: public bike stations near this station, nearest first, with bikes available."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import PALETTE
from offline_cache.store import Snapshot
from widgets.bikes.model import (
    DEFAULT_RADIUS_M,
    NearbyStation,
    distance_text,
    nearby_stations,
    query_nearby,
)
from widgets.common.cards import Card, empty_state, label
from widgets.common.layout import clear_layout


def radius_m(page: WidgetPage) -> float:
    return float(page.context.config.section("bikes").get("radius_m", DEFAULT_RADIUS_M))


class BikesPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        site = self.context.config.site
        radius = radius_m(self)
        snapshot = query_nearby(self.context.store, site, radius)
        stations = nearby_stations(snapshot, site, radius)
        if not stations:
            message = tr("bikes.no_data", lang, radius=distance_text(radius, lang))
            self.body.addWidget(empty_state(message), 1)
            return [snapshot]
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.context.scale.px(16))
        for index, station in enumerate(stations):
            grid.addWidget(self._station_card(station, lang), *divmod(index, 2))
        self.body.addWidget(host)
        self.body.addStretch(1)
        return [snapshot]

    def _station_card(self, station: NearbyStation, lang: str) -> Card:
        card = Card(self.context.scale, tappable=False)
        row = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(label(station.name, "CardTitle", wrap=True))
        details = [distance_text(station.distance_m, lang)]
        if station.racks is not None:
            details.append(tr("bikes.racks", lang, n=station.racks))
        names.addWidget(label(" · ".join(details), "Muted"))
        row.addLayout(names, 1)
        count = QVBoxLayout()
        bikes = label("-" if station.bikes is None else str(station.bikes), "Big")
        if station.bikes == 0:
            bikes.setStyleSheet(f"color: {PALETTE.danger};")
        count.addWidget(bikes)
        count.addWidget(label(tr("bikes.available", lang), "Muted"))
        row.addLayout(count)
        card.layout_.addLayout(row)
        return card
