"""The widget contract: what a widget declares about itself, as plain data.

The shell, the voice grammar and the screenshot command know widgets only through these
declarations; a widget's Qt view is imported lazily from ``view`` when first shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import import_module
from typing import Any

from kiosk.i18n import pick


class Visibility(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"  # only in the mayor role, only while private mode is unlocked


@dataclass(frozen=True)
class Banner:
    """An urgent line across the home screen (an active disaster alert, a notice)."""

    text: str
    widget_id: str  # the page a tap opens
    severity: int = 1  # higher is more urgent; the most urgent banner shows first


@dataclass(frozen=True)
class WidgetSpec:
    """One page of the kiosk: identity, texts in every language, data it reads, its view."""

    id: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    view: str  # "package.module:ClassName", imported only when the page is first shown
    voice_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    datasets: tuple[str, ...] = ()
    visibility: Visibility = Visibility.PUBLIC
    tile: bool = False  # a category tile on the home screen (and in the swipe order)
    icon: str = ""  # an icon name in kiosk/shell/icons (Tabler outline), drawn on tiles and headers
    glance: str = ""  # "module:Class" of a small card on the home screen (tap opens the page)
    banners: str = ""  # "module:function" giving urgent banners for the home screen
    home_visual: str = ""  # "module:Class": the home screen's main visual (the map); one widget

    @property
    def is_private(self) -> bool:
        return self.visibility is Visibility.PRIVATE

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` (English, then Korean, when a language is missing)."""
        return pick(self.title, lang)

    def description_in(self, lang: str) -> str:
        return pick(self.description, lang)

    def load_view(self) -> type[Any]:
        """Import and return the view class named by ``view``."""
        return load_object(self.view)


def load_object(path: str) -> Any:
    """The object named by a "package.module:name" path (views, glance cards, banners)."""
    module_name, _, name = path.partition(":")
    return getattr(import_module(module_name), name)
