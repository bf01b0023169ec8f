"""상수도: one row per purification centre, each value coloured against its standard (shown
in the column heading), and a verdict in words so colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.i18n import format_number, pick, tr
from kiosk.shell.theme import PALETTE, readable
from widgets.common.cards import badge, label, table_card
from widgets.common.content_page import StaffContentPage
from widgets.common.staff_content import StaffFile
from widgets.water.model import STANDARD_SOURCE, STANDARDS, Centre, Standard, load_water_quality


def standard_text(standard: Standard, lang: str) -> str:
    def limit(value: float) -> str:
        return format_number(value, lang, 1)

    if standard.low is None:
        return tr("water.at_most", lang, high=limit(standard.high))
    return tr("water.between", lang, low=limit(standard.low), high=limit(standard.high))


class WaterPage(StaffContentPage):
    def load(self) -> StaffFile[list[Centre]]:
        return load_water_quality(self.context.store)

    def fill_content(self, file: StaffFile[list[Centre]], lang: str) -> None:
        centres = file.data or []
        bad = sum(not centre.all_within for centre in centres)
        if bad:
            summary = tr("water.summary_fail", lang, n=len(centres), bad=bad)
        else:
            summary = tr("water.summary_ok", lang, n=len(centres))
        verdict = label(summary, "CardTitle", wrap=True)
        verdict.setStyleSheet(f"color: {readable(PALETTE.danger if bad else PALETTE.ok)};")
        self.body.addWidget(verdict)
        self.body.addWidget(self._table(centres, file, lang))
        source = tr("water.standard_source", lang, source=pick(STANDARD_SOURCE, lang))
        self.body.addWidget(label(source, "Muted", wrap=True))

    def _table(self, centres: list[Centre], file: StaffFile[list[Centre]], lang: str) -> QFrame:
        table, grid = table_card(self.context.scale, column_gap=24, row_gap=6)
        grid.addWidget(label(tr("water.col.centre", lang), "Muted", wrap=True), 0, 0)
        for column, standard in enumerate(STANDARDS, start=1):
            heading = QVBoxLayout()
            heading.setSpacing(self.context.scale.px(2))
            name = label(tr(f"water.{standard.quantity.value}", lang), "Muted", wrap=True)
            unit = label(standard.unit, "Muted")  # on its own line: "mg/L" never breaks
            limits = label(standard_text(standard, lang), "Muted", wrap=True)
            limits.setStyleSheet("font-weight: bold;")
            for part in (name, unit, limits):
                part.setAlignment(Qt.AlignmentFlag.AlignCenter)
                heading.addWidget(part)
            grid.addLayout(heading, 0, column)
        for row, centre in enumerate(centres, start=1):
            grid.addLayout(self._name(centre, file, lang), row, 0)
            for column, standard in enumerate(STANDARDS, start=1):
                grid.addWidget(self._value(centre, standard, lang), row, column)
            grid.addWidget(self._verdict(centre, lang), row, len(STANDARDS) + 1)
        grid.setColumnStretch(0, 3)
        for column in range(1, len(STANDARDS) + 1):
            grid.setColumnStretch(column, 2)
        return table

    def _name(self, centre: Centre, file: StaffFile[list[Centre]], lang: str) -> QVBoxLayout:
        cell = QVBoxLayout()
        cell.setSpacing(0)
        cell.addWidget(label(centre.name_in(lang), "CardTitle", wrap=True))
        if centre.measured and centre.measured != file.as_of:
            cell.addWidget(
                label(tr("water.measured", lang, date=centre.measured.isoformat()), "Muted")
            )
        return cell

    def _value(self, centre: Centre, standard: Standard, lang: str) -> QWidget:
        value = centre.values.get(standard.quantity)
        cell = label(
            "-" if value is None else format_number(value, lang, standard.digits), "Medium"
        )
        cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
        meets = centre.meets(standard)
        if meets is not None:
            cell.setStyleSheet(f"color: {readable(PALETTE.ok if meets else PALETTE.danger)};")
        return cell

    def _verdict(self, centre: Centre, lang: str) -> QWidget:
        failing = [s for s in STANDARDS if centre.meets(s) is False]
        if failing:
            names = ", ".join(tr(f"water.{s.quantity.value}", lang) for s in failing)
            chip = badge(tr("water.fails", lang, what=names), PALETTE.danger)
        else:
            chip = badge(tr("water.meets", lang), PALETTE.ok)
        chip.setWordWrap(True)
        return chip
