"""The unlock and lock rules, as a pure state machine over per-frame observations.

Time comes from the observations, so the rules run the same on a live camera, a video file
or a list in a test. Unlock needs the enrolled face alone, matched in several consecutive
identity checks, and alive. Lock comes when a second meaningful face stays in view, when the
face in view stops matching, or when no face has been seen for ``absent_s``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, Union

from kiosk.config import ConfigError
from kiosk.privacy.identity import DEFAULT_MATCH_THRESHOLD


@dataclass(frozen=True)
class LockSettings:
    """The ``[private]`` table of the config file; every value has a default."""

    match_threshold: float = DEFAULT_MATCH_THRESHOLD  # dlib embedding distance
    unlock_frames: int = 3  # consecutive matching identity checks
    min_face_size: float = 0.06  # of the frame's shorter side: ~2.5 m from a 60-degree camera
    min_score: float = 0.6  # detector score
    stranger_frames: int = 3  # consecutive frames with a second meaningful face
    absent_s: float = 5.0  # no enrolled face for this long locks
    reverify_interval_s: float = 0.5  # identity checks while unlocked
    mismatch_checks: int = 2  # consecutive failed checks of the face in view lock
    check_timeout_s: float = 30.0  # the face check gives up after this long

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> LockSettings:
        values = {}
        for setting in fields(cls):
            if setting.name not in section:
                continue
            kind = int if setting.type in ("int", int) else float
            try:
                values[setting.name] = kind(section[setting.name])
            except (TypeError, ValueError):
                raise ConfigError(f"[private] {setting.name} must be a number") from None
            if values[setting.name] < 0:
                raise ConfigError(f"[private] {setting.name} must not be negative")
        return cls(**values)

    def meaningful(self, size: float, score: float) -> bool:
        """Close and clear enough to be a person at the screen (not a background face)."""
        return size >= self.min_face_size and score >= self.min_score


@dataclass(frozen=True)
class SeenFace:
    """One face in one frame, as the rules need it."""

    size: float
    score: float
    checked: bool = False  # identity was computed for this face in this frame
    match: str | None = None  # the enrolled name it matched (when checked and accepted)
    distance: float | None = None


@dataclass(frozen=True)
class Observation:
    time_s: float
    faces: tuple[SeenFace, ...] = ()  # the largest (closest) first
    live: bool = False  # the largest face has shown liveness during this check


class Phase(StrEnum):
    IDLE = "idle"
    CHECKING = "checking"
    UNLOCKED = "unlocked"


@dataclass(frozen=True)
class Unlock:
    who: str


@dataclass(frozen=True)
class Lock:
    reason: str


Decision = Union[Unlock, Lock]

STRANGER = "stranger in view"
UNKNOWN_FACE = "unknown face in front of the screen"
FACE_LEFT = "enrolled face left"
CHECK_TIMEOUT = "face check timed out"


class FaceLock:
    def __init__(self, settings: LockSettings | None = None):
        self.settings = settings or LockSettings()
        self.phase = Phase.IDLE
        self.who: str | None = None
        self._reset(0.0)

    def _reset(self, now: float) -> None:
        self._started = now
        self._matches = 0
        self._stranger_frames = 0
        self._mismatches = 0
        self._last_present = now
        self._last_check: float | None = None
        self._face_was_away = True
        self._live = False

    def start(self, now: float) -> None:
        """Begin a face check (the router asked for it)."""
        self.phase = Phase.CHECKING
        self.who = None
        self._reset(now)

    def stop(self) -> None:
        """Private mode ended for another reason (idle, a tap on lock)."""
        self.phase = Phase.IDLE
        self.who = None

    def identity_due(self, now: float) -> bool:
        """Whether the largest face should be identified in this frame (it costs ~60-100 ms)."""
        if self.phase is Phase.CHECKING:
            # once identity is established, only liveness is missing: re-check at the
            # unlocked pace so frames come fast enough to see the head move or the eyes blink,
            # and at once when it shows, because only a checked frame may unlock
            return (
                self._matches < self.settings.unlock_frames
                or self._live
                or self._last_check is None
                or now - self._last_check >= self.settings.reverify_interval_s
            )
        if self.phase is Phase.UNLOCKED:
            return (
                self._face_was_away
                or self._last_check is None
                or now - self._last_check >= self.settings.reverify_interval_s
            )
        return False

    def observe(self, observation: Observation) -> Decision | None:
        """Apply one frame; returns Unlock or Lock when the state changes."""
        if self.phase is Phase.IDLE:
            return None
        settings = self.settings
        now = observation.time_s
        meaningful = [f for f in observation.faces if settings.meaningful(f.size, f.score)]
        self._stranger_frames = self._stranger_frames + 1 if len(meaningful) >= 2 else 0
        primary = meaningful[0] if meaningful else None
        if primary is not None and primary.checked:
            self._last_check = now
        self._live = observation.live
        if self.phase is Phase.CHECKING:
            return self._checking(now, primary, len(meaningful), observation.live)
        return self._unlocked(now, primary)

    def _checking(self, now: float, primary: SeenFace | None, count: int, live: bool):
        settings = self.settings
        if primary is None or count > 1:
            self._matches = 0
        elif primary.checked:
            accepted = primary.match is not None and (primary.distance or 0.0) <= (
                settings.match_threshold
            )
            if accepted and primary.match == self.who:
                self._matches += 1
            else:
                self.who = primary.match if accepted else None
                self._matches = 1 if accepted else 0
        verified_now = primary is not None and primary.checked and self._matches > 0
        if self._matches >= settings.unlock_frames and live and verified_now:
            self.phase = Phase.UNLOCKED
            self._last_present = now
            self._face_was_away = False
            self._mismatches = 0
            return Unlock(self.who)
        if now - self._started >= settings.check_timeout_s:
            self.stop()
            return Lock(CHECK_TIMEOUT)
        return None

    def _unlocked(self, now: float, primary: SeenFace | None):
        settings = self.settings
        if self._stranger_frames >= settings.stranger_frames:
            return self._lock(STRANGER)
        if primary is None:
            self._face_was_away = True
        else:
            if primary.checked:
                accepted = primary.match == self.who and (primary.distance or 0.0) <= (
                    settings.match_threshold
                )
                self._mismatches = 0 if accepted else self._mismatches + 1
                self._face_was_away = False
                if self._mismatches >= settings.mismatch_checks:
                    return self._lock(UNKNOWN_FACE)
            if self._mismatches == 0 and not self._face_was_away:
                self._last_present = now
        if now - self._last_present >= settings.absent_s:
            return self._lock(FACE_LEFT)
        return None

    def _lock(self, reason: str) -> Lock:
        self.stop()
        return Lock(reason)
