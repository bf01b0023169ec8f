"""Disaster text alerts: newest first, and which of them are active here now."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import KioskConfig
from kiosk.widget_spec import Banner
from offline_cache.store import CacheStore, Snapshot

ACTIVE_HOURS = 12.0
# How the alert steps rank (the banner shows the most severe active alert first).
SEVERITY = {"위급재난": 3, "긴급재난": 2, "안전안내": 1}
SEOUL_REGIONS = ("서울", "전국")


@dataclass(frozen=True)
class Alert:
    sn: int | None
    message: str
    region: str
    created_at: float | None
    step: str
    kind: str

    @property
    def severity(self) -> int:
        return SEVERITY.get(self.step, 1)

    @property
    def concerns_seoul(self) -> bool:
        return not self.region or any(name in self.region for name in SEOUL_REGIONS)


def alerts_newest_first(snapshot: Snapshot) -> list[Alert]:
    alerts = [
        Alert(
            sn=row.get("sn"),
            message=row.get("message") or "",
            region=row.get("region") or "",
            created_at=row.get("created_at"),
            step=row.get("step") or "",
            kind=row.get("kind") or "",
        )
        for row in snapshot.rows
    ]
    alerts.sort(key=lambda a: a.created_at or 0, reverse=True)
    return alerts


def active_alerts(snapshot: Snapshot, hours: float = ACTIVE_HOURS) -> list[Alert]:
    """Alerts for Seoul issued within ``hours``, most severe first (for the home banner)."""
    since = snapshot.now - hours * 3600
    active = [
        a
        for a in alerts_newest_first(snapshot)
        if a.concerns_seoul and a.created_at is not None and a.created_at >= since
    ]
    active.sort(key=lambda a: (-a.severity, -(a.created_at or 0)))
    return active


def home_banners(store: CacheStore, config: KioskConfig, lang: str) -> list[Banner]:
    """Active Seoul alerts as home-screen banners (the message itself is never translated)."""
    hours = float(config.section("alerts").get("active_hours", ACTIVE_HOURS))
    return [
        Banner(text=f"[{alert.step}] {alert.message}", widget_id="alerts", severity=alert.severity)
        for alert in active_alerts(store.snapshot("disaster_alerts"), hours)
    ]
