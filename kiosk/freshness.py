"""How old the data on screen is, in words: measured when, received when, stale or sample."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import format_age, format_time, tr
from offline_cache.store import Snapshot


@dataclass(frozen=True)
class Freshness:
    text: str  # "측정 05-18 15:00 (3일 전) · 수신 18:00"
    stale: bool
    sample: bool
    error: str | None  # the last refresh error, when the data shown is older than it


def describe(snapshot: Snapshot, lang: str) -> Freshness:
    """The freshness line of one dataset as shown under a card or page."""
    status = snapshot.status
    now = snapshot.now
    parts = []
    if status.measured_at is not None:
        when = format_time(status.measured_at, lang, now)
        age = format_age(now - status.measured_at, lang)
        parts.append(f"{tr('data.measured', lang, when=when)} ({age})")
    elif status.has_data:
        parts.append(tr("data.no_time", lang))
    if status.fetched_at is not None:
        parts.append(tr("data.fetched", lang, when=format_time(status.fetched_at, lang, now)))
    error = None
    if status.last_error and (status.last_success_at or 0) <= (status.last_error_at or 0):
        error = tr("data.last_error", lang, error=status.last_error)
    return Freshness(
        text=" · ".join(parts),
        stale=snapshot.is_stale,
        sample=status.sample,
        error=error,
    )
