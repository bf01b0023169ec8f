"""Frame sources: video files, image sequences and the shared camera (a file stands in for it)."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from gestures.frames import (
    CameraSource,
    ImageSequenceSource,
    SourceUnavailable,
    VideoFileSource,
    open_source,
)

BLUE_BGR = (255, 0, 0)


def write_clip(path: Path, frames: int = 10, fps: float = 20.0) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (64, 48))
    for index in range(frames):
        image = np.zeros((48, 64, 3), np.uint8)
        image[:] = BLUE_BGR
        cv2.putText(image, str(index), (5, 40), cv2.FONT_HERSHEY_SIMPLEX, 1, (255, 255, 255))
        writer.write(image)
    writer.release()
    return path


def test_video_file_frames_are_rgb_and_stamped_by_the_frame_rate(tmp_path):
    clip = write_clip(tmp_path / "clip.avi", frames=10, fps=20)
    frames = list(VideoFileSource(clip).frames())
    assert [stamp for stamp, _ in frames] == [index * 50 for index in range(10)]
    stamp, rgb = frames[0]
    assert rgb.shape == (48, 64, 3) and rgb.dtype == np.uint8
    assert rgb[0, 0, 2] > 200 and rgb[0, 0, 0] < 50  # blue is the last channel in RGB


def test_missing_or_broken_files_say_what_is_wrong(tmp_path):
    with pytest.raises(SourceUnavailable, match="cannot be opened: it does not exist"):
        VideoFileSource(tmp_path / "nothing.avi").frames()
    broken = tmp_path / "broken.avi"
    broken.write_bytes(b"not a video at all")
    with pytest.raises(SourceUnavailable, match="cannot be opened: not a video"):
        VideoFileSource(broken).frames()
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceUnavailable, match="no images"):
        ImageSequenceSource(tmp_path / "empty")
    with pytest.raises(SourceUnavailable, match="not found"):
        ImageSequenceSource([tmp_path / "gone.png"]).frames()


def test_image_sequence_in_name_order_with_increasing_stamps(tmp_path):
    for name, value in (("b.png", 200), ("a.png", 100), ("c.jpg", 50)):
        cv2.imwrite(str(tmp_path / name), np.full((20, 30, 3), value, np.uint8))
    (tmp_path / "notes.txt").write_text("not an image")
    frames = list(ImageSequenceSource(tmp_path, fps=4).frames())
    assert [stamp for stamp, _ in frames] == [0, 250, 500]
    assert [int(rgb[0, 0, 0]) for _, rgb in frames][:2] == [100, 200]


def test_an_unreadable_image_stops_the_sequence_with_its_name(tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_text("text, not a JPEG")
    frames = ImageSequenceSource([fake]).frames()
    with pytest.raises(SourceUnavailable, match="fake.jpg cannot be read"):
        next(frames)


def test_no_camera_is_a_clear_state_not_a_crash():
    with pytest.raises(SourceUnavailable, match="no camera|cannot be opened"):
        CameraSource(97).frames()


def test_open_source_picks_the_kind_from_the_argument(tmp_path):
    cv2.imwrite(str(tmp_path / "hand.png"), np.zeros((8, 8, 3), np.uint8))
    assert isinstance(open_source(tmp_path / "hand.png"), ImageSequenceSource)
    assert isinstance(open_source(tmp_path), ImageSequenceSource)
    assert isinstance(open_source(tmp_path / "clip.mp4"), VideoFileSource)
    assert isinstance(open_source("0"), CameraSource)


def test_a_camera_is_shared_by_consumers_and_can_be_opened_again(tmp_path):
    """Two consumers of one device (gesture cursor and face lock) both get frames from one
    reader, with increasing monotonic timestamps; when the stand-in file ends both see the
    camera gone, and the device can be opened again afterwards."""
    clip = str(write_clip(tmp_path / "camera.avi", frames=12, fps=40))
    received: dict[str, list[int]] = {"cursor": [], "face": []}

    def consume(name: str, frames) -> None:
        for stamp, rgb in frames:
            assert rgb.shape == (48, 64, 3)
            received[name].append(stamp)

    first, second = CameraSource(clip).frames(), CameraSource(clip).frames()
    threads = [
        threading.Thread(target=consume, args=("cursor", first)),
        threading.Thread(target=consume, args=("face", second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    for stamps in received.values():
        assert stamps and all(b > a for a, b in zip(stamps, stamps[1:], strict=False))
        assert len(stamps) <= 12
    again = CameraSource(clip).frames()
    later = next(again)[0]
    again.close()
    assert later > max(received["cursor"] + received["face"])
