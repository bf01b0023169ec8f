"""Pure widget models: grading, arrival countdowns, nearest bikes, active alerts, freshness."""

import pytest

from kiosk.freshness import describe
from kiosk.reference import district_at, find_site
from offline_cache.store import DatasetStatus, Snapshot
from widgets.air.model import district_air, grade_name, grade_of
from widgets.alerts.model import active_alerts, alerts_newest_first
from widgets.bikes.model import distance_m, nearby_stations
from widgets.subway.model import arrivals_here

NOW = 1_790_000_000.0


def snap(dataset, rows, measured_at=None, fetched_at=NOW, **status):
    return Snapshot(
        DatasetStatus(
            dataset, measured_at=measured_at, fetched_at=fetched_at, row_count=len(rows), **status
        ),
        rows,
        now=NOW,
    )


@pytest.mark.parametrize(
    "value,pollutant,grade",
    [
        (30, "pm10", 0),
        (31, "pm10", 1),
        (80, "pm10", 1),
        (151, "pm10", 3),
        (15, "pm25", 0),
        (16, "pm25", 1),
        (76, "pm25", 3),
        (0.03, "o3", 0),
        (0.2, "o3", 3),
        (None, "pm10", None),
    ],
)
def test_korean_grade_bands(value, pollutant, grade):
    assert grade_of(value, pollutant) == grade


def test_all_25_districts_with_the_worst_grade_and_here_marked():
    rows = [{"district_code": "11440", "pm10": 20.0, "pm25": 40.0, "o3": 0.02}]
    board = district_air(snap("air_quality", rows), here_code="11440")
    assert len(board) == 25
    mapo = next(d for d in board if d.is_here)
    assert mapo.overall == 2 and grade_name(mapo.overall, "en") == "Unhealthy"
    assert all(d.overall is None for d in board if not d.is_here)


def test_kiosk_sites_fall_in_their_districts():
    assert district_at(37.55679, 126.92371).name_ko == "마포구"
    assert district_at(35.1, 129.0) is None  # Busan


def test_arrivals_count_down_from_the_measurement():
    rows = [
        {
            "station": "홍대입구",
            "line_id": "1002",
            "direction": "내선",
            "destination": "성수",
            "seconds": 300,
            "message": "5분 후",
        },
        {
            "station": "홍대입구",
            "line_id": "1002",
            "direction": "내선",
            "destination": "성수",
            "seconds": 120,
            "message": "2분 후",
        },
        {"station": "까치산", "line_id": "1005", "direction": "상행", "seconds": 60},
    ]
    grouped = arrivals_here(snap("subway_arrivals", rows, fetched_at=NOW - 60), "홍대입구")
    (inner,) = grouped.values()
    assert [a.eta_s for a in inner] == [60, 240]
    assert inner[0].eta_text("ko") == "1분" and inner[1].eta_text("en") == "4 min"


def test_stale_arrivals_fall_back_to_the_announcement():
    rows = [
        {
            "station": "홍대입구",
            "line_id": "1002",
            "direction": "내선",
            "seconds": 300,
            "message": "5분 후 (합정)",
        }
    ]
    (arrivals,) = arrivals_here(
        snap("subway_arrivals", rows, fetched_at=NOW - 3600), "홍대입구"
    ).values()
    assert arrivals[0].eta_s is None and arrivals[0].eta_text("ko") == "5분 후 (합정)"


def test_bikes_nearest_first_within_the_radius():
    site = find_site("홍대입구")
    rows = [
        {"name": "far", "bikes": 1, "racks": 5, "lat": 37.60, "lon": 126.92},
        {"name": "near", "bikes": 2, "racks": 5, "lat": 37.5570, "lon": 126.9240},
        {"name": "mid", "bikes": 3, "racks": 5, "lat": 37.5600, "lon": 126.9237},
    ]
    stations = nearby_stations(snap("bike_stations", rows), site, radius_m=1000)
    assert [s.name for s in stations] == ["near", "mid"]
    assert distance_m(37.5665, 126.9780, 37.5665, 126.9780) == 0


def test_only_recent_seoul_alerts_are_active():
    rows = [
        {
            "sn": 1,
            "region": "서울특별시 마포구",
            "created_at": NOW - 600,
            "step": "안전안내",
            "message": "a",
        },
        {
            "sn": 2,
            "region": "서울특별시",
            "created_at": NOW - 300,
            "step": "긴급재난",
            "message": "b",
        },
        {
            "sn": 3,
            "region": "경상남도 거제시",
            "created_at": NOW - 60,
            "step": "위급재난",
            "message": "c",
        },
        {
            "sn": 4,
            "region": "서울특별시",
            "created_at": NOW - 86400,
            "step": "안전안내",
            "message": "d",
        },
    ]
    snapshot = snap("disaster_alerts", rows)
    assert [a.sn for a in alerts_newest_first(snapshot)] == [3, 2, 1, 4]
    assert [a.sn for a in active_alerts(snapshot)] == [2, 1]


def test_freshness_line_tags_and_errors():
    status = dict(
        sample=True, last_error="ERROR-500: 서버 오류", last_error_at=NOW, last_success_at=NOW - 10
    )
    info = describe(snap("air_quality", [{}], measured_at=NOW - 3 * 3600, **status), "ko")
    assert info.stale and info.sample and "서버 오류" in info.error and "3시간 전" in info.text
