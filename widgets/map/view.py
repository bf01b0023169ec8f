"""The district map in Qt: one locked web view per window, shared by the home screen and the
``map`` page, with native layer buttons, legend and district details around it.

The web view is created once (the first time the home screen is shown, after the window
appeared, so start-up does not wait for WebEngine) and moves between the home screen's map
and the map page. Its page is loaded once from a file; data updates and layer switches reach
it through ``runJavaScript`` (``kioskMap.update``), and taps come back through a QWebChannel
bridge (Qt's own qrc:///qtwebchannel/qwebchannel.js: nothing goes over a network)."""

from __future__ import annotations

import json
import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtQuickWidgets import QQuickWidget  # before the web view: its proxy is one
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import format_time, tr
from kiosk.intents import ShowWidget, Source
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.theme import GRADE_COLORS, PALETTE
from kiosk.shell.web import locked_web_view
from offline_cache.store import Snapshot
from widgets.alerts.model import ACTIVE_HOURS, active_alerts
from widgets.bikes.model import DEFAULT_RADIUS_M, nearby_stations, query_nearby
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout, columns_for
from widgets.map import model
from widgets.map.page_file import ensure_page

log = logging.getLogger(__name__)

MAP_ID = "map"
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


def _grade_fills() -> dict[int | None, str]:
    return {grade: background for grade, (background, _) in GRADE_COLORS.items()}


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
        except OSError as exc:
            log.error("could not write the map page: %s", exc)
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
            _grade_fills(),
            map_style(label_px, values=on_page),
            selected=self.selected if on_page else None,
        )
        colors = model.layer_colors(self.layer, _grade_fills(), PALETTE.high_contrast)
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


class MapHost(QWidget):
    """A place the shared map can be shown in (``dock`` holds it)."""

    def __init__(self, scale, parent: QWidget | None = None, design_px: tuple[int, int] = (0, 0)):
        super().__init__(parent)
        self.scale = scale
        self.design_px = design_px  # the map's least height here: at 100% text, and larger
        self.dock = QVBoxLayout()
        self.dock.setContentsMargins(0, 0, 0, 0)

    def map_min_height(self) -> int:
        """Larger text takes the layouts to one column: the map gets more height there."""
        normal, large = self.design_px
        return self.scale.px(normal if self.scale.text <= 1.0 else large)


LEGEND_COLUMNS = 5


def _fill_legend(grid: QGridLayout, layer: str, lang: str, scale) -> None:
    """Colour chips with their words, as the map colours the districts (fewer per row at
    larger text)."""
    clear_layout(grid)
    colors = model.layer_colors(layer, _grade_fills(), PALETTE.high_contrast)
    columns = columns_for(scale, LEGEND_COLUMNS)
    for index, (color, words) in enumerate(model.legend(layer, lang, colors)):
        light = color in (
            model.NO_DATA_COLOR,
            model.INCIDENT_COLORS[0],
            *model.CONGESTION_COLORS.values(),
        )
        chip = badge(
            words, color, "#111827" if light and color != model.CONGESTION_COLORS[3] else "#FFFFFF"
        )
        grid.addWidget(chip, *divmod(index, columns))
    grid.setColumnStretch(columns, 1)  # a row of chips, then free space


class MapHomeVisual(MapHost):
    """The home screen's main visual: the district map (whole city, the chosen layer's
    colours) under one line with its layer and legend; tapping a district opens the map page
    with that district's details."""

    def __init__(self, spec, context: PageContext):
        super().__init__(context.scale, design_px=(240, 560))
        self.spec = spec
        self.context = context
        self.map: SharedMap | None = None
        self.lang = context.config.languages[0]
        px = context.scale.px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(8))
        # one short line ("지도 · 대기질"), no word wrap: a height-for-width item in the home
        # screen's grid would let the grid squeeze the map below its least height
        self.title = QLabel(objectName="CardTitle")
        layout.addWidget(self.title)
        layout.addLayout(self.dock, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._started = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._started:  # the home screen is on screen first, then the web view starts
            self._started = True
            QTimer.singleShot(0, self._start)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.map is not None and self.map.host is not self:
            self.map.go_home()
            self.map.show_state(self.lang)

    def _start(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.map = SharedMap(self.context, self)
        self.map.district_tapped.connect(self._on_district_tapped)
        self.map.move_to(self)
        self.render(self.lang)

    def render(self, lang: str) -> None:
        self.lang = lang
        layer = self._layer()
        self.title.setText(tr("map.home_title", lang, layer=tr(f"map.layer.{layer}", lang)))
        colors = model.layer_colors(layer, _grade_fills(), PALETTE.high_contrast)
        key = ", ".join(words for _, words in model.legend(layer, lang, colors))
        # voice guidance reads the visual as one item: what it is, its colours, what a tap does
        self.setAccessibleName(f"{self.title.text()}. {tr('map.accessible', lang)} {key}")
        if self.map is not None and self.map.host is self:
            self.map.set_min_height(self.map_min_height())
            self.map.read()
            self.map.show_state(lang)

    def _layer(self) -> str:
        return self.map.layer if self.map is not None else model.DEFAULT_LAYER

    def is_ready(self) -> bool:
        return self.map is not None and self.map.is_ready()

    def _on_district_tapped(self, code: str) -> None:
        if self.map is not None and self.map.host is self:
            self._open(code)

    def _open(self, code: str | None) -> None:
        if self.map is not None and code is not None:
            self.map.selected = code
        self.context.sink(ShowWidget(MAP_ID, Source.TOUCH))


class MapPage(WidgetPage):
    """지도: the district map with big layer buttons, its legend, and the tapped district's
    air quality, congestion and active alerts in a native panel beside it."""

    def __init__(self, spec, context: PageContext, parent: QWidget | None = None):
        super().__init__(spec, context, parent)
        px = context.scale.px
        self.lang = context.config.languages[0]
        self.map: SharedMap | None = None
        self.own_home: MapHost | None = None  # only when no home screen shares its map
        wide = context.scale.text <= 1.0  # larger text: layers and views on two rows
        controls = QBoxLayout(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        controls.setSpacing(px(12))
        layers, views = QHBoxLayout(), QHBoxLayout()
        for row in (layers, views):
            row.setSpacing(px(12))
            controls.addLayout(row)
        self.layer_buttons: dict[str, QPushButton] = {}
        self._layers = QButtonGroup(self)
        for layer in model.LAYERS:
            button = QPushButton(objectName="ChoiceButton", checkable=True)
            button.clicked.connect(lambda _=False, layer=layer: self.set_layer(layer))
            self._layers.addButton(button)
            self.layer_buttons[layer] = button
            layers.addWidget(button)
        layers.addStretch(1)
        if not wide:
            views.addStretch(1)
        self.view_buttons: dict[bool, QPushButton] = {}
        self._views = QButtonGroup(self)
        for near in (False, True):
            button = QPushButton(objectName="ChoiceButton", checkable=True)
            button.clicked.connect(lambda _=False, near=near: self.set_near(near))
            self._views.addButton(button)
            self.view_buttons[near] = button
            views.addWidget(button)
        self.controls = controls
        self.host = MapHost(context.scale, design_px=(460, 700))
        self.host.setLayout(self.host.dock)
        self.host.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.details = Card(context.scale, tappable=False)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.main = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.main.setSpacing(px(20))
        self.main.addWidget(self.host, 3)
        self.main.addWidget(self.details, 2)
        self.legend = QGridLayout()
        self.legend.setSpacing(px(8))
        self.body.addLayout(controls)
        self.body.addLayout(self.main, 1)
        self.body.addLayout(self.legend)

    # the contract
    def fill(self, lang: str) -> list[Snapshot]:
        self.lang = lang
        wide = self.context.scale.text <= 1.0  # larger text: the details go under the map
        self.main.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        shared = self._shared()
        for layer, button in self.layer_buttons.items():
            button.setText(tr(f"map.layer.{layer}", lang))
            button.setChecked(layer == shared.layer)
        for near, button in self.view_buttons.items():
            button.setText(tr("map.view.near" if near else "map.view.city", lang))
            button.setChecked(near == shared.near)
        _fill_legend(self.legend, shared.layer, lang, self.context.scale)
        shared.read()
        if shared.host is self.host:
            shared.show_state(lang)
        self._fill_details(lang)
        return list(shared.snapshots)

    def on_shown(self) -> None:
        shared = self._shared()
        shared.move_to(self.host)
        shared.show_state(self.lang)

    def on_hidden(self) -> None:
        if self.map is not None and self.map.host is self.host:
            self.map.go_home()

    def hideEvent(self, event) -> None:
        # also when the window drops this page (a restyle): the map is never deleted with it
        super().hideEvent(event)
        self.on_hidden()

    def is_ready(self) -> bool:
        return self.map is not None and self.map.is_ready()

    def reset(self) -> None:
        super().reset()
        if self.map is not None:
            self.map.layer = model.DEFAULT_LAYER
            self.map.near = False
            self.map.selected = None

    # actions
    def set_layer(self, layer: str) -> None:
        shared = self._shared()
        shared.layer = layer
        for name, button in self.layer_buttons.items():
            button.setChecked(name == layer)
        _fill_legend(self.legend, layer, self.lang, self.context.scale)
        shared.show_state(self.lang)

    def set_near(self, near: bool) -> None:
        shared = self._shared()
        shared.near = near
        for value, button in self.view_buttons.items():
            button.setChecked(value == near)
        shared.show_state(self.lang)

    def select(self, code: str) -> None:
        shared = self._shared()
        shared.selected = code
        shared.show_state(self.lang)
        self._fill_details(self.lang)

    # the window's shared map
    def _shared(self) -> SharedMap:
        if self.map is None or not shiboken6.isValid(self.map):
            visual = self.window().findChild(MapHomeVisual) if self.window() is not self else None
            if visual is not None and visual.map is None:
                visual._start()
            if visual is not None and visual.map is not None:
                self.map = visual.map
            else:  # no home screen map (a page on its own): this page hosts its own
                self.own_home = MapHost(self.context.scale, self)
                self.own_home.setLayout(self.own_home.dock)
                self.own_home.hide()
                self.map = SharedMap(self.context, self.own_home)
            self.map.district_tapped.connect(self._on_district_tapped)
        return self.map

    def _on_district_tapped(self, code: str) -> None:
        if self.map is not None and self.map.host is self.host:
            self.select(code)

    # the details panel
    def _fill_details(self, lang: str) -> None:
        layout = self.details.layout_
        clear_layout(layout)
        shared = self._shared()
        if shared.problem:
            layout.addWidget(empty_state(shared.problem))
        data = shared.data
        if data is None or shared.selected is None:
            layout.addWidget(empty_state(tr("map.tap_hint", lang)))
            layout.addStretch(1)
            return
        details = model.district_details(data, shared.selected)
        title = QHBoxLayout()
        title.addWidget(label(details.district.name_in(lang), "Medium", wrap=True), 1)
        if details.is_here:
            title.addWidget(badge(tr("map.here", lang), PALETTE.accent, PALETTE.accent_text))
        layout.addLayout(title)
        layout.addWidget(label(tr("map.tap_hint", lang), "Muted", wrap=True))
        self._air_section(layout, details, lang)
        self._congestion_section(layout, details, lang)
        self._alerts_section(layout, details, lang)
        layout.addStretch(1)

    def _section(self, layout: QVBoxLayout, key: str, lang: str) -> None:
        layout.addWidget(label(tr(key, lang), "CardTitle", wrap=True))

    def _air_section(self, layout: QVBoxLayout, details: model.DistrictDetails, lang: str) -> None:
        self._section(layout, "map.section.air", lang)
        air = details.air
        if air is None or air.overall is None:
            layout.addWidget(label(tr("air.no_reading", lang), "Muted", wrap=True))
            return
        row = QHBoxLayout()
        background, foreground = GRADE_COLORS[air.overall]
        row.addWidget(badge(tr(f"grade.{air.overall}", lang), background, foreground))
        values = " · ".join(
            f"{name} {'-' if value is None else format(value, fmt)}"
            for name, value, fmt in (
                ("PM10", air.pm10, ".0f"),
                ("PM2.5", air.pm25, ".0f"),
                ("O₃", air.o3, ".3f"),
            )
        )
        row.addWidget(label(values + " ㎍/㎥ · ppm", wrap=True), 1)
        layout.addLayout(row)

    def _congestion_section(
        self, layout: QVBoxLayout, details: model.DistrictDetails, lang: str
    ) -> None:
        self._section(layout, "map.section.congestion", lang)
        if not details.hotspots:
            layout.addWidget(label(tr("map.no_hotspot", lang), "Muted", wrap=True))
            return
        for spot in details.hotspots:
            row = QHBoxLayout()
            if spot.level is not None:
                row.addWidget(
                    badge(
                        tr(f"map.congestion.{spot.level}", lang),
                        model.CONGESTION_COLORS[spot.level],
                    )
                )
            row.addWidget(label(spot.name, wrap=True), 1)
            layout.addLayout(row)
            if spot.message:
                layout.addWidget(label(spot.message, "Muted", wrap=True))

    def _alerts_section(
        self, layout: QVBoxLayout, details: model.DistrictDetails, lang: str
    ) -> None:
        self._section(layout, "map.section.alerts", lang)
        alerts = details.alerts + details.citywide_alerts
        if not alerts and not details.incidents:
            layout.addWidget(label(tr("map.no_alerts", lang), "Muted", wrap=True))
            return
        now = self.context.clock()
        for alert in alerts:
            row = QHBoxLayout()
            row.addWidget(badge(alert.step or "-", PALETTE.danger))
            row.addWidget(label(format_time(alert.created_at, lang, now), "Muted"), 1)
            layout.addLayout(row)
            layout.addWidget(label(alert.message, wrap=True))
        for incident in details.incidents:
            row = QHBoxLayout()
            kind = incident.kind_en if lang != "ko" and incident.kind_en else incident.kind
            row.addWidget(badge(kind or tr("map.incident", lang), PALETTE.warning))
            row.addStretch(1)
            layout.addLayout(row)
            info = incident.info_en if lang != "ko" and incident.info_en else incident.info
            layout.addWidget(label(info, wrap=True))
