"""Staff mode in a real window: hold the corner, PIN pad, health screen and its actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk import intents as i
from kiosk.health import build_report
from kiosk.presence import PresenceTracker
from kiosk.shell.heartbeat import Heartbeat
from kiosk.shell.staff import StaffActions, StaffEntry
from kiosk.staff_pin import MAX_FAILURES, PinGate, hash_pin

PIN = "4321"
FILTERS: list = []


@pytest.fixture(autouse=True)
def remove_filters():
    """Application-wide filters must not outlive the window they watch."""
    yield
    while FILTERS:
        each = FILTERS.pop()
        QApplication.instance().removeEventFilter(each)


def make_staff(window, qtbot, gate=True, hold_ms=150):
    calls = []
    heartbeat = Heartbeat(window.config.data_dir, window.status, PresenceTracker(), True)
    actions = StaffActions(
        report=lambda: build_report(
            window.config, window.context.store, heartbeat.runtime(), live=True
        ),
        reload=lambda lang: calls.append("reload") or "reloaded",
        rollback=None,
        restart=lambda: calls.append("restart"),
        leave=lambda: calls.append("leave"),
    )
    entry = StaffEntry(
        window,
        window.context.scale,
        PinGate(hash_pin(PIN)) if gate else None,
        actions,
        lambda: window.state.lang,
        window.subscribe,
        hold_ms=hold_ms,
    )
    FILTERS.extend([entry, heartbeat])
    return entry, calls, heartbeat


def corner(window) -> QPoint:
    return QPoint(10, window.height() - 10)


def hold_corner(window, qtbot, entry):
    target = window.childAt(corner(window)) or window
    local = target.mapFrom(window, corner(window))
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=local)
    qtbot.waitUntil(entry.pin_pad.isVisible, timeout=3000)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=local)


def type_pin(qtbot, entry, pin):
    for digit in pin:
        qtbot.mouseClick(entry.pin_pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(entry.pin_pad.keys["ok"], Qt.MouseButton.LeftButton)


def labels(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_a_short_press_in_the_corner_does_nothing(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot, hold_ms=400)
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=corner(window))
    qtbot.wait(600)
    assert not entry.pin_pad.isVisible()


def test_a_press_elsewhere_does_nothing(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(900, 500))
    qtbot.wait(400)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(900, 500))
    assert not entry.pin_pad.isVisible()


def test_hold_then_wrong_then_right_pin_opens_the_health_screen(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot)
    hold_corner(window, qtbot, entry)
    assert window.state.page == "home"  # the hold was not a tap on what lies under it
    type_pin(qtbot, entry, "0000")
    assert entry.pin_pad.message.text() == "PIN이 틀렸습니다"
    assert not entry.health.isVisible()
    type_pin(qtbot, entry, PIN)
    qtbot.waitUntil(entry.health.isVisible)
    assert not entry.pin_pad.isVisible()
    shown = labels(entry.health)
    for expected in (
        "프로그램 버전",
        "콘텐츠 버전",
        "마지막 터치",
        "메모리",
        "디스크",
        "air_quality",
    ):
        assert expected in shown
    assert "camera" in shown and "보고 없음" in shown


def test_health_screen_in_english_and_rendered(make_window, qtbot, tmp_path):
    window = make_window()
    window.dispatch(i.ToggleLanguage())
    entry, _, _ = make_staff(window, qtbot)
    window.status.set("microphone", False, {"ko": "마이크 없음", "en": "no microphone found"})
    hold_corner(window, qtbot, entry)
    type_pin(qtbot, entry, PIN)
    qtbot.waitUntil(entry.health.isVisible)
    shown = labels(entry.health)
    assert "Staff: kiosk health" in shown and "no microphone found" in shown
    assert window.grab().save(str(tmp_path / "health.png"))


def test_too_many_wrong_pins_lock_the_pad(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot)
    hold_corner(window, qtbot, entry)
    for _ in range(MAX_FAILURES):
        type_pin(qtbot, entry, "9999")
    type_pin(qtbot, entry, PIN)
    assert "잠시 후" in entry.pin_pad.message.text()
    assert not entry.health.isVisible()


def test_without_a_configured_pin_the_pad_says_how_to_set_one(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot, gate=False)
    hold_corner(window, qtbot, entry)
    assert "main.py staff-pin" in entry.pin_pad.message.text()
    assert not entry.pin_pad.keys["ok"].isEnabled()


def test_actions_reload_at_once_restart_and_leave_after_a_second_press(make_window, qtbot):
    window = make_window()
    entry, calls, _ = make_staff(window, qtbot)
    hold_corner(window, qtbot, entry)
    type_pin(qtbot, entry, PIN)
    qtbot.waitUntil(entry.health.isVisible)
    buttons = entry.health.buttons
    assert not buttons["rollback"].isEnabled()  # no content rollback available here
    qtbot.mouseClick(buttons["reload"], Qt.MouseButton.LeftButton)
    assert calls == ["reload"] and entry.health.message.text() == "reloaded"
    qtbot.mouseClick(buttons["restart"], Qt.MouseButton.LeftButton)
    assert calls == ["reload"] and buttons["restart"].text() == "한 번 더 누르면 실행합니다"
    qtbot.mouseClick(buttons["restart"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["leave"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["leave"], Qt.MouseButton.LeftButton)
    assert calls == ["reload", "restart", "leave"]
    qtbot.mouseClick(buttons["close"], Qt.MouseButton.LeftButton)
    assert not entry.health.isVisible()


def test_overlays_close_themselves_when_left_alone(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot)
    hold_corner(window, qtbot, entry)
    entry.pin_pad.idle.setInterval(100)
    entry.pin_pad.poke()
    qtbot.waitUntil(lambda: not entry.pin_pad.isVisible(), timeout=2000)


def test_the_idle_reset_closes_staff_overlays(make_window, qtbot):
    window = make_window()
    entry, _, _ = make_staff(window, qtbot)
    hold_corner(window, qtbot, entry)
    type_pin(qtbot, entry, PIN)
    qtbot.waitUntil(entry.health.isVisible)
    window.dispatch(i.IdleTimeout())
    assert not entry.health.isVisible()


def test_reload_content_rebuilds_pages_and_goes_home(make_window, qtbot):
    window = make_window()
    window.dispatch(i.ShowWidget("air"))
    old = window.page_widget("air")
    window.rebuild_pages()
    assert window.state.page == "home" and "air" not in window.pages
    window.dispatch(i.ShowWidget("air"))
    assert window.page_widget("air") is not old


def test_touches_are_recorded_for_the_report(make_window, qtbot):
    window = make_window()
    _, _, heartbeat = make_staff(window, qtbot)
    assert heartbeat.runtime().presence.last_touch_at is None
    qtbot.mouseClick(window.home, Qt.MouseButton.LeftButton, pos=QPoint(900, 500))
    assert heartbeat.runtime().presence.last_touch_at is not None
    heartbeat.stop()


def test_rollback_from_the_staff_screen_returns_to_the_previous_content(qtbot, tmp_path, data_dir):
    from kiosk.config import load_config
    from kiosk.shell.app import build_window
    from kiosk.shell.crash import ExitRequest
    from kiosk.shell.operations import Operations
    from offline_cache.bundles.install import apply_bundle
    from offline_cache.bundles.settings import bundle_settings
    from tests.bundle_kit import StaffKey, build, make_source, write_config
    from widgets import build_registry

    key = StaffKey(tmp_path / "keys")
    config = load_config(write_config(tmp_path / "kiosk.toml", [key]))
    window = build_window(config, build_registry(), (1920, 1080))
    qtbot.addWidget(window)
    window.show()
    bundle = build(make_source(tmp_path / "s1", "v1", pm10=111.0), key, 1, tmp_path / "v1.zip")
    apply_bundle(bundle, config, bundle_settings(config))
    operations = Operations(
        window, config, PresenceTracker(), ExitRequest(QApplication.instance()), False
    )
    try:
        assert operations.report().content["version"] == 1
        window.page_widget("air")
        entry = operations.staff
        entry.health.open_in("en")
        qtbot.mouseClick(entry.health.buttons["rollback"], Qt.MouseButton.LeftButton)
        assert entry.health.message.text() == "Rolled back to content version 0"
        assert operations.report().content["version"] == 0
        assert "air" not in window.pages  # pages are rebuilt from the restored data
        qtbot.mouseClick(entry.health.buttons["rollback"], Qt.MouseButton.LeftButton)
        assert entry.health.message.text().startswith("Failed: no earlier content version")
    finally:
        operations.stop()


def test_a_camera_service_reports_people_through_the_shell_context(make_window, qtbot):
    from kiosk.shell.services import ShellContext

    window = make_window()
    presence = PresenceTracker(visit_s=0)
    heartbeat = Heartbeat(window.config.data_dir, window.status, presence, True)
    FILTERS.append(heartbeat)
    context = ShellContext(
        window.config,
        window.registry,
        window.bridge.sink,
        window.status,
        window,
        window.subscribe,
        presence,
    )
    context.report_people(2)  # what a gesture or face pipeline does per frame
    context.report_people(2)
    summary = heartbeat.runtime().presence
    assert summary.people_in_view == 2 and summary.visits_since_touch == 1
