"""Touches and people in front of the screen: the evidence for a dead-touch-screen warning.

A camera pipeline (gestures, face lock) reports how many people it sees through
``ShellContext.report_people(count)``; the shell reports every touch. Someone who stays in
view for ``visit_s`` is a visit; many visits and no touch for a long time means the touch
screen is probably dead (the seed's station screens were found exactly like that)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

VISIT_S = 5.0  # in view this long is someone standing at the kiosk, not walking past


@dataclass(frozen=True)
class PresenceSummary:
    """What the health report needs; plain data, stored in the runtime file."""

    last_touch_at: float | None = None
    people_in_view: int = 0
    last_people_at: float | None = None  # the last time anyone was in view
    visits_since_touch: int = 0


class PresenceTracker:
    """Thread-safe: the camera thread reports people, the GUI thread reports touches."""

    def __init__(self, clock: Callable[[], float] = time.time, visit_s: float = VISIT_S):
        self.clock = clock
        self.visit_s = visit_s
        self._lock = threading.Lock()
        self._last_touch_at: float | None = None
        self._people = 0
        self._last_people_at: float | None = None
        self._in_view_since: float | None = None
        self._counted = False  # the current visit has been counted
        self._visits = 0

    def people(self, count: int) -> None:
        """The camera sees ``count`` people now (call on every frame or on every change)."""
        now = self.clock()
        with self._lock:
            self._people = max(0, int(count))
            if self._people == 0:
                self._in_view_since = None
                self._counted = False
                return
            self._last_people_at = now
            if self._in_view_since is None:
                self._in_view_since = now
            if not self._counted and now - self._in_view_since >= self.visit_s:
                self._visits += 1
                self._counted = True

    def touched(self) -> None:
        """A touch (or click) arrived: the screen works."""
        with self._lock:
            self._last_touch_at = self.clock()
            self._visits = 0
            self._counted = self._in_view_since is not None  # this visit ended in a touch

    def summary(self) -> PresenceSummary:
        with self._lock:
            return PresenceSummary(
                last_touch_at=self._last_touch_at,
                people_in_view=self._people,
                last_people_at=self._last_people_at,
                visits_since_touch=self._visits,
            )
