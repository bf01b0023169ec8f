"""Accessibility modes in a real window: 200% text fits, high contrast, low reach, voice
guidance (focus order, spoken text, double tap), and the idle reset of all of them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk import intents as i
from kiosk.accessibility import Accessibility, ScreenMount, reachable_rows
from kiosk.config import IdleSettings
from kiosk.i18n import LANGUAGES, tr
from kiosk.registry import HOME
from kiosk.shell.guidance import describe
from kiosk.shell.home import CategoryTile
from kiosk.shell.theme import PALETTE
from tests.gui.fit import misfits
from widgets.common.cards import Card

MOUNT = {"screen_diagonal_in": 100, "screen_bottom_mm": 500}


@pytest.fixture
def a11y_window(make_window):
    """A station window with the mock speech engine and a short long press."""
    Path(os.environ["KIOSK_CONFIG"]).write_text(
        '[accessibility]\nspeech_engine = "mock"\nlong_press_s = 0.3\n'
        f"screen_diagonal_in = {MOUNT['screen_diagonal_in']}\n"
        f"screen_bottom_mm = {MOUNT['screen_bottom_mm']}\n",
        encoding="utf-8",
    )

    def make(**kwargs):
        return make_window(**kwargs)

    return make


def spoken(window) -> list[str]:
    return [text for _, text in window.guidance.speaker.spoken]


def tile(window, widget_id) -> CategoryTile:
    return next(t for t in window.home.tiles if t.spec.id == widget_id)


def assert_fits(window, qtbot, where) -> None:
    """Once the layouts have settled, nothing sticks out or is cut off."""
    try:
        qtbot.waitUntil(lambda: misfits(window) == [], timeout=2000)
    except Exception:
        pytest.fail(f"{where}: {misfits(window)}")


def test_text_at_200_percent_fits_the_home_screen_in_every_language(a11y_window, qtbot):
    window = a11y_window()
    # a card title keeps its role at every size (tiles are compact beside the map at 100%)
    normal_title = window.home.glances[0].title.font().pixelSize()
    window.dispatch(i.CycleTextScale())
    window.dispatch(i.CycleTextScale())
    assert window.state.access.text_scale == 2.0
    qtbot.wait(20)
    assert window.home.glances[0].title.fontInfo().pixelSize() == 2 * normal_title
    for lang in LANGUAGES:
        window.dispatch(i.SetLanguage(lang))
        assert_fits(window, qtbot, lang)


def test_text_at_200_percent_fits_every_page(a11y_window, qtbot):
    window = a11y_window()
    window.dispatch(i.CycleTextScale())
    window.dispatch(i.CycleTextScale())
    for lang in ("ko", "en"):
        window.dispatch(i.SetLanguage(lang))
        for page in window.registry.page_ids("station"):
            window.dispatch(i.ShowWidget(page))
            assert_fits(window, qtbot, (lang, page))


def test_text_at_200_percent_fits_the_mayors_private_pages(a11y_window, qtbot):
    window = a11y_window(role="mayor")
    window.dispatch(i.EnterPrivateMode())
    window.dispatch(i.UnlockPrivateMode("test"))
    window.dispatch(i.CycleTextScale())
    window.dispatch(i.CycleTextScale())
    for lang in ("en", "ja"):
        window.dispatch(i.SetLanguage(lang))
        for page in ("approvals", "internal_indicators", "notices"):
            window.dispatch(i.ShowWidget(page))
            assert_fits(window, qtbot, (lang, page))


def test_150_percent_fits_too(a11y_window, qtbot):
    window = a11y_window()
    window.dispatch(i.CycleTextScale())
    for lang in LANGUAGES:
        window.dispatch(i.SetLanguage(lang))
        assert_fits(window, qtbot, lang)


def test_text_size_and_contrast_from_every_screen_and_reset_on_idle(a11y_window, qtbot):
    idle = IdleSettings(timeout_s=0.2, countdown_s=1, attract_interval_s=10)
    window = a11y_window(idle=idle)
    window.dispatch(i.ShowWidget("bikes"))
    bar = window.access_bar
    assert bar.isVisible() and bar.text_size.text() == "글자 크기 100%"
    qtbot.mouseClick(bar.text_size, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.access.text_scale == 1.5)
    assert bar.text_size.text() == "글자 크기 150%"
    qtbot.mouseClick(bar.contrast, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.access.high_contrast)
    assert PALETTE.high_contrast and bar.contrast.isChecked()
    assert window.grab().toImage().pixelColor(5, window.height() // 2).name() == "#000000"
    qtbot.waitUntil(lambda: window.state.page == HOME, timeout=5000)  # idle reset
    assert window.state.access == Accessibility()
    assert not PALETTE.high_contrast and window.context.scale.text == 1.0
    assert window.grab().toImage().pixelColor(5, window.height() // 2).name() != "#000000"


def test_high_contrast_badges_and_texts_are_readable(a11y_window):
    window = a11y_window()
    window.dispatch(i.SetHighContrast(True))
    window.dispatch(i.ShowWidget("air"))
    page = window.page_widget("air")
    badges = [w for w in page.findChildren(QWidget) if w.objectName() == "Badge"]
    assert badges and all("background: #000000" in b.styleSheet() for b in badges)
    window.dispatch(i.SetHighContrast(False))
    assert not any(
        "background: #000000" in b.styleSheet()
        for b in window.page_widget("air").findChildren(QWidget)
        if b.objectName() == "Badge"
    )


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` that shows on screen, in window coordinates (scroll areas clip)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def controls(window) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and (isinstance(w, QAbstractButton) or (isinstance(w, Card) and w.tappable))
        and not visible_rect(w, window).isEmpty()
    ]


@pytest.mark.parametrize("page", ["home", "air", "bikes"])
def test_low_reach_puts_every_control_within_reach(a11y_window, qtbot, page):
    window = a11y_window()
    window.dispatch(i.ShowWidget(page))
    qtbot.mouseClick(window.access_bar.low_reach, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.access.low_reach)
    qtbot.wait(20)
    first, last = reachable_rows(ScreenMount(**_mount()), window.width(), window.height())
    assert (first, last) == (456, 1080) and window.reachable_band() == (first, last)
    assert window.reach_note.isVisible() and window.reach_note.height() == first
    found = controls(window)
    assert window.top_bar.language.buttons["en"] in found and window.access_bar.low_reach in found
    outside = [w for w in found if visible_rect(w, window).top() < first]
    assert outside == []
    assert_fits(window, qtbot, page)
    window.dispatch(i.SetLowReach(False))
    qtbot.waitUntil(lambda: window.top_bar.y() == 0)
    assert not window.reach_note.isVisible()


def _mount():
    return {"diagonal_in": MOUNT["screen_diagonal_in"], "bottom_mm": MOUNT["screen_bottom_mm"]}


def test_low_reach_idle_countdown_button_is_within_reach(a11y_window, qtbot):
    idle = IdleSettings(timeout_s=0.2, countdown_s=3, attract_interval_s=10)
    window = a11y_window(idle=idle)
    window.dispatch(i.SetLowReach(True))
    qtbot.waitUntil(window.idle_overlay.isVisible, timeout=3000)
    first, _ = window.reachable_band()
    assert visible_rect(window.idle_overlay.button, window).top() >= first


def test_guidance_focus_order_reads_the_screen_top_to_bottom(a11y_window):
    window = a11y_window()
    window.dispatch(i.SetGuidance(True))
    items = window.guidance.items()
    texts = [describe(item, "ko") for item in items]
    # row by row, left to right: the title, the clock, the languages, then the station
    assert texts[0] == "서울시 디지털 시민시장실" and texts[6] == "홍대입구역"
    assert texts[2:6] == [
        "한국어 (언어), 선택됨, 버튼",
        "English (언어), 버튼",
        "中文 (언어), 버튼",
        "日本語 (언어), 버튼",
    ]
    assert texts[7].startswith("지도 · 대기질. 서울 25개 자치구 지도")  # the map, read as one item
    assert texts[8].startswith("홍대입구역 열차 도착. 홍대입구역의 열차 도착 정보가 아직 없습니다")
    tile_order = [items.index(t) for t in window.home.tiles]
    assert tile_order == sorted(tile_order)  # tiles in reading order, as on screen
    assert [t.spec.id for t in window.home.tiles] == window.registry.categories("station")
    assert texts[-4:] == [describe(b, "ko") for b in window.access_bar.buttons]
    assert texts[-3] == "글자 크기 100%, 버튼"


def test_guidance_tap_reads_and_double_tap_activates(a11y_window, qtbot):
    window = a11y_window()
    qtbot.mouseClick(window.access_bar.guidance, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.access.guidance)
    assert spoken(window) == [tr("guidance.started", "ko")]
    assert window.guidance_banner.isVisible()
    air = tile(window, "air")
    qtbot.mouseClick(air, Qt.MouseButton.LeftButton)  # one tap: read, do not open
    qtbot.waitUntil(lambda: window.guidance.selected is air)
    assert spoken(window)[-1] == "대기환경. Air quality, 버튼"
    assert window.state.page == HOME and window.guidance.ring.isVisible()
    assert "대기환경" in window.guidance_banner.caption.text()
    window.guidance.tap(QPoint(5, 5))  # a double tap anywhere activates the item read
    window.guidance.tap(QPoint(5, 5))
    qtbot.waitUntil(lambda: window.state.page == "air")
    assert spoken(window)[-1].startswith("대기환경 화면입니다. 25개 자치구의")


def test_guidance_swipes_and_keys_move_through_items(a11y_window, qtbot):
    window = a11y_window()
    window.dispatch(i.SetGuidance(True))
    items = window.guidance.items()
    start, end = QPoint(300, 700), QPoint(1500, 710)  # to the right: next item
    qtbot.mousePress(window.home, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseRelease(window.home, Qt.MouseButton.LeftButton, pos=end)
    assert window.guidance.selected is items[0] and window.state.page == HOME
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    assert window.guidance.selected is items[1]
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.guidance.selected is items[0]
    while window.guidance.selected is not tile(window, "water"):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.page == "water")


def test_long_press_anywhere_starts_guidance_without_a_tap(a11y_window, qtbot):
    window = a11y_window()
    air = tile(window, "air")
    qtbot.mousePress(air, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.access.guidance, timeout=2000)
    qtbot.mouseRelease(air, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert window.state.page == HOME  # the held tile did not open
    assert spoken(window)[0] == tr("guidance.started", "ko")


def test_every_page_announces_itself_in_the_visitors_language(a11y_window, qtbot):
    window = a11y_window()
    window.dispatch(i.SetGuidance(True))
    window.dispatch(i.SetLanguage("en"))
    assert spoken(window)[-1] == tr("guidance.language", "en")
    window.dispatch(i.ShowWidget("bikes", i.Source.VOICE))
    assert spoken(window)[-1].startswith("Public bikes page. Public bike (Ttareungyi)")
    window.dispatch(i.Home())
    assert spoken(window)[-1] == tr("guidance.home", "en")
    assert window.guidance.speaker.spoken[-1][0] == "en"


def test_the_idle_warning_is_spoken_and_the_reset_ends_guidance(a11y_window, qtbot):
    idle = IdleSettings(timeout_s=0.2, countdown_s=2, attract_interval_s=10)
    window = a11y_window(idle=idle)
    window.dispatch(i.SetGuidance(True))
    qtbot.waitUntil(window.idle_overlay.isVisible, timeout=3000)
    assert spoken(window)[-1] == tr("idle.spoken", "ko", n=2)
    assert window.guidance.items() == [window.idle_overlay.message, window.idle_overlay.button]
    qtbot.waitUntil(lambda: not window.state.access.guidance, timeout=5000)
    assert not window.guidance.active and not window.guidance_banner.isVisible()
    assert spoken(window)[-1] == tr("guidance.stopped", "ko")


@pytest.mark.parametrize("role", ["station", "mayor"])
def test_every_category_tile_is_on_the_first_screen_in_every_language(make_window, qtbot, role):
    """At 100% text the home screen needs no scrolling: the map, the cards and every tile
    (in the mayor's private mode too, two more) stand above the accessibility bar."""
    window = make_window(role=role)
    if role == "mayor":
        window.dispatch(i.EnterPrivateMode())
        window.dispatch(i.UnlockPrivateMode("test"))
    bar_top = window.access_bar.mapTo(window, QPoint(0, 0)).y()
    for lang in LANGUAGES:
        window.dispatch(i.SetLanguage(lang))
        qtbot.wait(50)  # the layout settles on the next event loop turns
        tiles = window.home.findChildren(CategoryTile)
        assert len(tiles) == len(window.home.tiles) >= 12
        lowest = max(tile.mapTo(window, QPoint(0, tile.height())).y() for tile in tiles)
        assert lowest <= bar_top, (lang, lowest, bar_top)
