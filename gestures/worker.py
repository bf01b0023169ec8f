"""The gesture pipeline's own thread: camera frames in, intents and status out.

No camera is a state, not an error: the worker says so and looks again every
``probe_interval_s``, so a camera plugged in later is picked up. While nobody is in view only
the face detector runs, a few times a second; a face (or an engaged hand) brings the full
frame rate and the hand landmarker back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from gestures.engagement import Engagement, EngagementSettings, GestureStatus, Phase
from gestures.frames import Frame, SourceUnavailable, parse_device
from gestures.pipeline import GestureDetector, observe
from kiosk.config import ConfigError
from kiosk.intents import IntentSink

log = logging.getLogger(__name__)

MODEL_PROBLEM = "model"
CAMERA_PROBLEM = "camera"


@dataclass(frozen=True)
class GestureSettings:
    """The ``[gestures]`` table (see packaging/kiosk.example.toml)."""

    enabled: bool
    camera: int | str = 0
    mirrored: bool = False
    fps: float = 30.0  # most frames processed per second while someone is in view
    idle_fps: float = 5.0  # while nobody is
    idle_after_s: float = 2.0
    probe_interval_s: float = 5.0
    engagement: EngagementSettings = field(default_factory=EngagementSettings)

    @classmethod
    def from_config(cls, section: Mapping[str, Any], role: str) -> GestureSettings:
        """On by default in the mayor's office only; a bad value is a ConfigError naming it."""
        unknown = set(section) - {
            "enabled", "camera", "mirrored", "fps", "idle_fps", "idle_after_s",
            "probe_interval_s", "engage_s", "select_s", "lost_s",
        }  # fmt: skip
        if unknown:
            raise ConfigError(f"[gestures] unknown settings: {', '.join(sorted(unknown))}")
        try:
            engagement = EngagementSettings(
                engage_s=float(section.get("engage_s", 3.0)),
                select_s=float(section.get("select_s", 0.3)),
                lost_s=float(section.get("lost_s", 5.0)),
            )
            settings = cls(
                enabled=bool(section.get("enabled", role == "mayor")),
                camera=parse_device(section.get("camera", 0)),
                mirrored=bool(section.get("mirrored", False)),
                fps=float(section.get("fps", 30.0)),
                idle_fps=float(section.get("idle_fps", 5.0)),
                idle_after_s=float(section.get("idle_after_s", 2.0)),
                probe_interval_s=float(section.get("probe_interval_s", 5.0)),
                engagement=engagement,
            )
        except (TypeError, ValueError):
            raise ConfigError("[gestures] times and frame rates must be numbers") from None
        if min(settings.fps, settings.idle_fps, settings.probe_interval_s) <= 0:
            raise ConfigError("[gestures] fps, idle_fps and probe_interval_s must be above 0")
        return settings


@dataclass
class WorkerEvents:
    """Callbacks, called on the worker thread."""

    status: Callable[[GestureStatus], None]  # engage indicator and cursor feedback
    device: Callable[[str, bool, str], None]  # (CAMERA_PROBLEM or MODEL_PROBLEM, ok, message)
    people: Callable[[int], None]  # faces in view, on every change


class GestureWorker:
    def __init__(
        self,
        open_source: Callable[[], Iterator[Frame]],
        sink: IntentSink,
        settings: GestureSettings,
        events: WorkerEvents,
        make_detector: Callable[[], GestureDetector] | None = None,
    ):
        self.open_source = open_source
        self.sink = sink
        self.settings = settings
        self.events = events
        self.make_detector = make_detector or (lambda: GestureDetector(settings.mirrored))
        self.engagement = Engagement(sink, settings.engagement, events.status)
        self._stop = threading.Event()
        self._people = -1  # last count reported
        self._thread = threading.Thread(target=self._run, name="gestures", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            detector = self.make_detector()
        except Exception as exc:  # ModelMissing, or a model file MediaPipe cannot read
            log.error("gesture models cannot be loaded: %s", exc)
            self.events.device(MODEL_PROBLEM, False, str(exc))
            return
        self.events.device(MODEL_PROBLEM, True, "gesture models loaded")
        try:
            while not self._stop.is_set():
                try:
                    frames = self.open_source()
                except SourceUnavailable as exc:
                    self.events.device(CAMERA_PROBLEM, False, str(exc))
                    self._stop.wait(self.settings.probe_interval_s)
                    continue
                self.events.device(CAMERA_PROBLEM, True, "camera ok")
                try:
                    self._watch(frames, detector)
                finally:
                    frames.close()
                self.engagement.reset()
                self._report_people(0)
                if not self._stop.is_set():
                    self.events.device(CAMERA_PROBLEM, False, "camera stopped delivering frames")
                    self._stop.wait(self.settings.probe_interval_s)
        finally:
            detector.close()

    def _watch(self, frames: Iterator[Frame], detector: GestureDetector) -> None:
        loop = GestureLoop(detector, self.engagement, self.settings, self._report_people)
        for stamp, rgb in frames:
            if self._stop.is_set():
                return
            loop.process(stamp, rgb)

    def _report_people(self, count: int) -> None:
        if count != self._people:
            self._people = count
            self.events.people(count)


class GestureLoop:
    """What to run on each frame: nothing (too soon), faces only (nobody in view: a few times
    a second), or hands too (someone there: every frame up to ``fps``). While someone is
    engaged the faces matter only for counting people, so they are looked for 5 times a
    second and the hand landmarker gets the time."""

    FACES_WHILE_ENGAGED_MS = 200

    def __init__(
        self,
        detector: GestureDetector,
        engagement: Engagement,
        settings: GestureSettings,
        on_people: Callable[[int], None],
    ):
        self.detector = detector
        self.engagement = engagement
        self.settings = settings
        self.on_people = on_people
        self.last_ms: int | None = None
        self.faces_ms = -(10**9)
        self.active_until = 0

    def process(self, stamp: int, rgb) -> bool:
        """Run what this frame needs; False when it was skipped."""
        settings = self.settings
        engaged = self.engagement.phase is Phase.ENGAGED
        active = engaged or stamp < self.active_until or self.engagement.phase is Phase.ENGAGING
        interval = 1000.0 / (settings.fps if active else settings.idle_fps)
        if self.last_ms is not None and stamp - self.last_ms < interval:
            return False
        self.last_ms = stamp
        with_faces = not engaged or stamp - self.faces_ms >= self.FACES_WHILE_ENGAGED_MS
        result = self.detector.detect(stamp, rgb, with_hands=active, with_faces=with_faces)
        observation = observe(result)
        if observation.faces or observation.hands:
            self.active_until = stamp + int(settings.idle_after_s * 1000)
        self.engagement.update(observation)
        if with_faces:
            self.faces_ms = stamp
            self.on_people(len(observation.faces))
        return True
