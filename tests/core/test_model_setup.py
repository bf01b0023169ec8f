"""packaging/models.py: model files assembled from the mediapipe wheel, checked by SHA-256."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def setup():
    spec = importlib.util.spec_from_file_location("model_setup", ROOT / "packaging" / "models.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def fake_wheel(path: Path, setup, content: bytes = b"not the real model") -> Path:
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(setup.LICENSE_MEMBER, "Apache License 2.0")
        for model in setup.MODEL_FILES.values():
            for _, member in model.parts:
                wheel.writestr(member, content)
    return path


def test_a_task_bundle_is_the_same_bytes_every_time(setup, tmp_path):
    wheel = zipfile.ZipFile(fake_wheel(tmp_path / "m.whl", setup))
    task = setup.MODEL_FILES["hand_landmarker.task"]
    first, second = setup.assemble(task, wheel), setup.assemble(task, wheel)
    assert first == second
    names = zipfile.ZipFile(tmp_path / "m.whl").namelist()
    assert "mediapipe/modules/palm_detection/palm_detection_full.tflite" in names
    (tmp_path / "t.task").write_bytes(first)
    with zipfile.ZipFile(tmp_path / "t.task") as bundle:
        assert bundle.namelist() == ["hand_detector.tflite", "hand_landmarks_detector.tflite"]


def test_files_with_the_wrong_hash_are_refused_and_not_written(setup, tmp_path):
    wheel = fake_wheel(tmp_path / "m.whl", setup)
    models = tmp_path / "models"
    problems = setup.install(wheel, list(setup.MODEL_FILES), models)
    assert len(problems) == len(setup.MODEL_FILES)
    assert all("expected" in problem and "not installed" in problem for problem in problems)
    assert sorted(p.name for p in models.iterdir()) == [setup.LICENSE]
    assert setup.missing(models) == list(setup.MODEL_FILES)


def test_the_installed_models_match_their_pins(setup):
    """The bootstrap ran before the tests: every model is in models/ with its pinned hash."""
    assert setup.missing() == []
    assert (setup.MODELS / setup.LICENSE).read_text().lstrip().startswith("Apache License")
