"""Face check and lock timing on video files standing in for the camera.

The clips are made from the fixture photos (see tests/face_clips.py) at 15 fps and every frame
is processed, so times are the video's own and the tests do not depend on machine speed
(the real-time figures are in bench/face_lock.py)."""

from __future__ import annotations

from kiosk.privacy.lock import FACE_LEFT, STRANGER, Lock, Unlock
from kiosk.privacy.watcher import FaceWatcher
from tests.face_clips import ENTERS, LEAVES_AT, STRANGER_AT, read_clip


def play(path, vision_models, enrolled):
    """Run a face check over the whole clip; the decisions with their video times."""
    watcher = FaceWatcher(vision_models, enrolled)
    watcher.start(0.0)
    decisions = []
    for now, rgb in read_clip(path):
        result = watcher.process(rgb, now)
        if result.decision is not None:
            decisions.append((now, result.decision))
    return decisions


def test_unlocks_within_a_second_and_locks_within_a_second_of_a_stranger(
    clips, vision_models, enrolled
):
    decisions = play(clips["stranger"], vision_models, enrolled)
    assert [d for _, d in decisions] == [Unlock("kit_harington"), Lock(STRANGER)]
    (unlocked_at, _), (locked_at, _) = decisions
    assert ENTERS < unlocked_at <= ENTERS + 1.0
    assert STRANGER_AT < locked_at <= STRANGER_AT + 1.0


def test_locks_five_seconds_after_the_face_leaves(clips, vision_models, enrolled):
    decisions = play(clips["leaves"], vision_models, enrolled)
    assert [d for _, d in decisions] == [Unlock("kit_harington"), Lock(FACE_LEFT)]
    last_seen = LEAVES_AT - 1 / 15  # the last frame with the face
    assert last_seen + 5.0 <= decisions[1][0] <= last_seen + 5.0 + 0.2


def test_a_held_up_photo_of_the_enrolled_face_never_unlocks(clips, vision_models, enrolled):
    assert play(clips["photo"], vision_models, enrolled) == []


def test_a_live_stranger_never_unlocks(clips, vision_models, enrolled):
    assert play(clips["impostor"], vision_models, enrolled) == []


def test_a_live_stranger_holding_up_the_enrolled_face_never_unlocks(clips, vision_models, enrolled):
    # her head turns (liveness) before the photo comes up: it must not carry over to the photo
    assert play(clips["swap"], vision_models, enrolled) == []


def test_the_enrolled_face_on_a_photo_lowered_to_show_a_live_stranger_never_unlocks(
    clips, vision_models, enrolled
):
    # the photo matches but is not alive; the live face behind it must be checked, not trusted
    assert play(clips["swap_back"], vision_models, enrolled) == []
