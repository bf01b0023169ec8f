"""The gesture pipeline on clips made from the real photos: recorded landmark sequences
replayed through the event logic, and the worker thread with a camera that is missing, appears
later, or shows an empty room."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

import numpy as np
import pytest

from gestures.engagement import Engagement, Phase
from gestures.frames import CameraSource, SourceUnavailable
from gestures.pipeline import FrameResult, GestureDetector, observe
from gestures.worker import (
    CAMERA_PROBLEM,
    MODEL_PROBLEM,
    GestureSettings,
    GestureWorker,
    WorkerEvents,
)
from kiosk import intents as i
from kiosk.config import ConfigError
from kiosk.privacy.models import ModelMissing
from tests.face_clips import background, write_clip

ROOT = Path(__file__).resolve().parents[2]


def replay(records: list[dict]) -> tuple[list[tuple[int, i.Intent]], list]:
    """Recorded frames through observe and the engagement logic: (time, intent) pairs."""
    out: list[tuple[int, i.Intent]] = []
    statuses = []
    clock = {"now": 0}
    engagement = Engagement(
        lambda intent: out.append((clock["now"], intent)), None, statuses.append
    )
    for record in records:
        result = FrameResult.from_json(record)
        clock["now"] = result.timestamp_ms
        engagement.update(observe(result))
    return out, statuses


def kinds(events) -> list[str]:
    return [type(intent).__name__ for _, intent in events if not isinstance(intent, i.CursorMove)]


def test_recorded_swipe_engages_after_three_seconds_and_pages_once(recorded_clips):
    events, _ = replay(recorded_clips["swipe"])
    raised_from = recorded_clips["swipe"][0]["t_ms"]
    first_cursor = next(t for t, intent in events if isinstance(intent, i.CursorMove))
    assert 3000 <= first_cursor - raised_from <= 3300
    assert kinds(events) == ["Next"]


def test_recorded_select_selects_once_where_the_hand_points(recorded_clips):
    events, statuses = replay(recorded_clips["select"])
    assert kinds(events) == ["Select"]
    moves = [intent for _, intent in events if isinstance(intent, i.CursorMove)]
    assert (moves[-1].x, moves[-1].y) == pytest.approx((0.62, 0.67), abs=0.04)
    assert any(status.selected for status in statuses)


def test_settings_from_the_config_table():
    example = tomllib.loads((ROOT / "packaging" / "kiosk.example.toml").read_text("utf-8"))
    assert GestureSettings.from_config(example["gestures"], "mayor").fps == 30
    assert GestureSettings.from_config({}, "mayor").enabled
    assert not GestureSettings.from_config({}, "station").enabled
    settings = GestureSettings.from_config(
        {"enabled": True, "camera": "2", "mirrored": True, "engage_s": 2}, "station"
    )
    assert settings.camera == 2 and settings.mirrored and settings.engagement.engage_s == 2.0
    with pytest.raises(ConfigError, match="unknown settings: fsp"):
        GestureSettings.from_config({"fsp": 10}, "mayor")
    with pytest.raises(ConfigError, match="must be numbers"):
        GestureSettings.from_config({"fps": "fast"}, "mayor")


class Recorder:
    def __init__(self) -> None:
        self.intents: list[i.Intent] = []
        self.devices: list[tuple[str, bool, str]] = []
        self.people: list[int] = []
        self.changed = threading.Event()

    def events(self) -> WorkerEvents:
        return WorkerEvents(lambda status: None, self._device, self.people.append)

    def _device(self, kind: str, ok: bool, message: str) -> None:
        self.devices.append((kind, ok, message))
        self.changed.set()

    def sink(self, intent: i.Intent) -> None:
        self.intents.append(intent)


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        deadline.wait(0.05)
    raise AssertionError("timed out")


def test_a_camera_that_appears_later_is_picked_up(hand_clips):
    attempts = []

    def open_source():
        attempts.append(1)
        if len(attempts) < 3:
            raise SourceUnavailable("no camera: /dev/video0 does not exist")
        return CameraSource(str(hand_clips["swipe"])).frames()

    recorder = Recorder()
    settings = GestureSettings(enabled=True, probe_interval_s=0.1)
    worker = GestureWorker(open_source, recorder.sink, settings, recorder.events())
    try:
        wait_for(lambda: any(isinstance(intent, i.Next) for intent in recorder.intents))
        wait_for(lambda: camera_lost(recorder))  # the clip ended: the camera is gone again
    finally:
        worker.stop()
    camera = [(ok, message) for kind, ok, message in recorder.devices if kind == CAMERA_PROBLEM]
    assert camera[:3] == [
        (False, "no camera: /dev/video0 does not exist"),
        (False, "no camera: /dev/video0 does not exist"),
        (True, "camera ok"),
    ]
    assert 1 in recorder.people
    # the cursor was released and nobody is counted any more
    assert isinstance(recorder.intents[-1], i.CursorRelease) and recorder.people[-1] == 0


def camera_lost(recorder: Recorder) -> bool:
    return (CAMERA_PROBLEM, False, "camera stopped delivering frames") in recorder.devices


def test_missing_models_are_reported_and_the_worker_ends():
    recorder = Recorder()

    def no_models():
        raise ModelMissing("model file models/hand_landmarker.task is missing")

    worker = GestureWorker(
        lambda: iter(()), recorder.sink, GestureSettings(enabled=True), recorder.events(), no_models
    )
    worker.stop()
    assert recorder.devices == [
        (MODEL_PROBLEM, False, "model file models/hand_landmarker.task is missing")
    ]


class CountingDetector(GestureDetector):
    """The real detector, remembering when it was asked for hands."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[bool] = []

    def detect(self, timestamp_ms: int, rgb: np.ndarray, with_hands=True, with_faces=True):
        self.calls.append(with_hands)
        return super().detect(timestamp_ms, rgb, with_hands, with_faces)


def test_an_empty_room_is_watched_a_few_times_a_second_without_the_hand_model(tmp_path: Path):
    room = write_clip(tmp_path / "room.avi", lambda t: background(), 2.0, fps=30)
    detectors: list[CountingDetector] = []

    def make_detector():
        detectors.append(CountingDetector())
        return detectors[-1]

    recorder = Recorder()
    settings = GestureSettings(enabled=True, probe_interval_s=60)
    worker = GestureWorker(
        CameraSource(str(room)).frames, recorder.sink, settings, recorder.events(), make_detector
    )
    try:
        wait_for(lambda: camera_lost(recorder))
    finally:
        worker.stop()
    calls = detectors[0].calls
    assert 6 <= len(calls) <= 12  # 5 a second over 2 s, of 60 frames
    assert not any(calls)
    assert recorder.people == [0] and not recorder.intents
    assert worker.engagement.phase is Phase.IDLE
