"""The kiosk window: top bar, page stack, status strip; routes intents and applies effects.

It knows widgets only through the registry: pages are created lazily from their specs."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import intents as i
from kiosk.config import KioskConfig
from kiosk.i18n import KST, LANGUAGE_NAMES, tr
from kiosk.registry import HOME, Registry
from kiosk.router import (
    ClearSession,
    ClickAtCursor,
    Effect,
    HideCursor,
    MoveCursor,
    NavState,
    PurgePrivate,
    RefreshData,
    Rejected,
    Router,
)
from kiosk.shell.bridge import IntentBridge
from kiosk.shell.cursor import CursorOverlay
from kiosk.shell.home import HomePage
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.idle import IdleController, IdleOverlay
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.services import StateListener, StatusBoard
from kiosk.shell.theme import Scale
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import CacheStore

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 30_000  # re-render ages ("3분 전") and arrival countdowns
SWIPE_FRACTION = 0.15  # of the window width
TOAST_MS = 3500


class BrokenPage(WidgetPage):
    """Shown instead of a widget whose view failed to load: the kiosk never goes blank."""

    def fill(self, lang: str):
        from widgets.common.cards import empty_state
        from widgets.common.layout import clear_layout

        clear_layout(self.body)
        self.body.addWidget(empty_state(tr("toast.rejected", lang)), 1)
        return []


class LanguagePicker(QWidget):
    """One button per offered language, each named in itself: any language is one tap away,
    and a visitor finds theirs without reading the current one (a cycling button would take
    up to three taps and a compact menu two)."""

    def __init__(self, scale: Scale, languages: tuple[str, ...], sink: i.IntentSink):
        super().__init__(objectName="LanguagePicker")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.buttons: dict[str, QPushButton] = {}
        for lang in languages:
            button = QPushButton(LANGUAGE_NAMES[lang], objectName="LanguageButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, lang=lang: sink(i.SetLanguage(lang)))
            row.addWidget(button)
            self.buttons[lang] = button
        self.setVisible(len(languages) > 1)

    def render(self, lang: str) -> None:
        for code, button in self.buttons.items():
            button.setChecked(code == lang)
            button.setAccessibleName(f"{LANGUAGE_NAMES[code]} ({tr('nav.language', lang)})")


class TopBar(QWidget):
    def __init__(self, scale: Scale, sink: i.IntentSink, languages: tuple[str, ...]):
        super().__init__(objectName="TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        px = scale.px
        self.setFixedHeight(px(120))
        row = QHBoxLayout(self)
        row.setContentsMargins(px(32), px(14), px(32), px(14))
        row.setSpacing(px(18))
        self.back = self._button(scale, "arrow-left", lambda: sink(i.Back()))
        self.home = self._button(scale, "home", lambda: sink(i.Home()))
        row.addWidget(self.back)
        row.addWidget(self.home)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel(objectName="AppTitle")
        self.station = QLabel(objectName="StationName")
        titles.addWidget(self.title)
        titles.addWidget(self.station)
        row.addLayout(titles, 1)
        self.clock = QLabel(objectName="Clock")
        row.addWidget(self.clock)
        self.language = LanguagePicker(scale, languages, sink)
        row.addWidget(self.language)

    @staticmethod
    def _button(scale: Scale, icon: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(objectName="NavButton")
        button.setIcon(icon_pixmap(icon, scale.px(44), "#FFFFFF"))
        button.setIconSize(icon_pixmap(icon, scale.px(44)).size())
        button.clicked.connect(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def render(self, lang: str, station: str, on_home: bool) -> None:
        self.title.setText(tr("app.title", lang))
        self.station.setText(station)
        self.back.setText(tr("nav.back", lang))
        self.home.setText(tr("nav.home", lang))
        self.language.render(lang)
        self.back.setVisible(not on_home)
        self.home.setVisible(not on_home)

    def tick(self, lang: str) -> None:
        self.clock.setText(datetime.now(KST).strftime("%H:%M"))


class StatusStrip(QWidget):
    """Bottom line: device and service problems (never hidden), and the data attribution."""

    def __init__(self, scale: Scale, status: StatusBoard):
        super().__init__(objectName="BottomBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.status = status
        row = QHBoxLayout(self)
        row.setContentsMargins(scale.px(32), scale.px(8), scale.px(32), scale.px(8))
        self.problems = QLabel()
        self.attribution = QLabel()
        row.addWidget(self.problems, 1)
        row.addWidget(self.attribution)

    def render(self, lang: str) -> None:
        self.problems.setText("  ·  ".join(s.text_in(lang) for s in self.status.all() if not s.ok))
        self.attribution.setText(tr("app.attribution", lang))


class InputWatcher(QObject):
    """Application-wide: any press is activity; a long horizontal drag is a swipe."""

    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        self._press: QPointF | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self.window.on_user_input()
            if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._press = event.globalPosition()
        elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            start, self._press = self._press, None
            if isinstance(event, QMouseEvent):
                delta = event.globalPosition() - start
                if abs(delta.x()) > self.window.width() * SWIPE_FRACTION and abs(
                    delta.x()
                ) > 2 * abs(delta.y()):
                    swipe = i.Next(i.Source.SWIPE) if delta.x() < 0 else i.Previous(i.Source.SWIPE)
                    self.window.bridge.sink(swipe)
        return False


class KioskWindow(QWidget):
    def __init__(
        self,
        config: KioskConfig,
        store: CacheStore,
        registry: Registry,
        scale: Scale,
        clock: Callable[[], float] = time.time,
    ):
        super().__init__(objectName="KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle("Seoul kiosk")
        self.config = config
        self.registry = registry
        self.router = Router(registry, config.role, config.languages)
        self.state: NavState = self.router.initial_state()
        self.bridge = IntentBridge(self.dispatch)
        self.status = StatusBoard()
        self.listeners: list[StateListener] = []
        self.context = PageContext(config, store, registry, self.bridge.sink, scale, clock)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar(scale, self.bridge.sink, config.languages)
        layout.addWidget(self.top_bar)
        self.stack = QStackedWidget(objectName="PageStack")
        layout.addWidget(self.stack, 1)
        self.status_strip = StatusStrip(scale, self.status)
        layout.addWidget(self.status_strip)
        self.status.changed.connect(lambda: self.status_strip.render(self.state.lang))

        self.home = HomePage(self.context, registry.visible(config.role))
        self.home.set_tiles(self._tile_specs())
        self.stack.addWidget(self.home)
        self.pages: dict[str, WidgetPage] = {}

        self.toast = QLabel(self, objectName="Toast", alignment=Qt.AlignmentFlag.AlignCenter)
        self.toast.hide()
        self._toast_timer = QTimer(self, singleShot=True, interval=TOAST_MS)
        self._toast_timer.timeout.connect(self.toast.hide)
        self.cursor_overlay = CursorOverlay(self, scale)
        self.idle_overlay = IdleOverlay(self)
        self.idle = IdleController(
            config.idle, self.bridge.sink, lambda: self.state == self.router.initial_state()
        )
        self.idle.countdown_tick.connect(self._on_idle_countdown)
        self.idle_overlay.stay.connect(self.on_user_input)

        self._refresh = QTimer(self, interval=REFRESH_INTERVAL_MS)
        self._refresh.timeout.connect(self._on_refresh_timer)
        self._refresh.start()
        self._clock = QTimer(self, interval=5000)
        self._clock.timeout.connect(lambda: self.top_bar.tick(self.state.lang))
        self._clock.start()
        self.input_watcher = InputWatcher(self)
        QApplication.instance().installEventFilter(self.input_watcher)

        self._render_chrome()
        self.home.render(self.state.lang)
        self.idle.activity()

    # intents
    def dispatch(self, intent: i.Intent) -> None:
        """Route one intent (always on the GUI thread) and apply what the router decided."""
        if intent.source not in (i.Source.IDLE, i.Source.SYSTEM, i.Source.FACE):
            self.idle.activity()
        current = self.stack.currentWidget()
        if isinstance(current, WidgetPage) and current.handle(intent):
            return
        before = self.state
        self.state, effects = self.router.route(before, intent)
        self._apply(before, effects)
        for listener in list(self.listeners):
            try:
                listener(self.state, effects)
            except Exception:
                log.exception("state listener %r failed", listener)

    def subscribe(self, listener: StateListener) -> None:
        self.listeners.append(listener)

    def on_user_input(self) -> None:
        """A touch or key anywhere."""
        self.idle.activity()
        if self.state.attract:
            self.dispatch(i.UserActivity())

    # effects
    def _apply(self, before: NavState, effects: tuple[Effect, ...]) -> None:
        for effect in effects:
            if isinstance(effect, PurgePrivate):
                self._purge_private()
            elif isinstance(effect, ClearSession):
                for page in self.pages.values():
                    page.reset()
                self.idle_overlay.hide()
            elif isinstance(effect, Rejected) and effect.source is not i.Source.IDLE:
                self.show_toast(tr("toast.rejected", self.state.lang))
            elif isinstance(effect, RefreshData):
                self._refresh_datasets(effect.datasets)
            elif isinstance(effect, MoveCursor):
                self.cursor_overlay.move_to(effect.x, effect.y)
            elif isinstance(effect, ClickAtCursor):
                self._click_at_cursor()
            elif isinstance(effect, HideCursor):
                self.cursor_overlay.hide()
        if self.state.private_unlocked != before.private_unlocked:
            self.home.set_tiles(self._tile_specs())
            self._render(self.home, self.state.lang)  # the new tiles need their titles
        if self.state.lang != before.lang:
            self._render_chrome()
        if self.state.page != before.page or self.state.lang != before.lang:
            self._show(self.state.page)

    def _tile_specs(self) -> list[WidgetSpec]:
        ids = self.registry.categories(self.config.role, self.state.private_unlocked)
        return [self.registry.get(widget_id) for widget_id in ids]

    def _render_chrome(self) -> None:
        lang = self.state.lang
        self.top_bar.render(lang, self.config.site.name_in(lang), self.state.page == HOME)
        self.top_bar.tick(lang)
        self.status_strip.render(lang)

    def current_page_id(self) -> str:
        return self.state.page

    def page_widget(self, page_id: str) -> QWidget:
        """The page's widget, created on first use (a broken view becomes a BrokenPage)."""
        if page_id == HOME:
            return self.home
        if page_id not in self.pages:
            spec = self.registry.get(page_id)
            try:
                page = spec.load_view()(spec, self.context)
            except Exception:
                log.exception("the view of %s failed to load", page_id)
                page = BrokenPage(spec, self.context)
            self.pages[page_id] = page
            self.stack.addWidget(page)
        return self.pages[page_id]

    def _show(self, page_id: str) -> None:
        previous = self.stack.currentWidget()
        widget = self.page_widget(page_id)
        lang = self.state.lang
        self._render(widget, lang)  # always from the cache: data and ages may have moved on
        if previous is not widget and isinstance(previous, WidgetPage):
            previous.on_hidden()
        self.stack.setCurrentWidget(widget)
        if isinstance(widget, WidgetPage):
            widget.on_shown()
        self.top_bar.render(lang, self.config.site.name_in(lang), page_id == HOME)

    def _render(self, widget: QWidget, lang: str) -> None:
        try:
            widget.render(lang)
        except Exception:  # keep what was on screen rather than crash the kiosk
            log.exception("rendering %s failed", getattr(widget, "spec", "home"))

    def _refresh_datasets(self, datasets: tuple[str, ...]) -> None:
        """New data arrived: redraw the visible page if it shows any of it (others redraw when shown)."""
        current = self.stack.currentWidget()
        if current is self.home or set(datasets) & set(current.spec.datasets):
            self._render(current, self.state.lang)

    def _on_refresh_timer(self) -> None:
        self._render(self.stack.currentWidget(), self.state.lang)

    def _purge_private(self) -> None:
        """Destroy every view that held private content; they are rebuilt only after unlock."""
        self._drop_pages([pid for pid, page in self.pages.items() if page.spec.is_private])

    def _drop_pages(self, page_ids: list[str]) -> None:
        for page_id in page_ids:
            page = self.pages.pop(page_id)
            self.stack.removeWidget(page)
            page.setParent(None)
            page.deleteLater()

    def rebuild_pages(self) -> None:
        """Content changed (a staff reload or rollback): back home, every view rebuilt from
        the cache when next shown."""
        if self.state.page != HOME:
            self.dispatch(i.Home(i.Source.SYSTEM))
        self._drop_pages(list(self.pages))
        self.home.set_tiles(self._tile_specs())
        self._render(self.home, self.state.lang)

    def _click_at_cursor(self) -> None:
        """A gesture select: press and release where the cursor is, exactly like a tap."""
        if not self.cursor_overlay.isVisible():
            return
        local = self.cursor_overlay.position
        target = self.childAt(local)
        if target is None or target is self.cursor_overlay:
            return
        point = QPointF(target.mapFrom(self, local))
        global_point = QPointF(self.mapToGlobal(local))
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            event = QMouseEvent(
                kind,
                point,
                global_point,
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton
                if kind == QEvent.Type.MouseButtonPress
                else Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(target, event)

    # overlays
    def show_toast(self, text: str) -> None:
        self.toast.setText(text)
        self.toast.adjustSize()
        self.toast.move((self.width() - self.toast.width()) // 2, int(self.height() * 0.75))
        self.toast.show()
        self.toast.raise_()
        self._toast_timer.start()

    def _on_idle_countdown(self, seconds: int) -> None:
        if seconds > 0:
            self.idle_overlay.show_count(seconds, self.state.lang)
        else:
            self.idle_overlay.hide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for overlay in (self.idle_overlay, self.cursor_overlay):
            if overlay.isVisible():
                overlay.setGeometry(self.rect())

    def closeEvent(self, event) -> None:
        QApplication.instance().removeEventFilter(self.input_watcher)
        super().closeEvent(event)
