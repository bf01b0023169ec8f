"""``main.py enroll`` and ``main.py verify``: manage the enrolled faces, check photos against them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kiosk.config import ConfigError, KioskConfig

if TYPE_CHECKING:
    from kiosk.privacy.faces import FaceDetector

SAME_PERSON_LIMIT = 0.6  # enrolment photos further apart than this are not one person
CAMERA_SHOTS = 5
CAMERA_GAP_S = 0.4
CAMERA_TIMEOUT_S = 20.0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    enroll = sub.add_parser(
        "enroll",
        parents=[common],
        help="enrol a face for private mode (stores encrypted embeddings, never images)",
        description="Enrol a person for the mayor's private mode from photos (one face each) or"
        " from the camera. Only face embeddings are stored, encrypted, in the data directory.",
    )
    enroll.add_argument("name", nargs="?", metavar="NAME", help="who the face belongs to")
    enroll.add_argument("images", nargs="*", type=Path, metavar="IMAGE", help="photos of NAME")
    enroll.add_argument(
        "--camera",
        nargs="?",
        const="",
        metavar="SOURCE",
        help=f"take {CAMERA_SHOTS} shots from the camera instead of photos (default: the"
        " [private] camera setting; a device index or a video file)",
    )
    enroll.add_argument("--list", action="store_true", help="list the enrolled names")
    enroll.add_argument("--remove", metavar="NAME", help="forget an enrolled name")
    enroll.set_defaults(handler=cmd_enroll)
    verify = sub.add_parser(
        "verify",
        parents=[common],
        help="check photos against the enrolled faces (identity only, no liveness)",
    )
    verify.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    verify.add_argument("--json", action="store_true", help="one JSON object per image")
    verify.set_defaults(handler=cmd_verify)


def fail(command: str, message: str, code: int = 2) -> int:
    print(f"{command}: {message}", file=sys.stderr)
    return code


def read_rgb(path: Path) -> np.ndarray:
    """An image file as RGB pixels; ValueError with the reason when it cannot be read."""
    import cv2

    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if bgr is None:
        raise ValueError(f"{path}: not an image OpenCV can read")
    return np.ascontiguousarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))


@contextmanager
def quiet_detector() -> Iterator[FaceDetector]:
    """A face detector whose runtime log lines do not drown the command's output."""
    from kiosk.privacy.faces import FaceDetector, native_logs_silenced

    with native_logs_silenced():
        detector = FaceDetector()
        detector.detect(np.zeros((480, 640, 3), np.uint8))  # first-call warnings
    try:
        yield detector
    finally:
        with native_logs_silenced():
            detector.close()


def cmd_enroll(args: argparse.Namespace, config: KioskConfig) -> int:
    from kiosk.privacy.camera import parse_source
    from kiosk.privacy.enrolment import EnrolmentError, EnrolmentStore
    from kiosk.privacy.lock import LockSettings

    try:
        store = EnrolmentStore(config.data_dir)
        if args.list:
            people = store.load()
            for name in sorted(people):
                print(f"{name}\t{len(people[name])} embedding(s)")
            if not people:
                print("nobody is enrolled", file=sys.stderr)
            return 0
        if args.remove:
            if not store.remove(args.remove):
                return fail("enroll", f"{args.remove!r} is not enrolled", 1)
            print(f"removed {args.remove}")
            return 0
        if not args.name or bool(args.images) == (args.camera is not None):
            return fail(
                "enroll", "give NAME and either IMAGE files or --camera (or --list, --remove)"
            )
        section = config.section("private")
        settings = LockSettings.from_config(section)
        if args.camera is not None:
            source = parse_source(args.camera or section.get("camera", 0))
            embeddings = embed_from_camera(source, settings)
        else:
            embeddings = embed_photos(args.images, settings)
        if embeddings is None:
            return 1
        store.add(args.name, store.load().get(args.name, []) + embeddings)
    except (EnrolmentError, ConfigError) as exc:
        return fail("enroll", str(exc), 1)
    total = len(store.load()[args.name])
    print(f"enrolled {args.name}: {len(embeddings)} new, {total} embedding(s) in total")
    return 0


def embed_one_face(rgb: np.ndarray, detector, encoder, settings) -> tuple[np.ndarray | None, str]:
    """The embedding of the one meaningful face in a picture, or None and what is wrong."""
    faces = [f for f in detector.detect(rgb) if settings.meaningful(f.size, f.score)]
    if not faces:
        return None, "no face found"
    if len(faces) > 1:
        return None, f"{len(faces)} faces found; use a photo of one person only"
    return encoder.embed(rgb, faces[0]), ""


def refuse_mixed_people(embedded: list[tuple[str, np.ndarray]]) -> list[str]:
    """Pairs of pictures that look like different people (a wrong photo among the right ones)."""
    problems = []
    for index, (first, first_embedding) in enumerate(embedded):
        for second, second_embedding in embedded[index + 1 :]:
            distance = float(np.linalg.norm(first_embedding - second_embedding))
            if distance > SAME_PERSON_LIMIT:
                problems.append(
                    f"{first} and {second} look like different people (distance {distance:.2f})"
                )
    return problems


def report(embedded: list[tuple[str, np.ndarray]], problems: list[str]) -> list[np.ndarray] | None:
    problems = problems + refuse_mixed_people(embedded)
    for problem in problems:
        print(f"enroll: {problem}", file=sys.stderr)
    if problems or not embedded:
        print("enroll: nothing was stored", file=sys.stderr)
        return None
    return [embedding for _, embedding in embedded]


def embed_photos(paths: list[Path], settings) -> list[np.ndarray] | None:
    """One embedding per photo; None (after saying why) when any photo is unusable."""
    from kiosk.privacy.identity import FaceEncoder

    encoder = FaceEncoder()
    embedded: list[tuple[str, np.ndarray]] = []
    problems: list[str] = []
    with quiet_detector() as detector:
        for path in paths:
            try:
                rgb = read_rgb(path)
            except ValueError as exc:
                problems.append(str(exc))
                continue
            embedding, problem = embed_one_face(rgb, detector, encoder, settings)
            if embedding is None:
                problems.append(f"{path}: {problem}")
            else:
                embedded.append((str(path), embedding))
    return report(embedded, problems)


def embed_from_camera(source: str | int, settings) -> list[np.ndarray] | None:
    """CAMERA_SHOTS embeddings from frames with exactly one face, at least CAMERA_GAP_S apart."""
    from kiosk.privacy.camera import CameraError, describe_source, open_frames
    from kiosk.privacy.identity import FaceEncoder

    encoder = FaceEncoder()
    embedded: list[tuple[str, np.ndarray]] = []
    last_problem = "no frame"
    print(
        f"enroll: look at {describe_source(source)}; turn your head a little between shots",
        file=sys.stderr,
    )
    with quiet_detector() as detector:
        try:
            frames = open_frames(source)
        except CameraError as exc:
            return report([], [str(exc)])
        last_shot_ms = -CAMERA_GAP_S * 1000
        for now_ms, rgb in frames:
            if now_ms > CAMERA_TIMEOUT_S * 1000 or len(embedded) == CAMERA_SHOTS:
                break
            if now_ms - last_shot_ms < CAMERA_GAP_S * 1000:
                continue
            embedding, last_problem = embed_one_face(rgb, detector, encoder, settings)
            if embedding is not None:
                last_shot_ms = now_ms
                embedded.append((f"camera shot {len(embedded) + 1}", embedding))
                print(f"enroll: shot {len(embedded)} of {CAMERA_SHOTS}", file=sys.stderr)
        frames.close()
    if len(embedded) < CAMERA_SHOTS:
        return report(
            [],
            [
                f"only {len(embedded)} of {CAMERA_SHOTS} usable shots in {CAMERA_TIMEOUT_S:.0f} s"
                f" (last frame: {last_problem or 'ok'})"
            ],
        )
    return report(embedded, [])


def cmd_verify(args: argparse.Namespace, config: KioskConfig) -> int:
    from kiosk.privacy.enrolment import EnrolmentError, EnrolmentStore
    from kiosk.privacy.identity import FaceEncoder, Match, best_match
    from kiosk.privacy.lock import LockSettings

    try:
        settings = LockSettings.from_config(config.section("private"))
        enrolled = EnrolmentStore(config.data_dir).load()
    except (EnrolmentError, ConfigError) as exc:
        return fail("verify", str(exc), 1)
    if not enrolled:
        print("verify: nobody is enrolled; no photo can unlock", file=sys.stderr)
    encoder = FaceEncoder()
    code = 0
    with quiet_detector() as detector:
        for path in args.images:
            try:
                rgb = read_rgb(path)
            except ValueError as exc:
                code = fail("verify", str(exc))
                continue
            faces = detector.detect(rgb)
            meaningful = [f for f in faces if settings.meaningful(f.size, f.score)]
            match = (
                best_match(encoder.embed(rgb, faces[0]), enrolled) if faces else Match(None, None)
            )
            accepted = match.accepted(settings.match_threshold)
            result = {
                "file": str(path),
                "faces": len(faces),
                "match": match.name if accepted else None,
                "distance": None if match.distance is None else round(match.distance, 4),
                "unlock": accepted and len(meaningful) == 1,
            }
            print(json.dumps(result, ensure_ascii=False) if args.json else describe(result, match))
    return code


def describe(result: dict, match) -> str:
    """The human-readable line of one verified image."""
    if not result["faces"]:
        return f"{result['file']}: no face found; would not unlock"
    closest = (
        f"closest {match.name} at distance {match.distance:.3f}"
        if match.name is not None
        else "nobody enrolled to compare with"
    )
    verdict = "would unlock" if result["unlock"] else "would not unlock"
    if result["match"] and not result["unlock"]:
        verdict += " (more than one face in view)"
    return f"{result['file']}: {result['faces']} face(s); {closest}; {verdict}"
