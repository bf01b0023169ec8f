"""The shell end to end: roles, tap and swipe navigation, language, idle, data states."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from kiosk import intents as i
from kiosk.config import IdleSettings
from kiosk.registry import HOME
from kiosk.shell.home import CategoryTile
from tests.gui.shown import texts


def tile(window, widget_id):
    return next(t for t in window.home.findChildren(CategoryTile) if t.spec.id == widget_id)


def test_station_home_shows_glances_and_all_category_tiles(make_window):
    window = make_window()
    shown = texts(window.home)
    for title in (
        "재난안전",
        "교통",
        "대기환경",
        "상수도",
        "생활인구",
        "둘레길·공원",
        "물가",
        "시정지표",
    ):
        assert title in shown
    assert "홍대입구역 열차 도착" in shown and "마포구 대기질" in shown and "날씨" in shown
    assert "예시 자료" in shown  # the seeded default content is tagged as sample content
    assert "출처: 서울 열린데이터광장(서울특별시)" in texts(window.status_strip)
    assert window.idle.enabled


def test_mayor_role_starts_without_idle_reset(make_window):
    window = make_window(role="mayor")
    assert "서울특별시청" in texts(window.top_bar)
    assert not window.idle.enabled


def test_tap_a_tile_then_back_and_home(make_window, qtbot):
    window = make_window()
    qtbot.mouseClick(tile(window, "air"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.page == "air")
    assert "종로구" in texts(window.page_widget("air"))
    qtbot.mouseClick(window.top_bar.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.page == HOME)
    qtbot.mouseClick(tile(window, "alerts"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.page == "alerts")
    qtbot.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.page == HOME)
    assert window.current_page() is window.home


def test_horizontal_swipe_pages_through_categories(make_window, qtbot):
    window = make_window()
    order = window.registry.categories("station")
    start, end = QPoint(1500, 700), QPoint(300, 720)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: window.state.page == order[0])
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=start)
    qtbot.waitUntil(lambda: window.state.page == order[-1])


def test_a_swipe_over_a_tile_does_not_open_it(make_window, qtbot):
    window = make_window()
    target = tile(window, "air")
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=QPoint(400, 60))
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    qtbot.wait(50)  # let queued intents arrive
    assert window.state.page != "air"


def test_language_button_switches_every_text(make_window, qtbot):
    window = make_window()
    picker = window.top_bar.language
    assert [b.text() for b in picker.buttons.values()] == ["한국어", "English", "中文", "日本語"]
    qtbot.mouseClick(picker.buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.lang == "en")
    shown = texts(window.home)
    assert "Air in Mapo-gu" in shown and "Disaster alerts" in shown and "Sample content" in shown
    assert "Hongik Univ. Station" in texts(window.top_bar)
    assert picker.buttons["en"].isChecked() and not picker.buttons["ko"].isChecked()
    window.dispatch(i.ShowWidget("air"))
    assert "Jongno-gu" in texts(window.page_widget("air"))


def test_every_language_is_one_tap_away(make_window, qtbot):
    window = make_window()
    expected = {
        "zh": ("麻浦区空气质量", "灾难安全", "弘大入口站", "来源：首尔开放数据广场"),
        "ja": ("麻浦区の大気質", "災害・安全", "弘大入口駅", "出典：ソウル・オープンデータ広場"),
    }
    for lang, (air, alerts, station, source) in expected.items():
        qtbot.mouseClick(window.top_bar.language.buttons[lang], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda lang=lang: window.state.lang == lang)
        # rebuilt tiles show on the event loop's next turn, before the next frame is painted
        qtbot.waitUntil(lambda names=(air, alerts): all(n in texts(window.home) for n in names))
        assert station in texts(window.top_bar) and source in texts(window.status_strip)
    window.dispatch(i.ShowWidget("air"))
    assert "钟路区" not in texts(window.page_widget("air")) and "鍾路区" in texts(
        window.page_widget("air")
    )


def test_idle_countdown_then_clean_home_and_attract(make_window, qtbot):
    idle = IdleSettings(timeout_s=0.2, countdown_s=2, attract_interval_s=0.3)
    window = make_window(idle=idle)
    window.dispatch(i.ToggleLanguage())
    window.dispatch(i.ShowWidget("alerts"))
    qtbot.waitUntil(lambda: window.idle_overlay.isVisible(), timeout=3000)
    assert "2" in window.idle_overlay.message.text()
    qtbot.waitUntil(lambda: window.state.page != "alerts", timeout=5000)
    assert window.state.lang == "ko" and not window.idle_overlay.isVisible()
    qtbot.waitUntil(lambda: window.state.attract, timeout=3000)
    window.on_user_input()  # a touch stops the attract loop
    assert not window.state.attract and not window.idle.attracting


def test_a_touch_during_the_countdown_keeps_the_session(make_window, qtbot):
    idle = IdleSettings(timeout_s=0.2, countdown_s=5, attract_interval_s=10)
    window = make_window(idle=idle)
    window.dispatch(i.ShowWidget("bikes"))
    qtbot.waitUntil(lambda: window.idle_overlay.isVisible(), timeout=3000)
    qtbot.mouseClick(window.idle_overlay, Qt.MouseButton.LeftButton)
    assert not window.idle_overlay.isVisible() and window.state.page == "bikes"


def test_empty_cache_gives_clear_empty_states(make_window):
    window = make_window(seed=False)
    shown = texts(window.home)
    assert "열차 도착 정보가 아직 없습니다" in shown and "대기질 자료가 없습니다" in shown
    for page in ("air", "subway", "bikes", "alerts"):
        window.dispatch(i.ShowWidget(page))
        assert "없" in texts(window.page_widget(page)), page


def test_stale_data_is_marked(make_window):
    window = make_window()
    window.dispatch(i.ShowWidget("air"))
    assert "오래된 자료" in texts(window.page_widget("air"))


def test_voice_style_intent_from_another_thread_changes_page(make_window, qtbot):
    import threading

    window = make_window()
    thread = threading.Thread(
        target=window.bridge.sink, args=(i.ShowWidget("air", i.Source.VOICE),)
    )
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.state.page == "air")


def test_gesture_select_clicks_what_is_under_the_cursor(make_window, qtbot):
    window = make_window()
    target = tile(window, "water")
    center = target.mapTo(window, target.rect().center())
    window.dispatch(i.CursorMove(center.x() / window.width(), center.y() / window.height()))
    window.dispatch(i.Select())
    qtbot.waitUntil(lambda: window.state.page == "water")


def test_touch_targets_and_text_are_big_enough(make_window):
    """At 1080p: every tappable thing at least 48 px, no visible text under 20 px."""
    from PySide6.QtWidgets import QPushButton

    from widgets.common.cards import Card

    window = make_window()
    for page in ("home", "air", "subway", "bikes", "alerts"):
        window.dispatch(i.ShowWidget(page))
        shown = window.stack.currentWidget()
        targets = [
            w
            for w in window.findChildren(QPushButton) + shown.findChildren(Card)
            if w.isVisible() and getattr(w, "tappable", True)
        ]
        for target in targets:
            assert min(target.width(), target.height()) >= 48, (page, target)
        for text in shown.findChildren(QLabel):
            if text.isVisible() and text.text():
                assert text.font().pixelSize() >= 20, (page, text.text())
