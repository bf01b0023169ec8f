"""Burn-in protection: the window content orbits inside a small margin."""

from __future__ import annotations

from kiosk.shell.burnin import BurnInSettings, PixelShifter, orbit


def test_orbit_stays_within_the_radius():
    offsets = orbit(4)
    assert len(set(offsets)) == len(offsets) == 8
    assert all(abs(dx) <= 4 and abs(dy) <= 4 for dx, dy in offsets)


def test_static_elements_move_a_few_pixels_and_come_back(make_window, qtbot):
    window = make_window()
    shifter = PixelShifter(window, BurnInSettings(shift_px=4, interval_s=3600))
    seen = []
    for _ in range(len(shifter.offsets) + 1):
        dx, dy = shifter.offset
        expected = (4 + dx, 4 + dy)
        qtbot.waitUntil(lambda e=expected: (window.top_bar.x(), window.top_bar.y()) == e)
        seen.append(expected)
        shifter.shift()
    assert seen[0] == seen[-1]  # a full orbit returns to the start
    assert {x for x, _ in seen} == {0, 1, 4, 7, 8} and {y for _, y in seen} == {0, 1, 4, 7, 8}
    assert window.top_bar.width() == window.width() - 8  # never bigger than the screen


def test_zero_interval_turns_it_off(make_window):
    window = make_window()
    shifter = PixelShifter(window, BurnInSettings(shift_px=4, interval_s=0))
    assert not shifter.timer.isActive()
    assert window.layout().contentsMargins().left() == 0


def test_a_bad_burnin_setting_is_reported_and_the_defaults_used(qtbot, tmp_path, data_dir):
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_config
    from kiosk.presence import PresenceTracker
    from kiosk.shell.app import build_window
    from kiosk.shell.crash import ExitRequest
    from kiosk.shell.operations import Operations
    from widgets import build_registry

    config_file = tmp_path / "bad.toml"
    config_file.write_text("[burnin]\nshift_px = 'four'\n", encoding="utf-8")
    config = load_config(config_file)
    window = build_window(config, build_registry(), (1920, 1080))
    qtbot.addWidget(window)
    operations = Operations(
        window, config, PresenceTracker(), ExitRequest(QApplication.instance()), False
    )
    try:
        assert operations.burn_in.radius == BurnInSettings().shift_px
        problem = next(s for s in window.status.all() if s.key == "config")
        assert problem.ok is False and "[burnin]" in problem.text_in("en")
    finally:
        operations.stop()
