"""Who a face is: dlib's 128-d ResNet embedding compared with the enrolled embeddings.

dlib is called directly (5-point alignment, then the embedding) through the dlib-bin wheel;
measured here, the same person is within ~0.45 and other people beyond ~0.75."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kiosk.privacy.faces import Face
from kiosk.privacy.models import dlib_model_paths

DEFAULT_MATCH_THRESHOLD = 0.5


@dataclass(frozen=True)
class Match:
    """The closest enrolled person and the distance to them (None when nobody is enrolled)."""

    name: str | None
    distance: float | None

    def accepted(self, threshold: float) -> bool:
        return self.distance is not None and self.distance <= threshold


class FaceEncoder:
    """Loads dlib's models once; ``embed`` costs ~60-100 ms per face on this CPU."""

    def __init__(self) -> None:
        import dlib

        shape_model, embedding_model = dlib_model_paths()
        self._dlib = dlib
        self._shape = dlib.shape_predictor(str(shape_model))
        self._embedding = dlib.face_recognition_model_v1(str(embedding_model))

    def embed(self, rgb: np.ndarray, face: Face) -> np.ndarray:
        """The 128-d embedding of one detected face in an RGB frame."""
        x, y, width, height = face.box
        rectangle = self._dlib.rectangle(x, y, x + width, y + height)
        shape = self._shape(rgb, rectangle)
        return np.asarray(self._embedding.compute_face_descriptor(rgb, shape), dtype=np.float64)


def best_match(embedding: np.ndarray, enrolled: Mapping[str, Sequence[np.ndarray]]) -> Match:
    """The enrolled person whose closest embedding is nearest to ``embedding``."""
    best = Match(None, None)
    for name, embeddings in enrolled.items():
        if not len(embeddings):
            continue
        distance = float(np.min(np.linalg.norm(np.asarray(embeddings) - embedding, axis=1)))
        if best.distance is None or distance < best.distance:
            best = Match(name, distance)
    return best
