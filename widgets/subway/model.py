"""Trains arriving at the kiosk's station, by direction, with the time left now."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import tr
from offline_cache.store import Snapshot

LINE_NAMES = {
    "1001": ("1호선", "Line 1"),
    "1002": ("2호선", "Line 2"),
    "1003": ("3호선", "Line 3"),
    "1004": ("4호선", "Line 4"),
    "1005": ("5호선", "Line 5"),
    "1006": ("6호선", "Line 6"),
    "1007": ("7호선", "Line 7"),
    "1008": ("8호선", "Line 8"),
    "1009": ("9호선", "Line 9"),
    "1061": ("중앙선", "Jungang"),
    "1063": ("경의중앙선", "Gyeongui-Jungang"),
    "1065": ("공항철도", "AREX"),
    "1067": ("경춘선", "Gyeongchun"),
    "1075": ("수인분당선", "Suin-Bundang"),
    "1077": ("신분당선", "Sinbundang"),
    "1092": ("우이신설선", "Ui-Sinseol"),
    "1093": ("서해선", "Seohae"),
    "1032": ("GTX-A", "GTX-A"),
}
DIRECTIONS = {"상행": "Up", "하행": "Down", "내선": "Inner loop", "외선": "Outer loop"}


def line_name(line_id: str, lang: str) -> str:
    names = LINE_NAMES.get(line_id)
    if names is None:
        return line_id
    return names[0] if lang == "ko" else names[1]


def direction_name(direction: str, lang: str) -> str:
    return direction if lang == "ko" else DIRECTIONS.get(direction, direction)


@dataclass(frozen=True)
class Arrival:
    line_id: str
    direction: str
    heading: str  # "방화행 - 화곡방면"
    destination: str
    eta_s: int | None  # seconds from now; None when unknown or the data is too old
    message: str  # the API's own words: "전역 도착", "6분 후 (오목교)"
    location: str
    last_train: bool

    def eta_text(self, lang: str) -> str:
        if self.eta_s is None:
            return self.message
        if self.eta_s < 60:
            return tr("subway.arriving", lang)
        return tr("subway.minutes", lang, n=round(self.eta_s / 60))


def arrivals_here(snapshot: Snapshot, station: str) -> dict[str, list[Arrival]]:
    """Arrivals at ``station`` grouped by direction, soonest first."""
    reference = snapshot.status.measured_at or snapshot.status.fetched_at or snapshot.now
    elapsed = max(0.0, snapshot.now - reference)
    grouped: dict[str, list[Arrival]] = {}
    for row in snapshot.rows:
        if row.get("station") != station:
            continue
        seconds = row.get("seconds")
        eta = None
        if seconds and not snapshot.is_stale:
            eta = max(0, int(seconds - elapsed))
        grouped.setdefault(row.get("direction") or "", []).append(
            Arrival(
                line_id=row.get("line_id") or "",
                direction=row.get("direction") or "",
                heading=row.get("train_line") or "",
                destination=row.get("destination") or "",
                eta_s=eta,
                message=row.get("message") or "",
                location=row.get("location") or "",
                last_train=bool(row.get("last_train")),
            )
        )
    for arrivals in grouped.values():
        arrivals.sort(key=lambda a: (a.eta_s is None, a.eta_s or 0))
    return dict(sorted(grouped.items()))
