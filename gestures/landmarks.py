"""Hands in a frame: MediaPipe's HandLandmarker (Tasks API) with ``models/hand_landmarker.task``.

Handedness was checked on a photo whose orientation is known (its printed text reads
normally): given the camera's real, unmirrored picture, MediaPipe names the person's own hand.
Mirrored pictures are flipped back before they get here (see ``gestures.pipeline``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk.privacy.models import model_path

HAND_LANDMARKER = "hand_landmarker.task"


@dataclass(frozen=True)
class HandLandmarks:
    handedness: str  # "Left" or "Right": the person's own hand
    score: float
    points: np.ndarray  # (21, 3): x and y as fractions of the frame's width and height, z


class HandTracker:
    """VIDEO mode tracks hands from frame to frame (fast); IMAGE mode looks afresh every time
    (for unrelated photos). One instance per thread."""

    def __init__(
        self,
        max_hands: int = 2,
        video: bool = True,
        min_score: float = 0.5,
        model: Path | None = None,
    ):
        from mediapipe.tasks.python import BaseOptions, vision

        self.video = video
        self._landmarker = vision.HandLandmarker.create_from_options(
            vision.HandLandmarkerOptions(
                base_options=BaseOptions(
                    model_asset_path=str(model or model_path(HAND_LANDMARKER))
                ),
                running_mode=vision.RunningMode.VIDEO if video else vision.RunningMode.IMAGE,
                num_hands=max_hands,
                min_hand_detection_confidence=min_score,
                min_hand_presence_confidence=min_score,
                min_tracking_confidence=min_score,
            )
        )

    def detect(self, rgb: np.ndarray, timestamp_ms: int) -> list[HandLandmarks]:
        """Hands in an RGB frame; in VIDEO mode timestamps must strictly increase."""
        import mediapipe as mp

        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=np.ascontiguousarray(rgb))
        if self.video:
            result = self._landmarker.detect_for_video(image, timestamp_ms)
        else:
            result = self._landmarker.detect(image)
        return [
            HandLandmarks(
                handedness=categories[0].category_name,
                score=float(categories[0].score),
                points=np.array([(p.x, p.y, p.z) for p in points], dtype=float),
            )
            for categories, points in zip(result.handedness, result.hand_landmarks, strict=True)
        ]

    def close(self) -> None:
        self._landmarker.close()
