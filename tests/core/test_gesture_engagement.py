"""The engagement state machine on scripted observations (no camera, no models).

One person stands in the middle of a 4:3 picture: face centre (0.67, 0.30) in view units,
face height 0.12, so the shoulder line is at y = 0.48 and a raised right hand sits at about
(0.80, 0.30). Frames come at 30 per second."""

from __future__ import annotations

import pytest

from gestures.engagement import (
    Engagement,
    EngagementSettings,
    FaceSeen,
    GestureStatus,
    HandSeen,
    Observation,
    Phase,
)
from gestures.poses import Pose
from kiosk import intents as i

FACE = FaceSeen(0.67, 0.30, 0.12)
RAISED = (0.80, 0.30)
FRAME_MS = 33


class Scene:
    """Plays observations into an Engagement and keeps what came out."""

    def __init__(self, **settings) -> None:
        self.intents: list[i.Intent] = []
        self.statuses: list[GestureStatus] = []
        self.engagement = Engagement(
            self.intents.append, EngagementSettings(**settings), self.statuses.append
        )
        self.now = 0

    def hold(self, seconds: float, *hands: HandSeen, faces=(FACE,)) -> None:
        """The same hands for ``seconds`` (frame by frame)."""
        for _ in range(round(seconds * 1000 / FRAME_MS)):
            self.frame(*hands, faces=faces)

    def frame(self, *hands: HandSeen, faces=(FACE,)) -> None:
        self.now += FRAME_MS
        self.engagement.update(Observation(self.now, tuple(hands), tuple(faces)))

    def move(self, start, end, seconds: float, pose=Pose.OPEN_PALM) -> None:
        steps = max(1, round(seconds * 1000 / FRAME_MS))
        for step in range(1, steps + 1):
            t = step / steps
            x = start[0] + (end[0] - start[0]) * t
            y = start[1] + (end[1] - start[1]) * t
            self.frame(right(x, y, pose))

    def of(self, kind) -> list:
        return [intent for intent in self.intents if isinstance(intent, kind)]

    def engage(self) -> None:
        self.hold(3.1, right(*RAISED))
        assert self.engagement.phase is Phase.ENGAGED
        self.intents.clear()

    @property
    def cursor(self) -> tuple[float, float]:
        last = self.of(i.CursorMove)[-1]
        return last.x, last.y


def right(x: float, y: float, pose: Pose = Pose.OPEN_PALM) -> HandSeen:
    return HandSeen("Right", pose, x, y)


def test_engages_after_three_seconds_of_a_raised_right_hand_and_not_before():
    scene = Scene()
    scene.hold(2.9, right(*RAISED))
    assert scene.engagement.phase is Phase.ENGAGING
    assert not scene.intents
    progress = [s.progress for s in scene.statuses if s.phase is Phase.ENGAGING]
    assert progress == sorted(progress) and 0.9 < progress[-1] < 1.0
    scene.hold(0.2, right(*RAISED))
    assert scene.engagement.phase is Phase.ENGAGED
    first = scene.of(i.CursorMove)[0]
    assert (first.x, first.y) == pytest.approx((0.5, 0.5))
    assert first.source is i.Source.GESTURE


@pytest.mark.parametrize(
    "hand, faces",
    [
        (HandSeen("Left", Pose.OPEN_PALM, 0.55, 0.30), (FACE,)),  # the left hand
        (right(0.80, 0.55), (FACE,)),  # below the shoulder
        (right(*RAISED, Pose.FIST), (FACE,)),  # not an open palm
        (right(*RAISED), ()),  # no face: no body to measure the shoulder by
    ],
    ids=["left hand", "below the shoulder", "fist", "no face"],
)
def test_nothing_else_engages(hand, faces):
    scene = Scene()
    scene.hold(4.0, hand, faces=faces)
    assert scene.engagement.phase is Phase.IDLE
    assert not scene.intents


def test_lowering_the_hand_restarts_the_count_but_a_flicker_does_not():
    scene = Scene()
    scene.hold(2.0, right(*RAISED))
    scene.hold(0.5, right(0.80, 0.60))  # lowered for half a second
    scene.hold(2.9, right(*RAISED))
    assert scene.engagement.phase is Phase.ENGAGING
    scene = Scene()
    scene.hold(1.5, right(*RAISED))
    scene.hold(0.1, right(*RAISED, Pose.OTHER))  # the pose misread for three frames
    scene.hold(1.5, right(*RAISED))
    assert scene.engagement.phase is Phase.ENGAGED


def test_the_cursor_follows_the_hand_as_the_person_sees_it():
    scene = Scene()
    scene.engage()
    # half the cursor area (2.4 face heights wide) to the person's right, a bit up
    scene.move(RAISED, (RAISED[0] + 0.144, RAISED[1] - 0.04), 0.5)
    scene.hold(0.5, right(RAISED[0] + 0.144, RAISED[1] - 0.04))
    x, y = scene.cursor
    assert x == pytest.approx(1.0, abs=0.01) and y == pytest.approx(0.25, abs=0.01)
    scene.move((RAISED[0] + 0.144, RAISED[1] - 0.04), (RAISED[0] - 0.3, RAISED[1]), 1.5)
    scene.hold(0.5, right(RAISED[0] - 0.3, RAISED[1]))
    assert scene.cursor == pytest.approx((0.0, 0.5), abs=0.01)  # clamped at the edge
    assert not scene.of(i.Next) and not scene.of(i.Previous)


def test_the_cursor_is_steady_when_the_hand_trembles():
    scene = Scene()
    scene.engage()
    for k in range(60):
        jitter = 0.002 if k % 2 else -0.002  # ~1 px tremor of the landmarks
        scene.frame(right(RAISED[0] + jitter, RAISED[1] - jitter))
    xs = [move.x for move in scene.of(i.CursorMove)[-30:]] or [0.5]
    assert max(xs) - min(xs) < 0.01


@pytest.mark.parametrize("pose", [Pose.FIST, Pose.PINCH])
def test_a_closed_hand_held_a_third_of_a_second_selects_once(pose):
    scene = Scene()
    scene.engage()
    scene.hold(0.2, right(*RAISED, pose))
    assert not scene.of(i.Select)
    scene.hold(1.0, right(*RAISED, pose))
    assert scene.of(i.Select) == [i.Select(i.Source.GESTURE)]
    assert any(s.selected for s in scene.statuses)
    scene.hold(0.2, right(*RAISED))
    scene.hold(0.4, right(*RAISED, pose))
    assert len(scene.of(i.Select)) == 2


def test_a_short_close_does_not_select_and_the_cursor_stays_put_while_pressing():
    scene = Scene()
    scene.engage()
    scene.hold(0.2, right(*RAISED, Pose.FIST))
    scene.hold(0.3, right(*RAISED))
    assert not scene.of(i.Select)
    before = len(scene.of(i.CursorMove))
    scene.move(RAISED, (RAISED[0] + 0.02, RAISED[1] + 0.01), 0.4, Pose.FIST)  # closing moves it
    assert len(scene.of(i.CursorMove)) == before
    assert len(scene.of(i.Select)) == 1
    pressing = [s.progress for s in scene.statuses if s.phase is Phase.ENGAGED][-3:]
    assert pressing[-1] == 1.0


def test_an_open_palm_sweep_pages_like_a_touch_swipe():
    scene = Scene()
    scene.engage()
    scene.move(RAISED, (RAISED[0] - 0.2, RAISED[1]), 0.2)  # toward the person's left, fast
    assert scene.of(i.Next) == [i.Next(i.Source.GESTURE)]
    scene.hold(1.0, right(RAISED[0] - 0.2, RAISED[1]))
    scene.move((RAISED[0] - 0.2, RAISED[1]), (RAISED[0], RAISED[1]), 0.2)  # and back: right
    assert scene.of(i.Previous) == [i.Previous(i.Source.GESTURE)]


def test_slow_movement_and_a_quick_return_are_not_swipes():
    scene = Scene()
    scene.engage()
    scene.move(RAISED, (RAISED[0] - 0.2, RAISED[1]), 1.5)  # the same distance, slowly
    assert not scene.of(i.Next) and not scene.of(i.Previous)
    scene.move((RAISED[0] - 0.2, RAISED[1]), RAISED, 0.2)  # a swipe ...
    scene.move(RAISED, (RAISED[0] - 0.2, RAISED[1]), 0.2)  # ... and the hand coming back at once
    assert len(scene.of(i.Previous)) == 1 and not scene.of(i.Next)


def test_dropping_the_hand_disengages_after_half_a_second():
    scene = Scene()
    scene.engage()
    scene.move(RAISED, (RAISED[0], 0.75), 0.2, Pose.OTHER)
    scene.hold(0.3, right(RAISED[0], 0.75, Pose.OTHER))
    assert scene.engagement.phase is Phase.ENGAGED
    scene.hold(0.4, right(RAISED[0], 0.75, Pose.OTHER))
    assert scene.engagement.phase is Phase.IDLE
    assert scene.of(i.CursorRelease) == [i.CursorRelease(i.Source.GESTURE)]


def test_a_hand_that_drops_out_of_the_picture_disengages_quickly():
    scene = Scene()
    scene.engage()
    scene.move(RAISED, (RAISED[0], 0.70), 0.2, Pose.OTHER)
    scene.hold(0.6)  # gone, last seen below the cursor area
    assert scene.of(i.CursorRelease)


def test_five_seconds_without_the_hand_disengages_and_not_before():
    scene = Scene()
    scene.engage()
    scene.hold(4.8)
    assert scene.engagement.phase is Phase.ENGAGED
    assert scene.statuses[-1].hand_visible is False
    scene.hold(0.3)
    assert scene.engagement.phase is Phase.IDLE and scene.of(i.CursorRelease)


def test_a_hand_that_comes_back_in_time_keeps_control():
    scene = Scene()
    scene.engage()
    scene.hold(3.0)
    scene.hold(3.0, right(*RAISED))
    assert scene.engagement.phase is Phase.ENGAGED and not scene.of(i.CursorRelease)


def test_other_peoples_hands_are_ignored_while_someone_is_engaged():
    neighbour_face = FaceSeen(0.25, 0.32, 0.11)
    faces = (FACE, neighbour_face)
    scene = Scene()
    scene.hold(3.1, right(*RAISED), faces=faces)
    scene.intents.clear()
    # the neighbour raises an open right hand, makes a fist, sweeps: nothing happens
    scene.hold(3.5, right(*RAISED), right(0.38, 0.25), faces=faces)
    scene.hold(1.0, right(*RAISED), right(0.38, 0.25, Pose.FIST), faces=faces)
    for k in range(6):
        scene.frame(right(*RAISED), right(0.38 - 0.04 * k, 0.25), faces=faces)
    assert not scene.of(i.Select) and not scene.of(i.Next) and not scene.of(i.Previous)
    assert all(move.x == pytest.approx(0.5, abs=0.01) for move in scene.of(i.CursorMove))
    # the engaged person's fist still selects
    scene.hold(0.5, right(*RAISED, Pose.FIST), right(0.38, 0.25), faces=faces)
    assert len(scene.of(i.Select)) == 1


def test_the_nearest_person_engages_when_two_raise_hands():
    near_face = FaceSeen(0.30, 0.30, 0.16)
    scene = Scene()
    scene.hold(3.2, right(*RAISED), right(0.45, 0.25), faces=(FACE, near_face))
    assert scene.engagement.phase is Phase.ENGAGED
    scene.intents.clear()
    scene.hold(0.5, right(*RAISED, Pose.FIST), right(0.45, 0.25), faces=(FACE, near_face))
    assert not scene.of(i.Select)  # the far person's fist does nothing
    scene.hold(0.5, right(*RAISED), right(0.45, 0.25, Pose.FIST), faces=(FACE, near_face))
    assert scene.of(i.Select)


def test_reset_releases_the_cursor():
    scene = Scene()
    scene.engage()
    scene.engagement.reset()
    assert scene.of(i.CursorRelease) and scene.engagement.phase is Phase.IDLE
