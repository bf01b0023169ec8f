"""The unlock and lock rules on scripted observations (no camera, no models)."""

from __future__ import annotations

import pytest

from kiosk.config import ConfigError
from kiosk.privacy.lock import (
    CHECK_TIMEOUT,
    FACE_LEFT,
    STRANGER,
    UNKNOWN_FACE,
    FaceLock,
    Lock,
    LockSettings,
    Observation,
    Phase,
    SeenFace,
    Unlock,
)

MAYOR = SeenFace(size=0.25, score=0.92, checked=True, match="mayor", distance=0.35)
MAYOR_UNCHECKED = SeenFace(size=0.25, score=0.92)
IMPOSTOR = SeenFace(size=0.25, score=0.92, checked=True, match="mayor", distance=0.8)
STRANGER_FACE = SeenFace(size=0.12, score=0.85)
BACKGROUND_FACE = SeenFace(size=0.03, score=0.9)  # far away
BLURRED_FACE = SeenFace(size=0.15, score=0.5)  # e.g. the back of a head
FPS = 10


def frames(lock: FaceLock, start: float, seconds: float, *faces: SeenFace, live: bool = True):
    """Feed ``seconds`` of identical frames at 10 fps; the decisions with their times."""
    decisions = []
    for index in range(round(seconds * FPS)):
        now = start + index / FPS
        decision = lock.observe(Observation(now, faces, live))
        if decision is not None:
            decisions.append((round(now, 2), decision))
    return decisions


def unlocked(now: float = 0.0) -> FaceLock:
    lock = FaceLock()
    lock.start(now)
    assert frames(lock, now, 0.3, MAYOR) == [(now + 0.2, Unlock("mayor"))]
    return lock


def test_unlocks_after_three_matching_checks_of_a_live_face():
    lock = FaceLock()
    lock.start(0.0)
    assert frames(lock, 0.0, 0.3, MAYOR) == [(0.2, Unlock("mayor"))]
    assert lock.phase is Phase.UNLOCKED and lock.who == "mayor"


def test_never_unlocks_without_liveness_or_when_idle():
    lock = FaceLock()
    assert frames(lock, 0.0, 1.0, MAYOR) == []  # no face check was asked for
    lock.start(0.0)
    assert frames(lock, 0.0, 2.0, MAYOR, live=False) == []
    # identity was established meanwhile: the first live, checked frame unlocks
    assert frames(lock, 2.0, 0.3, MAYOR) == [(2.0, Unlock("mayor"))]


def test_impostor_and_second_face_never_unlock():
    lock = FaceLock()
    lock.start(0.0)
    assert frames(lock, 0.0, 2.0, IMPOSTOR) == []
    assert frames(lock, 2.0, 2.0, MAYOR, STRANGER_FACE) == []
    # a failed check in between restarts the count
    assert frames(lock, 4.0, 0.2, MAYOR) == []
    assert frames(lock, 4.2, 0.1, IMPOSTOR) == []
    assert frames(lock, 4.3, 0.2, MAYOR) == []
    assert frames(lock, 4.5, 0.1, MAYOR) == [(4.5, Unlock("mayor"))]


def test_face_check_gives_up_after_its_timeout():
    lock = FaceLock(LockSettings(check_timeout_s=3.0))
    lock.start(0.0)
    assert frames(lock, 0.0, 4.0) == [(3.0, Lock(CHECK_TIMEOUT))]
    assert lock.phase is Phase.IDLE


def test_stranger_locks_within_three_frames_but_not_a_one_frame_blip():
    lock = unlocked()
    assert frames(lock, 1.0, 0.1, MAYOR_UNCHECKED, STRANGER_FACE) == []
    assert frames(lock, 1.1, 1.0, MAYOR_UNCHECKED) == []
    assert frames(lock, 2.1, 1.0, MAYOR_UNCHECKED, STRANGER_FACE) == [(2.3, Lock(STRANGER))]
    assert lock.phase is Phase.IDLE


def test_small_and_low_score_faces_are_not_strangers():
    lock = unlocked()
    assert frames(lock, 1.0, 3.0, MAYOR_UNCHECKED, BACKGROUND_FACE, BLURRED_FACE) == []
    assert lock.phase is Phase.UNLOCKED


def test_locks_after_the_enrolled_face_is_gone_for_five_seconds():
    lock = unlocked()
    assert frames(lock, 0.3, 3.0) == []
    assert frames(lock, 3.3, 0.5, MAYOR) == []  # back in time: the countdown restarts
    assert frames(lock, 3.8, 6.0) == [(8.7, Lock(FACE_LEFT))]


def test_another_person_in_front_of_the_screen_locks_on_the_second_failed_check():
    lock = unlocked()
    assert frames(lock, 0.3, 0.2) == []
    assert frames(lock, 0.5, 1.0, IMPOSTOR) == [(0.6, Lock(UNKNOWN_FACE))]


def test_identity_is_rechecked_every_half_second_while_unlocked_and_at_once_after_absence():
    lock = unlocked()
    assert not lock.identity_due(0.3)
    assert lock.identity_due(0.75)
    lock.observe(Observation(0.75, (MAYOR,), True))
    assert not lock.identity_due(0.85)
    lock.observe(Observation(0.85, (), True))
    assert lock.identity_due(0.95)  # a face coming back is checked in its first frame


def test_settings_from_the_config_table():
    settings = LockSettings.from_config({"absent_s": 3, "unlock_frames": "4"})
    assert settings.absent_s == 3.0 and settings.unlock_frames == 4
    with pytest.raises(ConfigError, match="absent_s"):
        LockSettings.from_config({"absent_s": "soon"})
    with pytest.raises(ConfigError, match="negative"):
        LockSettings.from_config({"min_score": -1})


def test_while_waiting_for_liveness_identity_is_rechecked_at_the_unlocked_pace():
    lock = FaceLock()
    lock.start(0.0)
    frames(lock, 0.0, 0.3, MAYOR, live=False)
    assert not lock.identity_due(0.35) and lock.identity_due(0.75)
    # liveness shows on a frame without an identity check: that frame does not unlock, but
    # makes the next frame's check due, and that one unlocks
    assert frames(lock, 0.4, 0.1, MAYOR_UNCHECKED) == []
    assert lock.identity_due(0.45)
    assert frames(lock, 0.5, 0.1, MAYOR) == [(0.5, Unlock("mayor"))]
