"""The face check's own thread: camera frames in, decisions and preview frames out.

The shell asks for a check (``check``) and ends private mode (``stop``); the worker opens
the camera only in between. Models are loaded on the first check (~1 s) and kept."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kiosk.privacy.camera import CameraError, Frame
from kiosk.privacy.lock import Decision, FaceLock, Lock, LockSettings, Phase
from kiosk.privacy.models import ModelMissing
from kiosk.privacy.watcher import FaceWatcher, FrameResult, VisionModels

log = logging.getLogger(__name__)

CAMERA_LOST = "camera lost"
CAMERA_UNAVAILABLE = "camera unavailable"
MODELS_UNAVAILABLE = "face models unavailable"
_CHECK, _STOP, _CLOSE = "check", "stop", "close"


@dataclass
class WorkerEvents:
    """Callbacks, called on the worker thread."""

    decision: Callable[[Decision], None]
    preview: Callable[[np.ndarray, FrameResult], None]  # while checking only
    problem: Callable[[str, str], None]  # (status key: "camera" or "face_model", message)


class FaceCheckWorker:
    def __init__(
        self,
        open_source: Callable[[], Iterator[Frame]],
        enrolled: Mapping[str, Sequence[np.ndarray]],
        settings: LockSettings,
        events: WorkerEvents,
        max_fps: float = 15.0,
        models: VisionModels | None = None,
    ):
        self.open_source = open_source
        self.enrolled = enrolled
        self.settings = settings
        self.events = events
        self.min_interval_ms = 1000.0 / max_fps
        self.models = models  # given models are shared and stay open; loaded ones are closed
        self._owns_models = models is None
        self._commands: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="face-check", daemon=True)
        self._thread.start()

    def check(self) -> None:
        """Open the camera (if closed) and look for the enrolled face."""
        self._commands.put(_CHECK)

    def stop(self) -> None:
        """Private mode ended: close the camera."""
        self._commands.put(_STOP)

    def close(self, timeout: float = 5.0) -> None:
        self._commands.put(_CLOSE)
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            while True:
                command = self._commands.get()
                while command == _CHECK:
                    command = self._watch()
                if command == _CLOSE:
                    return
        finally:
            if self._owns_models and self.models is not None:
                self.models.close()

    def _watch(self) -> str:
        """Run one face check and, after an unlock, keep watching; returns the next command."""
        try:
            if self.models is None:
                self.models = VisionModels()
        except (ModelMissing, RuntimeError) as exc:
            log.error("face models cannot be loaded: %s", exc)
            self.events.problem("face_model", str(exc))
            self.events.decision(Lock(MODELS_UNAVAILABLE))
            return _STOP
        watcher = FaceWatcher(self.models, self.enrolled, FaceLock(self.settings))
        try:
            frames = self.open_source()
        except CameraError as exc:
            self.events.problem("camera", str(exc))
            self.events.decision(Lock(CAMERA_UNAVAILABLE))
            return _STOP
        started = False
        last_ms: float | None = None
        try:
            for now_ms, rgb in frames:
                command = self._pending()
                if command is not None:
                    return command
                if not started:
                    watcher.start(now_ms / 1000)
                    started = True
                if last_ms is not None and now_ms - last_ms < self.min_interval_ms:
                    continue
                last_ms = now_ms
                checking = watcher.lock.phase is Phase.CHECKING
                result = watcher.process(rgb, now_ms / 1000)
                if checking:
                    self.events.preview(rgb, result)
                if result.decision is not None:
                    self.events.decision(result.decision)
                    if isinstance(result.decision, Lock):
                        return _STOP
        finally:
            frames.close()
        self.events.problem("camera", CAMERA_LOST)
        self.events.decision(Lock(CAMERA_LOST))
        return _STOP

    def _pending(self) -> str | None:
        """A stop or close that arrived since the last frame (a repeated check is ignored)."""
        try:
            command = self._commands.get_nowait()
        except queue.Empty:
            return None
        return None if command == _CHECK else command
