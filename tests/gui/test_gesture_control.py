"""Gesture control in a running mayor kiosk: a video file stands in for the camera (played in
real time through the shared camera reader), the real models watch it, and the page changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk.registry import HOME
from kiosk.shell.gesture_control import GestureIndicator
from tests.hand_kit import SELECT_TARGET


@pytest.fixture
def gesture_kiosk(kiosk_with_service):
    """A kiosk window with the gesture service, configured by a [gestures] table."""

    def make(gestures_toml: str, role: str = "mayor"):
        toml = f"[gestures]\n{gestures_toml}\n"
        return kiosk_with_service("kiosk.shell.gesture_control", toml, role)

    return make


def test_a_raised_hand_and_a_swipe_change_the_page(gesture_kiosk, hand_clips, qtbot):
    window, services = gesture_kiosk(f'camera = "{hand_clips["swipe"]}"')
    assert len(services) == 1
    indicator = window.findChild(GestureIndicator)
    assert indicator.text.text() == "오른손을 어깨 위로 3초 들면 커서가 나타납니다"
    seen = set()
    window.subscribe(lambda state, effects: seen.add(indicator.state))
    qtbot.waitUntil(lambda: indicator.state == "engaging", timeout=10_000)
    assert window.state.page == HOME
    # the cursor's first move and the worker's "engaged" status are two queued events
    qtbot.waitUntil(
        lambda: window.cursor_overlay.isVisible() and indicator.state == "engaged",
        timeout=10_000,
    )
    assert "제스처 커서 사용 중" in indicator.text.text()
    first_category = window.registry.categories(window.config.role)[0]
    qtbot.waitUntil(lambda: window.state.page == first_category, timeout=10_000)


def test_closing_the_raised_hand_selects_what_is_under_the_cursor(gesture_kiosk, hand_clips, qtbot):
    """The cursor appears in the middle of the screen, the hand moves it onto a tile and
    closes: the same as a tap on that tile."""
    window, _ = gesture_kiosk(f'camera = "{hand_clips["select"]}"')
    x, y = SELECT_TARGET
    target = window.childAt(QPoint(int(x * window.width()), int(y * window.height())))
    while target is not None and not hasattr(target, "spec"):
        target = target.parentWidget()
    assert target is not None, "no home tile where the clip points"
    qtbot.waitUntil(lambda: window.state.page == target.spec.id, timeout=15_000)


def test_no_camera_is_shown_and_the_kiosk_runs_on(gesture_kiosk, qtbot, tmp_path):
    window, services = gesture_kiosk(f'camera = "{tmp_path / "unplugged.avi"}"')
    indicator = window.findChild(GestureIndicator)
    qtbot.waitUntil(lambda: indicator.state == "no_camera", timeout=10_000)
    assert indicator.text.text() == "카메라 없음: 제스처 꺼짐"
    assert "카메라 문제" in window.status_strip.problems.text()
    assert window.isVisible() and services


def test_gestures_are_off_at_stations_unless_turned_on(gesture_kiosk):
    window, services = gesture_kiosk('camera = "nothing.avi"', role="station")
    assert services == [] and window.findChild(GestureIndicator) is None


def test_a_bad_setting_is_reported_not_fatal(gesture_kiosk):
    window, services = gesture_kiosk("fps = -1")
    assert services == []
    assert "제스처 설정 오류" in window.status_strip.problems.text()
