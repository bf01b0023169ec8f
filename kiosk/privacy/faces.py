"""Face detection with MediaPipe's full-range detector (faces at kiosk distance, 1-3 ms)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk.privacy.models import FACE_DETECTOR, model_path

Point = tuple[float, float]


@dataclass(frozen=True)
class Face:
    """One detected face in a frame, in pixels."""

    box: tuple[int, int, int, int]  # x, y, width, height
    score: float
    keypoints: tuple[Point, ...]  # right eye, left eye, nose tip, mouth, right ear, left ear
    frame_size: tuple[int, int]  # width, height of the frame it was found in

    @property
    def size(self) -> float:
        """Box width as a fraction of the frame's shorter side: how close the person is."""
        return self.box[2] / min(self.frame_size)

    @property
    def center(self) -> Point:
        x, y, width, height = self.box
        return x + width / 2, y + height / 2


class FaceDetector:
    """MediaPipe's full-range face detector on RGB frames (one instance per thread)."""

    def __init__(self, min_score: float = 0.5, model: Path | None = None):
        from mediapipe.tasks.python import BaseOptions, vision

        self._detector = vision.FaceDetector.create_from_options(
            vision.FaceDetectorOptions(
                base_options=BaseOptions(model_asset_path=str(model or model_path(FACE_DETECTOR))),
                running_mode=vision.RunningMode.IMAGE,
                min_detection_confidence=min_score,
            )
        )

    def detect(self, rgb: np.ndarray) -> list[Face]:
        """Every face in an RGB frame (H x W x 3, uint8), largest first."""
        import mediapipe as mp

        height, width = rgb.shape[:2]
        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=np.ascontiguousarray(rgb))
        faces = []
        for detection in self._detector.detect(image).detections:
            box = detection.bounding_box
            faces.append(
                Face(
                    box=(box.origin_x, box.origin_y, box.width, box.height),
                    score=float(detection.categories[0].score),
                    keypoints=tuple((k.x * width, k.y * height) for k in detection.keypoints),
                    frame_size=(width, height),
                )
            )
        return sorted(faces, key=lambda face: face.box[2], reverse=True)

    def close(self) -> None:
        self._detector.close()


@contextmanager
def native_logs_silenced() -> Iterator[None]:
    """Hide the C++ log lines MediaPipe's runtime prints to stderr (dozens per model load) in
    command-line tools; the kiosk keeps them in its journal."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
