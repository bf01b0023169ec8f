"""The window's one map: a locked web view on the folium page, its web-channel bridge, and
what it shows. Created once per window (the first time the home screen is painted, so start-up
neither imports nor waits for WebEngine) and moved between the home screen and the map page.

Its page is loaded once from a file; data updates and layer switches reach it through
``runJavaScript`` (``kioskMap.update``), and taps come back through a QWebChannel bridge (Qt's
own qrc:///qtwebchannel/qwebchannel.js: nothing goes over a network)."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtQuickWidgets import QQuickWidget  # before the web view: its proxy is one
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWidgets import QApplication, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.page import PageContext
from kiosk.shell.theme import PALETTE
from kiosk.shell.web import locked_web_view
from offline_cache.store import Snapshot
from widgets.alerts.model import ACTIVE_HOURS, active_alerts
from widgets.bikes.model import DEFAULT_RADIUS_M, nearby_stations, query_nearby
from widgets.map import model
from widgets.map.home import grade_fills
from widgets.map.page_file import ensure_page

if TYPE_CHECKING:
    from widgets.map.home import MapHost

log = logging.getLogger(__name__)

NEAR_RADIUS_M = 1500  # "around here": the bike stations a visitor can walk to
BIKE_LIMIT = 12
SETTLE_MS = 150
FRAME_TIMEOUT_MS = 600


class MapBridge(QObject):
    """What the page may call (through the web channel): a tap, a page ready, a painted frame."""

    district_tapped = Signal(str)
    frame_painted = Signal(int)
    page_ready = Signal()

    @Slot(str)
    def tapped(self, code: str) -> None:
        self.district_tapped.emit(code)

    @Slot(int)
    def painted(self, serial: int) -> None:
        self.frame_painted.emit(serial)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 (the name the page calls)
        self.page_ready.emit()


def map_style(label_px: int, values: bool) -> dict:
    """The page's look from the live palette (standard or high contrast)."""
    high = PALETTE.high_contrast
    return {
        "high_contrast": high,
        "background": PALETTE.background,
        "line": "#FFFFFF" if high else "#374151",
        "line_px": 2 if high else 1.5,
        "fill_opacity": 0.55 if high else 0.62,
        "selected": PALETTE.accent,
        "text": PALETTE.text,
        "halo": PALETTE.background,
        "here": PALETTE.accent,
        "bike": PALETTE.ok,
        "bike_px": 6,
        "label_px": label_px,
        "labels": True,
        "values": values,
    }


class SharedMap(QWidget):
    """The window's one map: a locked web view, its bridge, and what it shows (layer,
    selected district, whole city or around here). Hosts (the home screen, the map page)
    adopt it into their layout; it remembers the home screen as the host to go back to."""

    district_tapped = Signal(str)
    painted = Signal()

    def __init__(self, context: PageContext, home: MapHost):
        super().__init__(home)
        self.context = context
        self.home = home
        self.host: MapHost = home
        self.layer = model.DEFAULT_LAYER
        self.selected: str | None = None
        self.near = False
        self.lang = context.config.languages[0]
        self.loaded = False
        self._serial = 0  # of the last state sent
        self._painted_serial = -1
        self._pending: str | None = None  # a state waiting for the page to load
        self._last_state = ""  # what the page shows (without its serial)
        self._frame_wait: int | None = None  # the serial painted, its pixels on the way
        self._frame_rendered = self._settled = False
        self._watched_window = None
        self._frame_timeout = QTimer(self, singleShot=True, interval=FRAME_TIMEOUT_MS)
        self._frame_timeout.timeout.connect(self._on_frame_shown)
        self.data: model.MapData | None = None
        self.snapshots: list[Snapshot] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.web = locked_web_view(self)
        self.web.setAccessibleName(tr("map.accessible", self.lang))
        layout.addWidget(self.web)
        self.bridge = MapBridge(self)
        self.bridge.district_tapped.connect(self._on_district_tapped)
        self.bridge.frame_painted.connect(self._on_frame_painted)
        self.bridge.page_ready.connect(self._on_page_ready)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.web.page().setWebChannel(self.channel)
        self.web.loadFinished.connect(self._on_load_finished)
        app = QApplication.instance()
        app.aboutToQuit.connect(self.release)  # web views go before the profile at exit
        try:
            path = ensure_page(context.config.data_dir / "web")
        except Exception:  # a full disk, a broken install: the kiosk runs on, and says so
            log.exception("could not build the map page in %s", context.config.data_dir)
            self.problem = tr("map.broken", self.lang)
            return
        self.problem = ""
        self.web.load(QUrl.fromLocalFile(str(path)))

    # what it shows
    def read(self) -> None:
        """Read the cache (once per render of its host)."""
        store, site = self.context.store, self.context.config.site
        air = store.snapshot("air_quality")
        citydata = store.snapshot("citydata")
        alerts_snapshot = store.snapshot("disaster_alerts")
        hours = float(self.context.config.section("alerts").get("active_hours", ACTIVE_HOURS))
        bikes_snapshot = query_nearby(store, site, DEFAULT_RADIUS_M)
        bikes = nearby_stations(bikes_snapshot, site, NEAR_RADIUS_M, BIKE_LIMIT)
        self.data = model.collect(air, citydata, active_alerts(alerts_snapshot, hours), bikes, site)
        self.snapshots = [air, citydata, alerts_snapshot, bikes_snapshot]
        if self.selected is None:
            self.selected = self.data.here_code

    def show_state(self, lang: str) -> None:
        """Send what the map shows to the page (no reload); the page repaints."""
        self.lang = lang
        if self.data is None:
            self.read()
        on_page = self.host is not self.home
        scale = self.context.scale
        label_px = min(scale.text_px(17 if on_page else 15), scale.px(26))
        state = model.map_state(
            self.data,
            self.layer,
            lang,
            grade_fills(),
            map_style(label_px, values=on_page),
            selected=self.selected if on_page else None,
        )
        colors = model.layer_colors(self.layer, grade_fills(), PALETTE.high_contrast)
        # the home screen's key is drawn in the map's empty corner; the page has a native one
        state["legend"] = [] if on_page else model.legend(self.layer, lang, colors)
        site = self.context.config.site
        state["view"] = (
            {"near": {"lat": site.lat, "lon": site.lon, "radius_m": NEAR_RADIUS_M}}
            if self.near and on_page
            else None
        )
        key = ", ".join(words for _, words in model.legend(self.layer, lang, colors))
        self.web.setAccessibleName(
            f"{tr('map.accessible', lang)} {tr(f'map.layer.{self.layer}', lang)}: {key}"
        )
        shown = json.dumps(state)
        if shown == self._last_state and self.loaded:
            return  # already on screen: no work for the page (every render of its host)
        self._last_state = shown
        self._serial += 1
        state["serial"] = self._serial
        script = f"window.kioskMap && window.kioskMap.update({json.dumps(state)});"
        if self.loaded:
            self.web.page().runJavaScript(script, 0)
        else:
            self._pending = script

    def is_ready(self) -> bool:
        """The page is loaded and the last state sent is on screen (or it cannot load)."""
        return bool(self.problem) or (self.loaded and self._painted_serial >= self._serial)

    # hosts
    def move_to(self, host: MapHost) -> None:
        if self.host is host and host.dock.indexOf(self) >= 0:
            return
        self.host = host
        host.dock.addWidget(self)
        self.set_min_height(host.map_min_height())
        self.show()

    def set_min_height(self, height: int) -> None:
        """The map's least height; its host (and the home screen's grid) make room for it."""
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)
            self.host.updateGeometry()

    def go_home(self) -> None:
        self.move_to(self.home)

    def release(self) -> None:
        """Delete the web view (before the application and its web profile go)."""
        if shiboken6.isValid(self.web):
            self.web.deleteLater()

    # page events
    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            log.error("the map page did not load")
            self.problem = tr("map.broken", self.lang)

    def _on_page_ready(self) -> None:
        self.loaded = True
        if self._pending:
            self.web.page().runJavaScript(self._pending, 0)
            self._pending = None

    def _on_frame_painted(self, serial: int) -> None:
        """The page drew the last state. Its pixels reach Qt a little later (Chromium's
        compositor, 50-250 ms here): ready once Qt has rendered a frame since, and not before
        ``SETTLE_MS``, or after ``FRAME_TIMEOUT_MS`` whatever happens."""
        if serial < self._serial:
            return
        window = self._quick_window()
        if window is not None and window is not self._watched_window:
            window.afterRendering.connect(self._on_frame_rendered)
            self._watched_window = window
        self._frame_wait = serial
        self._frame_rendered = window is None
        self._settled = False
        QTimer.singleShot(SETTLE_MS, self._on_settled)
        self._frame_timeout.start()

    def _on_frame_rendered(self) -> None:
        if self._frame_wait is not None:
            self._frame_rendered = True
            self._maybe_shown()

    def _on_settled(self) -> None:
        self._settled = True
        self._maybe_shown()

    def _maybe_shown(self) -> None:
        if self._frame_wait is not None and self._frame_rendered and self._settled:
            self._on_frame_shown()

    def _on_frame_shown(self) -> None:
        serial, self._frame_wait = self._frame_wait, None
        self._frame_timeout.stop()
        if serial is None:
            return
        self._painted_serial = max(self._painted_serial, serial)
        if self._painted_serial >= self._serial:
            self.painted.emit()

    def _quick_window(self):
        """The QtQuick window the web view draws into (its focus proxy's); None if unknown."""
        proxy = self.web.focusProxy()
        return proxy.quickWindow() if isinstance(proxy, QQuickWidget) else None

    def _on_district_tapped(self, code: str) -> None:
        self.selected = code
        self.district_tapped.emit(code)
