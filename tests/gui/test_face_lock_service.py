"""Private mode in a running mayor kiosk: the button, the camera preview, unlock by the
enrolled face on a video file standing in for the camera, lock when a stranger appears."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk import intents as i
from kiosk.privacy.audit import AuditLog
from kiosk.privacy.enrolment import EnrolmentStore
from kiosk.shell.face_check import FaceCheckView, PrivateModeButton
from kiosk.shell.services import ShellContext, start_services
from widgets import build_registry


@pytest.fixture
def mayor_kiosk(kiosk_with_service, data_dir, isolated_kiosk_env):
    """A mayor window with the face-lock service, its camera a file set in the config."""

    def make(camera: str, enrolled=None):
        if enrolled:
            EnrolmentStore(data_dir).add("kit_harington", enrolled["kit_harington"])
        toml = f'[private]\ncamera = "{camera}"\n'
        return kiosk_with_service("kiosk.shell.face_lock", toml)

    return make


def test_the_enrolled_face_unlocks_and_a_stranger_locks(
    mayor_kiosk, clips, enrolled, qtbot, data_dir
):
    window, services = mayor_kiosk(str(clips["stranger"]), enrolled)
    assert len(services) == 1
    button = window.findChild(PrivateModeButton)
    view = window.findChild(FaceCheckView)
    assert button.text() == "비공개 모드" and not view.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.isVisible)  # intents reach the router through a queued signal
    assert window.state.private_requested
    assert button.text() == "얼굴 확인 중"
    qtbot.waitUntil(lambda: window.state.private_unlocked, timeout=30_000)
    assert not view.isVisible() and view.preview.pixmap().isNull()  # no frame is kept
    assert button.text() == "비공개 모드 잠그기"
    assert "approvals" in {tile.spec.id for tile in window.home.tiles}
    window.dispatch(i.ShowWidget("approvals"))
    qtbot.waitUntil(lambda: not window.state.private_unlocked, timeout=30_000)
    assert window.state.page == "home" and "approvals" not in window.pages
    events = [(e["event"], e["reason"], e.get("who")) for e in AuditLog(data_dir).entries()]
    assert events == [
        ("check_started", "private mode requested", None),
        ("unlock", "enrolled face verified, alive", "kit_harington"),
        ("lock", "stranger in view", None),
    ]


def test_a_missing_camera_ends_the_check_with_a_clear_status(mayor_kiosk, qtbot, tmp_path):
    window, _ = mayor_kiosk(str(tmp_path / "no-camera.avi"))
    window.dispatch(i.EnterPrivateMode())
    qtbot.waitUntil(lambda: not window.state.private_requested, timeout=30_000)
    assert not window.state.private_unlocked
    assert not window.findChild(FaceCheckView).isVisible()
    problems = window.status_strip.problems.text()
    assert "카메라 문제" in problems and "cannot be opened" in problems
    assert "등록된 얼굴 없음" in problems


def test_the_face_models_are_in_the_health_report_from_start(mayor_kiosk, tmp_path):
    window, _ = mayor_kiosk(str(tmp_path / "no-camera.avi"))
    (line,) = [line for line in window.status.all() if line.key == "face_model"]
    assert line.ok and line.text_in("en") == "face models ready"


def test_missing_face_models_are_named_under_face_model_not_camera(
    mayor_kiosk, qtbot, tmp_path, monkeypatch
):
    """A kiosk whose models/ folder is empty: the start-up check and the face check both
    report the model, and the camera is not blamed."""
    from kiosk.privacy import models, watcher
    from kiosk.shell import face_lock

    monkeypatch.setattr(face_lock, "missing_models", lambda: models.missing_models(tmp_path))
    monkeypatch.setattr(
        watcher.VisionModels, "__init__", lambda self: models.model_path("x", tmp_path)
    )
    window, _ = mayor_kiosk(str(tmp_path / "no-camera.avi"))
    (line,) = [line for line in window.status.all() if line.key == "face_model"]
    assert not line.ok and "얼굴 인식 모델 없음" in line.text_in("ko")
    window.dispatch(i.EnterPrivateMode())
    qtbot.waitUntil(lambda: not window.state.private_requested, timeout=30_000)
    keys = {line.key for line in window.status.all() if not line.ok}
    assert "face_model" in keys and "camera" not in keys


def test_station_role_has_no_button_no_view_no_service(make_window):
    window = make_window(role="station")
    context = ShellContext(
        window.config,
        build_registry(),
        window.bridge.sink,
        window.status,
        window,
        window.subscribe,
    )
    assert start_services(context, ("kiosk.shell.face_lock",)) == []
    assert window.findChild(PrivateModeButton) is None
    assert window.findChild(FaceCheckView) is None
