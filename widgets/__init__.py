"""Every widget of the kiosk, registered in one place.

Order matters: tiles appear (and swipe) in this order, and so do home-screen glance cards.

To add a widget: create ``widgets/<id>/__init__.py`` with a ``SPEC`` and list it here."""

from kiosk.registry import Registry
from kiosk.widget_spec import WidgetSpec
from widgets import (
    air,
    alerts,
    approvals,
    bikes,
    indicators,
    internal_indicators,
    library,
    map,
    notices,
    opinion,
    parks,
    population,
    prices,
    projects,
    resume,
    subway,
    traffic,
    water,
    weather,
)

ALL_SPECS: tuple[WidgetSpec, ...] = (
    map.SPEC,  # the home screen's main visual (no tile)
    subway.SPEC,
    alerts.SPEC,
    traffic.SPEC,
    air.SPEC,
    water.SPEC,
    population.SPEC,
    parks.SPEC,
    prices.SPEC,
    indicators.SPEC,
    projects.SPEC,
    library.SPEC,
    resume.SPEC,
    opinion.SPEC,
    weather.SPEC,
    bikes.SPEC,
    notices.SPEC,
    approvals.SPEC,  # private: mayor role, unlocked only
    internal_indicators.SPEC,  # private
)


def build_registry() -> Registry:
    """The validated registry of every widget."""
    return Registry(ALL_SPECS)
