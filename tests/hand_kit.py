"""Hand fixtures: what the real models find in the hand photos, extracted once per run.

The photos' poses by what they show (see fixtures/hands/SOURCES.md): the classifier's five
poses are open_palm, fist, pinch, pointing and other."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from gestures.pipeline import FrameResult
from gestures.poses import Pose

HANDS = Path(__file__).resolve().parent / "fixtures" / "hands"

EXPECTED = {
    **{f"four_{k}.jpg": Pose.OPEN_PALM for k in range(1, 6)},
    **{f"call_{k}.jpg": Pose.OTHER for k in range(1, 6)},
    **{f"rock_{k}.jpg": Pose.OTHER for k in range(1, 6)},
    "none_1.jpg": Pose.FIST,  # thumbs down: a closed hand
    "none_2.jpg": Pose.POINTING,
    "none_3.jpg": Pose.FIST,
    "none_4.jpg": Pose.FIST,
    "none_5.jpg": Pose.POINTING,
}


def hand_photo(name: str) -> np.ndarray:
    """A fixture photo as RGB."""
    return cv2.cvtColor(cv2.imread(str(HANDS / name)), cv2.COLOR_BGR2RGB)


def gesture_hand(result: FrameResult) -> int:
    """Index of the hand showing the gesture: the highest one (the other may hang down)."""
    return min(range(len(result.hands)), key=lambda k: result.hands[k].points[0, 1])


@pytest.fixture(scope="session")
def gesture_detector():
    """The real hand landmarker and face detector in IMAGE mode, loaded once."""
    from gestures.pipeline import GestureDetector

    detector = GestureDetector(video=False)
    yield detector
    detector.close()


@pytest.fixture(scope="session")
def hand_photo_results(gesture_detector) -> dict[str, FrameResult]:
    """What the models find in every hand photo."""
    return {name: gesture_detector.detect(0, hand_photo(name)) for name in sorted(EXPECTED)}


# Camera clips: there is no camera and no video of a hand here. A person is a real photo
# pasted into a 640x480 scene; the cursor area is fixed in the picture once engaged, so moving
# the whole photo moves the hand against it. A select swaps in a photo of a closed hand,
# scaled and placed so that its palm lands where the open palm was.
OPEN_PALM_PHOTO = "four_2.jpg"  # a right hand, palm open, raised beside the head
OPEN_PALM_CROP = (slice(190, 490), slice(40, 340))  # the man, so that he fills the scene
FIST_PHOTO = "none_4.jpg"  # a right hand, closed (thumb down)
CLIP_FPS = 15
ENGAGED_AT = 3.8  # seconds into a clip: the raise has been held long enough
SWIPE_S = 0.25
# Where the select clip points, as fractions of the screen: the 대기환경 tile of the mayor's
# home screen at 1920x1080. The cursor starts in the middle; the box is 2.4 x 1.35 face heights.
SELECT_TARGET = (0.62, 0.67)


def _palm_and_size(rgb: np.ndarray) -> tuple[float, float, float]:
    """Palm centre (pixels) and hand size (wrist to middle knuckle, pixels) in a photo."""
    from gestures.landmarks import HandTracker
    from gestures.pipeline import palm_centre

    height, width = rgb.shape[:2]
    tracker = HandTracker(video=False)
    try:
        hand = tracker.detect(rgb, 0)[0]
    finally:
        tracker.close()
    x, y = palm_centre(hand)
    size = np.linalg.norm((hand.points[9, :2] - hand.points[0, :2]) * (width, height))
    return x * width, y * height, float(size)


def paste(scene: np.ndarray, rgb: np.ndarray, scale: float, left: float, top: float) -> None:
    """Paste a photo scaled by ``scale`` with its top-left corner at (left, top), clipped."""
    photo = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ox, oy = int(round(left)), int(round(top))
    sx, sy = max(0, -ox), max(0, -oy)
    ex = min(photo.shape[1], scene.shape[1] - ox)
    ey = min(photo.shape[0], scene.shape[0] - oy)
    if ex > sx and ey > sy:
        scene[oy + sy : oy + ey, ox + sx : ox + ex] = photo[sy:ey, sx:ex]


class HandScenes:
    """Scenes (t -> RGB frame) of the open-palm person engaging and then swiping or selecting."""

    def __init__(self) -> None:
        from tests.face_clips import HEIGHT, WIDTH

        self.open = np.ascontiguousarray(hand_photo(OPEN_PALM_PHOTO)[OPEN_PALM_CROP])
        self.fist = hand_photo(FIST_PHOTO)
        self.scale = HEIGHT / self.open.shape[0]
        self.left = (WIDTH - self.open.shape[1] * self.scale) / 2
        open_x, open_y, open_size = _palm_and_size(self.open)
        fist_x, fist_y, fist_size = _palm_and_size(self.fist)
        self.palm = (self.left + open_x * self.scale, open_y * self.scale)
        self.fist_scale = open_size * self.scale / fist_size
        self.fist_offset = (fist_x * self.fist_scale, fist_y * self.fist_scale)
        face = self._face_height()
        # toward the person's right is the picture's left (the camera faces them)
        self.aim = (
            -(SELECT_TARGET[0] - 0.5) * 2.4 * face,
            (SELECT_TARGET[1] - 0.5) * 1.35 * face,
        )

    def _face_height(self) -> float:
        from kiosk.privacy.faces import FaceDetector

        detector = FaceDetector()
        try:
            return float(detector.detect(self.person())[0].box[3])
        finally:
            detector.close()

    def person(self, shift: float = 0.0, lift: float = 0.0) -> np.ndarray:
        from tests.face_clips import background

        scene = background()
        paste(scene, self.open, self.scale, self.left + shift, lift)
        return scene

    def closed_hand(self, shift: float = 0.0, lift: float = 0.0) -> np.ndarray:
        from tests.face_clips import background

        scene = background()
        left = self.palm[0] + shift - self.fist_offset[0]
        top = self.palm[1] + lift - self.fist_offset[1]
        paste(scene, self.fist, self.fist_scale, left, top)
        return scene

    def swipe(self, t: float) -> np.ndarray:
        """Raise, then sweep the open hand toward the person's left (the picture's right)."""
        done = min(max((t - ENGAGED_AT) / SWIPE_S, 0.0), 1.0)
        return self.person(shift=180 * done)

    def select(self, t: float) -> np.ndarray:
        """Raise, move the hand onto ``SELECT_TARGET`` in 0.3 s, wait, close the hand for
        0.8 s, open it again."""
        done = min(max((t - ENGAGED_AT) / 0.3, 0.0), 1.0)
        shift, lift = self.aim[0] * done, self.aim[1] * done
        if ENGAGED_AT + 1.0 <= t < ENGAGED_AT + 1.8:
            return self.closed_hand(shift, lift)
        return self.person(shift, lift)


@pytest.fixture(scope="session")
def hand_clips(tmp_path_factory) -> dict[str, Path]:
    """MJPG clips at 15 fps: ``swipe`` (5 s) and ``select`` (6.2 s)."""
    from tests.face_clips import write_clip

    folder = tmp_path_factory.mktemp("hand_clips")
    scenes = HandScenes()
    return {
        "swipe": write_clip(folder / "swipe.avi", scenes.swipe, 5.0, CLIP_FPS),
        "select": write_clip(folder / "select.avi", scenes.select, 6.2, CLIP_FPS),
    }


@pytest.fixture(scope="session")
def recorded_clips(hand_clips) -> dict[str, list[dict]]:
    """What the real models find frame by frame in each clip (VIDEO mode), as JSON records."""
    from gestures.frames import VideoFileSource
    from gestures.pipeline import GestureDetector

    records = {}
    for name, path in hand_clips.items():
        detector = GestureDetector()  # a new video: timestamps start again
        try:
            records[name] = [
                detector.detect(stamp, rgb).to_json()
                for stamp, rgb in VideoFileSource(path).frames()
            ]
        finally:
            detector.close()
    return records
