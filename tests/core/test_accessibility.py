"""Accessibility modes are visitor state (any screen, reset on idle); reach in pixel rows."""

import pytest

from kiosk import intents as i
from kiosk.accessibility import (
    REACH_MM,
    Accessibility,
    ScreenMount,
    reachable_rows,
    screen_mount,
)
from kiosk.router import Router
from widgets import build_registry


def run(router, intents):
    state = router.initial_state()
    for intent in intents:
        state, _ = router.route(state, intent)
    return state


def test_modes_change_on_any_page_and_the_idle_reset_clears_them():
    router = Router(build_registry(), "station", ("ko", "en", "zh", "ja"))
    state = run(
        router,
        [
            i.ShowWidget("air"),
            i.SetGuidance(True),
            i.CycleTextScale(),
            i.CycleTextScale(),
            i.SetHighContrast(True),
            i.SetLowReach(True),
            i.SetLanguage("ja"),
        ],
    )
    assert state.page == "air"
    assert state.access == Accessibility(
        guidance=True, text_scale=2.0, high_contrast=True, low_reach=True
    )
    state, _ = router.route(state, i.CycleTextScale())
    assert state.access.text_scale == 1.0  # after 200% comes 100% again
    state, _ = router.route(state, i.IdleTimeout())
    assert state == router.initial_state() and state.access == Accessibility()


def test_navigation_keeps_the_modes():
    router = Router(build_registry(), "station")
    state = run(router, [i.SetHighContrast(True), i.ShowWidget("air"), i.Home(), i.Next()])
    assert state.access.high_contrast


def rows_mm(mount, width, height, rows):
    """The height above the floor of each pixel row, for checking the band."""
    picture = mount.picture_height_mm(width, height)
    top = mount.bottom_mm + picture
    return [top - row / height * picture for row in rows]


@pytest.mark.parametrize(
    ("mount", "expected"),
    [
        (ScreenMount(diagonal_in=100, bottom_mm=500), (456, 1080)),  # 100" from 0.5 m
        (ScreenMount(diagonal_in=55, bottom_mm=800), (418, 1080)),  # 55" from 0.8 m
        (ScreenMount(diagonal_in=55, bottom_mm=200), (0, 796)),  # low: bottom rows too low
    ],
)
def test_reachable_rows_follow_the_mounting(mount, expected):
    first, last = reachable_rows(mount, 1920, 1080)
    assert (first, last) == expected
    low, high = REACH_MM
    top_mm, bottom_mm = rows_mm(mount, 1920, 1080, (first, last))
    assert top_mm <= high + 1 and bottom_mm >= low - 1


def test_a_screen_mounted_too_high_still_gets_a_band_for_its_controls():
    first, last = reachable_rows(ScreenMount(diagonal_in=100, bottom_mm=1100), 1920, 1080)
    assert last == 1080 and last - first == 270  # a quarter of the screen at least


def test_mounting_comes_from_the_config_table():
    assert screen_mount({}) == ScreenMount()
    assert screen_mount({"screen_diagonal_in": 55, "screen_bottom_mm": "800"}) == ScreenMount(
        55, 800
    )
    with pytest.raises(ValueError, match="screen_diagonal_in"):
        screen_mount({"screen_diagonal_in": "big"})
