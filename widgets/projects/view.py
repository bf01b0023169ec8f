"""도시프로젝트: the projects on the left; the chosen one's progress, schedule and milestones
in the middle; its documents and image on the right. An opened document takes the middle
and the right in the touch PDF viewer until it is closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk import intents as i
from kiosk.i18n import format_number, tr
from kiosk.shell.page import PageContext
from kiosk.shell.theme import PALETTE
from kiosk.widget_spec import WidgetSpec
from widgets.common.cards import Card, badge, label, mark_selected, progress_bar
from widgets.common.content_page import StaffContentPage
from widgets.common.layout import clear_layout, stack_for_large_text
from widgets.common.pdf import PdfViewer
from widgets.common.staff_content import StaffFile
from widgets.projects.model import Attachment, Project, load_projects

IMAGE_WIDTH = 560  # design px: the project's picture beside its facts
MEDIA_STRETCH = 4  # the list takes 5 parts, the details 4, the image and documents 4
READING_STRETCH = 8  # an open document takes the details' share too


class ProjectsPage(StaffContentPage):
    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        px = context.scale.px
        self.projects: list[Project] = []
        self.chosen: Project | None = None
        self.opened: Attachment | None = None  # the document in the viewer
        self.cards: dict[str, Card] = {}
        # built once, kept across rebuilds (the viewer keeps the page being read)
        self.details = QWidget()  # hidden while a document is open: it gets the room
        self.detail_column = QVBoxLayout(self.details)
        self.detail_column.setContentsMargins(0, 0, 0, 0)
        self.detail_column.setSpacing(px(10))
        self.document_list = QWidget()  # the chosen project's document buttons
        self.documents = QVBoxLayout(self.document_list)
        self.documents.setContentsMargins(0, 0, 0, 0)
        self.documents.setSpacing(px(10))
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.caption = label("", "Muted", wrap=True)
        self.viewer = PdfViewer(context.scale, self.lang, self)
        self.close_button = QPushButton(objectName="PageButton")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_document)
        self.viewer.add_control(self.close_button)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # rebuilt by fill_content
        self.media_column = QVBoxLayout()

    def load(self) -> StaffFile[list[Project]]:
        return load_projects(self.context.store)

    def kept_widgets(self) -> tuple[QWidget, ...]:
        return (self.details, self.document_list, self.viewer, self.image, self.caption)

    def forget_content(self) -> None:
        self.projects, self.chosen, self.opened, self.cards = [], None, None, {}
        self.viewer.close_document()

    def fill_content(self, file: StaffFile[list[Project]], lang: str) -> None:
        """The list, the details and the media column; the chosen project stays chosen."""
        px = self.context.scale.px
        row = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(px(24))
        stack_for_large_text(row, self.context.scale)
        list_column = QVBoxLayout()
        list_column.setSpacing(px(14))
        self.media_column = QVBoxLayout()
        self.media_column.setSpacing(px(10))
        self.media_column.addWidget(self.document_list)
        for widget in (self.viewer, self.image, self.caption):
            self.media_column.addWidget(widget, 1 if widget is self.viewer else 0)
        self.media_column.addStretch(1)
        row.addLayout(list_column, 5)
        row.addWidget(self.details, 4)
        row.addLayout(self.media_column, MEDIA_STRETCH)
        self.body.addLayout(row, 1)
        self.projects = file.data
        self.cards = {}
        for project in self.projects:
            self.cards[project.id] = self._card(project)
            list_column.addWidget(self.cards[project.id])
        list_column.addStretch(1)
        chosen_id = self.chosen.id if self.chosen else self.projects[0].id
        self.choose(next((p for p in self.projects if p.id == chosen_id), self.projects[0]))

    def _card(self, project: Project) -> Card:
        card = Card(self.context.scale)
        top = QHBoxLayout()
        top.addWidget(label(project.title_in(self.lang), "CardTitle", wrap=True), 1)
        top.addWidget(self._status_badge(project))
        card.layout_.addLayout(top)
        progress = QHBoxLayout()
        progress.addWidget(progress_bar(self.context.scale, project.progress / 100), 1)
        progress.addWidget(label(f"{format_number(project.progress, self.lang)}%", "Medium"))
        card.layout_.addLayout(progress)
        card.setAccessibleName(f"{project.title_in(self.lang)}, {self._progress_text(project)}")
        card.clicked.connect(lambda: self.choose(project))
        return card

    def _status_badge(self, project: Project) -> QLabel:
        if project.done:
            return badge(tr("projects.done", self.lang), PALETTE.ok)
        return badge(tr("projects.in_progress", self.lang), PALETTE.accent)

    def _progress_text(self, project: Project) -> str:
        value = format_number(project.progress, self.lang)
        return tr("projects.progress", self.lang, value=value)

    def choose(self, project: Project) -> None:
        """Show ``project``'s details; its open document stays open across re-renders."""
        lang = self.lang
        if self.opened not in project.documents:  # another project, or new content
            self.opened = None
        self.chosen = project
        for key, card in self.cards.items():
            mark_selected(card, key == project.id, self.context.scale)
        column = self.detail_column
        clear_layout(column)
        column.addWidget(label(project.title_in(lang), "Medium", wrap=True))
        column.addWidget(label(project.department_in(lang), "Muted", wrap=True))
        if project.summary_in(lang):
            column.addWidget(label(project.summary_in(lang), wrap=True))
        column.addWidget(label(self._progress_text(project), "CardTitle"))
        column.addWidget(progress_bar(self.context.scale, project.progress / 100))
        period = tr("projects.period", lang, start=project.start, end=project.end)
        column.addWidget(label(period, wrap=True))
        if project.milestones:
            column.addWidget(label(tr("projects.milestones", lang), "CardTitle"))
            for milestone in project.milestones:
                mark = "●" if milestone.done else "○"
                line = label(f"{mark} {milestone.date}  {milestone.title_in(lang)}", wrap=True)
                if not milestone.done:  # ahead: in the muted colour (same size)
                    line.setStyleSheet(f"color: {PALETTE.muted};")
                column.addWidget(line)
        column.addStretch(1)
        clear_layout(self.documents)
        if project.documents:
            self.documents.addWidget(label(tr("projects.documents", lang), "CardTitle"))
            for document in project.documents:
                self.documents.addWidget(self._document_button(document))
        self._show_media()

    def _document_button(self, document: Attachment) -> QPushButton:
        title = document.title_in(self.lang)
        if document.path is None:
            title = tr("projects.unavailable", self.lang, title=title)
        button = QPushButton(title, objectName="PageButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setEnabled(document.path is not None)
        button.clicked.connect(lambda: self.open_document(document))
        return button

    def open_document(self, document: Attachment) -> None:
        self.opened = document
        self.viewer.set_language(self.lang)
        self.viewer.open(document.path, document.title_in(self.lang))
        self._show_media()

    def close_document(self) -> None:
        self.opened = None
        self.viewer.close_document()
        self._show_media()

    def _show_media(self) -> None:
        """The open document, else the project's first image (else nothing)."""
        reading = self.opened is not None and self.chosen is not None
        self.viewer.setVisible(reading)
        self.details.setVisible(not reading)
        self.document_list.setVisible(not reading)
        self.columns.setStretchFactor(
            self.media_column, READING_STRETCH if reading else MEDIA_STRETCH
        )
        self.close_button.setText(tr("projects.close_document", self.lang))
        if reading:
            self.viewer.title = self.opened.title_in(self.lang)
            self.viewer.set_language(self.lang)
        else:
            self.viewer.close_document()
        image = next(
            (a for a in (self.chosen.images if self.chosen else ()) if a.path is not None), None
        )
        pixmap = QPixmap(str(image.path)) if image is not None and not reading else QPixmap()
        self.image.setVisible(not pixmap.isNull())
        self.caption.setVisible(not pixmap.isNull() and bool(image.title_in(self.lang)))
        if not pixmap.isNull():
            width = self.context.scale.px(IMAGE_WIDTH)
            self.image.setPixmap(
                pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            )
            self.caption.setText(image.title_in(self.lang))

    def is_ready(self) -> bool:
        return self.viewer.is_ready()

    def handle(self, intent: i.Intent) -> bool:
        return self.viewer.isVisible() and self.viewer.turn_by_intent(intent)

    def reset(self) -> None:
        super().reset()
        self.chosen = self.opened = None
        self.viewer.close_document()
