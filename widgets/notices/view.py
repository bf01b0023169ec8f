"""공지사항: the active notices of the current content version, important ones first."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from kiosk.i18n import format_time, tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import PALETTE
from offline_cache.content import current_content
from offline_cache.store import Snapshot
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout
from widgets.notices.model import Notice, active_notices, notice_board


class NoticesPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        store = self.context.store
        content = current_content(store)
        now = self.context.clock()
        notices = active_notices(notice_board(content), self.context.config, now)
        if not notices:
            self.body.addWidget(empty_state(tr("notices.none", lang)), 1)
        for notice in notices:
            self.body.addWidget(self._notice_card(notice, lang, now))
        self.body.addStretch(1)
        if content.is_default:
            version = tr("notices.default_version", lang)
        else:
            when = format_time(content.applied_at, lang, now)
            version = tr("notices.version", lang, n=content.version, when=when)
        self.body.addWidget(label(version, "Muted"))
        return []

    def _notice_card(self, notice: Notice, lang: str, now: float) -> Card:
        card = Card(self.context.scale, tappable=False)
        top = QHBoxLayout()
        if notice.important:
            top.addWidget(badge(tr("notices.important", lang), PALETTE.danger))
        if notice.sample:
            top.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
        top.addWidget(label(notice.title_in(lang), "CardTitle", wrap=True), 1)
        card.layout_.addLayout(top)
        if notice.body_in(lang):
            card.layout_.addWidget(label(notice.body_in(lang), wrap=True))
        if notice.valid_from or notice.valid_until:
            start = format_time(notice.valid_from, lang, now) if notice.valid_from else "-"
            end = (
                format_time(notice.valid_until, lang, now)
                if notice.valid_until
                else tr("notices.open_end", lang)
            )
            card.layout_.addWidget(label(tr("notices.period", lang, start=start, end=end), "Muted"))
        return card
