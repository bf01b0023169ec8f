"""결재문서: the document list on the left, the selected document's PDF on the right.

The page holds private content (the PDF document, its rendered pages): when private mode
locks, the shell destroys this page and everything parented to it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.theme import PALETTE
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import Snapshot
from widgets.approvals.model import ApprovalDocument, load_approvals
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout

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
        self.pdf = QPdfDocument(self)
        row = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(px(24))
        self.list_column = QVBoxLayout()
        self.list_column.setSpacing(px(14))
        row.addLayout(self.list_column, 2)
        viewer = QVBoxLayout()
        self.viewer_title = label("", "Medium", wrap=True)
        viewer.addWidget(self.viewer_title)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setMinimumHeight(px(360))
        viewer.addWidget(self.view, 1)
        controls = QHBoxLayout()
        self.previous_page = self._button(lambda: self._turn(-1))
        self.next_page = self._button(lambda: self._turn(+1))
        self.page_label = label("", "Medium")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        controls.addWidget(self.previous_page)
        controls.addWidget(self.page_label, 1)
        controls.addWidget(self.next_page)
        viewer.addLayout(controls)
        row.addLayout(viewer, 3)
        self.body.addLayout(row, 1)

    def _button(self, action) -> QPushButton:
        button = QPushButton(objectName="PageButton")  # styled by the theme (text size, contrast)
        button.setMinimumWidth(self.context.scale.px(220))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(action)
        return button

    def fill(self, lang: str) -> list[Snapshot]:
        self.lang = lang
        large_text = self.context.scale.text > 1.0  # the document below the list, full width
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if large_text else QBoxLayout.Direction.LeftToRight
        )
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
        self._show_position()
        return []

    def open_document(self, document: ApprovalDocument) -> None:
        self.opened = document
        self.pdf.close()
        if document.pdf is None or self.pdf.load(str(document.pdf)) != QPdfDocument.Error.None_:
            self.pdf.close()
        self.view.pageNavigator().jump(0, QPointF())
        self._show_position()

    def _turn(self, step: int) -> None:
        navigator = self.view.pageNavigator()
        target = navigator.currentPage() + step
        if 0 <= target < self.pdf.pageCount():
            navigator.jump(target, QPointF())
        self._show_position()

    def _show_position(self) -> None:
        lang = self.lang
        self.previous_page.setText(tr("approvals.previous", lang))
        self.next_page.setText(tr("approvals.next", lang))
        if self.opened is None:
            self.viewer_title.setText("")
            self.page_label.setText("")
            return
        self.viewer_title.setText(self.opened.title_in(lang))
        count = self.pdf.pageCount()
        if count == 0:
            self.page_label.setText(tr("approvals.unreadable", lang))
        else:
            current = self.view.pageNavigator().currentPage() + 1
            self.page_label.setText(tr("approvals.page", lang, n=current, total=count))
        self.previous_page.setEnabled(count > 0 and self.view.pageNavigator().currentPage() > 0)
        self.next_page.setEnabled(self.view.pageNavigator().currentPage() < count - 1)

    def reset(self) -> None:
        super().reset()
        self.opened = None
        self.pdf.close()
