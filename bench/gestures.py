"""Gesture pipeline speed (issue 6 targets), on scenes made from the real hand photos
(tests/hand_kit.py) at 640x480. Figures:
- throughput: face detection + hand landmarks + poses + engagement per frame, as fast as it
  goes, with a hand in view and moving (target >= 25 frames/s);
- hand-to-cursor latency: a clip played in real time at 30 fps through the shared camera
  reader and the real worker; from the moment a frame is published by the camera reader to
  the CursorMove reaching the intent sink (target <= 80 ms), plus the 1€ filter's lag behind
  the raw hand during a steady sweep (measured separately, reported beside it);
- CPU while nobody is in view: the worker on an empty room at 30 fps in real time
  (target <= 30% of one core), and for comparison with someone engaged.

The camera's own exposure and USB transfer time cannot be measured without a camera."""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, percentile, summary_ms  # noqa: E402
from gestures.engagement import Engagement, FaceSeen, HandSeen, Observation, Phase  # noqa: E402
from gestures.frames import CameraSource, monotonic_ms  # noqa: E402
from gestures.pipeline import GestureDetector  # noqa: E402
from gestures.poses import Pose  # noqa: E402
from gestures.worker import GestureLoop, GestureSettings, GestureWorker, WorkerEvents  # noqa: E402
from kiosk import intents as i  # noqa: E402
from kiosk.privacy.faces import native_logs_silenced  # noqa: E402
from tests.face_clips import background, write_clip  # noqa: E402
from tests.hand_kit import ENGAGED_AT, HandScenes  # noqa: E402

FPS = 30


def waving(scenes: HandScenes):
    """The raised hand held still, then moving slowly in a circle (no swipe, no select)."""

    def scene(t: float):
        if t < ENGAGED_AT:
            return scenes.person()
        angle = 2 * math.pi * (t - ENGAGED_AT) / 3.0
        return scenes.person(shift=25 * math.sin(angle), lift=15 * (math.cos(angle) - 1))

    return scene


def throughput(scenes: HandScenes, frames: int) -> str:
    """The worker's per-frame step on frames already in memory, with no frame-rate cap."""
    scene = waving(scenes)
    rendered = [scene(k / FPS) for k in range(frames)]
    with native_logs_silenced():
        detector = GestureDetector()
    engagement = Engagement(lambda intent: None)
    loop = GestureLoop(detector, engagement, GestureSettings(True, fps=1000), lambda n: None)
    times = []
    try:
        for index, rgb in enumerate(rendered):
            started = time.perf_counter()
            loop.process(index * 33, rgb)
            times.append((engagement.phase, time.perf_counter() - started))
    finally:
        detector.close()
    engaged = [t for phase, t in times if phase is Phase.ENGAGED]
    raising = [t for phase, t in times[10:] if phase is Phase.ENGAGING]
    return (
        f"throughput while engaged: {len(engaged) / sum(engaged):.0f} frames/s"
        f" ({summary_ms(engaged)}); while the hand is being raised (two-hand search):"
        f" {len(raising) / sum(raising):.0f} frames/s ({summary_ms(raising)})"
    )


class Timing:
    """Wraps the real detector to know which frame the worker is processing."""

    def __init__(self) -> None:
        self.stamp = 0
        self.latencies: list[float] = []
        self.busy = threading.Lock()

    def detector(self) -> GestureDetector:
        timing = self

        class Timed(GestureDetector):
            def detect(self, timestamp_ms, rgb, with_hands=True, with_faces=True):
                timing.stamp = timestamp_ms
                return super().detect(timestamp_ms, rgb, with_hands, with_faces)

        with native_logs_silenced():
            return Timed()

    def sink(self, intent: i.Intent) -> None:
        if isinstance(intent, i.CursorMove):
            self.latencies.append((monotonic_ms() - self.stamp) / 1000)


def run_worker(clip: Path, seconds: float, timing: Timing) -> tuple[float, int]:
    """Play the clip in real time through the worker; CPU % of one core while it played."""
    settings = GestureSettings(enabled=True, probe_interval_s=60)
    people: list[int] = []
    worker = GestureWorker(
        CameraSource(str(clip)).frames,
        timing.sink,
        settings,
        WorkerEvents(lambda status: None, lambda *device: None, people.append),
        timing.detector,
    )
    time.sleep(1.0)  # models loaded, first frames in
    cpu, wall = time.process_time(), time.monotonic()
    time.sleep(seconds)
    used = (time.process_time() - cpu) / (time.monotonic() - wall)
    worker.stop()
    return 100 * used, max(people, default=0)


def filter_lag_ms() -> float:
    """How far the filtered cursor trails a hand sweeping at a steady 1 cursor-area/s."""
    face = FaceSeen(0.67, 0.30, 0.12)
    moves: list[tuple[float, float]] = []
    clock = {"t": 0}
    engagement = Engagement(lambda intent: moves.append((clock["t"], intent.x)))
    width = 2.4 * face.height
    for k in range(300):
        clock["t"] = k * 33
        seconds = max(0.0, k * 0.033 - 3.5)
        x = 0.80 + width * 0.4 * math.sin(2 * math.pi * seconds / (4 * 0.8)) if seconds else 0.80
        hand = HandSeen("Right", Pose.OPEN_PALM, x, 0.30)
        engagement.update(Observation(clock["t"], (hand,), (face,)))
    # raw cursor position at time t, and the delay that best aligns the filtered one with it
    samples = [(t, x) for t, x in moves if t > 4000]

    def raw(t_ms: float) -> float:
        seconds = t_ms / 1000 - 3.5
        return 0.5 + 0.4 * math.sin(2 * math.pi * seconds / 3.2)

    def error(delay: float) -> float:
        return sum((x - raw(t - delay)) ** 2 for t, x in samples)

    return min(range(0, 200), key=error)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=360, help="throughput frames (3 s raise)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per CPU measurement")
    args = parser.parse_args()
    print(machine_note())
    with native_logs_silenced():
        scenes = HandScenes()
    print(throughput(scenes, args.frames))
    with tempfile.TemporaryDirectory() as folder:
        moving = write_clip(
            Path(folder) / "moving.avi", waving(scenes), ENGAGED_AT + args.seconds + 3, FPS
        )
        room = write_clip(Path(folder) / "room.avi", lambda t: background(), args.seconds + 3, FPS)
        timing = Timing()
        active_cpu, _ = run_worker(moving, args.seconds, timing)
        latencies = timing.latencies
        lag = filter_lag_ms()
        print(
            f"hand-to-cursor: frame published -> CursorMove at the sink: {summary_ms(latencies)};"
            f" 1€ filter lag during a steady sweep: ~{lag} ms;"
            f" p95 total ~{percentile([v * 1000 for v in latencies], 95) + lag:.0f} ms"
        )
        idle_cpu, people = run_worker(room, args.seconds, Timing())
        print(
            f"CPU, nobody in view: {idle_cpu:.1f}% of one core (camera reader at {FPS} fps +"
            f" face detection 5 times a second); someone engaged: {active_cpu:.0f}%"
        )
        assert people == 0 and statistics.median(latencies) > 0
    print(machine_note())
    return 0


if __name__ == "__main__":
    sys.exit(main())
