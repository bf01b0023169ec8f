"""Frames for the face check: a camera, or a video file played at its own pace (demos, tests).

The camera is opened through ``gestures.frames``, which shares one reader per device: the
gesture cursor may be watching the same camera. Opened only while private mode is being
checked or is unlocked, so the face check never holds the camera (or its light) on its own
the rest of the time."""

from __future__ import annotations

from collections.abc import Iterator

from gestures.frames import CameraSource, Frame, SourceUnavailable, describe_device, parse_device

CameraError = SourceUnavailable  # the camera or file cannot be opened
describe_source = describe_device
parse_source = parse_device  # the ``[private] camera`` setting: a device index or a video file


def open_frames(source: str | int, width: int = 640, height: int = 480) -> Iterator[Frame]:
    """Yield (ms since opening, RGB frame); a file plays in real time, like a camera would."""
    return _from_zero(CameraSource(source, width, height).frames())


def _from_zero(frames: Iterator[Frame]) -> Iterator[Frame]:
    first = None
    try:
        for stamp, rgb in frames:
            first = stamp if first is None else first
            yield stamp - first, rgb
    finally:
        frames.close()
