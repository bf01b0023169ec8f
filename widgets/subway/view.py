"""지하철 도착: the next trains at this station, one card per line and direction."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import LINE_COLORS, PALETTE
from offline_cache.store import Snapshot
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout
from widgets.subway.model import Arrival, arrivals_here, direction_name, line_name

SHOWN_PER_DIRECTION = 3


def arrival_groups(snapshot: Snapshot, station: str) -> list[list[Arrival]]:
    """Arrivals split by (line, direction), in line order."""
    groups: dict[tuple[str, str], list[Arrival]] = {}
    for arrivals in arrivals_here(snapshot, station).values():
        for arrival in arrivals:
            groups.setdefault((arrival.line_id, arrival.direction), []).append(arrival)
    return [groups[key] for key in sorted(groups)]


def arrival_card(arrivals: list[Arrival], lang: str, page: WidgetPage) -> Card:
    scale = page.context.scale
    first = arrivals[0]
    card = Card(scale, tappable=False)
    top = QHBoxLayout()
    top.addWidget(
        badge(line_name(first.line_id, lang), LINE_COLORS.get(first.line_id, PALETTE.muted))
    )
    top.addWidget(label(direction_name(first.direction, lang), "CardTitle"))
    top.addWidget(label(first.heading, "Muted"), 1)
    card.layout_.addLayout(top)
    for arrival in arrivals[:SHOWN_PER_DIRECTION]:
        row = QHBoxLayout()
        row.addWidget(label(tr("subway.towards", lang, destination=arrival.destination), "Medium"))
        if arrival.last_train:
            row.addWidget(badge(tr("subway.last_train", lang), PALETTE.danger))
        row.addStretch(1)
        row.addWidget(label(arrival.eta_text(lang), "Medium"))
        card.layout_.addLayout(row)
        if arrival.eta_s is not None and arrival.message:
            card.layout_.addWidget(label(arrival.message, "Muted"))
    return card


class SubwayPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        snapshot = self.context.store.snapshot("subway_arrivals")
        site = self.context.config.site
        groups = arrival_groups(snapshot, site.subway_station)
        if not groups:
            station = site.station_in(lang)
            self.body.addWidget(empty_state(tr("subway.no_data", lang, station=station)), 1)
            return [snapshot]
        if snapshot.is_stale:
            self.body.addWidget(label(tr("subway.stale_note", lang), "Muted", wrap=True))
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.context.scale.px(16))
        for index, arrivals in enumerate(groups):
            grid.addWidget(arrival_card(arrivals, lang, self), *divmod(index, 2))
        self.body.addWidget(host)
        self.body.addStretch(1)
        return [snapshot]
