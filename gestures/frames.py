"""Where frames come from: a camera, a video file or a sequence of images.

Every source yields ``(timestamp_ms, rgb)`` with strictly increasing timestamps (MediaPipe's
VIDEO mode refuses anything else). ``frames()`` opens the source at once, raising
``SourceUnavailable`` with the reason, and returns a generator to iterate on a worker thread
(never the UI thread); closing the generator releases the source. No Qt here.

A camera is shared inside the process: a V4L2 device streams to one opener only, and in the
mayor's kiosk the gesture cursor and the face lock watch the same camera at the same time. One
reader thread per device keeps the newest frame; each consumer takes the newest one when it
is ready for it, so a slow consumer skips frames instead of falling behind."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

Frame = tuple[int, np.ndarray]  # (timestamp in ms, RGB pixels H x W x 3, uint8)

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".webp")
DEFAULT_FPS = 30.0  # when a video file does not say


class SourceUnavailable(RuntimeError):
    """No camera there, or a file that cannot be read; the message says which and why."""


class FrameSource(Protocol):
    description: str

    def frames(self) -> Iterator[Frame]:
        """Open now (or raise SourceUnavailable) and yield frames until the source ends."""
        ...


def monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class _Increasing:
    """Makes timestamps strictly increasing (two frames in the same millisecond, a clock step)."""

    def __init__(self) -> None:
        self.last = -1

    def __call__(self, stamp: int) -> int:
        self.last = max(stamp, self.last + 1)
        return self.last


def _rgb(bgr: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def _file_fps(capture) -> float:
    import cv2

    fps = capture.get(cv2.CAP_PROP_FPS)
    return fps if 0 < fps <= 1000 else DEFAULT_FPS


def _open_video(path: Path):
    import cv2

    if not path.is_file():
        raise SourceUnavailable(f"video file {path} cannot be opened: it does not exist")
    capture = cv2.VideoCapture(str(path))
    if not capture.isOpened():
        raise SourceUnavailable(
            f"video file {path} cannot be opened: not a video OpenCV can decode"
        )
    return capture


class VideoFileSource:
    """Every frame of a video file, stamped by its frame rate (``realtime``: paced like a camera)."""

    def __init__(self, path: str | Path, realtime: bool = False):
        self.path = Path(path)
        self.realtime = realtime
        self.description = f"video file {self.path}"

    def frames(self) -> Iterator[Frame]:
        capture = _open_video(self.path)
        return self._frames(capture)

    def _frames(self, capture) -> Iterator[Frame]:
        interval_ms = 1000.0 / _file_fps(capture)
        stamps = _Increasing()
        started = time.monotonic()
        index = 0
        try:
            while True:
                ok, bgr = capture.read()
                if not ok:
                    return
                stamp = stamps(round(index * interval_ms))
                if self.realtime:
                    _sleep_until(started + stamp / 1000)
                yield stamp, _rgb(bgr)
                index += 1
        finally:
            capture.release()


class ImageSequenceSource:
    """Still images as frames ``1/fps`` apart (a directory is read in name order)."""

    def __init__(self, paths: Sequence[str | Path] | str | Path, fps: float = 10.0):
        if isinstance(paths, (str, Path)):
            folder = Path(paths)
            paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            if not paths:
                raise SourceUnavailable(f"no images ({', '.join(IMAGE_SUFFIXES)}) in {folder}")
        self.paths = [Path(p) for p in paths]
        self.interval_ms = 1000.0 / fps
        self.description = (
            f"image {self.paths[0]}" if len(self.paths) == 1 else f"{len(self.paths)} images"
        )

    def frames(self) -> Iterator[Frame]:
        missing = [str(p) for p in self.paths if not p.is_file()]
        if missing:
            raise SourceUnavailable(f"image file not found: {', '.join(missing)}")
        return self._frames()

    def _frames(self) -> Iterator[Frame]:
        import cv2

        stamps = _Increasing()
        for index, path in enumerate(self.paths):
            bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if bgr is None:
                raise SourceUnavailable(
                    f"image {path} cannot be read (not an image OpenCV decodes)"
                )
            yield stamps(round(index * self.interval_ms)), _rgb(bgr)


class CameraSource:
    """A live camera by device index, or a video file played in real time standing in for one
    (demos and tests: there is no camera on a build machine). Shared by every consumer in the
    process; timestamps come from the monotonic clock, so they keep increasing across reopens."""

    def __init__(self, device: int | str, width: int = 640, height: int = 480):
        self.device = device
        self.size = (width, height)
        self.description = describe_device(device)

    def frames(self) -> Iterator[Frame]:
        return _SharedCamera.join(self.device, self.size)


def describe_device(device: int | str) -> str:
    return f"camera {device}" if isinstance(device, int) else f"video file {device} (as a camera)"


def parse_device(value: object) -> int | str:
    """A camera setting: a device index (``0``) or a video file standing in for the camera."""
    text = str(value).strip()
    return int(text) if text.isdigit() else text


def open_source(spec: str | Path, realtime: bool = False) -> FrameSource:
    """The source a command-line argument names: a device index, an image, a directory of
    images, or a video file."""
    text = str(spec)
    if text.isdigit():
        return CameraSource(int(text))
    path = Path(text)
    if path.is_dir() or path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSequenceSource(path if path.is_dir() else [path])
    return VideoFileSource(path, realtime=realtime)


def _sleep_until(deadline: float) -> None:
    delay = deadline - time.monotonic()
    if delay > 0:
        time.sleep(delay)


class _SharedCamera:
    """One reader thread per device, keeping the newest frame for any number of consumers."""

    _registry: dict[int | str, _SharedCamera] = {}
    _registry_lock = threading.Lock()

    def __init__(self, device: int | str, size: tuple[int, int]):
        self.device = device
        self.capture = _open_capture(device, size)
        self.is_file = isinstance(device, str)
        self.changed = threading.Condition()
        self.latest: tuple[int, np.ndarray] | None = None
        self.sequence = 0
        self.ended = False
        self.consumers = 0
        self.thread = threading.Thread(target=self._read, name=f"camera-{device}", daemon=True)

    @classmethod
    def join(cls, device: int | str, size: tuple[int, int]) -> Iterator[Frame]:
        with cls._registry_lock:
            camera = cls._registry.get(device)
            if camera is None or camera.ended:
                camera = cls(device, size)  # raises SourceUnavailable
                cls._registry[device] = camera
                camera.consumers = 1
                camera.thread.start()
            else:
                camera.consumers += 1
        return camera._frames()

    def _read(self) -> None:
        interval = 1.0 / _file_fps(self.capture) if self.is_file else 0.0
        stamps = _Increasing()
        started = time.monotonic()
        index = 0
        try:
            while self.consumers > 0:
                ok, bgr = self.capture.read()
                if not ok:
                    return
                if self.is_file:  # a real camera's read() waits for the next frame itself
                    index += 1
                    _sleep_until(started + index * interval)
                with self.changed:
                    self.latest = (stamps(monotonic_ms()), bgr)
                    self.sequence += 1
                    self.changed.notify_all()
        finally:
            self.capture.release()
            with self.changed:
                self.ended = True
                self.changed.notify_all()

    def _frames(self) -> Iterator[Frame]:
        seen = 0
        try:
            while True:
                with self.changed:
                    while self.sequence == seen and not self.ended:
                        self.changed.wait()
                    if self.sequence == seen:
                        return  # the camera stopped delivering (unplugged, or the file ended)
                    seen = self.sequence
                    stamp, bgr = self.latest
                yield stamp, _rgb(bgr)
        finally:
            self._leave()

    def _leave(self) -> None:
        with self._registry_lock:
            self.consumers -= 1
            if self.consumers > 0:
                return
            if self._registry.get(self.device) is self:
                del self._registry[self.device]
            # the device is free again only once the reader has released it (at most a frame)
            self.thread.join(timeout=2.0)


def _open_capture(device: int | str, size: tuple[int, int]):
    import cv2

    if isinstance(device, str):
        return _open_video(Path(device))
    if sys.platform.startswith("linux"):
        node = Path(f"/dev/video{device}")
        if not node.exists():  # checked first: OpenCV would print several warnings
            raise SourceUnavailable(f"no camera: {node} does not exist")
        capture = cv2.VideoCapture(device, cv2.CAP_V4L2)
    else:
        capture = cv2.VideoCapture(device)
    if not capture.isOpened():
        raise SourceUnavailable(f"camera {device} cannot be opened (in use or not a camera)")
    capture.set(cv2.CAP_PROP_FRAME_WIDTH, size[0])
    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, size[1])
    return capture
