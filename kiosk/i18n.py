"""Interface text in every language, and locale-aware formatting of times and ages.

Widget titles live in their specs; everything else the shell and views show lives here, so a
test can check that every key has every language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")

TEXT: dict[str, dict[str, str]] = {
    "app.title": {"ko": "서울시 디지털 시민시장실", "en": "Seoul Digital Citizens' Office"},
    "app.attribution": {
        "ko": "출처: 서울 열린데이터광장(서울특별시)",
        "en": "Source: Seoul Open Data Plaza (Seoul Metropolitan Government)",
    },
    "nav.home": {"ko": "처음으로", "en": "Home"},
    "nav.back": {"ko": "뒤로", "en": "Back"},
    "nav.language": {"ko": "English", "en": "한국어"},
    "data.measured": {"ko": "측정 {when}", "en": "Measured {when}"},
    "data.fetched": {"ko": "수신 {when}", "en": "Received {when}"},
    "data.no_time": {"ko": "측정 시각 없음", "en": "No measurement time"},
    "data.stale": {"ko": "오래된 자료", "en": "Out of date"},
    "data.sample": {"ko": "예시 자료", "en": "Sample content"},
    "data.empty": {
        "ko": "아직 받은 자료가 없습니다.",
        "en": "No data has been received yet.",
    },
    "data.last_error": {"ko": "최근 갱신 실패: {error}", "en": "Last update failed: {error}"},
    "age.just_now": {"ko": "방금", "en": "just now"},
    "age.minutes": {"ko": "{n}분 전", "en": "{n} min ago"},
    "age.hours": {"ko": "{n}시간 전", "en": "{n} h ago"},
    "age.days": {"ko": "{n}일 전", "en": "{n} days ago"},
    "idle.countdown": {
        "ko": "{n}초 후 처음 화면으로 돌아갑니다",
        "en": "Returning to the start screen in {n} s",
    },
    "idle.stay": {"ko": "계속 보기", "en": "Keep using"},
    "planned.heading": {"ko": "준비 중인 화면입니다", "en": "This page is being prepared"},
}


def tr(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Korean when missing), with ``{placeholders}`` filled."""
    entry = TEXT[key]
    template = entry.get(lang) or entry["ko"]
    return template.format(**values) if values else template


def format_time(epoch: float | None, lang: str, now: float | None = None) -> str:
    """A Seoul-time timestamp, with the date only when it is not today."""
    if epoch is None:
        return "-"
    moment = datetime.fromtimestamp(epoch, KST)
    today = datetime.fromtimestamp(now, KST).date() if now is not None else None
    if today is not None and moment.date() == today:
        return moment.strftime("%H:%M")
    if today is not None and moment.year == today.year:
        return moment.strftime("%m-%d %H:%M" if lang == "ko" else "%b %d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M" if lang == "ko" else "%b %d %Y %H:%M")


def format_age(seconds: float | None, lang: str) -> str:
    """How long ago, in words ('3분 전', '2 h ago')."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return tr("age.just_now", lang)
    if seconds < 3600:
        return tr("age.minutes", lang, n=int(seconds // 60))
    if seconds < 2 * 86400:
        return tr("age.hours", lang, n=int(seconds // 3600))
    return tr("age.days", lang, n=int(seconds // 86400))
