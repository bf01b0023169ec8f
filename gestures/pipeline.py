"""From a frame to an observation: faces and hands found by MediaPipe, poses classified, and
positions turned into the view units the engagement logic works in.

Detection results (``FrameResult``) are plain data that round-trip through JSON, so sequences
recorded from real frames replay through exactly the same ``observe`` step in tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from gestures.engagement import FaceSeen, HandSeen, Observation
from gestures.landmarks import HandLandmarks, HandTracker
from gestures.poses import Pose, classify

PALM = (0, 5, 9, 13, 17)  # wrist and knuckles: they stay put when the fingers close

Box = tuple[float, float, float, float]  # x, y, width, height as fractions of the frame


@dataclass(frozen=True)
class FrameResult:
    """What the models found in one frame, in the camera's real (unmirrored) orientation."""

    timestamp_ms: int
    size: tuple[int, int]  # width, height in pixels
    hands: tuple[HandLandmarks, ...] = ()
    faces: tuple[Box, ...] = ()

    @property
    def aspect(self) -> float:
        return self.size[0] / self.size[1]

    def poses(self) -> list[Pose]:
        return [classify(hand.points, self.aspect) for hand in self.hands]

    def to_json(self) -> dict[str, Any]:
        return {
            "t_ms": self.timestamp_ms,
            "size": list(self.size),
            "hands": [
                {
                    "handedness": hand.handedness,
                    "score": round(hand.score, 3),
                    "landmarks": np.round(hand.points, 5).tolist(),
                }
                for hand in self.hands
            ],
            "faces": [[round(v, 5) for v in box] for box in self.faces],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FrameResult:
        return cls(
            timestamp_ms=int(data["t_ms"]),
            size=(int(data["size"][0]), int(data["size"][1])),
            hands=tuple(
                HandLandmarks(
                    hand["handedness"], float(hand.get("score", 1.0)), np.array(hand["landmarks"])
                )
                for hand in data.get("hands", ())
            ),
            faces=tuple(tuple(float(v) for v in box) for box in data.get("faces", ())),
        )


def palm_centre(hand: HandLandmarks) -> tuple[float, float]:
    """The palm's centre as fractions of the frame (camera orientation)."""
    x, y = hand.points[list(PALM), :2].mean(axis=0)
    return float(x), float(y)


def observe(result: FrameResult) -> Observation:
    """Poses and view units: lengths in frame heights, x toward the person's right (the camera
    faces them, so their right is the picture's left), y downward."""
    aspect = result.aspect
    hands = []
    for hand, pose in zip(result.hands, result.poses(), strict=True):
        x, y = palm_centre(hand)
        hands.append(HandSeen(hand.handedness, pose, (1.0 - x) * aspect, y))
    faces = tuple(
        FaceSeen((1.0 - (x + width / 2)) * aspect, y + height / 2, height)
        for x, y, width, height in result.faces
    )
    return Observation(result.timestamp_ms, tuple(hands), faces)


class GestureDetector:
    """Faces (MediaPipe's full-range detector) and hands in one frame. ``mirrored``: the camera
    delivers mirror images (a selfie-style preview), so they are flipped back first."""

    def __init__(self, mirrored: bool = False, video: bool = True, max_hands: int = 2):
        from kiosk.privacy.faces import FaceDetector

        self.mirrored = mirrored
        self.hands = HandTracker(max_hands=max_hands, video=video)
        try:
            self.faces = FaceDetector()
        except Exception:
            self.hands.close()
            raise

    def detect(
        self, timestamp_ms: int, rgb: np.ndarray, with_hands: bool = True, with_faces: bool = True
    ) -> FrameResult:
        """Faces and hands in one frame; either may be skipped to save time."""
        if self.mirrored:
            rgb = np.ascontiguousarray(rgb[:, ::-1])
        height, width = rgb.shape[:2]
        faces = ()
        if with_faces:
            faces = tuple(
                (x / width, y / height, w / width, h / height)
                for x, y, w, h in (face.box for face in self.faces.detect(rgb))
            )
        hands = tuple(self.hands.detect(rgb, timestamp_ms)) if with_hands else ()
        return FrameResult(timestamp_ms, (width, height), hands, faces)

    def close(self) -> None:
        self.hands.close()
        self.faces.close()
