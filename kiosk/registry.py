"""The one place that knows every widget: validates the declarations and answers queries.

Checked at start so a typo (duplicate id, missing English title, an alias claimed by two
widgets) fails loudly instead of silently misrouting a voice command."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.i18n import LANGUAGES
from kiosk.widget_spec import WidgetSpec

HOME = "home"
REQUIRED_LANGUAGES = LANGUAGES  # every widget title and description in all four


class RegistryError(ValueError):
    """A widget declaration breaks the contract."""


def normalize_alias(text: str) -> str:
    """Aliases compare without spaces and case: "대기 환경" and "대기환경" are one name."""
    return "".join(text.split()).casefold()


class Registry:
    """Ordered, validated widget declarations."""

    def __init__(self, specs: Iterable[WidgetSpec]):
        self._specs: dict[str, WidgetSpec] = {}
        aliases: dict[str, str] = {}
        for spec in specs:
            if spec.id == HOME or spec.id in self._specs:
                raise RegistryError(f"duplicate or reserved widget id: {spec.id!r}")
            for lang in REQUIRED_LANGUAGES:
                if not spec.title.get(lang):
                    raise RegistryError(f"widget {spec.id!r} has no {lang} title")
                if not spec.description.get(lang):
                    raise RegistryError(f"widget {spec.id!r} has no {lang} description")
            for lang_aliases in spec.voice_aliases.values():
                for alias in lang_aliases:
                    key = normalize_alias(alias)
                    owner = aliases.setdefault(key, spec.id)
                    if owner != spec.id:
                        raise RegistryError(
                            f"voice alias {alias!r} claimed by both {owner!r} and {spec.id!r}"
                        )
            self._specs[spec.id] = spec
        self._aliases = aliases

    def __contains__(self, widget_id: str) -> bool:
        return widget_id in self._specs

    def get(self, widget_id: str) -> WidgetSpec:
        return self._specs[widget_id]

    def all(self) -> list[WidgetSpec]:
        return list(self._specs.values())

    def visible(self, role: str, private_unlocked: bool = False) -> list[WidgetSpec]:
        """Widgets that exist for this role right now: private ones only for an unlocked mayor."""
        return [
            spec
            for spec in self._specs.values()
            if not spec.is_private or (role == "mayor" and private_unlocked)
        ]

    def page_ids(self, role: str, private_unlocked: bool = False) -> list[str]:
        """Every page id that can be shown: home plus the visible widgets."""
        return [HOME] + [spec.id for spec in self.visible(role, private_unlocked)]

    def categories(self, role: str, private_unlocked: bool = False) -> list[str]:
        """The swipe order: the home-screen tiles, in declaration order."""
        return [spec.id for spec in self.visible(role, private_unlocked) if spec.tile]

    def voice_aliases(self) -> dict[str, str]:
        """Every normalized spoken alias mapped to its widget id (for the voice grammar)."""
        return dict(self._aliases)

    def find_by_alias(self, spoken: str) -> str | None:
        return self._aliases.get(normalize_alias(spoken))
