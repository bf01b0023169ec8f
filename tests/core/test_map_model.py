"""The district map's pure half: outlines, layers, markers, details and the offline page."""

from __future__ import annotations

import json
import re
import sys

import pytest

from kiosk.i18n import LANGUAGES, tr
from kiosk.reference import district_at, districts, find_site
from offline_cache.store import DatasetStatus, Snapshot
from widgets.alerts.model import Alert
from widgets.bikes.model import NearbyStation
from widgets.map import model
from widgets.map.page_file import PAGE_NAME, ensure_page

NOW = 1_790_000_000.0
HONGDAE = find_site("홍대입구")
GRADES = {0: "#000001", 1: "#000002", 2: "#000003", 3: "#000004", None: "#000005"}
STYLE = {"high_contrast": False, "label_px": 16}


def snapshot(dataset: str, rows: list[dict]) -> Snapshot:
    status = DatasetStatus(dataset=dataset, source="test", measured_at=NOW, fetched_at=NOW)
    return Snapshot(status=status, rows=rows, now=NOW)


def alert(region: str, step: str = "긴급재난", kind: str = "호우") -> Alert:
    return Alert(sn=1, message="테스트 문자", region=region, created_at=NOW, step=step, kind=kind)


def hotspot_row(name: str, level: str, lat: float, lon: float, **extra) -> dict:
    return {
        "area_name": name,
        "congestion_level": level,
        "congestion_message": f"{name}: {level}",
        "bus_stops": [{"lat": lat, "lon": lon}, {"lat": lat + 0.001, "lon": lon - 0.001}],
        **extra,
    }


def data(air_rows=(), citydata_rows=(), alerts=(), bikes=()) -> model.MapData:
    return model.collect(
        snapshot("air_quality", list(air_rows)),
        snapshot("citydata", list(citydata_rows)),
        list(alerts),
        list(bikes),
        HONGDAE,
    )


def test_the_25_district_outlines_carry_their_code_and_names():
    features = model.district_features()["features"]
    assert len(features) == 25
    codes = [f["properties"]["code"] for f in features]
    assert sorted(codes) == sorted(d.code for d in districts())
    mapo = next(f for f in features if f["properties"]["code"] == "11440")
    assert mapo["properties"]["name_ko"] == "마포구"
    assert mapo["properties"]["name_en"] == "Mapo-gu"
    assert set(mapo["properties"]) == {"code", *(f"name_{lang}" for lang in LANGUAGES)}


def test_every_district_name_sits_inside_its_district():
    points = model.label_points()
    assert len(points) == 25
    for code, (lat, lon) in points.items():
        assert district_at(lat, lon).code == code


def test_air_layer_grades_each_district_and_says_no_data_elsewhere():
    rows = [
        {"district_code": "11440", "pm10": 20.0, "pm25": 10.0, "o3": 0.02},  # 좋음
        {"district_code": "11110", "pm10": 120.0, "pm25": 20.0, "o3": 0.02},  # 나쁨 (PM10)
    ]
    levels = model.layer_levels(data(air_rows=rows), "air")
    assert levels["11440"] == 0 and levels["11110"] == 2
    assert levels["11680"] is None
    state = model.map_state(data(air_rows=rows), "air", "ko", GRADES, STYLE)
    assert state["districts"]["11440"]["fill"] == GRADES[0]
    assert state["districts"]["11110"]["fill"] == GRADES[2]
    assert state["districts"]["11680"]["fill"] == model.NO_DATA_COLOR
    assert state["districts"]["11110"]["value"] == tr("grade.2", "ko")
    assert not state["districts"]["11680"]["known"]


def test_congestion_colours_the_districts_that_contain_a_hotspot():
    rows = [
        hotspot_row("광화문·덕수궁", "보통", 37.5702, 126.9764),  # 종로구
        hotspot_row("홍대 관광특구", "붐빔", 37.5563, 126.9236),  # 마포구
        hotspot_row("어딘가", "알 수 없음", 37.5563, 126.9236),
        {"area_name": "위치 없음", "congestion_level": "여유"},  # no coordinates at all
    ]
    levels = model.layer_levels(data(citydata_rows=rows), "congestion")
    assert levels["11110"] == 1
    assert levels["11440"] == 3
    assert sum(level is not None for level in levels.values()) == 2
    spots = model.hotspots(snapshot("citydata", rows))
    assert spots[3].district_code is None and spots[2].level is None


@pytest.mark.parametrize(
    ("region", "codes"),
    [
        ("서울특별시 마포구", ["11440"]),
        ("서울특별시 중구, 서울특별시 용산구", ["11140", "11170"]),
        ("서울특별시", []),  # all of Seoul: no one place
        ("부산광역시 중구", []),  # another city's 중구
    ],
)
def test_an_alert_is_placed_at_the_districts_its_region_names(region, codes):
    assert [d.code for d in model.alert_districts(alert(region))] == codes


def test_incident_layer_counts_alerts_and_road_incidents_per_district():
    incident = {
        "type": "공사",
        "type_en": "Construction",
        "info": "소공로 차로 통제",
        "info_en": "Sogong-ro lane closed",
        "lat": 37.5647,
        "lon": 126.9786,
        "started_at": NOW - 3600,
        "expected_clear_at": NOW + 3600,
    }
    cleared = {**incident, "lat": 37.5702, "lon": 126.9764, "expected_clear_at": NOW - 60}
    rows = [
        hotspot_row("광화문·덕수궁", "보통", 37.5702, 126.9764, incidents=[incident, cleared]),
        hotspot_row("시청", "보통", 37.5663, 126.9779, incidents=[incident]),  # the same one
    ]
    mapdata = data(citydata_rows=rows, alerts=[alert("서울특별시 중구"), alert("서울특별시")])
    assert len(mapdata.incidents) == 1
    levels = model.layer_levels(mapdata, "incidents")
    assert levels["11140"] == 2  # 중구: one alert, one incident
    assert levels["11440"] == 0
    state = model.map_state(mapdata, "incidents", "en", GRADES, STYLE)
    assert state["districts"]["11140"]["fill"] == model.INCIDENT_COLORS[2]
    kinds = [m["kind"] for m in state["markers"]]
    assert kinds.count("alert") == 1 and kinds.count("incident") == 1
    assert any(m["label"] == "Construction" for m in state["markers"])
    details = model.district_details(mapdata, "11140")
    assert [a.region for a in details.alerts] == ["서울특별시 중구"]
    assert [a.region for a in details.citywide_alerts] == ["서울특별시"]
    assert [i.kind for i in details.incidents] == ["공사"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kiosk_is_marked_you_are_here_in_every_language(lang):
    bikes = [NearbyStation("합정역 1번출구", 7, 10, 300.0, 37.5495, 126.9137)]
    markers = model.markers(data(bikes=bikes), lang)
    here = markers[-1]  # drawn last, on top
    assert here.kind == "here" and here.label == tr("map.here", lang)
    assert (here.lat, here.lon) == (HONGDAE.lat, HONGDAE.lon)
    assert here.district_code == "11440"
    assert [m.label for m in markers if m.kind == "bike"] == ["합정역 1번출구 · 7"]


def test_the_state_is_plain_json_with_every_district_labelled():
    state = model.map_state(data(), "congestion", "ja", GRADES, STYLE, selected="11440")
    text = json.dumps(state)
    assert json.loads(text)["selected"] == "11440"
    assert len(state["districts"]) == len(state["labels"]) == 25
    assert state["districts"]["11440"]["name"] == "麻浦区"
    english = model.map_state(data(), "air", "en", GRADES, STYLE)
    assert english["districts"]["11560"]["name"] == "Yeongdeungpo"  # "-gu" off the map only
    assert state["here_code"] == "11440"


def test_legends_list_every_level_in_the_language():
    colors = model.layer_colors("air", GRADES, high_contrast=False)
    words = [text for _, text in model.legend("air", "en", colors)]
    assert words == ["Good", "Moderate", "Unhealthy", "Very unhealthy", "No data"]
    colors = model.layer_colors("incidents", GRADES, high_contrast=True)
    assert model.legend("incidents", "ko", colors)[0] == (
        model.NO_DATA_COLOR_HIGH_CONTRAST,
        tr("map.incidents_none", "ko"),
    )
    with pytest.raises(ValueError):
        model.layer_levels(data(), "traffic")


def test_the_page_is_offline_with_vendored_leaflet_only(tmp_path):
    path = ensure_page(tmp_path)
    html = path.read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources, "the page links its scripts"
    assert all(url.startswith(("file:///", "qrc:///")) for url in sources), sources
    assert not re.search(r"https?://", html)
    assert any(url.endswith("vendor/leaflet/leaflet.js") for url in sources)
    assert any(url.endswith("qwebchannel.js") for url in sources)
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert html.count('"code": "') == 25
    assert "window.kioskMap.attach(" in html
    assert "L.tileLayer" not in html  # no tiles: a line map


def test_the_page_is_built_once_and_reused(tmp_path, monkeypatch):
    path = ensure_page(tmp_path)
    assert path.name == PAGE_NAME
    built = path.stat().st_mtime_ns
    monkeypatch.setitem(sys.modules, "folium", None)  # a rebuild would need folium
    assert ensure_page(tmp_path).stat().st_mtime_ns == built
    (tmp_path / f"{PAGE_NAME}.key").write_text("older inputs", encoding="utf-8")
    monkeypatch.delitem(sys.modules, "folium")
    ensure_page(tmp_path)
    assert (tmp_path / f"{PAGE_NAME}.key").read_text(encoding="utf-8") != "older inputs"
