"""``main.py gesture``: what the gesture pipeline sees in a photo or a video, or the pose of
one hand given as landmarks.

Exit status: 0 done, 1 the input cannot be used (unreadable file, bad landmarks, models
missing), 2 a usage error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig

HANDEDNESS = ("Left", "Right")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    gesture = sub.add_parser(
        "gesture",
        parents=[common],
        help="hands, poses and gesture events in a photo or video, or a pose from landmarks",
        description="Run the gesture pipeline on a photo, a directory of photos or a video"
        " file: per frame, the hands found with handedness and pose; for a video also the"
        " gesture events (engaged, select, next, previous, released). With --landmarks,"
        ' classify one hand from a JSON file: {"handedness": "Left"|"Right",'
        ' "landmarks": [[x, y, z], ... 21 points in MediaPipe order, image-normalized]}.',
    )
    gesture.add_argument("source", nargs="?", metavar="IMAGE_OR_VIDEO", type=Path)
    gesture.add_argument("--landmarks", metavar="FILE.json", type=Path)
    gesture.add_argument("--json", action="store_true", help="print JSON instead of text")
    gesture.add_argument(
        "--mirrored",
        action="store_true",
        help="the picture is a mirror image (a selfie preview): flip it back for handedness",
    )
    gesture.set_defaults(handler=cmd_gesture)


def cmd_gesture(args: argparse.Namespace, config: KioskConfig) -> int:
    if (args.source is None) == (args.landmarks is None):
        return fail("give either IMAGE_OR_VIDEO or --landmarks FILE.json", 2)
    if args.landmarks is not None:
        return classify_file(args.landmarks, args.json)
    return watch(args.source, args.json, args.mirrored)


def fail(message: str, code: int = 1) -> int:
    print(f"gesture: {message}", file=sys.stderr)
    return code


def classify_file(path: Path, as_json: bool) -> int:
    from gestures.poses import classify

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return fail(f"{path} cannot be read: {exc.strerror or exc}")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return fail(f"{path} is not valid JSON: {exc}")
    if not isinstance(data, dict) or "landmarks" not in data:
        return fail(f'{path} needs an object with "handedness" and "landmarks"')
    handedness = data.get("handedness")
    if handedness not in HANDEDNESS:
        return fail(f'"handedness" must be "Left" or "Right", not {handedness!r}')
    try:
        pose = classify(data["landmarks"])
    except (TypeError, ValueError) as exc:
        return fail(f'"landmarks" must be 21 points of [x, y, z] numbers ({exc})')
    print(json.dumps({"pose": pose.value}) if as_json else f"{handedness} hand: {pose.value}")
    return 0


def watch(path: Path, as_json: bool, mirrored: bool) -> int:
    from gestures.frames import ImageSequenceSource, SourceUnavailable, open_source
    from kiosk.privacy.faces import native_logs_silenced
    from kiosk.privacy.models import ModelMissing

    if not path.exists():
        return fail(f"{path} does not exist")
    source = open_source(path)
    is_video = not isinstance(source, ImageSequenceSource)
    try:
        with native_logs_silenced():
            from gestures.pipeline import GestureDetector

            detector = GestureDetector(mirrored=mirrored, video=is_video)
    except ModelMissing as exc:
        return fail(str(exc))
    report = Report(mirrored)
    try:
        with native_logs_silenced():
            frames = source.frames()
            for stamp, rgb in frames:
                report.frame(detector.detect(stamp, rgb))
    except SourceUnavailable as exc:
        return fail(str(exc))
    finally:
        with native_logs_silenced():
            detector.close()
    if not report.frames:
        return fail(f"{path}: no frames could be read")
    if as_json:
        print(json.dumps(report.as_json(path, is_video), ensure_ascii=False, indent=1))
    else:
        print(report.as_text(path, is_video))
    return 0


class Report:
    """Frames and gesture events, collected as the pipeline runs."""

    def __init__(self, mirrored: bool):
        from gestures.engagement import Engagement

        self.mirrored = mirrored
        self.frames: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.cursor: tuple[float, float] | None = None
        self.now = 0
        self.phase = None
        self.engagement = Engagement(self._on_intent, on_status=self._on_status)

    def frame(self, result) -> None:
        from gestures.pipeline import observe, palm_centre

        self.now = result.timestamp_ms
        self.engagement.update(observe(result))
        hands = []
        for hand, pose in zip(result.hands, result.poses(), strict=True):
            x, y = palm_centre(hand)
            hands.append(
                {
                    "handedness": hand.handedness,
                    "pose": pose.value,
                    "score": round(hand.score, 2),
                    "x": round(1 - x if self.mirrored else x, 3),  # in the picture as given
                    "y": round(y, 3),
                }
            )
        cursor = [round(v, 3) for v in self.cursor] if self.cursor else None
        self.frames.append(
            {"t_ms": self.now, "faces": len(result.faces), "hands": hands, "cursor": cursor}
        )

    def _on_intent(self, intent) -> None:
        from kiosk import intents as i

        if isinstance(intent, i.CursorMove):
            self.cursor = (intent.x, intent.y)
            return
        if isinstance(intent, i.CursorRelease):
            self.cursor = None
        names = {i.Select: "select", i.Next: "next", i.Previous: "previous"}
        self._event(names.get(type(intent), "released"))

    def _on_status(self, status) -> None:
        if status.phase != self.phase:
            self.phase = status.phase
            if status.phase.value != "idle":
                self._event(status.phase.value)

    def _event(self, name: str) -> None:
        self.events.append({"t_ms": self.now, "event": name})

    def as_json(self, path: Path, is_video: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"source": str(path), "frames": self.frames}
        if is_video:
            data["events"] = self.events
        return data

    def as_text(self, path: Path, is_video: bool) -> str:
        lines = [f"{path}: {len(self.frames)} frame{'s' if len(self.frames) != 1 else ''}"]
        for frame in self.frames:
            found = ", ".join(
                f"{h['handedness']} hand {h['pose']} at ({h['x']:.2f}, {h['y']:.2f})"
                for h in frame["hands"]
            )
            line = f"{frame['t_ms'] / 1000:7.2f} s  {frame['faces']} face(s)  {found or 'no hands'}"
            if frame["cursor"]:
                line += "  cursor ({:.2f}, {:.2f})".format(*frame["cursor"])
            lines.append(line)
        if is_video:
            lines.append("events:" if self.events else "events: none")
            lines += [f"{e['t_ms'] / 1000:7.2f} s  {e['event']}" for e in self.events]
        return "\n".join(lines)
