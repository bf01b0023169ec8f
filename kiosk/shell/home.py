"""The home screen: urgent banners, the main visual (the district map), glance cards, and big
category tiles.

Built from the registry alone: a widget with ``banners`` may put a banner on top, one with
``home_visual`` is the main visual, one with ``glance`` gets a card, and every ``tile``
becomes a category tile. With a main visual at 100% text the visual and the glance cards
(two columns) share the upper part of the screen and the tiles, compact, fill the rows
under them across the whole width, so every category is one tap away without scrolling;
at larger text everything is one column and the home screen scrolls."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.intents import ShowWidget, Source
from kiosk.shell.icons import IconLabel, icon_pixmap
from kiosk.shell.page import GlanceCard, PageContext
from kiosk.widget_spec import Banner, WidgetSpec, load_object
from widgets.common.cards import Card
from widgets.common.layout import clear_layout, columns_for, fill_grid

log = logging.getLogger(__name__)
GLANCE_COLUMNS = 4
VISUAL_GLANCE_COLUMNS = 2  # beside the main visual
TILE_COLUMNS = 4
TILE_ROWS = 2  # more tiles (private mode adds two) widen the grid instead of overflowing 1080p
COMPACT_COLUMNS = 7  # compact tiles under the visual: seven across 1920 px, then another row


class CategoryTile(Card):
    """A big tappable category: icon, title, and the English name under Korean (compact: the
    icon beside the title alone; the other name stays in the accessible name for guidance)."""

    def __init__(self, spec: WidgetSpec, context: PageContext, compact: bool = False):
        super().__init__(context.scale)
        self.spec = spec
        px = context.scale.px
        self.clicked.connect(lambda: context.sink(ShowWidget(spec.id, Source.TOUCH)))
        self.compact = compact
        row = QHBoxLayout()
        row.setSpacing(px(12 if compact else 20))
        if compact:
            margin = px(10)
            self.layout_.setContentsMargins(margin, margin, margin, margin)
        row.addWidget(IconLabel(spec.icon, 44 if compact else 72, context.scale))
        names = QVBoxLayout()
        self.title = QLabel(objectName="CardTitle" if compact else "Medium", wordWrap=True)
        self.subtitle = QLabel(objectName="Muted", wordWrap=True)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        self.subtitle.setVisible(not compact)
        row.addLayout(names, 1)
        self.layout_.addLayout(row)
        self.setMinimumHeight(px(88 if compact else 150))  # touch targets far above 48 px

    def render(self, lang: str) -> None:
        self.title.setText(self.spec.title_in(lang))
        other = self.spec.title_in("en") if lang == "ko" else self.spec.title_in("ko")
        self.subtitle.setText(other)
        if self.compact:
            self.setAccessibleName(f"{self.title.text()}. {other}")


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
        self.visual = self._main_visual(specs)
        # the grids live in boxes that move between the layouts (a layout cannot be re-added)
        self.glance_box, self.tile_box = QWidget(), QWidget()
        # beside the visual the cards get the height the tiles leave: should a long text make
        # them taller (a long station name, an error), they scroll there, never the tiles away
        self.glance_scroll = QScrollArea()
        self.glance_scroll.setWidgetResizable(True)
        self.glance_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.glance_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.glance_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.glance_scroll.hide()
        self.glance_grid = QGridLayout(self.glance_box)
        self.glance_grid.setContentsMargins(0, 0, 0, 0)
        self.glance_grid.setSpacing(px(20))
        self.glances: list[GlanceCard] = [
            load_object(spec.glance)(spec, context) for spec in specs if spec.glance
        ]
        fill_grid(self.glance_grid, self.glances, GLANCE_COLUMNS)
        self.tile_grid = QGridLayout(self.tile_box)
        self.tile_grid.setContentsMargins(0, 0, 0, 0)
        self.tile_grid.setSpacing(px(20))
        self.tiles: list[CategoryTile] = []
        # visual, cards and tiles, arranged in set_tiles: box layouts (a grid would squeeze
        # height-for-width cards and tiles at large text); ``upper`` holds the visual and the
        # cards side by side, and is empty (takes no room) when everything is one column
        self.column = QVBoxLayout()
        self.column.setSpacing(px(20))
        self.upper = QHBoxLayout()
        self.upper.setSpacing(px(20))
        self.column.addLayout(self.upper, 1)
        layout.addLayout(self.column, 1)

    def _main_visual(self, specs: list[WidgetSpec]) -> QWidget | None:
        spec = next((spec for spec in specs if spec.home_visual), None)
        if spec is None:
            return None
        try:
            return load_object(spec.home_visual)(spec, self.context)
        except Exception:  # the home screen shows its cards and tiles without it
            log.exception("the home visual of %s failed to load", spec.id)
            return None

    def set_tiles(self, specs: list[WidgetSpec]) -> None:
        """The category tiles (they change when private mode adds private categories), and
        the columns of tiles and cards for the visitor's text size."""
        clear_layout(self.tile_grid)
        scale = self.context.scale
        beside = self.visual is not None and scale.text <= 1.0
        self.tiles = [CategoryTile(spec, self.context, compact=beside) for spec in specs]
        columns = max(TILE_COLUMNS, -(-len(self.tiles) // TILE_ROWS))
        if beside:
            columns = COMPACT_COLUMNS
        if scale.text > 1.0:  # larger text: fewer, wider columns, and the home page scrolls
            columns = columns_for(scale, TILE_COLUMNS)
        fill_grid(self.tile_grid, self.tiles, columns)
        glance_columns = columns_for(scale, GLANCE_COLUMNS)
        if beside:
            glance_columns = VISUAL_GLANCE_COLUMNS
        fill_grid(self.glance_grid, self.glances, glance_columns)
        self._arrange(beside)

    def _arrange(self, beside: bool) -> None:
        """Visual and cards side by side over the tiles, or all in one column."""
        parts = [part for part in (self.visual, self.glance_box, self.tile_box) if part]
        for part in (*parts, self.glance_scroll):
            self.upper.removeWidget(part)
            self.column.removeWidget(part)
        if self.glance_scroll.widget() is self.glance_box:
            self.glance_scroll.takeWidget()
        self.glance_scroll.setVisible(beside)
        margins = self.layout().contentsMargins()
        px = self.context.scale.px
        top, bottom = (px(4), px(4)) if beside else (px(24), px(16))
        self.layout().setContentsMargins(margins.left(), top, margins.right(), bottom)
        self._tighten_glances(beside)
        gap = px(10 if beside else 20)
        for layout in (self.column, self.upper, self.glance_grid, self.tile_grid):
            layout.setSpacing(gap)
        if beside:
            # cards wide enough for their age line on one line in every language; Seoul is
            # wider than tall, so the map loses little of its size beside them
            self.upper.addWidget(self.visual, 7)
            self._fit_visual(beside)
            self.glance_scroll.setWidget(self.glance_box)
            self.upper.addWidget(self.glance_scroll, 13)
            self.column.addWidget(self.tile_box)
            self.column.setStretch(0, 1)
        elif self.visual is None:
            self.column.addWidget(self.glance_box, 5)
            self.column.addWidget(self.tile_box, 4)
        else:
            self._fit_visual(beside)
            for part in parts:
                self.column.addWidget(part)

    def _fit_visual(self, beside: bool) -> None:
        """Beside the cards the visual takes the height the tiles leave, down to its least
        height; its own preferred height must not make the home screen taller than the
        screen (the page's scroll area sizes it by its preferred height for the width)."""
        policy = QSizePolicy.Policy.Ignored if beside else QSizePolicy.Policy.Expanding
        self.visual.setMinimumHeight(0)
        self.visual.setSizePolicy(QSizePolicy.Policy.Expanding, policy)
        if beside:
            self.visual.setMinimumHeight(self.visual.minimumSizeHint().height())

    def _tighten_glances(self, beside: bool) -> None:
        """Beside the visual the cards stack two high over the tiles: smaller margins,
        headline figures (42 px at 1080p) and tile titles at body size (26 px), all still
        readable from 1.5 m, keep every tile on screen in every language."""
        px = self.context.scale.px
        margin, spacing = (px(12), px(2)) if beside else (px(24), px(8))
        for glance in self.glances:
            glance.card.layout_.setContentsMargins(margin, margin, margin, margin)
            glance.card.layout_.setSpacing(spacing)
            glance.body.setSpacing(spacing)
        text_px = self.context.scale.text_px
        compact = (
            f"#Big {{ font-size: {text_px(42)}px; }} #Medium {{ font-size: {text_px(28)}px; }}"
        )
        self.glance_box.setStyleSheet(compact if beside else "")
        titles = f"#CardTitle {{ font-size: {text_px(26)}px; }}"  # body text size
        self.tile_box.setStyleSheet(titles if beside else "")

    def render(self, lang: str) -> None:
        self.banner.show_banner(self._top_banner(lang))
        if self.visual is not None:
            self._render_visual(lang)
        for card in self.glances:
            card.render(lang)
        for tile in self.tiles:
            tile.render(lang)

    def _render_visual(self, lang: str) -> None:
        try:
            self.visual.render(lang)
        except Exception:  # a broken visual must not blank the home screen
            log.exception("rendering the home visual failed")

    def is_ready(self) -> bool:
        """False while the main visual (a web view) is still loading; screenshots wait."""
        return self.visual is None or self.visual.is_ready()

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
