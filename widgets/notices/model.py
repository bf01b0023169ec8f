"""Notices from the current content version (``notices.json``), and which are active now.

The file is ``{"notices": [...]}``; each notice has an ``id``, a ``title`` and ``body`` per
language (Korean required), optional ``valid_from`` / ``valid_until`` (ISO 8601; a date alone
means that whole day in Seoul time; no offset means Seoul time), ``banner`` (also on the home
screen), ``important``, and ``roles`` / ``stations`` (empty: every kiosk). A malformed notice
is skipped and logged; the others still show."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from kiosk.config import KioskConfig
from kiosk.i18n import KST, pick, tr
from kiosk.widget_spec import Banner
from offline_cache.bundles.manifest import targets_match
from offline_cache.content import Content, ContentError, current_content
from offline_cache.store import CacheStore

log = logging.getLogger(__name__)

NOTICES_FILE = "notices.json"


@dataclass(frozen=True)
class Notice:
    id: str
    title: Mapping[str, str]
    body: Mapping[str, str]
    valid_from: float | None = None
    valid_until: float | None = None
    banner: bool = False
    important: bool = False
    roles: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    sample: bool = False

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang)

    def body_in(self, lang: str) -> str:
        return pick(self.body, lang) if self.body else ""

    def is_active(self, now: float) -> bool:
        started = self.valid_from is None or self.valid_from <= now
        return started and (self.valid_until is None or now <= self.valid_until)


@dataclass(frozen=True)
class NoticeBoard:
    """The notices of one content version, with what was wrong in the file (for the log)."""

    version: int
    notices: list[Notice] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _when(value: Any, end_of_day: bool) -> float | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"a time must be an ISO 8601 string, not {value!r}")
    if len(value) == 10:  # a date alone: the whole day, Seoul time
        day = date.fromisoformat(value)
        moment = datetime.combine(day, time.min, KST)
        return (
            (moment + timedelta(days=1) - timedelta(seconds=1)).timestamp()
            if end_of_day
            else moment.timestamp()
        )
    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=KST)).timestamp()


def _texts(value: Any, name: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"ko": value}
    if not isinstance(value, dict) or not isinstance(value.get("ko"), str) or not value["ko"]:
        raise ValueError(f"{name} needs at least a Korean text ('ko')")
    return {str(k): str(v) for k, v in value.items()}


def parse_notices(data: Any, sample: bool = False) -> tuple[list[Notice], list[str]]:
    """Notices from the decoded file, and a message per skipped one."""
    if not isinstance(data, dict) or not isinstance(data.get("notices"), list):
        return [], [f'{NOTICES_FILE} must be {{"notices": [...]}}']
    notices, problems = [], []
    for index, raw in enumerate(data["notices"]):
        try:
            if not isinstance(raw, dict):
                raise ValueError("not an object")
            notices.append(
                Notice(
                    id=str(raw.get("id") or index),
                    title=_texts(raw.get("title"), "title"),
                    body=_texts(raw["body"], "body") if raw.get("body") else {},
                    valid_from=_when(raw.get("valid_from"), end_of_day=False),
                    valid_until=_when(raw.get("valid_until"), end_of_day=True),
                    banner=bool(raw.get("banner", False)),
                    important=bool(raw.get("important", False)),
                    roles=tuple(raw.get("roles") or ()),
                    stations=tuple(raw.get("stations") or ()),
                    sample=sample,
                )
            )
        except (ValueError, TypeError) as exc:
            problems.append(
                f"notice {index} ({raw.get('id') if isinstance(raw, dict) else '?'}): {exc}"
            )
    return notices, problems


def notice_board(content: Content) -> NoticeBoard:
    """The notices a content version carries (none when it has no notices file)."""
    if not content.exists(NOTICES_FILE):
        return NoticeBoard(content.version)
    try:
        data = content.load_json(NOTICES_FILE)
    except ContentError as exc:
        return NoticeBoard(content.version, problems=[str(exc)])
    notices, problems = parse_notices(data, content.is_sample(NOTICES_FILE))
    for problem in problems:
        log.warning("content version %d: %s skipped: %s", content.version, NOTICES_FILE, problem)
    return NoticeBoard(content.version, notices, problems)


def active_notices(board: NoticeBoard, config: KioskConfig, now: float) -> list[Notice]:
    """Notices for this kiosk valid now: important first, then the newest."""
    shown = [
        n
        for n in board.notices
        if n.is_active(now) and targets_match(n.roles, n.stations, config.role, config.site)
    ]
    shown.sort(key=lambda n: (not n.important, -(n.valid_from or 0)))
    return shown


def home_banners(store: CacheStore, config: KioskConfig, lang: str) -> list[Banner]:
    """Active notices marked ``banner`` as home-screen banners (below disaster alerts)."""
    board = notice_board(current_content(store))
    return [
        Banner(
            text=f"{tr('notices.banner', lang)} {notice.title_in(lang)}",
            widget_id="notices",
            severity=1 if notice.important else 0,
        )
        for notice in active_notices(board, config, store.clock())
        if notice.banner
    ]
