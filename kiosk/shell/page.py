"""The view half of the widget contract: a page the shell shows, renders and resets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.config import KioskConfig
from kiosk.intents import Intent, IntentSink, ShowWidget, Source
from kiosk.registry import Registry
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.theme import PALETTE, Scale
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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(16))
        outer.setSpacing(px(16))
        header = QHBoxLayout()
        header.setSpacing(px(20))
        self._icon = QLabel()
        self._icon.setPixmap(icon_pixmap(spec.icon, px(64), PALETTE.accent))
        header.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(px(4))
        self._title = QLabel(objectName="PageTitle")
        self._description = QLabel(objectName="PageDescription")
        self._description.setWordWrap(True)
        titles.addWidget(self._title)
        titles.addWidget(self._description)
        header.addLayout(titles, 1)
        outer.addLayout(header)
        # The body scrolls vertically when it outgrows the screen (small screens, large text)
        # instead of stretching the window beyond it.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(px(16))
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
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
        icon = QLabel()
        icon.setPixmap(icon_pixmap(spec.icon, context.scale.px(40), PALETTE.accent))
        header.addWidget(icon)
        self.title = QLabel(objectName="CardTitle")
        header.addWidget(self.title, 1)
        self.card.layout_.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(context.scale.px(8))
        self.card.layout_.addLayout(self.body, 1)

    def render(self, lang: str) -> None:
        """Redraw from the cache; set ``self.title`` and fill ``self.body``."""
        raise NotImplementedError
