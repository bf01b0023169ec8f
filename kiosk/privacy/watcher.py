"""From camera frames to lock decisions: detect faces, identify and test liveness when the rules
need it, and apply the rules. Runs on the camera thread; knows nothing of Qt."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kiosk.privacy.faces import Face, FaceDetector
from kiosk.privacy.identity import FaceEncoder, Match, best_match
from kiosk.privacy.landmarks import FaceMesh
from kiosk.privacy.liveness import LivenessTracker, face_shape
from kiosk.privacy.lock import Decision, FaceLock, LockSettings, Observation, Phase, SeenFace


@dataclass(frozen=True)
class FrameResult:
    """What one frame showed (boxes for the preview) and what it decided."""

    faces: tuple[Face, ...]
    observation: Observation
    decision: Decision | None


class VisionModels:
    """The detector, face mesh and identity models, loaded once and shared by the watchers of
    one thread (loading dlib takes ~1 s)."""

    def __init__(self) -> None:
        self.detector = FaceDetector()
        self.mesh = FaceMesh()
        self.encoder = FaceEncoder()

    def close(self) -> None:
        self.detector.close()


class FaceWatcher:
    def __init__(
        self,
        models: VisionModels,
        enrolled: Mapping[str, Sequence[np.ndarray]],
        lock: FaceLock | None = None,
    ):
        self.models = models
        self.enrolled = enrolled
        self.lock = lock or FaceLock()
        self.liveness = LivenessTracker()
        self._matching = False

    def start(self, now: float) -> None:
        self.lock.start(now)
        self._follow_streak(False)

    def stop(self) -> None:
        self.lock.stop()
        self._follow_streak(False)

    def process(self, rgb: np.ndarray, now: float) -> FrameResult:
        """Look at one RGB frame taken at ``now`` (seconds)."""
        faces = tuple(self.models.detector.detect(rgb))
        seen = [SeenFace(face.size, face.score) for face in faces]
        checking = self.lock.phase is Phase.CHECKING
        settings = self.lock.settings
        primary = faces[0] if faces and settings.meaningful(faces[0].size, faces[0].score) else None
        if primary is not None and self.lock.phase is not Phase.IDLE:
            shape = face_shape(self.models.mesh.points(rgb, primary)) if checking else None
            if self.lock.identity_due(now):
                match = self.identify(rgb, primary)
                seen[0] = SeenFace(primary.size, primary.score, True, match.name, match.distance)
                if checking:
                    self._follow_streak(match.accepted(settings.match_threshold))
            if shape is not None:
                self.liveness.add(shape)
        elif checking:
            self._follow_streak(False)
        observation = Observation(now, tuple(seen), self.liveness.live)
        decision = self.lock.observe(observation)
        if decision is not None:
            self._follow_streak(False)
        return FrameResult(faces, observation, decision)

    def _follow_streak(self, matched: bool) -> None:
        """Liveness counts only if shown by the matching face after its streak began: a live
        stranger swapped for a photo of the mayor (or the reverse) must not carry it over."""
        if not matched or not self._matching:
            self.liveness.reset()
        self._matching = matched

    def identify(self, rgb: np.ndarray, face: Face) -> Match:
        return best_match(self.models.encoder.embed(rgb, face), self.enrolled)


def check_hint(result: FrameResult, settings: LockSettings) -> str:
    """What the person in front of the preview should do next (an i18n key)."""
    faces = [f for f in result.observation.faces if settings.meaningful(f.size, f.score)]
    if not faces:
        return "face.hint.no_face"
    if len(faces) > 1:
        return "face.hint.one_person"
    primary = faces[0]
    if primary.checked and (
        primary.distance is None or primary.distance > settings.match_threshold
    ):
        return "face.hint.not_enrolled"
    if not result.observation.live:
        return "face.hint.move"
    return "face.hint.checking"
