"""Staff mode: a hidden entry (hold the bottom-left corner), a PIN pad, the health screen.

The health screen shows the same report as ``main.py status`` (kiosk/health.py) and offers
the staff actions. Both overlays close by themselves when left alone, so a visitor never
finds them open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.health import HealthReport
from kiosk.health_text import sections
from kiosk.i18n import tr
from kiosk.router import ClearSession, Effect, NavState
from kiosk.shell.input_filters import install_input_filter
from kiosk.shell.services import StateListener
from kiosk.shell.theme import PALETTE, Scale
from kiosk.staff_pin import MAX_DIGITS, PinError, PinGate

log = logging.getLogger(__name__)

HOLD_MS = 5000  # a long press this long in the corner opens the PIN pad
CORNER_PX = 120  # design pixels of the corner square
PIN_IDLE_MS = 30_000
HEALTH_IDLE_MS = 120_000
HEALTH_REFRESH_MS = 5000
CONFIRM_MS = 5000
LEVEL_COLORS = {
    "ok": PALETTE.ok,
    "warn": PALETTE.warning,
    "fail": PALETTE.danger,
    "info": PALETTE.text,
}


@dataclass(frozen=True)
class StaffActions:
    """What the health screen's buttons do; reload and rollback return a message for the
    screen in the language they are given."""

    report: Callable[[], HealthReport]
    reload: Callable[[str], str]
    rollback: Callable[[str], str] | None  # None: this kiosk cannot roll back content
    restart: Callable[[], None]
    leave: Callable[[], None]


def _stylesheet(scale: Scale) -> str:
    px = scale.px
    return f"""
    #StaffOverlay {{ background: rgba(17,24,39,0.94); }}
    #StaffOverlay QLabel {{ color: white; }}
    #StaffTitle {{ font-size: {px(44)}px; font-weight: bold; }}
    #StaffMessage {{ font-size: {px(30)}px; }}
    #PinDots {{ font-size: {px(60)}px; letter-spacing: {px(12)}px; }}
    #StaffKey, #StaffAction {{
        background: {PALETTE.surface}; color: {PALETTE.text}; border-radius: {px(16)}px;
        font-size: {px(40)}px; font-weight: bold; min-height: {px(110)}px; min-width: {px(150)}px;
    }}
    #StaffAction {{ font-size: {px(28)}px; min-height: {px(96)}px; padding: 0 {px(20)}px; }}
    #StaffAction[danger="true"] {{ background: {PALETTE.danger}; color: white; }}
    #StaffAction:disabled {{ background: #6B7280; color: #D1D5DB; }}
    #StaffKey:pressed, #StaffAction:pressed {{ background: #CBD5E1; }}
    #HealthBody {{ background: {PALETTE.surface}; border-radius: {px(16)}px; }}
    #HealthBody QLabel {{ color: {PALETTE.text}; font-size: {px(24)}px; }}
    #HealthBody QLabel[section="true"] {{ font-size: {px(30)}px; font-weight: bold; }}
    """


class Overlay(QFrame):
    """A full-window layer that closes itself after ``idle_ms`` without a touch on it."""

    def __init__(self, parent: QWidget, scale: Scale, idle_ms: int):
        super().__init__(parent, objectName="StaffOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_stylesheet(scale))
        self.scale = scale
        self.idle = QTimer(self, singleShot=True, interval=idle_ms)
        self.idle.timeout.connect(self.close_overlay)
        self.hide()

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.idle.start()

    def poke(self) -> None:
        """Staff are using it: keep it open."""
        self.idle.start()

    def close_overlay(self) -> None:
        self.idle.stop()
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.poke()

    def button(
        self, text: str, action: Callable[[], None], name: str = "StaffAction"
    ) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(self.poke)
        button.clicked.connect(action)
        return button


class PinPad(Overlay):
    """Digits by touch only (kiosk mode swallows most keys anyway); OK checks the PIN."""

    def __init__(
        self, parent: QWidget, scale: Scale, gate: PinGate | None, on_success: Callable[[], None]
    ):
        super().__init__(parent, scale, PIN_IDLE_MS)
        self.gate = gate
        self.on_success = on_success
        self.lang = "ko"
        self.digits = ""
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title = QLabel(objectName="StaffTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel(objectName="PinDots", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="StaffMessage", alignment=Qt.AlignmentFlag.AlignCenter)
        for label in (self.title, self.dots, self.message):
            outer.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(scale.px(16))
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        ):
            button = self.button("", lambda _=False, k=key: self.press(k), "StaffKey")
            self.keys[key] = button
            grid.addWidget(button, index // 3, index % 3)
        pad = QHBoxLayout()
        pad.addStretch(1)
        pad.addLayout(grid)
        pad.addStretch(1)
        outer.addLayout(pad)
        self.cancel = self.button("", self.close_overlay)
        outer.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)

    def open_in(self, lang: str) -> None:
        self.lang = lang
        self.digits = ""
        self.title.setText(tr("staff.pin_title", lang))
        for key in ("clear", "ok"):
            self.keys[key].setText(tr(f"staff.{key}", lang))
        for digit in "0123456789":
            self.keys[digit].setText(digit)
        self.cancel.setText(tr("staff.cancel", lang))
        if self.gate is None:
            self.message.setText("[staff] pin_hash: main.py staff-pin")
        else:
            self.message.setText("")
        for button in self.keys.values():
            button.setEnabled(self.gate is not None)
        self._show_dots()
        self.open()

    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self.digits) or " ")

    def press(self, key: str) -> None:
        if key == "clear":
            self.digits = ""
        elif key == "ok":
            self._check()
        elif len(self.digits) < MAX_DIGITS:
            self.digits += key
        self._show_dots()

    def _check(self) -> None:
        pin, self.digits = self.digits, ""
        wait = self.gate.locked_for()
        if wait > 0:
            self.message.setText(tr("staff.pin_locked", self.lang, n=int(wait) + 1))
            return
        try:
            accepted = self.gate.attempt(pin)
        except PinError as exc:
            log.error("staff PIN check failed: %s", exc)
            self.message.setText(str(exc))
            return
        if accepted:
            log.warning("staff mode opened")
            self.close_overlay()
            self.on_success()
            return
        wait = self.gate.locked_for()
        log.warning("wrong staff PIN%s", " (locked for a while)" if wait else "")
        self.message.setText(
            tr("staff.pin_locked", self.lang, n=int(wait) + 1)
            if wait
            else tr("staff.pin_wrong", self.lang)
        )


class HealthScreen(Overlay):
    """The report, refreshed every few seconds, and the staff actions."""

    def __init__(self, parent: QWidget, scale: Scale, actions: StaffActions):
        super().__init__(parent, scale, HEALTH_IDLE_MS)
        self.actions = actions
        self.lang = "ko"
        self.armed: str | None = None  # a dangerous action waiting for its second press
        px = scale.px
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(32), px(48), px(32))
        outer.setSpacing(px(20))
        self.title = QLabel(objectName="StaffTitle")
        outer.addWidget(self.title)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(objectName="HealthBody")
        self.body.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(px(28), px(20), px(28), px(20))
        self.grid.setHorizontalSpacing(px(28))
        self.grid.setVerticalSpacing(px(8))
        self.grid.setColumnStretch(1, 1)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.message = QLabel(objectName="StaffMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(px(16))
        self.buttons = {
            "reload": self.button("", lambda: self._run("reload")),
            "rollback": self.button("", lambda: self._run("rollback")),
            "restart": self.button("", lambda: self._run("restart")),
            "leave": self.button("", lambda: self._run("leave")),
            "close": self.button("", self.close_overlay),
        }
        for name in ("restart", "leave"):
            self.buttons[name].setProperty("danger", True)
        self.buttons["rollback"].setEnabled(actions.rollback is not None)
        for button in self.buttons.values():
            row.addWidget(button)
        outer.addLayout(row)
        self.refresher = QTimer(self, interval=HEALTH_REFRESH_MS)
        self.refresher.timeout.connect(self.refresh)
        self.disarm_timer = QTimer(self, singleShot=True, interval=CONFIRM_MS)
        self.disarm_timer.timeout.connect(self._disarm)

    def open_in(self, lang: str) -> None:
        self.lang = lang
        self.message.setText("")
        self._disarm()
        self.refresh()
        self.open()
        self.refresher.start()

    def close_overlay(self) -> None:
        self.refresher.stop()
        super().close_overlay()

    def _label_texts(self) -> None:
        self.title.setText(tr("staff.title", self.lang))
        for name, button in self.buttons.items():
            text = tr("staff.confirm" if name == self.armed else f"staff.{name}", self.lang)
            button.setText(text)

    def refresh(self) -> None:
        """Rebuild the rows from a fresh report."""
        try:
            report = self.actions.report()
        except Exception as exc:  # the screen must stay usable to restart the kiosk
            log.exception("building the health report failed")
            self.message.setText(tr("staff.failed", self.lang, error=exc))
            return
        self._label_texts()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        line = 0
        for section in sections(report, self.lang):
            heading = QLabel(section.title)
            heading.setProperty("section", True)
            self.grid.addWidget(heading, line, 0, 1, 2)
            line += 1
            for entry in section.rows:
                label = QLabel(entry.label)
                value = QLabel(entry.value)
                value.setWordWrap(True)
                value.setStyleSheet(f"color: {LEVEL_COLORS[entry.level]};")
                self.grid.addWidget(label, line, 0, Qt.AlignmentFlag.AlignTop)
                self.grid.addWidget(value, line, 1)
                line += 1

    def _run(self, name: str) -> None:
        if name in ("restart", "leave") and self.armed != name:
            self.armed = name
            self.disarm_timer.start()
            self._label_texts()
            return
        self._disarm()
        log.warning("staff action: %s", name)
        try:
            if name == "reload":
                self.message.setText(self.actions.reload(self.lang))
            elif name == "rollback" and self.actions.rollback is not None:
                self.message.setText(self.actions.rollback(self.lang))
            elif name == "restart":
                self.actions.restart()
            elif name == "leave":
                self.actions.leave()
        except Exception as exc:  # a failed action is reported, the kiosk runs on
            log.exception("staff action %s failed", name)
            self.message.setText(tr("staff.failed", self.lang, error=exc))
        self.refresh()

    def _disarm(self) -> None:
        self.armed = None
        self._label_texts()


class StaffEntry(QObject):
    """Watches presses application-wide for a long hold in the window's bottom-left corner."""

    def __init__(
        self,
        window: QWidget,
        scale: Scale,
        gate: PinGate | None,
        actions: StaffActions,
        language: Callable[[], str],
        subscribe: Callable[[StateListener], None],
        hold_ms: int = HOLD_MS,
    ):
        super().__init__(window)
        self.window = window
        self.corner = scale.px(CORNER_PX)
        self.language = language
        self.health = HealthScreen(window, scale, actions)
        self.pin_pad = PinPad(window, scale, gate, lambda: self.health.open_in(self.language()))
        self.hold = QTimer(self, singleShot=True, interval=hold_ms)
        self.hold.timeout.connect(self._on_hold)
        self._swallow_release = False
        install_input_filter(self, window)
        subscribe(self._on_routed)

    def _on_routed(self, state: NavState, effects: tuple[Effect, ...]) -> None:
        """The idle reset clears the visitor's session: staff overlays go too."""
        if any(isinstance(effect, ClearSession) for effect in effects):
            self.pin_pad.close_overlay()
            self.health.close_overlay()

    def _in_corner(self, event: QMouseEvent) -> bool:
        local = self.window.mapFromGlobal(event.globalPosition().toPoint())
        return (
            0 <= local.x() < self.corner
            and self.window.height() - self.corner <= local.y() <= self.window.height()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind
            not in (
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseMove,
                QEvent.Type.MouseButtonRelease,
            )
            or not isinstance(event, QMouseEvent)
            or not isinstance(watched, QWidget)
        ):
            return False
        if watched.window() is not self.window:
            return False
        if kind == QEvent.Type.MouseButtonPress:
            if (
                self._in_corner(event)
                and not self.pin_pad.isVisible()
                and not self.health.isVisible()
            ):
                self.hold.start()
        elif kind == QEvent.Type.MouseMove:
            if self.hold.isActive() and not self._in_corner(event):
                self.hold.stop()
        else:
            self.hold.stop()
            if self._swallow_release:
                self._swallow_release = False
                return True  # the hold opened the PIN pad: the press was not a tap
        return False

    def _on_hold(self) -> None:
        self._swallow_release = True
        log.info("staff corner held: asking for the PIN")
        self.pin_pad.open_in(self.language())
