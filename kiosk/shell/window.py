"""The kiosk window: top bar, page stack, status strip; routes intents and applies effects.

It knows widgets only through the registry: pages are created lazily from their specs."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import intents as i
from kiosk.accessibility import ScreenMount, reachable_rows, screen_mount
from kiosk.config import KioskConfig
from kiosk.i18n import KST, LANGUAGE_NAMES, tr
from kiosk.registry import HOME, Registry
from kiosk.router import (
    Announce,
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
from kiosk.shell.access_bar import AccessBar, GuidanceBanner, ReachNote
from kiosk.shell.bridge import IntentBridge
from kiosk.shell.cursor import CursorOverlay
from kiosk.shell.guidance import Guidance, release_outside
from kiosk.shell.home import HomePage
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.idle import IdleController, IdleOverlay
from kiosk.shell.input_filters import install_input_filter, remove_input_filter
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.services import StateListener, StatusBoard
from kiosk.shell.theme import PALETTE, Scale, apply_theme, font_family
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import CacheStore

if TYPE_CHECKING:
    from kiosk.shell.speech import Speaker

log = logging.getLogger(__name__)

REFRESH_INTERVAL_MS = 30_000  # re-render ages ("3분 전") and arrival countdowns
SWIPE_FRACTION = 0.15  # of the window width
LONG_PRESS_SLOP = 0.02  # a press that moves less than this (of the width) is held still
LONG_PRESS_S = 2.0  # a press held this long anywhere starts voice guidance
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
            button.setAutoExclusive(True)  # one language at a time (guidance says "selected")
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
        self.scale = scale
        px = scale.px
        self.setMinimumHeight(px(120))
        rows = QVBoxLayout(self)
        rows.setContentsMargins(px(32), px(14), px(32), px(14))
        rows.setSpacing(px(10))
        row = QHBoxLayout()
        row.setSpacing(px(18))
        rows.addLayout(row)
        self.second_row = QHBoxLayout()
        self.second_row.addStretch(1)
        rows.addLayout(self.second_row)
        self.row = row
        self.back = self._button(scale, "arrow-left", lambda: sink(i.Back()))
        self.home = self._button(scale, "home", lambda: sink(i.Home()))
        row.addWidget(self.back)
        row.addWidget(self.home)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel(objectName="AppTitle", wordWrap=True)
        self.station = QLabel(objectName="StationName", wordWrap=True)
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
        button.setProperty("icon_name", icon)
        button.clicked.connect(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def restyle(self) -> None:
        """Icons in the palette's bar colour and size; at large text the language buttons
        get a row of their own so nothing is squeezed."""
        size = self.scale.text_px(44)
        for button in (self.back, self.home):
            button.setIcon(icon_pixmap(button.property("icon_name"), size, PALETTE.bar_text))
            button.setIconSize(icon_pixmap("", size).size())
        for row in (self.row, self.second_row):
            row.removeWidget(self.language)
        crowded = self.scale.text >= 2.0 and self.title.isVisibleTo(self)
        (self.second_row if crowded else self.row).addWidget(self.language)

    def set_compact(self, compact: bool) -> None:
        """Buttons only (the low-reach layout shows the names and the clock higher up)."""
        for label in (self.title, self.station, self.clock):
            label.setVisible(not compact)
        self.restyle()

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


PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
WATCHED = frozenset(
    (
        *PRESSES,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
    )
)


class InputWatcher(QObject):
    """On every widget of the window (kiosk.shell.input_filters): any press is activity; a long horizontal drag is a swipe; a long
    press anywhere starts voice guidance; while guidance is on, touches and keys go to it."""

    def __init__(self, window: KioskWindow, long_press_ms: int):
        super().__init__(window)
        self.window = window
        self._press: QPointF | None = None
        self._pressed: QWidget | None = None
        self._swallow_release = False
        self._long_press = QTimer(self, singleShot=True, interval=long_press_ms)
        self._long_press.timeout.connect(self._on_long_press)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in WATCHED:
            return False  # every event of the application passes here: leave at once
        if kind in (*PRESSES, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self.window.on_user_input()
        # each touch once, where it lands (not also at the window system's window)
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        guidance = self.window.guidance
        if kind == QEvent.Type.KeyPress and guidance.active:
            return guidance.key(event)
        if not isinstance(event, QMouseEvent):
            return False
        if kind in PRESSES:
            self._press, self._pressed = event.globalPosition(), watched
            if not guidance.active and not self._in_staff_corner(event):
                self._long_press.start()
            return guidance.active
        if kind == QEvent.Type.MouseMove:
            if self._press is not None and _moved(event, self._press, self.window):
                self._long_press.stop()
            return guidance.active
        if kind != QEvent.Type.MouseButtonRelease:
            return False
        self._long_press.stop()
        start, self._press = self._press, None
        if self._swallow_release:
            self._swallow_release = False
            return True  # the long press started guidance: it was not a tap
        if start is None:
            return guidance.active
        delta = event.globalPosition() - start
        swipe = abs(delta.x()) > self.window.width() * SWIPE_FRACTION and abs(delta.x()) > 2 * abs(
            delta.y()
        )
        if guidance.active:
            if swipe:  # as screen readers do: a swipe to the right reads the next item
                guidance.move(+1 if delta.x() > 0 else -1)
            else:
                guidance.tap(self.window.mapFromGlobal(event.globalPosition().toPoint()))
            return True
        if swipe:
            self.window.bridge.sink(
                i.Next(i.Source.SWIPE) if delta.x() < 0 else i.Previous(i.Source.SWIPE)
            )
        return False

    def _in_staff_corner(self, event: QMouseEvent) -> bool:
        """The staff entry's hold (bottom-left corner) must not start guidance too."""
        from kiosk.shell.staff import CORNER_PX as STAFF_CORNER_PX  # loaded with staff mode

        local = self.window.mapFromGlobal(event.globalPosition().toPoint())
        corner = self.window.context.scale.px(STAFF_CORNER_PX)
        return local.x() < corner and local.y() >= self.window.height() - corner

    def _on_long_press(self) -> None:
        if self._pressed is not None:
            release_outside(self._pressed)  # the pressed button must not click on release
        self._swallow_release = True
        self.window.bridge.sink(i.SetGuidance(True))


def _moved(event: QMouseEvent, start: QPointF, window: QWidget) -> bool:
    delta = event.globalPosition() - start
    return abs(delta.x()) + abs(delta.y()) > window.width() * LONG_PRESS_SLOP


def _look(state: NavState) -> tuple:
    """What the theme depends on: text size, contrast, and the language's font."""
    return state.access.text_scale, state.access.high_contrast, font_family(state.lang)


def vertical_scroll(content: QWidget) -> QScrollArea:
    """``content`` filling the area, scrolling vertically when it needs more height."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


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

        apply_theme(self, scale, self.state.access, self.state.lang)
        settings = config.section("accessibility")
        self.mount = self._screen_mount(settings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The screen decides the window's size, never its contents: full screen must always
        # succeed (sizes scale with the screen, and pages scroll when they need more).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.reach_note = ReachNote(scale)
        self.top_bar = TopBar(scale, self.bridge.sink, config.languages)
        self.guidance_banner = GuidanceBanner(scale)
        self.stack = QStackedWidget(objectName="PageStack")
        self.access_bar = AccessBar(scale, self.bridge.sink)
        self.status_strip = StatusStrip(scale, self.status)
        self.reach_floor = QWidget(self)
        self.reach_note.setParent(self)  # out of the layout unless in the low-reach layout
        self._arrange()
        self.status.changed.connect(lambda: self.status_strip.render(self.state.lang))

        self.home = HomePage(self.context, registry.visible(config.role))
        self.home.set_tiles(self._tile_specs())
        self.home_frame = vertical_scroll(self.home)  # 200% text or low reach: home scrolls
        self.stack.addWidget(self.home_frame)
        self.pages: dict[str, WidgetPage] = {}

        self.toast = QLabel(self, objectName="Toast", alignment=Qt.AlignmentFlag.AlignCenter)
        self.toast.hide()
        self._toast_timer = QTimer(self, singleShot=True, interval=TOAST_MS)
        self._toast_timer.timeout.connect(self.toast.hide)
        self.cursor_overlay = CursorOverlay(self, scale)
        self.idle_overlay = IdleOverlay(self)
        engine = settings.get("speech_engine")
        self.guidance = Guidance(
            self,
            scale,
            speaker=lambda: self._speaker(engine),
            roots=self._guidance_roots,
            language=lambda: self.state.lang,
            on_spoken=self.guidance_banner.show_caption,
        )
        self.idle = IdleController(
            config.idle, self.bridge.sink, lambda: self.state == self.router.initial_state()
        )
        self.idle.countdown_tick.connect(self._on_idle_countdown)
        self.idle_overlay.stay.connect(self.on_user_input)

        self._refresh = QTimer(self, interval=REFRESH_INTERVAL_MS)
        self._refresh.timeout.connect(self._on_refresh_timer)
        self._refresh.start()
        self._clock = QTimer(self, interval=5000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.input_watcher = InputWatcher(self, self._long_press_ms(settings))
        install_input_filter(self.input_watcher, self)  # never application-wide: input_filters

        self._render_chrome()
        self.home.render(self.state.lang)
        self.idle.activity()

    # accessibility
    def _screen_mount(self, settings: dict) -> ScreenMount:
        try:
            return screen_mount(settings)
        except ValueError as exc:
            self.status.set("accessibility", False, str(exc))
            return ScreenMount()

    def _long_press_ms(self, settings: dict) -> int:
        try:
            seconds = float(settings.get("long_press_s", LONG_PRESS_S))
        except (TypeError, ValueError):
            self.status.set("accessibility", False, "[accessibility] long_press_s: not a number")
            seconds = LONG_PRESS_S
        return int(max(seconds, 0.3) * 1000)

    def _speaker(self, engine: str | None) -> Speaker:
        from kiosk.shell.speech import Speaker  # QtTextToSpeech loads only when guidance starts

        speaker = Speaker(engine, self)
        speaker.problem_changed.connect(self._show_speech_problem)
        self._show_speech_problem(speaker.problem or "")
        return speaker

    def _show_speech_problem(self, problem: str) -> None:
        if problem:
            self.status.set("speech", False, problem)
        else:
            self.status.set("speech", True, "text-to-speech ready")

    def _guidance_roots(self) -> list[QWidget]:
        if self.idle_overlay.isVisible():
            return [self.idle_overlay]
        return [self.top_bar, self.current_page(), self.access_bar]

    def _arrange(self) -> None:
        """Top bar on top, or, in the low-reach layout, every control in the rows a seated
        visitor reaches (the rows above show a note, the rows below stay empty)."""
        layout = self.layout()
        parts = (
            self.reach_note,
            self.top_bar,
            self.guidance_banner,
            self.stack,
            self.access_bar,
            self.status_strip,
            self.reach_floor,
        )
        for part in parts:
            layout.removeWidget(part)
        low = self.state.access.low_reach
        if low:
            first, last = reachable_rows(self.mount, self.width(), self.height())
            self.reach_note.setFixedHeight(first)
            self.reach_floor.setFixedHeight(self.height() - last)
            order = (
                self.reach_note,
                self.guidance_banner,
                self.stack,
                self.top_bar,
                self.access_bar,
                self.reach_floor,
                self.status_strip,
            )
        else:
            order = parts[1:6]
        for part in order:
            layout.addWidget(part, 1 if part is self.stack else 0)
        self.top_bar.set_compact(low)
        self.reach_note.setVisible(low)
        self.reach_floor.setVisible(low and self.reach_floor.height() > 0)

    def reachable_band(self) -> tuple[int, int]:
        """The pixel rows holding controls now (all rows unless in the low-reach layout)."""
        if not self.state.access.low_reach:
            return 0, self.height()
        return reachable_rows(self.mount, self.width(), self.height())

    def _restyle(self) -> None:
        """The visitor changed text size, contrast or language: new style, new layout.

        Pages are dropped first and rebuilt when shown (the current one at once), so the
        new style is applied to the chrome and home only, and each page is built once in it."""
        self._drop_pages(list(self.pages))
        apply_theme(self, self.context.scale, self.state.access, self.state.lang)
        self.top_bar.restyle()

    # intents
    def dispatch(self, intent: i.Intent) -> None:
        """Route one intent (always on the GUI thread) and apply what the router decided."""
        if intent.source not in (i.Source.IDLE, i.Source.SYSTEM, i.Source.FACE):
            self.idle.activity()
        current = self.current_page()
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
        look_changed = _look(self.state) != _look(before)
        if look_changed:
            self._restyle()
        if self.state.access.low_reach != before.access.low_reach:
            self._arrange()
        if self.state.private_unlocked != before.private_unlocked or look_changed:
            self.home.set_tiles(self._tile_specs())
            self._render(self.home, self.state.lang)  # the new tiles need their titles
        if self.state.lang != before.lang or self.state.access != before.access:
            self._render_chrome()
        if self.state.page != before.page or self.state.lang != before.lang or look_changed:
            self._show(self.state.page)
        self._guide(before, effects)

    def _guide(self, before: NavState, effects: tuple[Effect, ...]) -> None:
        """Voice guidance: start and stop with the state, then say where the visitor is."""
        on, was_on = self.state.access.guidance, before.access.guidance
        self.guidance_banner.setVisible(on)
        if on and not was_on:
            self.guidance.start()
        elif was_on and not on:
            self.guidance.stop()
        if not on:
            return
        if self.state.lang != before.lang and was_on:
            self.guidance.say(tr("guidance.language", self.state.lang))
        if any(isinstance(effect, Announce) for effect in effects):
            self.guidance.page_changed(self.page_announcement(self.state.page))

    def page_announcement(self, page_id: str) -> str:
        """What guidance says when a page opens: its title and what it shows."""
        lang = self.state.lang
        if page_id == HOME:
            return tr("guidance.home", lang)
        spec = self.registry.get(page_id)
        return tr(
            "guidance.page", lang, title=spec.title_in(lang), description=spec.description_in(lang)
        )

    def _tile_specs(self) -> list[WidgetSpec]:
        ids = self.registry.categories(self.config.role, self.state.private_unlocked)
        return [self.registry.get(widget_id) for widget_id in ids]

    def _render_chrome(self) -> None:
        lang = self.state.lang
        self.top_bar.render(lang, self.config.site.name_in(lang), self.state.page == HOME)
        self.top_bar.tick(lang)
        self.status_strip.render(lang)
        self.access_bar.render(lang, self.state.access)
        self.guidance_banner.render(lang)
        bar = self.top_bar
        self.reach_note.render(lang, bar.title.text(), bar.station.text(), bar.clock.text())

    def _tick(self) -> None:
        self.top_bar.tick(self.state.lang)
        self.reach_note.clock.setText(self.top_bar.clock.text())

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
        previous = self.current_page()
        widget = self.page_widget(page_id)
        lang = self.state.lang
        self._render(widget, lang)  # always from the cache: data and ages may have moved on
        if previous is not widget and isinstance(previous, WidgetPage):
            previous.on_hidden()
        self.stack.setCurrentWidget(self.home_frame if widget is self.home else widget)
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
        current = self.current_page()
        if current is self.home or set(datasets) & set(current.spec.datasets):
            self._render(current, self.state.lang)

    def current_page(self) -> QWidget:
        """The page on screen (the home page, not the scroll area around it)."""
        current = self.stack.currentWidget()
        return self.home if current is self.home_frame else current

    def _on_refresh_timer(self) -> None:
        self._render(self.current_page(), self.state.lang)

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
            first, last = self.reachable_band()
            self.idle_overlay.layout().setContentsMargins(0, first, 0, self.height() - last)
            self.idle_overlay.show_count(seconds, self.state.lang)
            if self.guidance.active and seconds == int(self.config.idle.countdown_s):
                self.guidance.say(tr("idle.spoken", self.state.lang, n=seconds))
        else:
            self.idle_overlay.hide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.state.access.low_reach:
            self._arrange()
        for overlay in (self.idle_overlay, self.cursor_overlay):
            if overlay.isVisible():
                overlay.setGeometry(self.rect())

    def closeEvent(self, event) -> None:
        remove_input_filter(self.input_watcher)
        self.guidance.close_speech()
        for widget in self.findChildren(QWidget):  # web views go before Qt's web profile
            if widget.inherits("QWebEngineView"):
                widget.deleteLater()
        super().closeEvent(event)
