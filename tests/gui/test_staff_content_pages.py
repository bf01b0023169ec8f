"""The water, prices, parks and opinion pages in a real window: the tagged example content,
a version without the files, a broken file, a new version re-rendering the page on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk import intents as i
from offline_cache.content import CONTENT_DATASET
from tests.content_kit import install_content
from tests.gui.shown import texts
from widgets.common.charts import TapChart
from widgets.parks.model import Kind

PAGES = ("water", "prices", "parks", "opinion")
FILES = {
    "water": "water_quality.json",
    "prices": "prices.json",
    "parks": "parks.json",
    "opinion": "opinion.json",
}


def show(window, page_id: str, lang: str = "ko") -> str:
    if lang != "ko":
        window.dispatch(i.SetLanguage(lang))
    window.dispatch(i.ShowWidget(page_id))
    assert window.state.page == page_id
    return texts(window.page_widget(page_id))


def test_water_shows_each_centre_against_the_standards(make_window):
    shown = show(make_window(), "water")
    assert "예시 자료" in shown and "2026-11-30 기준" in shown
    assert "6개 정수센터 모두 먹는물 수질기준에 맞습니다." in shown
    assert "구의아리수정수센터" in shown and "0.06" in shown and "0.65" in shown
    assert "기준 0.5 이하" in shown and "기준 0.1~4.0" in shown and "기준 5.8~8.5" in shown
    assert "먹는물 수질기준 및 검사 등에 관한 규칙" in shown  # the standard's source
    assert "출처: 서울특별시 상수도사업본부 (아리수)" in shown


def test_water_outside_the_standard_is_named(make_window, data_dir):
    window = make_window()
    install_content(
        data_dir,
        {
            "water_quality.json": {
                "as_of": "2026-12-01",
                "centres": [
                    {"name": {"ko": "가정수센터"}, "turbidity_ntu": 0.8, "ph": 7.0},
                    {"name": {"ko": "나정수센터"}, "turbidity_ntu": 0.1, "ph": 7.0},
                ],
            }
        },
    )
    shown = show(window, "water", "en")
    assert "1 of 2 purification centres have a value outside the standards." in shown
    assert "Outside standard: Turbidity" in shown and "Meets standard" in shown
    assert "Sample content" not in shown  # a real bundle's file is not tagged


def test_prices_show_lowest_and_highest_with_their_market(make_window):
    shown = show(make_window(), "prices")
    assert "예시 자료" in shown and "2026-11-27 기준" in shown
    assert "배추" in shown and "1포기" in shown
    assert "3,000원" in shown and "4,000원" in shown and "경동시장" in shown
    shown = show(make_window(), "prices", "en")
    assert "Napa cabbage" in shown and "₩3,000" in shown and "Gyeongdong Market" in shown


def test_parks_nearest_first_and_the_trail_filter(make_window, qtbot):
    window = make_window()
    shown = show(window, "parks")
    page = window.page_widget("parks")
    assert "홍대입구역에서 가까운 순 (직선 거리)" in shown
    assert shown.index("월드컵공원") < shown.index("여의도공원") < shown.index("서울숲")
    assert "2.9km" in shown
    qtbot.mouseClick(page.filter_buttons[Kind.TRAIL], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "6코스" in texts(page))  # rebuilt widgets show on the next pass
    trails = texts(page)
    assert "서울둘레길 6코스 (안양천)" in trails and "월드컵공원" not in trails
    assert "가까운 지점: 가양역" in trails and "길이 18.0km" in trails
    window.dispatch(i.Home())
    page.reset()
    assert page.kind is None


def test_parks_filter_with_nothing_of_that_kind(make_window, data_dir, qtbot):
    window = make_window()
    park = {"kind": "park", "name": "서울숲", "points": [{"lat": 37.5444, "lon": 127.0374}]}
    install_content(data_dir, {"parks.json": {"as_of": "2026-12-01", "places": [park]}})
    assert "서울숲" in show(window, "parks")
    page = window.page_widget("parks")
    qtbot.mouseClick(page.filter_buttons[Kind.TRAIL], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "이 종류의 장소가 자료에 없습니다." in texts(page))
    assert "서울숲" not in texts(page)


def test_opinion_ranks_types_and_charts_the_trend(make_window):
    window = make_window()
    shown = show(window, "opinion")
    assert "예시 자료" in shown and "2026년 11월 민원 5,520건" in shown
    assert shown.index("교통·주차") < shown.index("공원·녹지")
    assert "1,880건" in shown and "전월보다 ▼ 30" in shown
    chart = window.page_widget("opinion").findChild(TapChart)
    assert chart is not None and chart.isVisible()
    assert chart.show_value_near(chart.point_position(5, 1880)) == "교통·주차 · 11월: 1,880건"


@pytest.mark.parametrize("page_id", PAGES)
def test_a_version_without_the_file_shows_an_empty_state(make_window, data_dir, page_id):
    window = make_window()
    version = install_content(data_dir, {"notices.json": {"notices": []}})
    shown = show(window, page_id)
    assert "아직 이 화면의 자료가 없습니다." in shown
    assert f"파일 {FILES[page_id]} · 콘텐츠 {version}판" in shown
    assert "예시 자료" not in shown


@pytest.mark.parametrize("page_id", PAGES)
def test_a_broken_file_shows_why(make_window, data_dir, page_id):
    window = make_window()
    install_content(data_dir, {FILES[page_id]: {"as_of": "2026-12-01"}})
    shown = show(window, page_id, "en")
    assert "The content file has a problem and cannot be shown." in shown
    assert f"{FILES[page_id]}: '" in shown and "must be a non-empty list" in shown


def test_new_content_re_renders_the_page_on_screen(make_window, data_dir, qtbot):
    window = make_window()
    assert "예시 자료" in show(window, "prices")
    install_content(
        data_dir,
        {
            "prices.json": {
                "as_of": "2026-12-01",
                "markets": [{"id": "m", "name": "망원시장"}],
                "items": [{"name": "배추", "prices": {"m": 2900}}],
            }
        },
    )
    window.dispatch(i.DataUpdated((CONTENT_DATASET,)))
    page = window.page_widget("prices")
    qtbot.waitUntil(lambda: "2,900원" in texts(page))
    shown = texts(page)
    assert "2,900원" in shown and "2026-12-01 기준" in shown and "예시 자료" not in shown


def test_showing_again_keeps_the_page_until_the_idle_reset(make_window):
    window = make_window()
    show(window, "opinion")
    page = window.page_widget("opinion")
    chart = page.findChild(TapChart)
    chart.show_value_near(chart.point_position(0, 1820))
    window.dispatch(i.Home())
    show(window, "opinion")  # the same file, language and modes: nothing is rebuilt
    assert page.findChild(TapChart) is chart and chart.tapped == "교통·주차 · 6월: 1,820건"
    page.reset()
    assert chart.tapped == "" and page.findChild(TapChart) is chart
