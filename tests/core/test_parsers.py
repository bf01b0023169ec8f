"""Every real-format sample parses; every error envelope becomes a clear ApiError."""

import json

import pytest

from offline_cache.parsers import ApiError, NoData, ParseError, parse_response
from offline_cache.parsers.envelope import parse_kst
from tests.conftest import SEOUL_SAMPLES, service_for_error

ERRORS = json.loads((SEOUL_SAMPLES / "errors.json").read_text(encoding="utf-8"))


def sample(name: str) -> bytes:
    return (SEOUL_SAMPLES / name).read_bytes()


def test_air_current_schema():
    (update,) = parse_response(
        "RealtimeCityAir", sample("RealtimeCityAir.current_schema.RECONSTRUCTED.json")
    )
    jung = update.rows[0]
    assert (jung["district"], jung["district_en"], jung["pm10"], jung["pm25"]) == (
        "중구",
        "Jung-gu",
        34.0,
        18.0,
    )
    assert jung["main_pollutant"] == "PM-2.5" and jung["measured_at"] == parse_kst("202605181500")


def test_air_legacy_schema_and_maintenance_values():
    legacy = {
        "RealtimeCityAir": {
            "list_total_count": 2,
            "RESULT": {"CODE": "INFO-000", "MESSAGE": "ok"},
            "row": [
                {
                    "MSRDT": "202105111500",
                    "MSRRGN_NM": "동북권",
                    "MSRSTE_NM": "노원구",
                    "PM10": "41",
                    "PM25": 22,
                    "O3": "0.03",
                    "NO2": 0.02,
                    "CO": 0.4,
                    "SO2": 0.003,
                    "IDEX_NM": "보통",
                    "IDEX_MVL": "71",
                    "ARPLT_MAIN": "PM25",
                },
                {
                    "MSRDT": "202105111500",
                    "MSRRGN_NM": "동북권",
                    "MSRSTE_NM": "도봉구",
                    "PM10": "점검중",
                    "PM25": "점검중",
                    "O3": "",
                    "NO2": None,
                    "CO": 0.4,
                    "SO2": 0.003,
                    "IDEX_NM": "점검중",
                    "IDEX_MVL": "-",
                    "ARPLT_MAIN": "",
                },
            ],
        }
    }
    (update,) = parse_response("realtimecityair", json.dumps(legacy))
    nowon, dobong = update.rows
    assert (nowon["district"], nowon["pm10"], nowon["pm25"], nowon["cai"]) == ("노원구", 41, 22, 71)
    assert dobong["pm10"] is None and dobong["pm25"] is None


def test_air_wrong_types_are_rejected():
    doc = json.loads(sample("RealtimeCityAir.current_schema.RECONSTRUCTED.json"))
    doc["RealtimeCityAir"]["row"][0]["PM"] = "many"
    with pytest.raises(ParseError, match="PM is not a number"):
        parse_response("RealtimeCityAir", json.dumps(doc))


def test_subway_bikes_alerts_weather_citydata():
    (subway,) = parse_response("realtimeStationArrival", sample("realtimeStationArrival.json"))
    assert len(subway.rows) == 5 and subway.rows[0]["seconds"] == 60
    assert subway.rows[3]["line_id"] == "1002" and subway.rows[3]["direction"] == "내선"
    (bikes,) = parse_response("bikeList", sample("bikeList.json"))
    assert bikes.rows[0]["bikes"] == 3 and bikes.rows[0]["racks"] == 22
    (alerts,) = parse_response(
        "DSSP-IF-00247", sample("disaster_msg_safetydata_DSSP-IF-00247.json")
    )
    assert alerts.rows[1]["kind"] == "호우" and alerts.measured_at == parse_kst(
        "2026/08/18 03:51:18"
    )
    (weather,) = parse_response("getUltraSrtNcst", sample("kma_getUltraSrtNcst.json"))
    assert weather.rows[0]["temperature"] == 13.1 and weather.rows[0]["nx"] == 55
    (city,) = parse_response("citydata", sample("citydata.json"))
    place = city.rows[0]
    assert place["area_name"] == "광화문·덕수궁" and place["population_max"] == 40000
    assert len(place["population_forecast"]) == 8 and place["road_traffic"]["speed"] == 13
    assert place["weather"]["temperature"] == 32.3 and len(place["weather"]["forecast"]) == 8


@pytest.mark.parametrize(
    "key",
    [k for k in ERRORS if not k.startswith("_") and "code_table" not in k and "success" not in k],
)
def test_every_error_envelope_is_a_clear_api_error(key):
    entry = ERRORS[key]
    body = entry if isinstance(entry, str) else json.dumps(entry, ensure_ascii=False)
    service = service_for_error(key)
    with pytest.raises(ApiError) as caught:
        parse_response(service, body)
    assert caught.value.code and caught.value.message


def test_no_data_is_its_own_error():
    with pytest.raises(NoData):
        parse_response(
            "bikeList",
            json.dumps(ERRORS["openapi_seoul_no_data_INFO-200 (json, no service wrapper)"]),
        )


def test_truncated_json_is_a_parse_error():
    body = sample("bikeList.json")[:-40]
    with pytest.raises(ParseError, match="not complete JSON"):
        parse_response("bikeList", body)


def test_timestamps_of_every_api():
    assert parse_kst("202105111500") == parse_kst("2021-05-11 15:00")
    assert parse_kst("2021-10-14 18:06:56.0") - parse_kst("2021/10/14 18:06:00") == 56
    assert parse_kst("") is None


def test_public_toilets_with_absent_fields():
    doc = json.loads(sample("SearchPublicToiletPOIService.RECONSTRUCTED.json"))
    (update,) = parse_response("SearchPublicToiletPOIService", json.dumps(doc))
    (toilet,) = update.rows
    assert (toilet["name"], toilet["kind"], toilet["lat"]) == (
        "(예시) 시청역 공중화장실",
        "개방화장실",
        37.5663,
    )
    assert toilet["updated_at"] == parse_kst("2010-01-01")
    rows = doc["SearchPublicToiletPOIService"]["row"]
    rows.append({"CNAME": "이름만", "X_WGS84": "126.97", "Y_WGS84": "37.56", "UPDATEDATE": "?"})
    rows.append({"FNAME": "위치 없음"})
    (update,) = parse_response("SearchPublicToiletPOIService", json.dumps(doc))
    assert [(r["name"], r["poi_id"], r["updated_at"]) for r in update.rows][1] == (
        "이름만",
        "",
        None,
    )
    assert len(update.rows) == 2  # the row without a position is skipped


def test_public_toilets_without_any_position_is_a_schema_change():
    doc = json.loads(sample("SearchPublicToiletPOIService.RECONSTRUCTED.json"))
    doc["SearchPublicToiletPOIService"]["row"] = [{"FNAME": "a", "LAT": 37.5, "LNG": 126.9}]
    with pytest.raises(ParseError, match="no SearchPublicToiletPOIService row has X_WGS84"):
        parse_response("SearchPublicToiletPOIService", json.dumps(doc))


def test_citydata_carries_the_disaster_messages_of_its_place():
    """LIVE_DST_MESSAGE arrives inside a citydata response: the reconstructed block from
    SOURCES.md, placed into the real sample, becomes the place's alerts."""
    doc = json.loads(sample("citydata.json"))
    block = json.loads(sample("citydata_LIVE_DST_MESSAGE.RECONSTRUCTED.json"))
    doc["CITYDATA"]["LIVE_DST_MESSAGE"] = block["LIVE_DST_MESSAGE"]
    (city,) = parse_response("citydata", json.dumps(doc, ensure_ascii=False))
    (alert,) = city.rows[0]["alerts"]
    assert alert["kind"] == "호우" and alert["step"] == "안전안내"
    assert alert["message"].startswith("(예시) 호우경보") and alert["created_at"] == parse_kst(
        "2026-08-11 17:40"
    )
