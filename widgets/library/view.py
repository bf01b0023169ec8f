"""디지털 시민열람실: the documents on the left, the opened one on the right in the touch PDF
viewer; a swipe turns its pages (at the first or last page it pages through categories)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import intents as i
from kiosk.i18n import tr
from kiosk.shell.page import PageContext
from kiosk.shell.theme import PALETTE
from kiosk.widget_spec import WidgetSpec
from widgets.common.cards import Card, badge, label, mark_selected
from widgets.common.content_page import StaffContentPage
from widgets.common.layout import stack_for_large_text
from widgets.common.pdf import PdfViewer
from widgets.common.staff_content import StaffFile
from widgets.library.model import LibraryDocument, load_library


class LibraryPage(StaffContentPage):
    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        self.opened: LibraryDocument | None = None
        self.cards: dict[str, Card] = {}
        self.viewer = PdfViewer(context.scale, self.lang, self)  # kept across rebuilds

    def load(self) -> StaffFile[list[LibraryDocument]]:
        return load_library(self.context.store)

    def kept_widgets(self) -> tuple[QWidget, ...]:
        return (self.viewer,)

    def fill_content(self, file: StaffFile[list[LibraryDocument]], lang: str) -> None:
        px = self.context.scale.px
        documents = file.data
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(px(24))
        stack_for_large_text(row, self.context.scale)
        list_column = QVBoxLayout()
        list_column.setSpacing(px(14))
        row.addLayout(list_column, 2)
        row.addWidget(self.viewer, 3)
        self.viewer.show()
        self.body.addLayout(row, 1)
        self.cards = {}
        for document in documents:
            self.cards[document.id] = self._card(document)
            list_column.addWidget(self.cards[document.id])
        list_column.addStretch(1)
        still_listed = self.opened is not None and self.opened.id in self.cards
        opened = next(d for d in documents if d.id == self.opened.id) if still_listed else None
        self.open_document(opened or documents[0])

    def forget_content(self) -> None:
        self.opened, self.cards = None, {}
        self.viewer.close_document()

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
