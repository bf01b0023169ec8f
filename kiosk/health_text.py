"""The health report as labelled rows: one layout for the staff screen and ``main.py status``."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.health import DatasetHealth, HealthReport, iso, when_text
from kiosk.i18n import format_age, format_time, tr

LEVELS = {True: "ok", False: "fail", None: "info"}  # a status's ok -> the row's level
MARKS = {"ok": "OK  ", "warn": "WARN", "fail": "FAIL", "info": "-   "}


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    level: str = "info"  # "ok", "warn", "fail" or "info": the colour on screen


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]


def _shorten(text: str, limit: int = 60) -> str:
    """The first sentence or ``limit`` characters: a manifest description can be long."""
    first = text.split(". ")[0].split(": ")[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _duration(seconds: float | None, lang: str) -> str:
    if seconds is None:
        return "-"
    hours, rest = divmod(int(seconds), 3600)
    days, hours = divmod(hours, 24)
    minutes = rest // 60
    if days:
        return tr("health.days_hours", lang, d=days, h=hours)
    return tr("health.hours_minutes", lang, h=hours, m=minutes)


def sections(report: HealthReport, lang: str) -> list[Section]:
    """The report as labelled rows, grouped, in ``lang``."""
    now = report.generated_at
    runtime = report.runtime
    problems = tuple(Row("", p.text_in(lang), "warn") for p in report.problems) or (
        Row("", tr("health.all_ok", lang), "ok"),
    )
    content = report.content
    kiosk_rows = [
        Row(
            tr("health.app", lang),
            f"{report.app_version} (Qt {report.qt_version}, Python {report.python_version})",
        ),
        Row(
            tr("health.content", lang),
            tr(
                "health.content_value",
                lang,
                version=content.get("version"),
                description=_shorten(content.get("description") or "-"),
            )
            + (
                f" · {format_time(content['applied_at'], lang, now)}"
                if content.get("applied_at")
                else ""
            ),
        ),
        Row(
            tr("health.state", lang),
            tr("health.running" if report.running else "health.stopped", lang)
            + (f" · pid {runtime.pid}" if runtime and report.running else "")
            + (
                f" · {tr('health.kiosk_mode' if runtime.kiosk_mode else 'health.windowed', lang)}"
                if runtime and report.running
                else ""
            ),
            "ok" if report.running else "fail",
        ),
        Row(
            tr("health.uptime", lang),
            _duration(report.uptime_s if report.running else None, lang)
            + " · "
            + tr("health.system_uptime", lang, d=_duration(report.system_uptime_s, lang)),
        ),
        Row(
            tr("health.last_touch", lang),
            when_text(runtime.presence.last_touch_at if runtime else None, lang, now),
        ),
        Row(
            tr("health.people", lang),
            tr(
                "health.people_value",
                lang,
                n=runtime.presence.people_in_view if runtime else 0,
                visits=runtime.presence.visits_since_touch if runtime else 0,
                last=when_text(runtime.presence.last_people_at if runtime else None, lang, now),
            ),
        ),
        Row(
            tr("health.memory", lang),
            tr(
                "health.memory_value",
                lang,
                rss="-" if report.rss_mb is None else f"{report.rss_mb:.0f}",
                available=f"{report.memory_available_mb / 1024:.1f}",
                total=f"{report.memory_total_mb / 1024:.1f}",
            ),
        ),
        Row(
            tr("health.disk", lang),
            tr(
                "health.disk_value",
                lang,
                path=report.disk_path,
                free=f"{report.disk_free_mb / 1024:.1f}",
                total=f"{report.disk_total_mb / 1024:.1f}",
            ),
        ),
    ]
    status_rows = tuple(
        Row(status.key, status.text_in(lang), LEVELS[status.ok]) for status in report.statuses
    )
    dataset_rows = tuple(_dataset_row(data, lang, now) for data in report.datasets)
    return [
        Section(tr("health.warnings", lang), problems),
        Section(tr("health.kiosk", lang), tuple(kiosk_rows)),
        Section(tr("health.devices", lang), status_rows),
        Section(tr("health.datasets", lang), dataset_rows),
    ]


def _dataset_row(data: DatasetHealth, lang: str, now: float) -> Row:
    if not data.has_data:
        parts = [tr("data.empty", lang)]
    else:
        parts = [tr("health.age", lang, age=format_age(data.age_s, lang), rows=data.row_count)]
        if data.sample:
            parts.append(tr("data.sample", lang))
        if data.stale:
            parts.append(tr("data.stale", lang))
    if data.failing:
        parts.append(
            tr(
                "health.error",
                lang,
                when=format_time(data.last_error_at, lang, now),
                error=data.last_error,
            )
        )
    if data.next_fetch_at:
        parts.append(tr("health.next_fetch", lang, when=format_time(data.next_fetch_at, lang, now)))
    level = "fail" if data.failing or not data.has_data else "warn" if data.stale else "ok"
    return Row(data.dataset, " · ".join(parts), level)


def format_text(report: HealthReport, lang: str) -> str:
    """The report as plain text for a terminal."""
    lines = [tr("health.title", lang, when=iso(report.generated_at))]
    for section in sections(report, lang):
        lines.append("")
        lines.append(f"[{section.title}]")
        width = max((len(row.label) for row in section.rows), default=0)
        for row in section.rows:
            label = f"{row.label.ljust(width)}  " if width else ""
            lines.append(f"  {MARKS[row.level]} {label}{row.value}")
    return "\n".join(lines)
