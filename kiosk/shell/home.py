"""The home screen: urgent banners, glance cards, and big category tiles.

Built from the registry alone: a widget with ``banners`` may put a banner on top, one with
``glance`` gets a card, and every ``tile`` becomes a category tile."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.intents import ShowWidget, Source
from kiosk.shell.icons import IconLabel, icon_pixmap
from kiosk.shell.page import GlanceCard, PageContext
from kiosk.widget_spec import Banner, WidgetSpec, load_object
from widgets.common.cards import Card
from widgets.common.layout import clear_layout, columns_for, fill_grid

log = logging.getLogger(__name__)
GLANCE_COLUMNS = 4
TILE_COLUMNS = 4
TILE_ROWS = 2  # more tiles (private mode adds two) widen the grid instead of overflowing 1080p
COMPACT_COLUMNS = 7  # compact tiles still fit 1920 px seven across; more take another row


class CategoryTile(Card):
    """A big tappable category: icon, title, and the English name under Korean (``compact``:
    a smaller icon and the title alone, so up to 14 tiles fit the two rows of a 1080p
    screen)."""

    def __init__(self, spec: WidgetSpec, context: PageContext, compact: bool = False):
        super().__init__(context.scale)
        self.spec = spec
        px = context.scale.px
        self.clicked.connect(lambda: context.sink(ShowWidget(spec.id, Source.TOUCH)))
        row = QHBoxLayout()
        row.setSpacing(px(10 if compact else 20))
        row.addWidget(IconLabel(spec.icon, 40 if compact else 72, context.scale))
        names = QVBoxLayout()
        self.title = QLabel(objectName="Medium", wordWrap=True)
        self.subtitle = QLabel(objectName="Muted", wordWrap=True)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        self.subtitle.setVisible(not compact)
        self.compact = compact
        row.addLayout(names, 1)
        self.layout_.addLayout(row)
        self.setMinimumHeight(px(150))

    def render(self, lang: str) -> None:
        self.title.setText(self.spec.title_in(lang))
        self.subtitle.setText(
            self.spec.title_in("en") if lang == "ko" else self.spec.title_in("ko")
        )
        if self.compact:  # voice guidance still reads the other language's name
            self.setAccessibleName(f"{self.title.text()}. {self.subtitle.text()}")


class BannerStrip(Card):
    """The most urgent banner across the top; a tap opens its page."""

    def __init__(self, context: PageContext):
        super().__init__(context.scale)
        self.setObjectName("Banner")
        self.context = context
        self.banner: Banner | None = None
        px = context.scale.px
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(icon_pixmap("alert-triangle", px(56), "#FFFFFF"))
        row.addWidget(icon)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.layout_.addLayout(row)
        self.clicked.connect(self._open)

    def show_banner(self, banner: Banner | None) -> None:
        self.banner = banner
        self.setVisible(banner is not None)
        if banner is not None:
            self.text.setText(banner.text)

    def _open(self) -> None:
        if self.banner is not None:
            self.context.sink(ShowWidget(self.banner.widget_id, Source.TOUCH))


class HomePage(QWidget):
    def __init__(self, context: PageContext, specs: list[WidgetSpec]):
        super().__init__()
        self.context = context
        self.specs = specs
        px = context.scale.px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(40), px(24), px(40), px(16))
        layout.setSpacing(px(20))
        self.banner = BannerStrip(context)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        self.glance_grid = QGridLayout()
        self.glance_grid.setSpacing(px(20))
        self.glances: list[GlanceCard] = [
            load_object(spec.glance)(spec, context) for spec in specs if spec.glance
        ]
        fill_grid(self.glance_grid, self.glances, GLANCE_COLUMNS)
        layout.addLayout(self.glance_grid, 5)
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(px(20))
        layout.addLayout(self.tile_grid, 4)
        self.tiles: list[CategoryTile] = []

    def set_tiles(self, specs: list[WidgetSpec]) -> None:
        """The category tiles (they change when private mode adds private categories), and
        the columns of tiles and cards for the visitor's text size."""
        clear_layout(self.tile_grid)
        scale = self.context.scale
        compact = scale.text == 1.0 and len(specs) > TILE_COLUMNS * TILE_ROWS
        self.tiles = [CategoryTile(spec, self.context, compact) for spec in specs]
        columns = max(TILE_COLUMNS, -(-len(self.tiles) // TILE_ROWS))
        if compact:
            columns = min(columns, COMPACT_COLUMNS)
        if scale.text > 1.0:  # larger text: fewer, wider columns, and the home page scrolls
            columns = columns_for(scale, TILE_COLUMNS)
        fill_grid(self.tile_grid, self.tiles, columns)
        fill_grid(self.glance_grid, self.glances, columns_for(scale, GLANCE_COLUMNS))

    def render(self, lang: str) -> None:
        self.banner.show_banner(self._top_banner(lang))
        for card in self.glances:
            card.render(lang)
        for tile in self.tiles:
            tile.render(lang)

    def _top_banner(self, lang: str) -> Banner | None:
        banners: list[Banner] = []
        for spec in self.specs:
            if not spec.banners:
                continue
            try:
                banners += load_object(spec.banners)(self.context.store, self.context.config, lang)
            except Exception:  # a broken banner source must not blank the home screen
                log.exception("banner source of %s failed", spec.id)
        return max(banners, key=lambda b: b.severity, default=None)
