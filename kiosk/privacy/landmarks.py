"""468 face-mesh points of one detected face (MediaPipe's face_landmark.tflite, ~3 ms).

Run with OpenCV's DNN module on the face the full-range detector found: the face is rotated
upright by its eye keypoints and scaled into the model's 192x192 input, then the points are
mapped back to frame pixels. (The Tasks FaceLandmarker brings its own short-range detector,
which misses faces at kiosk distance, and gave scrambled points with this model file.)"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kiosk.privacy.faces import Face
from kiosk.privacy.models import FACE_MESH, model_path

INPUT_SIZE = 192
MARGIN = 1.5  # the model expects the face box enlarged by half


class FaceMesh:
    def __init__(self, model: Path | None = None):
        import cv2

        self._cv2 = cv2
        self._net = cv2.dnn.readNetFromTFLite(str(model or model_path(FACE_MESH)))

    def points(self, rgb: np.ndarray, face: Face) -> np.ndarray:
        """(468, 3) landmarks: x and y in frame pixels, z (depth, nearer is smaller) to scale."""
        cv2 = self._cv2
        (right_x, right_y), (left_x, left_y) = face.keypoints[0], face.keypoints[1]
        angle = float(np.degrees(np.arctan2(left_y - right_y, left_x - right_x)))
        center_x, center_y = face.center
        scale = INPUT_SIZE / (max(face.box[2], face.box[3]) * MARGIN)
        to_crop = cv2.getRotationMatrix2D((center_x, center_y), angle, scale)
        to_crop[:, 2] += (INPUT_SIZE / 2 - center_x, INPUT_SIZE / 2 - center_y)
        crop = cv2.warpAffine(rgb, to_crop, (INPUT_SIZE, INPUT_SIZE), flags=cv2.INTER_LINEAR)
        blob = (crop.astype(np.float32) / 255.0).transpose(2, 0, 1)[None]
        self._net.setInput(np.ascontiguousarray(blob))
        crop_points = self._net.forward().reshape(-1, 3)
        to_frame = cv2.invertAffineTransform(to_crop)
        xy = crop_points[:, :2] @ to_frame[:, :2].T + to_frame[:, 2]
        return np.column_stack([xy, crop_points[:, 2] / scale])
