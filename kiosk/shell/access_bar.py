"""The accessibility bar at the bottom of every screen, the guidance banner and the note
that fills the rows a seated visitor cannot reach.

The bar sits low, where barrier-free kiosks put these keys and where a wheelchair user
reaches them; each button says what it does in words, with its icon."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk import intents as i
from kiosk.accessibility import Accessibility
from kiosk.i18n import tr
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.theme import PALETTE, Scale

WIDE_COLUMNS = 4  # one row of buttons up to 150% text; two rows of two at 200%


class AccessBar(QWidget):
    def __init__(self, scale: Scale, sink: i.IntentSink):
        super().__init__(objectName="AccessBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.scale = scale
        self.access = Accessibility()
        self.grid = QGridLayout(self)
        px = scale.px
        self.grid.setContentsMargins(px(32), px(10), px(32), px(10))
        self.grid.setSpacing(px(14))

        def button(name: str, icon: str, action: Callable[[], None], checkable: bool = True):
            widget = QPushButton(objectName=name)
            widget.setCheckable(checkable)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            widget.setProperty("icon_name", icon)
            widget.clicked.connect(action)
            return widget

        self.guidance = button(
            "GuidanceButton", "ear", lambda: sink(i.SetGuidance(not self.access.guidance))
        )
        self.text_size = button(
            "AccessButton", "text-size", lambda: sink(i.CycleTextScale()), checkable=False
        )
        self.contrast = button(
            "AccessButton",
            "contrast",
            lambda: sink(i.SetHighContrast(not self.access.high_contrast)),
        )
        self.low_reach = button(
            "AccessButton", "wheelchair", lambda: sink(i.SetLowReach(not self.access.low_reach))
        )
        self.buttons = (self.guidance, self.text_size, self.contrast, self.low_reach)
        self._columns = 0
        self._arrange()

    def _arrange(self) -> None:
        """One row when the buttons fit side by side at this text size, else two rows."""
        margins = self.grid.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        needed = sum(b.minimumSizeHint().width() for b in self.buttons)
        needed += self.grid.horizontalSpacing() * (len(self.buttons) - 1)
        columns = WIDE_COLUMNS if needed <= room else 2
        if columns == self._columns:
            return
        self._columns = columns
        for index, widget in enumerate(self.buttons):
            self.grid.removeWidget(widget)
            self.grid.addWidget(widget, *divmod(index, columns))
        for column in range(WIDE_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def render(self, lang: str, access: Accessibility) -> None:
        self.access = access
        self.guidance.setText(tr("access.guidance", lang))
        self.text_size.setText(
            tr("access.text_size", lang, percent=f"{round(access.text_scale * 100)}%")
        )
        self.contrast.setText(tr("access.contrast", lang))
        self.low_reach.setText(tr("access.low_reach", lang))
        self.guidance.setChecked(access.guidance)
        self.contrast.setChecked(access.high_contrast)
        self.low_reach.setChecked(access.low_reach)
        size = self.scale.text_px(40)
        for widget in self.buttons:
            filled = widget.isChecked() or widget is self.guidance
            color = PALETTE.accent_text if filled else PALETTE.text
            name = "check" if widget.isChecked() else widget.property("icon_name")  # on: a tick
            widget.setIcon(icon_pixmap(name, size, color))
            widget.setIconSize(icon_pixmap("", size).size())
        self._arrange()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()


class GuidanceBanner(QWidget):
    """Shown while guidance is on: how it works, and a caption of what was last said."""

    def __init__(self, scale: Scale):
        super().__init__(objectName="GuidanceBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self)
        column.setContentsMargins(scale.px(32), scale.px(8), scale.px(32), scale.px(8))
        column.setSpacing(scale.px(2))
        self.how = QLabel(wordWrap=True)
        self.caption = QLabel(wordWrap=True)
        column.addWidget(self.how)
        column.addWidget(self.caption)
        self.hide()

    def render(self, lang: str) -> None:
        self.how.setText(tr("guidance.banner", lang))

    def show_caption(self, text: str) -> None:
        self.caption.setText(f"“{text}”")


class ReachNote(QWidget):
    """The rows above a seated visitor's reach in the low-reach layout: what needs no touch
    (the kiosk's name, station and clock) and a note that the buttons are below."""

    def __init__(self, scale: Scale):
        super().__init__(objectName="ReachNote")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.scale = scale
        column = QVBoxLayout(self)
        column.setContentsMargins(scale.px(48), scale.px(24), scale.px(48), scale.px(16))
        top = QHBoxLayout()
        names = QVBoxLayout()
        self.title = QLabel(objectName="AppTitle", wordWrap=True)
        self.station = QLabel(objectName="StationName", wordWrap=True)
        names.addWidget(self.title)
        names.addWidget(self.station)
        top.addLayout(names, 1)
        self.clock = QLabel(objectName="Clock")
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        column.addStretch(1)
        note = QHBoxLayout()
        self.icon = QLabel()
        self.text = QLabel(wordWrap=True)
        note.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignBottom)
        note.addWidget(self.text, 1, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(note)
        self.hide()

    def render(self, lang: str, title: str, station: str, clock: str) -> None:
        self.title.setText(title)
        self.station.setText(station)
        self.clock.setText(clock)
        self.text.setText(tr("access.low_reach_note", lang))
        self.icon.setPixmap(icon_pixmap("wheelchair", self.scale.text_px(48), PALETTE.muted))
