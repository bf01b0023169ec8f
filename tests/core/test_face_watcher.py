"""Face check and lock timing on video files standing in for the camera.

The clips are made from the fixture photos (see tests/face_clips.py) at 15 fps and every frame
is processed, so times are the video's own and the tests do not depend on machine speed
(the real-time figures are in bench/face_lock.py)."""

from __future__ import annotations

import pytest

from kiosk.privacy.lock import FACE_LEFT, STRANGER, Lock, Unlock
from kiosk.privacy.watcher import FaceWatcher
from tests.face_clips import Person, background, held_photo, photo, read_clip, turn_head, write_clip

ENTERS = 1.0  # the mayor steps in front of the camera
HEAD_TURN = ((0.2, 5), (0.33, 10), (0.47, 15), (0.8, 10), (0.93, 5), (1.07, 0))


def head_angle(since_entering: float) -> int:
    """A natural turn to look at the preview: 0 to 15 degrees and back within ~1 s."""
    angle = 0
    for start, degrees in HEAD_TURN:
        if since_entering >= start:
            angle = degrees
    return angle


@pytest.fixture(scope="session")
def clips(vision_models, tmp_path_factory):
    """Four clips: stranger enters, mayor leaves, a held-up photo, a live impostor."""
    folder = tmp_path_factory.mktemp("clips")
    kit, rose = photo("kit_harington_3.jpg"), photo("rose_leslie_1.jpg")
    box = Person.from_photo(kit, vision_models).face_box
    mayor = {a: Person(turn_head(kit, vision_models, a), box) for a in (0, 5, 10, 15)}
    rose_box = Person.from_photo(rose, vision_models).face_box
    impostor = {a: Person(turn_head(rose, vision_models, a), rose_box) for a in (0, 5, 10, 15)}
    onlooker = Person(rose, rose_box)

    def live(people, t, leaves_at=99.0):
        scene = background()
        if ENTERS <= t < leaves_at:
            people[head_angle(t - ENTERS)].paste(scene, 320, 230, 150)
        return scene

    def stranger(t):
        scene = live(mayor, t)
        if t >= 4.0:
            onlooker.paste(scene, 540, 190, 90)
        return scene

    def held(t):
        scene = background()
        if t >= ENTERS:
            Person(held_photo(kit, t), box).paste(scene, 320, 230, 150)
        return scene

    return {
        "stranger": write_clip(folder / "stranger.avi", stranger, 6.0),
        "leaves": write_clip(folder / "leaves.avi", lambda t: live(mayor, t, 4.0), 10.0),
        "photo": write_clip(folder / "photo.avi", held, 4.0),
        "impostor": write_clip(folder / "impostor.avi", lambda t: live(impostor, t), 4.0),
    }


@pytest.fixture(scope="session")
def enrolled(vision_models):
    """kit_harington enrolled from his first two photos."""
    embeddings = []
    for name in ("kit_harington_1.jpg", "kit_harington_2.jpg"):
        rgb = photo(name)
        embeddings.append(vision_models.encoder.embed(rgb, vision_models.detector.detect(rgb)[0]))
    return {"kit_harington": embeddings}


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
    assert 4.0 < locked_at <= 4.0 + 1.0


def test_locks_five_seconds_after_the_face_leaves(clips, vision_models, enrolled):
    decisions = play(clips["leaves"], vision_models, enrolled)
    assert [d for _, d in decisions] == [Unlock("kit_harington"), Lock(FACE_LEFT)]
    last_seen = 4.0 - 1 / 15  # the last frame with the face
    assert last_seen + 5.0 <= decisions[1][0] <= last_seen + 5.0 + 0.2


def test_a_held_up_photo_of_the_enrolled_face_never_unlocks(clips, vision_models, enrolled):
    assert play(clips["photo"], vision_models, enrolled) == []


def test_a_live_stranger_never_unlocks(clips, vision_models, enrolled):
    assert play(clips["impostor"], vision_models, enrolled) == []
