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
