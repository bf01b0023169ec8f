"""교통: roads around the kiosk's citydata place, the next trains here, bus stops and parking,
one card each; a visitor switches between nearby places with the buttons on top."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk.i18n import format_measure, format_number, format_time, tr
from kiosk.intents import ShowWidget, Source
from kiosk.shell.theme import LINE_COLORS, PALETTE
from offline_cache.store import Snapshot
from widgets.bikes.model import distance_text
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.hotspot_page import HotspotPage
from widgets.common.hotspots import seoul_words
from widgets.common.layout import columns_for
from widgets.subway.model import direction_name, line_name
from widgets.subway.view import arrival_groups
from widgets.traffic.model import (
    ROAD_COLORS,
    RoadTraffic,
    bus_stops,
    parking_lots,
    road_level_name,
    road_traffic,
)

SHOWN = 6  # rows per card: the page stays readable at a glance


def speed_text(speed: float | None, lang: str) -> str:
    return "-" if speed is None else format_measure(speed, "speed-kilometer-per-hour", lang)


def road_message(traffic: RoadTraffic, lang: str) -> str:
    if traffic.level is None:
        return traffic.message
    return seoul_words(traffic.message, f"traffic.road_msg.{traffic.level}", lang)


class TrafficPage(HotspotPage):
    def moving_texts(self, lang: str, snapshots: dict[str, Snapshot]) -> tuple[str, ...]:
        """The train times shown: they count down with the clock."""
        groups = arrival_groups(
            snapshots["subway_arrivals"], self.context.config.site.subway_station
        )
        return tuple(a.eta_text(lang) for arrivals in groups[:SHOWN] for a in arrivals[:2])

    def build(self, lang: str, snapshots: dict[str, Snapshot]) -> list[Snapshot]:
        site = self.context.config.site
        city, trains = snapshots["citydata"], snapshots["subway_arrivals"]
        row = self.place(city, lang)
        groups = arrival_groups(trains, site.subway_station)
        if row is None and not groups:
            self.body.addWidget(empty_state(tr("traffic.no_data", lang)), 1)
            return [city, trains]
        row = row or {}
        cards = [
            self._roads_card(row, lang, city),
            self._trains_card(groups, lang),
            self._bus_card(row, lang),
            self._parking_card(row, lang),
        ]
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.context.scale.px(16))
        columns = columns_for(self.context.scale, 2)
        for index, card in enumerate(cards):
            card.layout_.addStretch(1)  # rows stay at the top of a card taller than them
            grid.addWidget(card, *divmod(index, columns))
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.body.addWidget(host)
        self.body.addStretch(1)
        return [city, trains]

    def _roads_card(self, row: dict, lang: str, city: Snapshot) -> Card:
        place = row.get("area_name") or ""
        card = self.titled_card(
            f"{tr('traffic.roads_title', lang)} · {place}"
            if place
            else tr("traffic.roads_title", lang)
        )
        traffic = road_traffic(row)
        if traffic is None:
            card.layout_.addWidget(empty_state(tr("traffic.no_roads", lang)))
            return card
        top = QHBoxLayout()
        top.addWidget(badge(road_level_name(traffic.level, lang), ROAD_COLORS[traffic.level]))
        speed = tr("traffic.average_speed", lang, speed=speed_text(traffic.speed_kmh, lang))
        top.addWidget(label(speed, "Medium", wrap=True), 1)
        card.layout_.addLayout(top)
        if message := road_message(traffic, lang):
            card.layout_.addWidget(label(message, wrap=True))
        if traffic.measured_at is not None:
            when = format_time(traffic.measured_at, lang, city.now)
            card.layout_.addWidget(label(tr("city.as_of", lang, when=when), "Muted"))
        links = sorted(
            traffic.links, key=lambda link: -(link.level if link.level is not None else -1)
        )
        for link in links[:SHOWN]:
            line = QHBoxLayout()
            where = link.name + (f" ({link.start} → {link.end})" if link.start or link.end else "")
            line.addWidget(label(where, wrap=True), 1)
            line.addWidget(label(speed_text(link.speed_kmh, lang), "CardTitle"))
            line.addWidget(badge(road_level_name(link.level, lang), ROAD_COLORS[link.level]))
            card.layout_.addLayout(line)
        return card

    def _trains_card(self, groups: list, lang: str) -> Card:
        station = self.context.config.site.station_in(lang)
        card = self.titled_card(tr("subway.here_title", lang, station=station), tappable=True)
        card.clicked.connect(lambda: self.context.sink(ShowWidget("subway", Source.TOUCH)))
        if not groups:
            card.layout_.addWidget(empty_state(tr("subway.no_data", lang, station=station)))
            return card
        for arrivals in groups[:SHOWN]:
            first = arrivals[0]
            line = QHBoxLayout()
            colour = LINE_COLORS.get(first.line_id, PALETTE.muted)
            line.addWidget(badge(line_name(first.line_id, lang), colour))
            towards = tr("subway.towards", lang, destination=first.destination)
            line.addWidget(
                label(f"{direction_name(first.direction, lang)} · {towards}", wrap=True), 1
            )
            soonest = " · ".join(arrival.eta_text(lang) for arrival in arrivals[:2])
            line.addWidget(label(soonest, "CardTitle"))
            card.layout_.addLayout(line)
        card.layout_.addWidget(label(tr("home.more", lang), "Muted"))
        return card

    def _bus_card(self, row: dict, lang: str) -> Card:
        card = self.titled_card(tr("traffic.bus_title", lang))
        site = self.context.config.site
        stops = bus_stops(row, site.lat, site.lon)
        if not stops:
            card.layout_.addWidget(empty_state(tr("traffic.no_bus", lang)))
            return card
        for stop in stops[:SHOWN]:
            line = QHBoxLayout()
            line.addWidget(label(stop.name, "CardTitle", wrap=True), 1)
            if stop.ars_id:
                line.addWidget(label(tr("traffic.bus_number", lang, id=stop.ars_id), "Muted"))
            if stop.distance_m is not None:
                line.addWidget(label(distance_text(stop.distance_m, lang)))
            card.layout_.addLayout(line)
        return card

    def _parking_card(self, row: dict, lang: str) -> Card:
        card = self.titled_card(tr("traffic.parking_title", lang))
        lots = parking_lots(row)
        if not lots:
            card.layout_.addWidget(empty_state(tr("traffic.no_parking", lang)))
            return card
        for lot in lots[:SHOWN]:
            line = QHBoxLayout()
            line.addWidget(label(lot.name, "CardTitle", wrap=True), 1)
            if lot.free_spaces is not None:
                free = tr(
                    "traffic.parking.free_spaces", lang, n=format_number(lot.free_spaces, lang)
                )
                line.addWidget(badge(tr("traffic.parking.live", lang), PALETTE.ok))
                line.addWidget(label(free, "CardTitle"))
            elif lot.capacity is not None:
                capacity = tr("traffic.parking.capacity", lang, n=format_number(lot.capacity, lang))
                line.addWidget(label(capacity))
            card.layout_.addLayout(line)
            details = [lot.fee_text(lang)]
            if lot.free_spaces is None:
                details.append(tr("traffic.parking.not_live", lang))
            card.layout_.addWidget(label(" · ".join(d for d in details if d), "Muted", wrap=True))
        return card
