"""Liveness: a flat photo held up does not count, a turning head or a blink does."""

from __future__ import annotations

import numpy as np

from kiosk.privacy.liveness import MOTION_THRESHOLD, FaceShape, LivenessTracker, face_shape
from tests.face_clips import held_photo, photo, turn_head


def shapes_of(frames, models) -> LivenessTracker:
    tracker = LivenessTracker()
    for rgb in frames:
        face = models.detector.detect(rgb)[0]
        tracker.add(face_shape(models.mesh.points(rgb, face)))
    return tracker


def test_a_photo_swayed_tilted_and_moved_is_not_alive(vision_models):
    kit = photo("kit_harington_3.jpg")
    tracker = shapes_of([held_photo(kit, t) for t in np.linspace(0, 3, 24)], vision_models)
    assert not tracker.live
    noses = np.array([s.nose for s in tracker.shapes])
    shift = np.abs(noses - np.median(noses[:3], axis=0)).max()
    assert shift < MOTION_THRESHOLD * 0.75  # a margin, not a near miss


def test_a_head_turning_fifteen_degrees_is_alive(vision_models):
    kit = photo("kit_harington_3.jpg")
    angles = [0, 0, 0, 5, 10, 15, 15, 10]
    tracker = shapes_of([turn_head(kit, vision_models, a) for a in angles], vision_models)
    assert tracker.moved and tracker.live and not tracker.blinked


def test_a_blink_is_alive_and_one_stray_frame_is_not_motion():
    tracker = LivenessTracker()
    for gap in (0.067, 0.066, 0.068, 0.067, 0.065):
        tracker.add(FaceShape((0.46, 0.31), gap))
    tracker.add(FaceShape((0.60, 0.31), 0.066))  # one jumpy landmark frame
    assert not tracker.live
    tracker.add(FaceShape((0.46, 0.31), 0.025))  # eyelids closed
    assert tracker.blinked and tracker.live
    tracker.reset()
    assert not tracker.live and tracker.shapes == []
