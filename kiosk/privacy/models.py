"""Where the vision models live: MediaPipe files in ``models/`` (put there by the bootstrap),
dlib's from the face-recognition-models package. Nothing is downloaded at run time."""

from __future__ import annotations

import importlib.util
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
FACE_DETECTOR = "face_detection_full_range_sparse.tflite"
FACE_MESH = "face_landmark.tflite"


class ModelMissing(RuntimeError):
    """A model file is not installed; the message says how to get it."""


def model_path(name: str, models_dir: Path = MODELS_DIR) -> Path:
    """The path of a MediaPipe model file, or ModelMissing naming the fix."""
    path = models_dir / name
    if not path.is_file():
        raise ModelMissing(
            f"model file {path} is missing; run packaging/bootstrap.sh or"
            " .venv/bin/python packaging/models.py (they put the model files in models/)"
        )
    return path


def missing_models(models_dir: Path = MODELS_DIR) -> str | None:
    """Why the face models cannot load (the first missing file), or None: a file check at
    start-up, so the health report names a missing model before anyone asks for private mode."""
    try:
        for name in (FACE_DETECTOR, FACE_MESH):
            model_path(name, models_dir)
        for path in dlib_model_paths():
            if not path.is_file():
                raise ModelMissing(
                    f"dlib model file {path} is missing; reinstall face-recognition-models"
                )
    except ModelMissing as exc:
        return str(exc)
    return None


def dlib_model_paths() -> tuple[Path, Path]:
    """dlib's 5-point shape predictor and ResNet face embedding model, found in the
    face-recognition-models package without importing it (its import loads pkg_resources,
    ~130 ms)."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or spec.origin is None:
        raise ModelMissing(
            "the face-recognition-models package is not installed; run packaging/bootstrap.sh"
        )
    models = Path(spec.origin).parent / "models"
    return (
        models / "shape_predictor_5_face_landmarks.dat",
        models / "dlib_face_recognition_resnet_model_v1.dat",
    )
