"""대기환경: all 25 districts in two tables, each row coloured by its grade, the kiosk's
district marked; every value is shown with the band it falls in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.i18n import tr
from kiosk.reference import district_at
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import GRADE_COLORS, PALETTE, readable
from offline_cache.store import Snapshot
from widgets.air.model import DistrictAir, district_air, grade_name
from widgets.common.cards import badge, empty_state, label
from widgets.common.layout import clear_layout, columns_for

HALVES = 2
COLUMNS = ("air.col.district", "air.col.grade", "PM10", "PM2.5", "O₃ (ppm)", "air.col.main")


def _value(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _cell(text: str, grade: int | None = None, bold: bool = False) -> QLabel:
    """A value cell, tinted with the colour of its grade band."""
    cell = QLabel(text)
    cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
    style = "font-weight: bold;" if bold else ""
    if grade is not None:
        style += f"color: {readable(GRADE_COLORS[grade][0])}; font-weight: bold;"
    cell.setStyleSheet(style)
    return cell


class AirQualityPage(WidgetPage):
    def fill(self, lang: str) -> list[Snapshot]:
        clear_layout(self.body)
        snapshot = self.context.store.snapshot("air_quality")
        if snapshot.is_empty:
            self.body.addWidget(empty_state(tr("air.no_data", lang)), 1)
            return [snapshot]
        site = self.context.config.site
        here = district_at(site.lat, site.lon)
        rows = district_air(snapshot, here.code if here else None)
        per_half = -(-len(rows) // columns_for(self.context.scale, HALVES))
        halves = QHBoxLayout()
        halves.setSpacing(self.context.scale.px(24))
        for start in range(0, len(rows), per_half):
            halves.addWidget(self._table(rows[start : start + per_half], lang), 1)
        self.body.addLayout(halves)
        self.body.addStretch(1)
        return [snapshot]

    def _table(self, rows: list[DistrictAir], lang: str) -> QFrame:
        px = self.context.scale.px
        table = QFrame(objectName="Card")
        grid = QGridLayout(table)
        grid.setContentsMargins(px(16), px(8), px(16), px(8))
        grid.setHorizontalSpacing(px(12))
        grid.setVerticalSpacing(px(2))
        for column, key in enumerate(COLUMNS):
            heading = label(tr(key, lang) if key.startswith("air.") else key, "Muted")
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(heading, 0, column)
        for row_index, air in enumerate(rows, start=1):
            self._row(grid, row_index, air, lang)
        grid.setColumnStretch(0, 3)
        return table

    def _row(self, grid: QGridLayout, row: int, air: DistrictAir, lang: str) -> None:
        name = air.name(lang) + (" ●" if air.is_here else "")
        district = label(name, "CardTitle")
        if air.is_here:
            district.setStyleSheet(f"color: {PALETTE.accent};")
            district.setToolTip(tr("here", lang))
        grid.addWidget(district, row, 0)
        background, foreground = GRADE_COLORS[air.overall]
        chip_host = QWidget()
        chip_row = QHBoxLayout(chip_host)
        chip_row.setContentsMargins(0, 0, 0, 0)
        chip_row.addWidget(badge(grade_name(air.overall, lang), background, foreground))
        grid.addWidget(chip_host, row, 1)
        grid.addWidget(_cell(_value(air.pm10, 0), air.grade("pm10")), row, 2)
        grid.addWidget(_cell(_value(air.pm25, 0), air.grade("pm25")), row, 3)
        grid.addWidget(_cell(_value(air.o3, 3), air.grade("o3")), row, 4)
        grid.addWidget(_cell(air.main_pollutant or "-"), row, 5)
