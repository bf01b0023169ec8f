"""The face check on screen: the camera preview with the faces it sees, what to do next, and
a cancel button; plus the 비공개 모드 button in the bottom bar (mayor role only).

Preview frames are only painted, never kept: the label holds the latest one until the check
ends, then it is cleared."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.privacy.lock import LockSettings
from kiosk.privacy.watcher import FrameResult, check_hint
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.theme import PALETTE, Scale

PREVIEW_SIZE = (800, 600)  # design pixels at 1080p


def preview_image(rgb: np.ndarray, result: FrameResult, settings: LockSettings) -> QImage:
    """The frame mirrored (people expect a mirror) with a box on every face it found:
    green for the person being checked, orange for anyone else close enough to count."""
    height, width = rgb.shape[:2]
    image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    image = image.flipped(Qt.Orientation.Horizontal)  # a copy, independent of the numpy buffer
    painter = QPainter(image)
    for index, face in enumerate(result.faces):
        if not settings.meaningful(face.size, face.score):
            continue
        x, y, box_width, box_height = face.box
        color = PALETTE.ok if index == 0 else PALETTE.warning
        painter.setPen(QPen(QColor(color), max(3, width // 160)))
        painter.drawRect(QRect(width - x - box_width, y, box_width, box_height))
    painter.end()
    return image


class FaceCheckView(QWidget):
    """Covers the window while the face check runs."""

    cancelled = Signal()

    def __init__(self, parent: QWidget, scale: Scale, settings: LockSettings):
        super().__init__(parent, objectName="FaceCheck")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            "#FaceCheck { background: rgba(17,24,39,0.92); }"
            f" #FaceCheck QLabel {{ color: white; font-size: {scale.px(34)}px; }}"
        )
        self.settings = settings
        self.lang = "ko"
        px = scale.px
        column = QVBoxLayout(self)
        column.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.setSpacing(px(20))
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet(f"font-size: {px(48)}px; font-weight: bold;")
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(px(PREVIEW_SIZE[0]), px(PREVIEW_SIZE[1]))
        self.preview.setStyleSheet(f"background: black; border-radius: {px(12)}px;")
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(f"font-size: {px(40)}px; font-weight: bold;")
        self.instruction = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.instruction.setWordWrap(True)
        self.cancel = QPushButton()
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel.setStyleSheet(
            f"background: white; color: {PALETTE.text}; border-radius: {px(16)}px;"
            f" font-size: {px(36)}px; font-weight: bold; min-height: {px(100)}px;"
            f" min-width: {px(320)}px;"
        )
        self.cancel.clicked.connect(self.cancelled)
        for widget in (self.title, self.preview, self.hint, self.instruction):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def start(self, lang: str) -> None:
        self.lang = lang
        self.title.setText(tr("face.title", lang))
        self.instruction.setText(tr("face.instruction", lang))
        self.cancel.setText(tr("face.cancel", lang))
        self.hint.setText(tr("face.starting", lang))
        self.preview.clear()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def show_frame(self, rgb: np.ndarray, result: FrameResult) -> None:
        if not self.isVisible():
            return
        image = preview_image(rgb, result, self.settings)
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.hint.setText(tr(check_hint(result, self.settings), self.lang))

    def finish(self) -> None:
        self.preview.clear()
        self.hide()


class PrivateModeButton(QPushButton):
    """비공개 모드 at the bottom of the mayor's screen; while unlocked it locks instead."""

    def __init__(self, scale: Scale):
        super().__init__(objectName="PrivateModeButton")
        px = scale.px
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIconSize(icon_pixmap("lock", px(40)).size())
        self.setStyleSheet(
            f"#PrivateModeButton {{ background: {PALETTE.text}; color: white;"
            f" border-radius: {px(14)}px; font-size: {px(28)}px; font-weight: bold;"
            f" min-height: {px(84)}px; padding: 0 {px(28)}px; }}"
        )
        self.unlocked = False
        self.scale = scale

    def show_state(self, unlocked: bool, checking: bool, lang: str) -> None:
        self.unlocked = unlocked
        key = "private.lock" if unlocked else "private.checking" if checking else "private.enter"
        self.setText(tr(key, lang))
        icon = "lock-open" if unlocked else "lock"
        self.setIcon(icon_pixmap(icon, self.scale.px(40), "#FFFFFF"))
