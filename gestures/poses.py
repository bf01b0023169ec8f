"""Hand poses from MediaPipe's 21 hand landmarks, in plain numpy.

There is no gesture-recognizer model to be had here, so poses are read from the geometry,
in proportions of the hand's own size (wrist to middle knuckle), which makes them independent
of distance, rotation and which hand it is:
- a finger is *extended* when its tip is clearly farther from the wrist than its middle joint
  (1.2x) and it is nearly straight; *curled* when its tip is nearer the wrist than that joint;
- fist: all four fingers curled (the thumb may stick out: a thumbs-up or -down is a closed hand);
- pinch: thumb tip and index tip together while the index is not folded into the palm;
- pointing: index extended, the other three curled;
- open_palm: all four fingers extended (the thumb may be folded: "four" counts as open);
- anything else is other."""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike

WRIST, THUMB_TIP, INDEX_MCP, INDEX_TIP, MIDDLE_MCP = 0, 4, 5, 8, 9
FINGERS = {  # MCP, PIP, DIP, TIP in MediaPipe's order
    "index": (5, 6, 7, 8),
    "middle": (9, 10, 11, 12),
    "ring": (13, 14, 15, 16),
    "pinky": (17, 18, 19, 20),
}
EXTENDED_REACH = 1.2  # tip-to-wrist over PIP-to-wrist
EXTENDED_MAX_BEND = 60.0  # degrees, summed over the PIP and DIP joints
CURLED_REACH = 1.0
PINCH_GAP = 0.3  # thumb tip to index tip, in hand sizes
PINCH_INDEX_OUT = 0.6  # index tip to its knuckle, in hand sizes (a fist folds it closer)


class Pose(StrEnum):
    OPEN_PALM = "open_palm"
    FIST = "fist"
    PINCH = "pinch"
    POINTING = "pointing"
    OTHER = "other"


def _bend(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    """How far the joint at b is bent away from straight, in degrees."""
    u, v = b - a, c - b
    norm = float(np.linalg.norm(u) * np.linalg.norm(v))
    if norm == 0:
        return 0.0
    return float(np.degrees(np.arccos(np.clip(np.dot(u, v) / norm, -1.0, 1.0))))


def as_points(landmarks: ArrayLike, aspect: float = 1.0) -> np.ndarray:
    """(21, 3) points with x and z scaled by the image's width/height, so distances are true.

    MediaPipe's x is a fraction of the width, y of the height, z on the scale of x."""
    points = np.asarray(landmarks, dtype=float)
    if points.shape != (21, 3):
        raise ValueError(f"expected 21 landmarks of [x, y, z], got shape {points.shape}")
    return points * (aspect, 1.0, aspect)


def classify(landmarks: ArrayLike, aspect: float = 1.0) -> Pose:
    """The pose of one hand from its 21 image-normalized landmarks."""
    p = as_points(landmarks, aspect)
    size = float(np.linalg.norm(p[MIDDLE_MCP] - p[WRIST]))
    if size == 0:
        return Pose.OTHER
    extended, curled = set(), set()
    for name, (mcp, pip, dip, tip) in FINGERS.items():
        reach = np.linalg.norm(p[tip] - p[WRIST]) / max(np.linalg.norm(p[pip] - p[WRIST]), 1e-9)
        bend = _bend(p[mcp], p[pip], p[dip]) + _bend(p[pip], p[dip], p[tip])
        if reach >= EXTENDED_REACH and bend <= EXTENDED_MAX_BEND:
            extended.add(name)
        elif reach < CURLED_REACH:
            curled.add(name)
    if len(curled) == 4:
        return Pose.FIST
    pinch_gap = np.linalg.norm(p[THUMB_TIP] - p[INDEX_TIP]) / size
    index_out = np.linalg.norm(p[INDEX_TIP] - p[INDEX_MCP]) / size
    if pinch_gap < PINCH_GAP and index_out >= PINCH_INDEX_OUT:
        return Pose.PINCH
    if "index" in extended and {"middle", "ring", "pinky"} <= curled:
        return Pose.POINTING
    if len(extended) == 4:
        return Pose.OPEN_PALM
    return Pose.OTHER
