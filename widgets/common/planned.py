"""A page whose content is still being built: says what it will show, never fakes data."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.shell.page import WidgetPage
from offline_cache.store import Snapshot
from widgets.common.cards import empty_state, label
from widgets.common.layout import clear_layout


class PlannedPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        self.body.addStretch(1)
        self.body.addWidget(empty_state(tr("planned.heading", lang)))
        what = label(
            tr("planned.body", lang, what=self.spec.description_in(lang)), "Muted", wrap=True
        )
        self.body.addWidget(what)
        self.body.addStretch(2)
        return []
