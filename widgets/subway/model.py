"""Trains arriving at the kiosk's station, by direction, with the time left now."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import LANGUAGES, pick, tr
from offline_cache.store import Snapshot

# Line names as Seoul Metro and Korail signs write them in each language.
LINE_NAMES = {
    "1001": ("1호선", "Line 1", "1号线", "1号線"),
    "1002": ("2호선", "Line 2", "2号线", "2号線"),
    "1003": ("3호선", "Line 3", "3号线", "3号線"),
    "1004": ("4호선", "Line 4", "4号线", "4号線"),
    "1005": ("5호선", "Line 5", "5号线", "5号線"),
    "1006": ("6호선", "Line 6", "6号线", "6号線"),
    "1007": ("7호선", "Line 7", "7号线", "7号線"),
    "1008": ("8호선", "Line 8", "8号线", "8号線"),
    "1009": ("9호선", "Line 9", "9号线", "9号線"),
    "1061": ("중앙선", "Jungang", "中央线", "中央線"),
    "1063": ("경의중앙선", "Gyeongui-Jungang", "京义中央线", "京義中央線"),
    "1065": ("공항철도", "AREX", "机场铁路", "空港鉄道"),
    "1067": ("경춘선", "Gyeongchun", "京春线", "京春線"),
    "1075": ("수인분당선", "Suin-Bundang", "水仁盆唐线", "水仁盆唐線"),
    "1077": ("신분당선", "Sinbundang", "新盆唐线", "新盆唐線"),
    "1092": ("우이신설선", "Ui-Sinseol", "牛耳新设线", "牛耳新設線"),
    "1093": ("서해선", "Seohae", "西海线", "西海線"),
    "1032": ("GTX-A", "GTX-A", "GTX-A", "GTX-A"),
}
DIRECTIONS = {
    "상행": ("상행", "Up", "上行", "上り"),
    "하행": ("하행", "Down", "下行", "下り"),
    "내선": ("내선", "Inner loop", "内环", "内回り"),
    "외선": ("외선", "Outer loop", "外环", "外回り"),
}


def _in(names: tuple[str, ...], lang: str) -> str:
    return pick(dict(zip(LANGUAGES, names, strict=True)), lang)


def line_name(line_id: str, lang: str) -> str:
    names = LINE_NAMES.get(line_id)
    return line_id if names is None else _in(names, lang)


def direction_name(direction: str, lang: str) -> str:
    names = DIRECTIONS.get(direction)
    return direction if names is None else _in(names, lang)


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
