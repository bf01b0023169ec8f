"""Shared fixtures: every test gets its own data directory and no system config."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = (
    "tests.face_clips",  # face clip fixtures, built once per run when used
    "tests.hand_kit",  # hand photos through the real models, once per run when used
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEOUL_SAMPLES = FIXTURES / "seoul" / "samples"


def service_for_error(key: str) -> str:
    """The service whose envelope an errors.json entry shows (its key names the API)."""
    return {"swopenapi": "realtimeStationArrival", "safetydata": "DSSP-IF-00247"}.get(
        key.split("_")[0], "RealtimeCityAir"
    )


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


@pytest.fixture(autouse=True)
def isolated_kiosk_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir and an empty config file, so no test sees the machine's kiosk setup."""
    data_dir = tmp_path / "data"
    config = tmp_path / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    for name in (
        "SEOUL_API_KEY",
        "SEOUL_API_BASE",
        "SEOUL_SUBWAY_API_BASE",
        "SEOUL_SUBWAY_API_KEY",
        "DATA_GO_KR_API_KEY",
        "KMA_API_BASE",
        "SAFETYDATA_API_KEY",
        "SAFETYDATA_API_BASE",
    ):
        monkeypatch.delenv(name, raising=False)
    return data_dir


@pytest.fixture
def data_dir(isolated_kiosk_env: Path) -> Path:
    return isolated_kiosk_env


class FakeClock:
    """A controllable clock for staleness and idle logic."""

    def __init__(self, now: float = 1_790_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def seoul_server():
    """A local HTTP server replaying the Seoul API samples (tests/seoul_server.py)."""
    from tests.seoul_server import SeoulReplayServer

    with SeoulReplayServer() as server:
        yield server


@pytest.fixture(scope="session")
def vision_models():
    """The face detector, face mesh and dlib models, loaded once for the whole run."""
    from kiosk.privacy.watcher import VisionModels

    models = VisionModels()
    yield models
    models.close()
