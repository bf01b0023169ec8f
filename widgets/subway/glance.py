"""Home card: the next trains at this station."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from kiosk.i18n import tr
from kiosk.shell.page import GlanceCard
from kiosk.shell.theme import LINE_COLORS, PALETTE
from widgets.common.cards import badge, empty_state, label
from widgets.common.freshness import freshness_row
from widgets.common.layout import clear_layout
from widgets.subway.model import arrivals_here, line_name

SHOWN = 4


class SubwayGlance(GlanceCard):
    def render(self, lang: str) -> None:
        site = self.context.config.site
        station = site.station_in(lang)
        self.title.setText(tr("subway.here_title", lang, station=station))
        clear_layout(self.body)
        snapshot = self.context.store.snapshot("subway_arrivals")
        arrivals = [
            a for group in arrivals_here(snapshot, site.subway_station).values() for a in group
        ]
        arrivals.sort(key=lambda a: (a.eta_s is None, a.eta_s or 0))
        if not arrivals:
            self.body.addWidget(empty_state(tr("subway.no_data", lang, station=station)), 1)
            return
        for arrival in arrivals[:SHOWN]:
            row = QHBoxLayout()
            row.addWidget(
                badge(
                    line_name(arrival.line_id, lang),
                    LINE_COLORS.get(arrival.line_id, PALETTE.muted),
                )
            )
            row.addWidget(label(tr("subway.towards", lang, destination=arrival.destination)), 1)
            row.addWidget(label(arrival.eta_text(lang), "Medium"))
            self.body.addLayout(row)
        self.body.addStretch(1)
        self.body.addLayout(freshness_row(snapshot, lang))
