"""Who controls the cursor, and what their hand means: the engagement state machine.

Pure logic on observations (hands with poses, faces), in *view units*: lengths in frame
heights, x growing toward the person's right (as in a mirror, so the cursor follows the hand
the way the person sees the screen), y growing downward.

- Idle → engaging: a right hand, palm open, above its owner's shoulder. The shoulder line is
  taken from the owner's face (the face nearest the hand): one face height below the chin. The face detector runs anyway, costs 1-3 ms, and scales with distance, where a fixed
  line in the frame would depend on the person's height and distance from the camera.
- Engaging → engaged after ``engage_s`` (a raise survives ``grace_s`` of flicker). The cursor
  area is a box around where the hand was, sized by the face, mapped to the whole screen.
- Engaged: the cursor follows the palm centre through a 1€ filter; a fist or a pinch held
  ``select_s`` selects (the cursor stays put while the hand closes); a fast open-palm sweep
  left or right pages (``Next`` / ``Previous``, like a touch swipe in that direction).
- Disengage: the hand stays well below the cursor area for ``drop_s`` (or vanishes there), or
  no hand for ``lost_s``. Only the engaged hand counts: other hands, raised or not, are ignored.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from OneEuroFilter import OneEuroFilter

from gestures.poses import Pose
from kiosk import intents as i

RIGHT = "Right"
PRESS_POSES = (Pose.FIST, Pose.PINCH)


@dataclass(frozen=True)
class HandSeen:
    handedness: str  # "Left" or "Right": the person's own hand
    pose: Pose
    x: float  # palm centre, view units
    y: float


@dataclass(frozen=True)
class FaceSeen:
    x: float  # box centre, view units
    y: float
    height: float

    @property
    def shoulder_y(self) -> float:
        """The detector's box runs from the brows to the chin; shoulders are about one face
        height below the chin."""
        return self.y + 1.5 * self.height


@dataclass(frozen=True)
class Observation:
    timestamp_ms: int
    hands: tuple[HandSeen, ...] = ()
    faces: tuple[FaceSeen, ...] = ()


class Phase(StrEnum):
    IDLE = "idle"
    ENGAGING = "engaging"
    ENGAGED = "engaged"


@dataclass(frozen=True)
class GestureStatus:
    """For the engage indicator and the cursor's press feedback."""

    phase: Phase = Phase.IDLE
    progress: float = 0.0  # engaging: of the raise; engaged: of the select hold
    hand_visible: bool = False
    selected: bool = False  # a select just fired


@dataclass(frozen=True)
class EngagementSettings:
    engage_s: float = 3.0
    grace_s: float = 0.3
    select_s: float = 0.3
    lost_s: float = 5.0
    drop_s: float = 0.5
    box_width: float = 2.4  # the cursor area, in face heights (16:9 like the screen)
    box_height: float = 1.35
    drop_margin: float = 0.5  # face heights below the cursor area that count as dropped
    swipe_distance: float = 1.5  # face heights ...
    swipe_window_s: float = 0.35  # ... within this time, palm open
    swipe_cooldown_s: float = 0.8
    max_jump: float = 1.5  # face heights between frames for the same hand
    filter_min_cutoff: float = 1.0  # 1€ filter: Hz, lower = less jitter at rest
    filter_beta: float = 5.0  # higher = less lag when moving fast


@dataclass
class _Control:
    """The engaged hand and its cursor area (fixed in the frame while engaged)."""

    face: FaceSeen
    left: float
    top: float
    hand: HandSeen
    last_seen_ms: int
    below_since_ms: int | None = None
    press_since_ms: int | None = None
    pressed: bool = False
    swipe_ready_ms: int = 0


class Engagement:
    """Feed one observation per processed frame; intents go to ``sink``, status changes to
    ``on_status``."""

    def __init__(
        self,
        sink: i.IntentSink,
        settings: EngagementSettings | None = None,
        on_status: Callable[[GestureStatus], None] | None = None,
    ):
        self.sink = sink
        self.settings = settings or EngagementSettings()
        self.on_status = on_status
        self.status = GestureStatus()
        self._raise: tuple[HandSeen, FaceSeen, int, int] | None = None  # hand, face, since, seen
        self._control: _Control | None = None
        self._filters: tuple[OneEuroFilter, OneEuroFilter] | None = None
        self._cursor: tuple[float, float] | None = None
        self._track: deque[tuple[int, float]] = deque()

    @property
    def phase(self) -> Phase:
        return self.status.phase

    def update(self, observation: Observation) -> None:
        if self._control is None:
            self._look_for_raise(observation)
        else:
            self._follow(observation, self._control)

    def reset(self) -> None:
        """Forget everyone (the camera went away): release the cursor if it was shown."""
        if self._control is not None:
            self._disengage()
        self._raise = None
        self._set_status(GestureStatus())

    # idle and engaging
    def _look_for_raise(self, observation: Observation) -> None:
        now = observation.timestamp_ms
        candidate = self._raised_hand(observation)
        settings = self.settings
        if candidate is not None:
            hand, face = candidate
            if self._raise is not None and _distance(hand, self._raise[0]) <= (
                settings.max_jump * face.height
            ):
                since = self._raise[2]
            else:
                since = now
            self._raise = (hand, face, since, now)
        elif self._raise is not None and now - self._raise[3] > settings.grace_s * 1000:
            self._raise = None
        if self._raise is None:
            self._set_status(GestureStatus(hand_visible=bool(observation.hands)))
            return
        hand, face, since, _ = self._raise
        held = (now - since) / 1000
        if held < settings.engage_s:
            progress = held / settings.engage_s
            self._set_status(GestureStatus(Phase.ENGAGING, progress, hand_visible=True))
            return
        self._engage(hand, face, now)

    def _raised_hand(self, observation: Observation) -> tuple[HandSeen, FaceSeen] | None:
        """The open right hand above its owner's shoulder; the nearest person's if several."""
        found = []
        for hand in observation.hands:
            if hand.handedness != RIGHT or hand.pose is not Pose.OPEN_PALM:
                continue
            face = _owner(hand, observation.faces)
            if face is not None and hand.y < face.shoulder_y:
                found.append((hand, face))
        return max(found, key=lambda pair: pair[1].height, default=None)

    def _engage(self, hand: HandSeen, face: FaceSeen, now: int) -> None:
        settings = self.settings
        width, height = settings.box_width * face.height, settings.box_height * face.height
        self._control = _Control(
            face=face,
            left=hand.x - width / 2,
            top=hand.y - height / 2,
            hand=hand,
            last_seen_ms=now,
        )
        self._raise = None
        self._filters = None
        self._track.clear()
        self._move_cursor(hand, now)
        self._set_status(GestureStatus(Phase.ENGAGED, hand_visible=True))

    # engaged
    def _follow(self, observation: Observation, control: _Control) -> None:
        now = observation.timestamp_ms
        settings = self.settings
        hand = self._controlling_hand(observation, control)
        if hand is None:
            dropped = control.hand.y > self._drop_line(control)
            gone_ms = now - control.last_seen_ms
            if gone_ms >= (settings.drop_s if dropped else settings.lost_s) * 1000:
                self._disengage()
                return
            self._set_status(replace(self.status, hand_visible=False, progress=0.0))
            return
        control.hand, control.last_seen_ms = hand, now
        if hand.y > self._drop_line(control):
            control.below_since_ms = control.below_since_ms or now
            if now - control.below_since_ms >= settings.drop_s * 1000:
                self._disengage()
                return
        else:
            control.below_since_ms = None
        if self._press(hand, control, now):
            return
        if self._swipe(hand, control, now):
            return
        self._move_cursor(hand, now)
        self._set_status(GestureStatus(Phase.ENGAGED, hand_visible=True))

    def _controlling_hand(self, observation: Observation, control: _Control) -> HandSeen | None:
        """The hand nearest where the engaged hand was, if it can be the same hand."""
        limit = self.settings.max_jump * control.face.height
        near = [h for h in observation.hands if _distance(h, control.hand) <= limit]
        return min(near, key=lambda h: _distance(h, control.hand), default=None)

    def _drop_line(self, control: _Control) -> float:
        settings = self.settings
        box_bottom = control.top + settings.box_height * control.face.height
        return box_bottom + settings.drop_margin * control.face.height

    def _press(self, hand: HandSeen, control: _Control, now: int) -> bool:
        """Fist or pinch: freeze the cursor, select once after ``select_s``; True while pressed."""
        if hand.pose not in PRESS_POSES:
            control.press_since_ms, control.pressed = None, False
            return False
        if control.press_since_ms is None:
            control.press_since_ms = now
        held = (now - control.press_since_ms) / 1000
        if not control.pressed and held >= self.settings.select_s:
            control.pressed = True
            self.sink(i.Select(i.Source.GESTURE))
            self._set_status(GestureStatus(Phase.ENGAGED, 1.0, hand_visible=True, selected=True))
            return True
        progress = 1.0 if control.pressed else held / self.settings.select_s
        self._set_status(GestureStatus(Phase.ENGAGED, progress, hand_visible=True))
        return True

    def _swipe(self, hand: HandSeen, control: _Control, now: int) -> bool:
        """A fast open-palm sweep sideways; True when one fired."""
        settings = self.settings
        if hand.pose is not Pose.OPEN_PALM or now < control.swipe_ready_ms:
            self._track.clear()
            return False
        self._track.append((now, hand.x))
        while self._track and now - self._track[0][0] > settings.swipe_window_s * 1000:
            self._track.popleft()
        moved = hand.x - self._track[0][1]
        if abs(moved) < settings.swipe_distance * control.face.height:
            return False
        self._track.clear()
        control.swipe_ready_ms = now + int(settings.swipe_cooldown_s * 1000)
        # like a finger on the glass: sweeping toward the person's left brings the next page
        self.sink(i.Next(i.Source.GESTURE) if moved < 0 else i.Previous(i.Source.GESTURE))
        return True

    def _move_cursor(self, hand: HandSeen, now: int) -> None:
        control = self._control
        settings = self.settings
        x = (hand.x - control.left) / (settings.box_width * control.face.height)
        y = (hand.y - control.top) / (settings.box_height * control.face.height)
        x, y = min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)
        seconds = now / 1000 + 1.0  # the filter ignores a timestamp of 0
        if self._filters is None:
            self._filters = tuple(
                OneEuroFilter(30.0, settings.filter_min_cutoff, settings.filter_beta)
                for _ in range(2)
            )
        x, y = self._filters[0](x, seconds), self._filters[1](y, seconds)
        if self._cursor is not None and max(abs(x - self._cursor[0]), abs(y - self._cursor[1])) < (
            1e-3
        ):
            return
        self._cursor = (x, y)
        self.sink(i.CursorMove(x, y, i.Source.GESTURE))

    def _disengage(self) -> None:
        self._control = None
        self._cursor = None
        self._filters = None
        self._track.clear()
        self.sink(i.CursorRelease(i.Source.GESTURE))
        self._set_status(GestureStatus())

    def _set_status(self, status: GestureStatus) -> None:
        if status == self.status:
            return
        self.status = status
        if self.on_status is not None:
            self.on_status(status)


def _distance(a: HandSeen, b: HandSeen) -> float:
    return ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5


def _owner(hand: HandSeen, faces: tuple[FaceSeen, ...]) -> FaceSeen | None:
    """The face the hand most likely belongs to: the nearest, within reach of an arm."""
    near = [f for f in faces if abs(hand.x - f.x) <= 3 * f.height]
    return min(near, key=lambda f: abs(hand.x - f.x), default=None)
