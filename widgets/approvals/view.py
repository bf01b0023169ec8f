"""결재문서: the document list on the left, the selected document's PDF on the right.

The page holds private content (the PDF document, its rendered pages): when private mode
locks, the shell destroys this page and everything parented to it."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import intents as i
from kiosk.i18n import tr
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.theme import PALETTE
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import Snapshot
from widgets.approvals.model import ApprovalDocument, load_approvals
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout, stack_for_large_text
from widgets.common.pdf import PdfViewer

STATUS_COLORS = {"pending": PALETTE.warning, "approved": PALETTE.ok, "returned": PALETTE.danger}


class DocumentCard(Card):
    def __init__(self, document: ApprovalDocument, lang: str, sample: bool, page: ApprovalsPage):
        super().__init__(page.context.scale)
        self.document = document
        top = QHBoxLayout()
        top.addWidget(
            badge(tr(f"approvals.{document.status}", lang), STATUS_COLORS[document.status])
        )
        if sample:
            top.addWidget(badge(tr("data.sample", lang), PALETTE.sample))
        top.addStretch(1)
        top.addWidget(label(document.submitted, "Muted"))
        self.layout_.addLayout(top)
        self.layout_.addWidget(label(document.title_in(lang), "CardTitle", wrap=True))
        self.layout_.addWidget(label(document.department_in(lang), "Muted", wrap=True))
        self.clicked.connect(lambda: page.open_document(document))


class ApprovalsPage(WidgetPage):
    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        px = context.scale.px
        self.lang = context.config.default_language
        self.opened: ApprovalDocument | None = None
        row = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(px(24))
        self.list_column = QVBoxLayout()
        self.list_column.setSpacing(px(14))
        row.addLayout(self.list_column, 2)
        self.viewer = PdfViewer(context.scale, self.lang, self)
        self.pdf, self.view = self.viewer.document, self.viewer.view
        self.previous_page, self.next_page = self.viewer.previous_button, self.viewer.next_button
        row.addWidget(self.viewer, 3)
        self.body.addLayout(row, 1)

    def fill(self, lang: str) -> list[Snapshot]:
        self.lang = lang
        stack_for_large_text(self.columns, self.context.scale)  # the document below the list
        clear_layout(self.list_column)
        approvals = load_approvals(self.context.store)
        if approvals.error or not approvals.documents:
            self.list_column.addWidget(
                empty_state(approvals.error or tr("approvals.none", lang)), 1
            )
        for document in approvals.documents:
            self.list_column.addWidget(DocumentCard(document, lang, approvals.sample, self))
        self.list_column.addStretch(1)
        if self.opened is None and approvals.documents:
            self.open_document(approvals.documents[0])
        elif self.opened is not None:
            self.viewer.title = self.opened.title_in(lang)
        self.viewer.set_language(lang)
        return []

    def open_document(self, document: ApprovalDocument) -> None:
        self.opened = document
        self.viewer.open(document.pdf, document.title_in(self.lang))

    def handle(self, intent: i.Intent) -> bool:
        return self.viewer.turn_by_intent(intent)

    def reset(self) -> None:
        super().reset()
        self.opened = None
        self.viewer.close_document()
