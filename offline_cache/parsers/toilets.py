"""SearchPublicToiletPOIService: public and open toilets with their WGS84 positions.

The field names come from public clients, not from a verified live response, so every field
is optional except a position: rows without one are skipped, and a response where no row has
one is rejected (the schema changed) instead of silently storing nothing."""

from __future__ import annotations

from typing import Any

from offline_cache.parsers.envelope import ParseError, number, parse_kst, seoul_rows, text
from offline_cache.store import DatasetUpdate

WRAPPER = "SearchPublicToiletPOIService"


def _date(value: Any) -> float | None:
    """The update date when it reads as one; this unverified field never rejects a response."""
    try:
        return parse_kst(value)
    except ParseError:
        return None


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    rows, _ = seoul_rows(doc, WRAPPER)
    out = []
    for row in rows:
        lat = number(row.get("Y_WGS84"), "Y_WGS84")
        lon = number(row.get("X_WGS84"), "X_WGS84")
        if lat is None or lon is None:
            continue
        out.append(
            {
                "poi_id": text(row.get("POI_ID")),
                "name": text(row.get("FNAME")) or text(row.get("CNAME")) or text(row.get("ANAME")),
                "kind": text(row.get("ANAME")),
                "detail": text(row.get("CNAME")),
                "lat": lat,
                "lon": lon,
                "updated_at": _date(row.get("UPDATEDATE")),
            }
        )
    if rows and not out:
        raise ParseError(
            f"no {WRAPPER} row has X_WGS84/Y_WGS84 positions (fields: {', '.join(rows[0])})"
        )
    return [DatasetUpdate("public_toilets", out, source=WRAPPER, measured_at=None, sample=sample)]
