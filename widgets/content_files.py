"""The staff content files public pages read, each with the parser its page checks it with.

``bundle build`` checks a source directory's files against these before it signs anything, so
a broken file is caught on the staff machine, not on hundreds of kiosks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from widgets.common.staff_content import Parsed, SchemaError, check_staff_object
from widgets.indicators import model as indicators
from widgets.library import model as library
from widgets.opinion import model as opinion
from widgets.parks import model as parks
from widgets.prices import model as prices
from widgets.projects import model as projects
from widgets.resume import model as resume
from widgets.water import model as water

PARSERS: dict[str, Callable[[Mapping[str, Any]], Parsed[Any]]] = {
    water.FILE: water.parse_water_quality,
    prices.FILE: prices.parse_prices,
    parks.FILE: parks.parse_parks,
    opinion.FILE: opinion.parse_opinion,
    indicators.FILE: indicators.parse_city_indicators,
    projects.FILE: projects.parse_projects,
    library.INDEX: library.parse_library,
    resume.FILE: resume.parse_resume,
}


def check_content_file(relative: str, data: Any) -> None:
    """Raise ``SchemaError`` naming the file when a page would not show all of it."""
    parse = PARSERS.get(relative)
    if parse is None:
        return
    try:
        parsed = check_staff_object(data, parse)
    except SchemaError as exc:
        raise SchemaError(f"{relative}: {exc}") from None
    if parsed.skipped:
        raise SchemaError(f"{relative}: " + "; ".join(parsed.skipped))
