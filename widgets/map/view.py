"""The ``map`` page: the window's shared map (widgets.map.shared) with big native layer
buttons, its legend, and the tapped district's details in a native panel."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import format_time, tr
from kiosk.shell.page import PageContext, WidgetPage
from kiosk.shell.theme import GRADE_COLORS, PALETTE
from offline_cache.store import Snapshot
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.layout import clear_layout
from widgets.map import model
from widgets.map.home import MapHomeVisual, MapHost, fill_legend
from widgets.map.shared import SharedMap


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
        fill_legend(self.legend, shared.layer, lang, self.context.scale)
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
        fill_legend(self.legend, layer, self.lang, self.context.scale)
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
            f"{name} {'-' if value is None else format(value, fmt)} {unit}"
            for name, value, fmt, unit in (
                ("PM10", air.pm10, ".0f", "㎍/㎥"),
                ("PM2.5", air.pm25, ".0f", "㎍/㎥"),
                ("O₃", air.o3, ".3f", "ppm"),
            )
        )
        row.addWidget(label(values, wrap=True), 1)
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
