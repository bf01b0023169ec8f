"""Traffic, live population and weather models on the real-format citydata and KMA samples,
and on the odd rows real APIs send (None, "점검중" stored as None, missing blocks)."""

from dataclasses import replace

import pytest

from kiosk.config import load_config
from offline_cache.parsers import parse_response
from offline_cache.store import DatasetStatus, Snapshot
from tests.conftest import SEOUL_SAMPLES
from widgets.common.hotspots import hotspot_names, ordered_hotspots, pick_hotspot, seoul_words
from widgets.population.model import congestion_level, live_population, range_text
from widgets.traffic.model import bus_stops, parking_lots, road_traffic
from widgets.weather.model import CITYDATA, KMA, compass_point, weather_report

NOW = 1_790_000_000.0
HONGDAE = (37.55679, 126.92371)


def sample_rows(service: str, name: str) -> list[dict]:
    (update,) = parse_response(service, (SEOUL_SAMPLES / name).read_bytes())
    return update.rows


def snap(dataset, rows, measured_at=NOW, now=NOW):
    status = DatasetStatus(dataset, measured_at=measured_at, fetched_at=now, row_count=len(rows))
    return Snapshot(status, rows, now=now)


@pytest.fixture
def place() -> dict:
    return sample_rows("citydata", "citydata.json")[0]


def test_parser_keeps_the_parking_fee(place):
    lot = place["parking"][0]
    assert (lot["rate_won"], lot["rate_minutes"], lot["extra_rate_won"], lot["extra_minutes"]) == (
        2000,
        30,
        1000,
        10,
    )
    assert lot["live"] is False and lot["parked"] is None and lot["parked_at"] is None


def test_configured_places_first_then_the_nearest(place):
    far = {**place, "area_name": "광화문·덕수궁"}
    near = {"area_name": "홍대 관광특구", "bus_stops": [{"lat": 37.5568, "lon": 126.9237}]}
    unplaced = {"area_name": "어딘가"}  # no position: last
    rows = [unplaced, far, near]
    assert [r["area_name"] for r in ordered_hotspots(snap("citydata", rows), (), *HONGDAE)] == [
        "홍대 관광특구",
        "광화문·덕수궁",
        "어딘가",
    ]
    configured = ordered_hotspots(snap("citydata", rows), ("어딘가",), *HONGDAE)
    assert configured[0]["area_name"] == "어딘가"
    assert pick_hotspot(configured, "광화문·덕수궁")["area_name"] == "광화문·덕수궁"
    assert pick_hotspot(configured, "없는 곳")["area_name"] == "어딘가"
    assert pick_hotspot([], None) is None


def test_hotspot_names_follow_the_site_and_survive_a_broken_setting(data_dir):
    assert hotspot_names(load_config(data_dir=data_dir)) == ("홍대 관광특구",)
    broken = replace(load_config(data_dir=data_dir), sections={"citydata": {"hotspots": "여의도"}})
    assert hotspot_names(broken) == ()


def test_roads_bus_stops_and_parking_of_the_sample(place):
    roads = road_traffic(place)
    assert (roads.level, roads.speed_kmh, len(roads.links)) == (2, 13.0, 2)
    assert [link.level for link in roads.links] == [1, 2] and roads.links[1].speed_kmh == 3.0
    stops = bus_stops(place, 37.5701, 126.9770)  # at 광화문
    assert [s.ars_id for s in stops] == ["1009", "1010", "1117"]
    assert stops[0].distance_m < 100
    lots = parking_lots(place)
    assert lots[0].name == "한화생명 태평로사옥" and lots[0].capacity == 484  # the largest
    assert lots[0].free_spaces is None  # no live count
    assert lots[0].fee_text("ko") == "30분 3,000원 · 추가 10분마다 1,000원"
    assert lots[0].fee_text("en") == "₩3,000 per 30 min · then ₩1,000 per 10 min"
    free = next(lot for lot in lots if not lot.paid)
    assert free.fee_text("ko") == "무료"


def test_live_parking_counts_free_spaces_first():
    row = {
        "parking": [
            {"name": "큰 곳", "capacity": 500, "live": False},
            {"name": "실시간", "capacity": 40, "parked": 45, "live": True, "paid": True},
        ]
    }
    lots = parking_lots(row)
    assert lots[0].name == "실시간" and lots[0].free_spaces == 0  # over-full is 0, not -5
    assert lots[0].fee_text("ko") == ""  # paid, fee unknown


@pytest.mark.parametrize(
    "row",
    [
        {},
        {"road_traffic": None, "roads": None, "bus_stops": "", "parking": [None, 3]},
        {"road_traffic": {"speed": "점검중", "index": None}, "roads": [{"speed": None}]},
    ],
)
def test_odd_rows_never_raise(row):
    roads = road_traffic(row)
    assert roads is None or roads.speed_kmh is None
    assert bus_stops(row, *HONGDAE) == [] and parking_lots(row) == []
    assert live_population(row) is None


def test_live_population_of_the_sample(place):
    population = live_population(place)
    assert population.level == 1 and population.area == "광화문·덕수궁"
    assert range_text(population.minimum, population.maximum, "ko") == "38,000~40,000명"
    assert range_text(population.minimum, population.maximum, "en") == "38,000–40,000 people"
    assert [band for band, _ in population.ages] == [0, 10, 20, 30, 40, 50, 60, 70]
    assert (population.male, population.non_resident) == (50.5, 59.2)
    assert len(population.forecast) == 8 and population.peak.maximum == 34000


def test_population_edge_cases():
    assert congestion_level("약간 붐빔") == 2 and congestion_level("약간붐빔") == 2
    assert congestion_level("점검중") is None and congestion_level(None) is None
    row = {
        "area_name": "여의도",
        "congestion_level": "붐빔",
        "population_min": None,
        "population_max": 1200,
        "population_forecast": [{"time": None, "max": 5}, {"time": NOW, "max": None}, "x"],
    }
    population = live_population(row)
    assert population.level == 3 and population.ages == []
    assert len(population.forecast) == 1 and population.peak is None
    assert range_text(None, 1200, "ko") == "1,200명" and range_text(None, None, "en") == ""


def test_weather_takes_each_value_from_its_source(place):
    nowcast = snap("weather", sample_rows("getUltraSrtNcst", "kma_getUltraSrtNcst.json"))
    city = snap("citydata", [place])
    report = weather_report(nowcast, city, place, "ko")
    sources = {reading.name: (reading.value, reading.source) for reading in report.readings}
    assert sources["weather.temperature"] == ("13.1°C", KMA)
    assert sources["weather.humidity_label"][1] == KMA
    assert sources["weather.sky"] == ("맑음", CITYDATA)
    assert sources["weather.low_high"] == ("22.0°C / 32.0°C", CITYDATA)
    assert sources["weather.uv"] == ("낮음", CITYDATA)
    assert len(report.forecast) == 8 and report.forecast[0].temperature == 29.0
    assert report.area == "광화문·덕수궁"


def test_weather_falls_back_to_citydata(place):
    empty = snap("weather", [], measured_at=None)
    report = weather_report(empty, snap("citydata", [place]), place, "en")
    sources = {reading.name: (reading.value, reading.source) for reading in report.readings}
    assert sources["weather.temperature"] == ("32.3°C", CITYDATA)
    assert sources["weather.wind_label"] == ("NNE 3.6 m/s", CITYDATA)
    assert sources["weather.precipitation"] == ("No precipitation", CITYDATA)
    # an out-of-date nowcast gives way to fresh citydata
    old = snap("weather", [{"temperature": 1.0}], measured_at=NOW - 86400)
    report = weather_report(old, snap("citydata", [place]), place, "ko")
    assert report.readings[0].source == CITYDATA
    assert weather_report(empty, snap("citydata", []), None, "ko") is None


def test_weather_with_odd_values():
    nowcast = snap("weather", [{"temperature": None, "precip_type": 3, "rain_1h_mm": 2.5}])
    row = {"weather": {"forecast": [{"time": NOW, "temperature": None, "sky": "뭉게구름"}]}}
    report = weather_report(nowcast, snap("citydata", [row]), row, "ko")
    names = {reading.name: reading.value for reading in report.readings}
    assert "weather.temperature" not in names
    assert names["weather.precipitation"] == "눈 · 1시간 강수 2.5 mm"
    assert names["weather.sky"] == "뭉게구름"  # an unknown word is shown as the API wrote it
    assert compass_point(0) == "N" and compass_point(350) == "N" and compass_point(200) == "SSW"
    assert compass_point(None) is None and compass_point(999) is None


def test_seoul_words_in_the_visitors_language():
    message = "해당 장소로 이동·진입시 시간이 오래 걸릴 수 있어요."
    assert seoul_words(message, "traffic.road_msg.2", "ko") == message
    assert seoul_words(message, "traffic.road_msg.2", "en").startswith("Roads are congested")
    assert seoul_words("", "population.msg.0", "ko").startswith("사람이 몰려있지 않아")
