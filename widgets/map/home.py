"""The map on the home screen: its main visual, a host the shared map docks into, and the
colour key. No WebEngine here: the shared web view is imported when the home screen has been
painted (widgets.map.shared)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.freshness import describe
from kiosk.i18n import tr
from kiosk.intents import ShowWidget, Source
from kiosk.shell.page import PageContext
from kiosk.shell.theme import GRADE_COLORS, PALETTE
from widgets.common.cards import badge
from widgets.common.layout import clear_layout, columns_for
from widgets.map import model

if TYPE_CHECKING:
    from widgets.map.shared import SharedMap

log = logging.getLogger(__name__)
MAP_ID = "map"


def grade_fills() -> dict[int | None, str]:
    return {grade: background for grade, (background, _) in GRADE_COLORS.items()}


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


def fill_legend(grid: QGridLayout, layer: str, lang: str, scale) -> None:
    """Colour chips with their words, as the map colours the districts (fewer per row at
    larger text)."""
    clear_layout(grid)
    colors = model.layer_colors(layer, grade_fills(), PALETTE.high_contrast)
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
        self.header = QHBoxLayout()
        self.header.setSpacing(px(8))
        self.tags = QHBoxLayout()  # 오래된 자료 / 예시 자료 for the data the layer shows
        self.tags.setSpacing(px(8))
        self.header.addWidget(self.title)
        self.header.addLayout(self.tags)
        self.header.addStretch(1)
        layout.addLayout(self.header)
        layout.addLayout(self.dock, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._started = False
        self.failed = False  # the web view could not start

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
        if not shiboken6.isValid(self) or self.map is not None:
            return
        try:
            from widgets.map.shared import SharedMap  # WebEngine: only now

            self.map = SharedMap(self.context, self)
        except Exception:  # no WebEngine: the home screen keeps its cards and tiles
            log.exception("the map's web view could not start")
            self.failed = True
            self.render(self.lang)
            return
        self.map.district_tapped.connect(self._on_district_tapped)
        self.map.move_to(self)
        self.render(self.lang)

    def render(self, lang: str) -> None:
        self.lang = lang
        layer = self._layer()
        self.title.setText(tr("map.home_title", lang, layer=tr(f"map.layer.{layer}", lang)))
        colors = model.layer_colors(layer, grade_fills(), PALETTE.high_contrast)
        key = ", ".join(words for _, words in model.legend(layer, lang, colors))
        # voice guidance reads the visual as one item: what it is, its colours, what a tap does
        self.setAccessibleName(f"{self.title.text()}. {tr('map.accessible', lang)} {key}")
        self._show_tags(layer, lang)
        if self.map is not None and self.map.host is self:
            self.map.set_min_height(self.map_min_height())
            self.map.read()
            self.map.show_state(lang)

    def _show_tags(self, layer: str, lang: str) -> None:
        """Example or out-of-date data under the colours is said on the map, as on every card
        (the map page's footer gives the times)."""
        clear_layout(self.tags)
        if self.failed or (self.map is not None and self.map.problem):
            self.tags.addWidget(QLabel(tr("map.broken", lang), objectName="Muted", wordWrap=True))
        store = self.context.store
        facts = [describe(store.snapshot(dataset), lang) for dataset in model.LAYER_DATASETS[layer]]
        if any(fact.stale for fact in facts):
            self.tags.addWidget(badge(tr("data.stale", lang), PALETTE.warning))
        if any(fact.sample for fact in facts):
            self.tags.addWidget(badge(tr("data.sample", lang), PALETTE.sample))

    def _layer(self) -> str:
        return self.map.layer if self.map is not None else model.DEFAULT_LAYER

    def is_ready(self) -> bool:
        return self.failed or (self.map is not None and self.map.is_ready())

    def _on_district_tapped(self, code: str) -> None:
        if self.map is not None and self.map.host is self:
            self._open(code)

    def _open(self, code: str | None) -> None:
        if self.map is not None and code is not None:
            self.map.selected = code
        self.context.sink(ShowWidget(MAP_ID, Source.TOUCH))
