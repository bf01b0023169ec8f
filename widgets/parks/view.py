"""둘레길·공원: trails and parks as cards, nearest to this kiosk first, with the distance in
big type; buttons narrow the list to trails or parks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import format_measure, format_number, tr
from kiosk.shell.theme import PALETTE, readable
from widgets.bikes.model import distance_text
from widgets.common.cards import Card, badge, empty_state, label
from widgets.common.content_page import StaffContentPage
from widgets.common.layout import columns_for, fill_grid
from widgets.common.staff_content import StaffFile
from widgets.parks.model import Kind, NearbyPlace, Place, load_parks, nearest_first

DESIGN_COLUMNS = 3
FILTERS: tuple[tuple[Kind | None, str], ...] = (
    (None, "parks.all"),
    (Kind.TRAIL, "parks.only_trails"),
    (Kind.PARK, "parks.only_parks"),
)


class ParksPage(StaffContentPage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind: Kind | None = None  # the visitor's filter; None shows everything
        self.filter_buttons: dict[Kind | None, QPushButton] = {}
        self._lang = "ko"

    def load(self) -> StaffFile[list[Place]]:
        return load_parks(self.context.store)

    def reset(self) -> None:
        super().reset()
        self.kind = None

    def view_state(self) -> Kind | None:
        return self.kind

    def show_kind(self, kind: Kind | None) -> None:
        self.kind = kind
        self.render(self._lang)

    def header_controls(self, lang: str) -> list[QWidget]:
        self.filter_buttons = {
            kind: self._filter_button(tr(key, lang), kind) for kind, key in FILTERS
        }
        return list(self.filter_buttons.values())

    def fill_content(self, file: StaffFile[list[Place]], lang: str) -> None:
        self._lang = lang
        site = self.context.config.site
        self.body.addWidget(
            label(tr("parks.from_here", lang, site=site.name_in(lang)), "Muted", wrap=True)
        )
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.context.scale.px(16))
        cards = [
            self._card(nearby, lang) for nearby in nearest_first(file.data or [], site, self.kind)
        ]
        fill_grid(grid, cards, columns_for(self.context.scale, DESIGN_COLUMNS))
        self.body.addWidget(host)
        if not cards:
            self.body.addWidget(empty_state(tr("parks.none", lang)))

    def _filter_button(self, text: str, kind: Kind | None) -> QPushButton:
        button = QPushButton(text, objectName="PageButton")  # styled by the theme
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if kind is not self.kind:  # the chosen filter keeps the filled accent look
            button.setStyleSheet(
                f"background: {PALETTE.surface}; color: {readable(PALETTE.accent)};"
                f" border: {self.context.scale.px(3)}px solid {readable(PALETTE.accent)};"
            )
        button.clicked.connect(lambda: self.show_kind(kind))
        return button

    def _card(self, nearby: NearbyPlace, lang: str) -> Card:
        place = nearby.place
        card = Card(self.context.scale, tappable=False)
        top = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(self.context.scale.px(6))
        kind = place.kind
        chip_row = QHBoxLayout()
        chip_row.addWidget(
            badge(
                tr(f"parks.{kind.value}", lang), PALETTE.ok if kind is Kind.PARK else PALETTE.accent
            )
        )
        chip_row.addStretch(1)
        names.addLayout(chip_row)
        names.addWidget(label(place.name_in(lang), "CardTitle", wrap=True))
        top.addLayout(names, 1)
        distance = label(distance_text(nearby.distance_m, lang), "Medium")
        distance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        top.addWidget(distance, 0, Qt.AlignmentFlag.AlignTop)
        card.layout_.addLayout(top)
        details = []
        if place.district_in(lang):
            details.append(place.district_in(lang))
        if place.length_km is not None:
            length = format_measure(place.length_km, "length-kilometer", lang, digits=1)
            details.append(tr("parks.length", lang, length=length))
        if place.hours is not None:
            details.append(tr("parks.hours", lang, n=format_number(place.hours, lang, 1)))
        if nearby.nearest.name_in(lang):
            details.append(tr("parks.nearest_point", lang, point=nearby.nearest.name_in(lang)))
        if details:
            card.layout_.addWidget(label(" · ".join(details), "Muted", wrap=True))
        if place.description_in(lang):
            card.layout_.addWidget(label(place.description_in(lang), wrap=True))
        card.setAccessibleName(
            f"{tr(f'parks.{kind.value}', lang)}. {place.name_in(lang)}. "
            f"{distance_text(nearby.distance_m, lang)}. {' · '.join(details)}"
        )
        return card
