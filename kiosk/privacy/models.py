"""Where the vision models live: MediaPipe files in ``models/`` (put there by the bootstrap),
dlib's from the face-recognition-models package. Nothing is downloaded at run time."""

from __future__ import annotations

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


def dlib_model_paths() -> tuple[Path, Path]:
    """dlib's 5-point shape predictor and ResNet face embedding model."""
    try:
        import face_recognition_models
    except ImportError as exc:
        raise ModelMissing(
            "the face-recognition-models package is not installed; run packaging/bootstrap.sh"
        ) from exc
    return (
        Path(face_recognition_models.pose_predictor_five_point_model_location()),
        Path(face_recognition_models.face_recognition_model_location()),
    )
