"""Frames for the face check: a camera, or a video file played at its own pace (demos, tests).

Opened only while private mode is being checked or is unlocked, so the camera is off (and
its light dark) the rest of the time."""

from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np

Frame = tuple[int, np.ndarray]  # (milliseconds, RGB pixels)


class CameraError(RuntimeError):
    """The camera or file cannot be opened or stopped delivering frames."""


def describe_source(source: str | int) -> str:
    return f"camera {source}" if isinstance(source, int) else f"video file {source}"


def parse_source(value: object) -> str | int:
    """The ``[private] camera`` setting: a device index (0) or a video file path."""
    text = str(value).strip()
    return int(text) if text.isdigit() else text


def open_frames(source: str | int, width: int = 640, height: int = 480) -> Iterator[Frame]:
    """Yield (time in ms, RGB frame); a file plays in real time, like a camera would deliver it."""
    import cv2

    capture = cv2.VideoCapture(source)
    if not capture.isOpened():
        raise CameraError(f"{describe_source(source)} cannot be opened")
    is_file = isinstance(source, str)
    if not is_file:
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
    return _frames(capture, is_file)


def _frames(capture, is_file: bool) -> Iterator[Frame]:
    import cv2

    interval = 1.0 / (capture.get(cv2.CAP_PROP_FPS) or 30.0)
    started = time.monotonic()
    index = 0
    try:
        while True:
            ok, bgr = capture.read()
            if not ok:
                return
            if is_file:
                delay = started + index * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                index += 1
            now_ms = int((time.monotonic() - started) * 1000)
            yield now_ms, cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    finally:
        capture.release()
