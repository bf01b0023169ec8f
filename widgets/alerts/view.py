"""재난안전: disaster text alerts, newest first, with their step, kind, region and time."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from kiosk.i18n import format_time, tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import PALETTE
from offline_cache.store import Snapshot
from widgets.alerts.model import Alert, alerts_newest_first
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout

STEP_COLORS = {3: PALETTE.danger, 2: PALETTE.warning, 1: PALETTE.accent}


def step_badge(alert: Alert):
    return badge(alert.step or "-", STEP_COLORS[alert.severity])


class AlertsPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        snapshot = self.context.store.snapshot("disaster_alerts")
        alerts = alerts_newest_first(snapshot)
        if not alerts:
            self.body.addWidget(empty_state(tr("alerts.none", lang)), 1)
            return [snapshot]
        for alert in alerts:
            self.body.addWidget(self._alert_card(alert, lang, snapshot.now))
        self.body.addStretch(1)
        return [snapshot]

    def _alert_card(self, alert: Alert, lang: str, now: float) -> Card:
        card = Card(self.context.scale, tappable=False)
        top = QHBoxLayout()
        top.addWidget(step_badge(alert))
        if alert.kind:
            top.addWidget(badge(alert.kind, PALETTE.muted))
        top.addWidget(label(alert.region, "CardTitle", wrap=True), 1)
        top.addWidget(label(format_time(alert.created_at, lang, now), "Muted"))
        card.layout_.addLayout(top)
        card.layout_.addWidget(label(alert.message, wrap=True))
        return card
