"""A touch PDF viewer (QtPdf): one page at a time, as wide as the view, turned by big buttons
or by a swipe (the page's ``handle`` passes Next and Previous intents to ``turn_by_intent``).

Used by the library (reports, white papers), the city projects' documents and the private
approvals. Everything it creates is parented to it, so a private page that is destroyed on
lock takes the document and its rendered pages with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk import intents as i
from kiosk.i18n import tr
from kiosk.shell.theme import Scale
from widgets.common.cards import label


class PdfViewer(QWidget):
    """A title, the current PDF page, and 이전 쪽 / 다음 쪽 with "n / total쪽" between them."""

    def __init__(self, scale: Scale, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        px = scale.px
        self.lang = lang
        self.title = ""
        self.document = QPdfDocument(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title_label = label("", "Medium", wrap=True)
        column.addWidget(self.title_label)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        # the page's width fills the view: its text is readable from 1.5 m (a whole A4 page
        # in the view would make 12 pt text a few pixels high); a vertical drag scrolls it
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumHeight(px(320))
        self._drag: tuple[float, int] | None = None  # (press y, scroll value) of a drag
        self._paints = 0  # of the page area since the document opened (see is_ready)
        self.view.viewport().installEventFilter(self)
        column.addWidget(self.view, 1)
        controls = self.controls = QHBoxLayout()
        controls.setSpacing(px(24))
        self.previous_button = self._button(scale, lambda: self.turn(-1))
        self.next_button = self._button(scale, lambda: self.turn(+1))
        self.page_label = label("", "Medium")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.page_label, 1)
        controls.addWidget(self.next_button)
        column.addLayout(controls)
        self._show_position()

    def _button(self, scale: Scale, action) -> QPushButton:
        button = QPushButton(objectName="PageButton")  # styled by the theme (text size, contrast)
        button.setMinimumWidth(scale.px(220))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(action)
        return button

    def add_control(self, button: QPushButton) -> None:
        """Another big button in the row of page buttons, first (e.g. closing the document)."""
        button.setMinimumWidth(self.previous_button.minimumWidth())
        self.controls.insertWidget(0, button)

    @property
    def is_open(self) -> bool:
        return self.document.pageCount() > 0

    @property
    def current_page(self) -> int:
        """The page on screen, from 0."""
        return self.view.pageNavigator().currentPage()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._show_position()

    def open(self, pdf: Path | None, title: str) -> None:
        """Show ``pdf`` from its first page; a missing or unreadable file says so on screen."""
        self.title = title
        self.document.close()
        self._paints = 0
        if pdf is None or self.document.load(str(pdf)) != QPdfDocument.Error.None_:
            self.document.close()
        self.view.pageNavigator().jump(0, QPointF())
        self._show_position()

    def close_document(self) -> None:
        self.title = ""
        self.document.close()
        self._show_position()

    def turn(self, step: int) -> bool:
        """Go ``step`` pages on; False (and stay) past the first or the last page."""
        target = self.current_page + step
        turned = 0 <= target < self.document.pageCount()
        if turned:
            self.view.pageNavigator().jump(target, QPointF())
        self._show_position()
        return turned

    def turn_by_intent(self, intent: i.Intent) -> bool:
        """A swipe, voice "다음" or gesture turns the page while there is one that way; at
        the first or last page the intent goes on to the router (the next category)."""
        if isinstance(intent, i.Next):
            return self.turn(+1)
        if isinstance(intent, i.Previous):
            return self.turn(-1)
        return False

    def is_ready(self) -> bool:
        """False until the open page is on screen: QPdfView renders pages in a thread,
        asked for by its first paint and shown by the next (screenshots wait for it)."""
        return not self.is_open or not self.view.isVisible() or self._paints >= 2

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A vertical drag on the page scrolls it. The events go on (never consumed), so the
        shell still sees a sideways drag as a swipe (a QScroller would swallow the press)."""
        if event.type() == QEvent.Type.Paint:
            self._paints += 1
        elif isinstance(event, QMouseEvent):
            bar = self.view.verticalScrollBar()
            if event.type() == QEvent.Type.MouseButtonPress:
                self._drag = (event.position().y(), bar.value())
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._drag = None
            elif event.type() == QEvent.Type.MouseMove and self._drag is not None:
                start_y, start_value = self._drag
                bar.setValue(round(start_value - (event.position().y() - start_y)))
        return False

    def _show_position(self) -> None:
        lang = self.lang
        self.previous_button.setText(tr("approvals.previous", lang))
        self.next_button.setText(tr("approvals.next", lang))
        self.title_label.setText(self.title)
        count = self.document.pageCount()
        if not self.title:
            self.page_label.setText("")
        elif count == 0:
            self.page_label.setText(tr("approvals.unreadable", lang))
        else:
            self.page_label.setText(
                tr("approvals.page", lang, n=self.current_page + 1, total=count)
            )
        self.previous_button.setEnabled(count > 0 and self.current_page > 0)
        self.next_button.setEnabled(self.current_page < count - 1)
