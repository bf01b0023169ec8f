"""디지털 시민열람실: the documents on the left, the opened one on the right in the touch PDF
viewer; a swipe turns its pages (at the first or last page it pages through categories)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import intents as i
from kiosk.i18n import tr
from kiosk.shell.page import PageContext
from kiosk.shell.theme import PALETTE
from kiosk.widget_spec import WidgetSpec
from widgets.common.cards import Card, badge, label
from widgets.common.layout import clear_layout
from widgets.common.pdf import PdfViewer
from widgets.common.staff_content import StaffFile
from widgets.common.staff_view import (
    StaffContentPage,
    content_header,
    mark_selected,
    stack_for_large_text,
    unavailable,
)
from widgets.library.model import LibraryDocument, load_library


class LibraryPage(StaffContentPage):
    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        px = context.scale.px
        self.opened: LibraryDocument | None = None
        self.cards: dict[str, Card] = {}
        self.header = QVBoxLayout()
        self.body.addLayout(self.header)
        row = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(px(24))
        self.list_column = QVBoxLayout()
        self.list_column.setSpacing(px(14))
        row.addLayout(self.list_column, 2)
        self.viewer = PdfViewer(context.scale, self.lang, self)
        row.addWidget(self.viewer, 3)
        self.body.addLayout(row, 1)

    def load(self) -> StaffFile:
        return load_library(self.context.store)

    def show_file(self, loaded: StaffFile, lang: str) -> None:
        stack_for_large_text(self.columns, self.context.scale)
        clear_layout(self.header)
        clear_layout(self.list_column)
        self.cards = {}
        problem = unavailable(loaded, lang)
        documents = loaded.value or []
        self.viewer.setVisible(problem is None)
        if problem is not None:
            self.list_column.addWidget(problem, 1)
            self.opened = None
            self.viewer.close_document()
            return
        self.header.addLayout(content_header(loaded, lang))
        for document in documents:
            self.cards[document.id] = self._card(document)
            self.list_column.addWidget(self.cards[document.id])
        self.list_column.addStretch(1)
        still_listed = self.opened is not None and self.opened.id in self.cards
        opened = next(d for d in documents if d.id == self.opened.id) if still_listed else None
        self.open_document(opened or documents[0])

    def _card(self, document: LibraryDocument) -> Card:
        lang = self.lang
        card = Card(self.context.scale)
        top = QHBoxLayout()
        top.addWidget(badge(tr(f"library.kind.{document.kind}", lang), PALETTE.accent))
        top.addStretch(1)
        card.layout_.addLayout(top)
        card.layout_.addWidget(label(document.title_in(lang), "CardTitle", wrap=True))
        published = tr(
            "library.published",
            lang,
            publisher=document.publisher_in(lang),
            date=document.published,
        )
        card.layout_.addWidget(label(published, "Muted", wrap=True))
        if document.summary_in(lang):
            card.layout_.addWidget(label(document.summary_in(lang), wrap=True))
        card.clicked.connect(lambda: self.open_document(document))
        return card

    def open_document(self, document: LibraryDocument) -> None:
        keep_page = self.opened == document and self.viewer.is_open
        self.opened = document
        for key, card in self.cards.items():
            mark_selected(card, key == document.id, self.context.scale)
        if keep_page:  # a re-render (language, new content): stay on the page being read
            self.viewer.title = document.title_in(self.lang)
            self.viewer.set_language(self.lang)
        else:
            self.viewer.set_language(self.lang)
            self.viewer.open(document.pdf, document.title_in(self.lang))

    def is_ready(self) -> bool:
        return self.viewer.is_ready()

    def handle(self, intent: i.Intent) -> bool:
        return self.viewer.isVisible() and self.viewer.turn_by_intent(intent)

    def reset(self) -> None:
        super().reset()
        self.opened = None
        self.viewer.close_document()
