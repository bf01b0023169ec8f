"""Is the face in front of the camera alive, or a printed photo or a still on a screen?

A flat picture moved, tilted or scaled in front of the camera changes its landmarks by (almost)
an affine map. So each frame's landmarks are expressed in the affine frame of three points
(both outer eye corners and the chin): a flat picture gives the same coordinates in every
frame, a real head does not. Two cues are counted:
- head motion: the nose tip, which stands out of the face plane, shifts against the eyes and
  chin when the head turns or nods (measured here: a photo swayed, scaled and tilted up to
  ~30 degrees moved it by at most 0.03; a head turned by 10 degrees by 0.07, by 15 by 0.10);
- a blink: the eyelid gap in that frame closes to about half of its open size.
A video of the enrolled person replayed on a screen shows both; see the README for the risks."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

import numpy as np

# face-mesh indices
RIGHT_EYE_OUTER, LEFT_EYE_OUTER, CHIN, NOSE_TIP = 33, 263, 152, 1
EYELIDS = ((159, 145), (386, 374))  # (upper, lower) of each eye

MOTION_THRESHOLD = 0.06  # nose shift in face-frame units (about a 9-degree turn)
BLINK_RATIO = 0.55  # eyelid gap at most this share of the open gap
MOTION_FRAMES = 2  # frames beyond the threshold (one stray landmark frame is not motion)
REFERENCE_FRAMES = 3


@dataclass(frozen=True)
class FaceShape:
    """Affine-invariant measurements of one frame's landmarks."""

    nose: tuple[float, float]
    eye_gap: float


def face_shape(points: np.ndarray) -> FaceShape:
    """Nose position and eyelid gap in the affine frame of the eye corners and the chin."""
    points = points[:, :2]
    origin = points[RIGHT_EYE_OUTER]
    basis = np.column_stack([points[LEFT_EYE_OUTER] - origin, points[CHIN] - origin])
    to_face = np.linalg.inv(basis)

    def local(index: int) -> np.ndarray:
        return to_face @ (points[index] - origin)

    nose = local(NOSE_TIP)
    gap = float(np.mean([local(lower)[1] - local(upper)[1] for upper, lower in EYELIDS]))
    return FaceShape((float(nose[0]), float(nose[1])), gap)


@dataclass
class LivenessTracker:
    """Accumulates one person's face shapes during a face check."""

    shapes: list[FaceShape] = field(default_factory=list)
    blinked: bool = False
    moved: bool = False

    def add(self, shape: FaceShape) -> None:
        self.shapes.append(shape)
        if len(self.shapes) <= REFERENCE_FRAMES:
            return
        reference = self.shapes[:REFERENCE_FRAMES]
        nose_x = median(s.nose[0] for s in reference)
        nose_y = median(s.nose[1] for s in reference)
        shifted = [
            s
            for s in self.shapes[REFERENCE_FRAMES:]
            if max(abs(s.nose[0] - nose_x), abs(s.nose[1] - nose_y)) >= MOTION_THRESHOLD
        ]
        self.moved = self.moved or len(shifted) >= MOTION_FRAMES
        open_gap = median(s.eye_gap for s in self.shapes)
        self.blinked = self.blinked or (open_gap > 0 and shape.eye_gap <= BLINK_RATIO * open_gap)

    @property
    def live(self) -> bool:
        return self.moved or self.blinked

    def reset(self) -> None:
        self.shapes.clear()
        self.blinked = self.moved = False
