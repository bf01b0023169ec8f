"""The traffic, live population and weather pages in a real window: sample data, no data,
several citydata places to switch between, odd values; content and chart series, not pixels."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk import intents as i
from kiosk.shell.guidance import describe, is_item
from offline_cache.parsers import parse_response
from offline_cache.store import DatasetUpdate
from tests.conftest import SEOUL_SAMPLES
from tests.gui.test_shell import texts
from widgets.common.cards import Card

CITY_PAGES = ("traffic", "population", "weather")


def shown(window, page: str) -> str:
    """The page's texts once it is on screen (new labels show after the queued events)."""
    window.dispatch(i.ShowWidget(page))
    QApplication.processEvents()
    return texts(window.page_widget(page))


def sample_place() -> dict:
    (update,) = parse_response("citydata", (SEOUL_SAMPLES / "citydata.json").read_bytes())
    return update.rows[0]


def store_places(window, rows: list[dict]) -> None:
    window.context.store.replace(
        [
            DatasetUpdate(
                "citydata", rows, source="citydata", measured_at=rows[0].get("population_time")
            )
        ]
    )


def test_traffic_page_with_the_sample_data(make_window):
    window = make_window()
    text = shown(window, "traffic")
    assert "주변 도로 · 광화문·덕수궁" in text and "평균 13km/h" in text
    assert "정체" in text and "서행" in text and "3km/h" in text
    assert "해당 장소로 이동·진입시 시간이 오래 걸릴 수 있어요." in text
    assert "버스정류장" in text and "정류소 번호 1009" in text
    assert "한화생명 태평로사옥" in text and "30분 3,000원 · 추가 10분마다 1,000원" in text
    assert "홍대입구역 열차 도착" in text  # the sample arrivals are of another station
    assert "예시 자료" in text and "수신" in text  # freshness of the sample
    window.dispatch(i.SetLanguage("en"))
    text = shown(window, "traffic")
    assert "Average 13 km/h" in text and "Congested" in text and "Stop no. 1009" in text
    assert "Roads are congested" in text  # the API's Korean message, in the visitor's language


def test_traffic_shows_the_trains_at_this_station(make_window, qtbot):
    window = make_window()
    (arrivals,) = parse_response(
        "realtimeStationArrival", (SEOUL_SAMPLES / "realtimeStationArrival.json").read_bytes()
    )
    rows = [{**row, "station": "홍대입구"} for row in arrivals.rows]
    window.context.store.replace(
        [DatasetUpdate("subway_arrivals", rows, source="test", measured_at=window.context.clock())]
    )
    text = shown(window, "traffic")
    assert "행" in text and ("분" in text or "도착" in text)
    assert "열차 도착 정보가 아직 없습니다" not in text
    page = window.page_widget("traffic")
    snapshots = {d: window.context.store.snapshot(d) for d in page.spec.datasets}
    assert page.moving_texts("ko", snapshots)  # the body is rebuilt when a train time moves
    (trains,) = [card for card in page.findChildren(Card) if card.tappable]
    qtbot.mouseClick(trains, Qt.MouseButton.LeftButton)  # the whole card opens the arrivals page
    qtbot.waitUntil(lambda: window.state.page == "subway")


def test_population_page_draws_its_charts(make_window):
    window = make_window()
    text = shown(window, "population")
    assert "보통" in text and "38,000~40,000명" in text
    assert "사람이 몰려있을 수 있지만 크게 붐비지는 않아요." in text
    assert "앞으로 가장 붐빌 때" in text and "8월 11일 17:30 기준" in text
    page = window.page_widget("population")
    assert set(page.charts) == {"forecast", "ages", "mix"}
    assert [name for name, _ in page.charts["forecast"].legend_entries()] == ["최대", "최소"]
    assert [name for name, _ in page.charts["mix"].legend_entries()] == ["성별", "거주"]
    forecast = page.charts["forecast"]
    assert forecast.show_value_near(forecast.point_position(0, 34000)) == (
        "19:00 32,000~34,000명 · 보통"
    )
    ages = page.charts["ages"]
    assert ages.show_value_near(ages.point_position(4, 26.4)) == "40대: 26.4%"
    # voice guidance reads a chart as its title and every value
    assert describe(ages, "ko").startswith("연령대별 비율. 0대: 0.5%, 10대: 2.7%")
    window.dispatch(i.SetLanguage("en"))
    text = shown(window, "population")
    assert "Normal" in text and "38,000–40,000 people" in text and "By age" in text
    assert window.page_widget("population").charts["mix"].legend_entries()[0][0] == "Sex"


def test_weather_page_names_the_source_of_each_value(make_window):
    window = make_window()
    text = shown(window, "weather")
    assert "13.1°C" in text and "기상청 초단기실황" in text  # the seeded KMA nowcast
    assert "서울 도시데이터 · 광화문·덕수궁" in text and "맑음" in text
    assert "22.0°C / 32.0°C" in text and "24시간 예보" in text and "강수확률 0%" in text
    chart = window.page_widget("weather").chart
    assert [name for name, _ in chart.legend_entries()] == ["기온"]
    assert chart.show_value_near(chart.point_position(1, 28)).startswith("20:00 · 28°C · 구름많음")
    window.dispatch(i.SetLanguage("ja"))
    assert "韓国気象庁 実況" in shown(window, "weather")


@pytest.mark.parametrize("page", CITY_PAGES)
def test_pages_with_no_data_say_so(make_window, page):
    window = make_window(seed=False)
    text = shown(window, page)
    assert "없습니다" in text, text
    assert "예시 자료" not in text


def test_a_visitor_switches_between_places(make_window, qtbot):
    window = make_window()
    gwanghwamun = sample_place()
    hongdae = json.loads(json.dumps(gwanghwamun))
    hongdae.update(area_name="홍대 관광특구", congestion_level="붐빔", population_max=90000)
    store_places(window, [gwanghwamun, hongdae])
    for page in CITY_PAGES:
        shown(window, page)
        widget = window.page_widget(page)
        bar = widget.hotspot_bar
        assert list(bar.buttons) == ["홍대 관광특구", "광화문·덕수궁"]  # the configured first
        assert bar.buttons["홍대 관광특구"].isChecked()
        assert bar.buttons["홍대 관광특구"].height() >= 96
        assert is_item(bar.buttons["광화문·덕수궁"]) and not is_item(bar)  # guidance finds each
    population = window.page_widget("population")
    assert "붐빔" in shown(window, "population")
    qtbot.mouseClick(population.hotspot_bar.buttons["광화문·덕수궁"], Qt.MouseButton.LeftButton)
    assert population.hotspot_bar.buttons["광화문·덕수궁"].isChecked()
    QApplication.processEvents()
    assert "38,000~40,000명" in texts(population)
    population.reset()  # the idle reset forgets the visitor's choice
    window.dispatch(i.Home())
    window.dispatch(i.ShowWidget("population"))
    assert population.hotspot_bar.buttons["홍대 관광특구"].isChecked()


def test_odd_values_and_missing_blocks_never_blank_a_page(make_window):
    window = make_window()
    odd = {
        "area_name": "여의도",
        "population_time": None,
        "congestion_level": "점검중",
        "road_traffic": {"message": None, "speed": None},
        "roads": [{"name": "여의대로", "speed": None, "index": "?"}],
        "parking": [{"name": "공영", "capacity": None, "live": True, "parked": None}],
        "bus_stops": [{"name": "여의도역", "ars_id": None, "lat": None, "lon": None}],
        "weather": {"temperature": None, "forecast": [{"time": None}], "uv_level": None},
    }
    store_places(window, [odd])
    window.context.store.replace(
        [DatasetUpdate("weather", [{"temperature": None}], source="test", measured_at=None)]
    )
    assert "여의대로" in shown(window, "traffic") and "공영" in shown(window, "traffic")
    assert "생활인구 자료가 없습니다" in shown(window, "population")
    assert "예보 자료가 없습니다" in shown(window, "weather")


def test_charts_are_kept_until_something_they_show_changes(make_window):
    window = make_window()
    shown(window, "population")
    page = window.page_widget("population")
    chart = page.charts["ages"]
    window.dispatch(i.Home())
    shown(window, "population")  # a second visit with nothing new: the same charts
    assert page.charts["ages"] is chart
    store_places(window, [{**sample_place(), "age_20": 50.0}])  # new data: rebuilt
    window.dispatch(i.Home())
    shown(window, "population")
    assert page.charts["ages"] is not chart
    assert page.charts["ages"].show_value_near(page.charts["ages"].point_position(2, 50)) == (
        "20대: 50.0%"
    )
    assert "측정" in texts(page) and "수신" in texts(page)  # the footer still dates the data
