"""Pages that show one citydata place at a time (traffic, population, weather): big buttons
switch between the places near the kiosk when the cache holds several."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.i18n import KST, tr
from kiosk.shell.page import WidgetPage
from kiosk.shell.theme import PALETTE, Scale
from offline_cache.store import Snapshot
from widgets.common.cards import Card, label
from widgets.common.hotspots import hotspot_names, ordered_hotspots, pick_hotspot
from widgets.common.layout import clear_layout, columns_for

if TYPE_CHECKING:  # pyqtgraph loads with the first page that draws a chart, not with traffic
    from widgets.common.charts import TapChart


class HotspotBar(QWidget):
    """One checkable button per place; a tap calls ``on_choose(name)``."""

    def __init__(
        self,
        names: Sequence[str],
        chosen: str,
        on_choose: Callable[[str], None],
        scale: Scale,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(scale.px(12))
        columns = columns_for(scale, 4)
        self.buttons: dict[str, QPushButton] = {}
        for index, name in enumerate(names):
            button = QPushButton(name, objectName="AccessButton")
            button.setCheckable(True)
            button.setChecked(name == chosen)
            # the style's minimum (content box) wins over setMinimumHeight: 84 + padding >= 96
            button.setStyleSheet(f"min-height: {scale.px(84)}px;")
            button.clicked.connect(lambda _=False, place=name: on_choose(place))
            grid.addWidget(button, *divmod(index, columns))
            self.buttons[name] = button
        for column in range(columns):
            grid.setColumnStretch(column, 1)


class HotspotPage(WidgetPage):
    """A page about one citydata place; the visitor's choice lasts until the idle reset.

    Subclasses build their body in ``build(lang, snapshots)`` from the snapshots of their
    spec's datasets. The body is kept while nothing it shows can have changed (the same data
    versions and staleness, language, text size, contrast, place and day): a chart costs ~12 ms to create,
    and the window renders the page on every visit and every 30 s. A page whose texts also
    move with the clock (countdowns) adds them to the key through ``moving_texts``."""

    chosen: str | None = None  # the place a visitor switched to
    hotspot_bar: HotspotBar | None = None
    _built: tuple[Any, ...] | None = None  # what the body was built from
    _shown: tuple[str, ...] = ()  # the datasets it shows, for the freshness footer

    def fill(self, lang: str) -> list[Snapshot]:
        snapshots = {
            dataset: self.context.store.snapshot(dataset) for dataset in self.spec.datasets
        }
        today = datetime.fromtimestamp(self.context.clock(), KST).date()
        key = (
            lang,
            self.context.scale.text,
            PALETTE.high_contrast,
            self.chosen,
            today,
            tuple((s.status, s.is_stale) for s in snapshots.values()),  # stale: other sources
            self.moving_texts(lang, snapshots),
        )
        if key != self._built:
            clear_layout(self.body)
            shown = self.build(lang, snapshots)
            self._built, self._shown = key, tuple(s.status.dataset for s in shown)
        return [snapshots[dataset] for dataset in self._shown]  # fresh: their ages move on

    def moving_texts(self, lang: str, snapshots: dict[str, Snapshot]) -> tuple[str, ...]:
        """Texts of the body that change with the clock alone (none here)."""
        return ()

    def build(self, lang: str, snapshots: dict[str, Snapshot]) -> list[Snapshot]:
        """Build the body; return the snapshots it shows."""
        raise NotImplementedError

    def place(self, city: Snapshot, lang: str) -> dict[str, Any] | None:
        """The place to show (the chosen one, else the kiosk's own); adds the switch buttons
        to the body when there are several places."""
        self._lang = lang
        site = self.context.config.site
        places = ordered_hotspots(city, hotspot_names(self.context.config), site.lat, site.lon)
        row = pick_hotspot(places, self.chosen)
        self.hotspot_bar = None
        if len(places) > 1 and row is not None:
            self.body.addWidget(label(tr("city.places", lang), "Muted"))
            names = [place["area_name"] for place in places]
            self.hotspot_bar = HotspotBar(names, row["area_name"], self._choose, self.context.scale)
            self.body.addWidget(self.hotspot_bar)
        return row

    def titled_card(self, title: str, tappable: bool = False) -> Card:
        card = Card(self.context.scale, tappable=tappable)
        card.layout_.addWidget(label(title, "CardTitle", wrap=True))
        return card

    def add_chart(self, card: Card, chart: TapChart, title: str) -> None:
        """Put a chart in its card; voice guidance reads it as its title and every value."""
        chart.setAccessibleName(f"{title}. {chart.spoken_summary()}")
        card.layout_.addWidget(chart)

    def reset(self) -> None:
        super().reset()
        self.chosen = None
        self._built = None  # the next visitor gets a fresh body (no value left tapped)

    def _choose(self, place: str) -> None:
        self.chosen = place
        self.render(self._lang)
