"""The view half of the widget contract: a page the shell shows, renders and resets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.config import KioskConfig
from kiosk.intents import Intent, IntentSink, ShowWidget, Source
from kiosk.registry import Registry
from kiosk.shell.icons import IconLabel
from kiosk.shell.theme import Scale
from kiosk.widget_spec import WidgetSpec
from offline_cache.store import CacheStore, Snapshot


@dataclass
class PageContext:
    """What every page may use. Pages read data only through ``store``."""

    config: KioskConfig
    store: CacheStore
    registry: Registry
    sink: IntentSink
    scale: Scale
    clock: Callable[[], float]


class WidgetPage(QFrame):
    """Base page: a header with icon, title and description, a body, and a freshness footer.

    Subclasses build their body in ``fill(lang)`` and return the snapshots they showed, so
    the footer can say when that data was measured and fetched."""

    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.context = context
        px = context.scale.px
        # The whole page scrolls vertically when it outgrows the screen (small screens, large
        # text, the low-reach layout) instead of stretching the window beyond it or squeezing
        # its texts; when it fits, it fills the screen and the body takes the free height.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        frame.addWidget(self.scroll)
        page = QWidget()
        self.scroll.setWidget(page)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(px(48), px(28), px(48), px(16))
        outer.setSpacing(px(16))
        header = QHBoxLayout()
        header.setSpacing(px(20))
        self._icon = IconLabel(spec.icon, 64, context.scale)
        header.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(px(4))
        self._title = QLabel(objectName="PageTitle", wordWrap=True)
        self._description = QLabel(objectName="PageDescription")
        self._description.setWordWrap(True)
        titles.addWidget(self._title)
        titles.addWidget(self._description)
        header.addLayout(titles, 1)
        outer.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(px(16))
        outer.addLayout(self.body, 1)
        from widgets.common.freshness import FreshnessBar

        self.footer = FreshnessBar(context.scale)
        outer.addWidget(self.footer)

    # the contract
    def render(self, lang: str) -> None:
        """Redraw everything from the cache in ``lang``."""
        self._title.setText(self.spec.title_in(lang))
        self._description.setText(self.spec.description_in(lang))
        snapshots = self.fill(lang)
        self.footer.show_snapshots(snapshots, lang)

    def fill(self, lang: str) -> list[Snapshot]:
        """Build the body; return the snapshots shown (for the freshness footer)."""
        raise NotImplementedError

    def on_shown(self) -> None:
        """The page became visible: start timers here."""

    def on_hidden(self) -> None:
        """The page left the screen: stop timers here."""

    def reset(self) -> None:
        """Forget the visitor (scroll positions, selections); called on idle."""
        self.scroll.verticalScrollBar().setValue(0)

    def handle(self, intent: Intent) -> bool:
        """Consume an intent before the router (e.g. Next inside a paged document)."""
        return False

    def is_ready(self) -> bool:
        """False while asynchronous content (a web view) is still loading; screenshots wait."""
        return True


class GlanceCard(QFrame):
    """A widget's small card on the home screen; a tap opens the widget's page."""

    def __init__(self, spec: WidgetSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        from widgets.common.cards import Card

        self.spec = spec
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.card = Card(context.scale)
        self.card.clicked.connect(lambda: context.sink(ShowWidget(spec.id, Source.TOUCH)))
        layout.addWidget(self.card)
        header = QHBoxLayout()
        header.setSpacing(context.scale.px(12))
        header.addWidget(IconLabel(spec.icon, 40, context.scale))
        self.title = QLabel(objectName="CardTitle", wordWrap=True)
        header.addWidget(self.title, 1)
        self.card.layout_.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(context.scale.px(8))
        self.card.layout_.addLayout(self.body, 1)

    def render(self, lang: str) -> None:
        """Redraw from the cache; set ``self.title`` and fill ``self.body``."""
        raise NotImplementedError
