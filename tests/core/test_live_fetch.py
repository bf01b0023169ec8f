"""Connectors against a real local HTTP server replaying the recorded Seoul API responses.

Faults are real too: stalled and trickling sockets, HTTP 500, cut connections, broken bodies.
Timeouts are short and backoff pauses are recorded instead of slept, so the suite stays fast."""

import json
import logging

import pytest

from offline_cache.connectors.redact import install_log_redaction
from offline_cache.connectors.refresher import RETRY_AFTER_FAILURE_S, Refresher
from offline_cache.parsers.envelope import parse_kst
from offline_cache.store import CACHE_FILENAME, CacheStore
from tests.seoul_server import (
    HTTP_500,
    KEY,
    SUBWAY_NO_TRAINS,
    XML_ERROR,
    Reply,
    bike_rows,
    live_settings,
    sample,
    to_body,
)

AIR_BODY = to_body(sample("RealtimeCityAir.current_schema.RECONSTRUCTED.json"))


@pytest.fixture
def store(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    yield store
    store.close()


@pytest.fixture
def pauses():
    """Backoff pauses the refresher asked for (recorded, not slept)."""
    return []


def refresher(store, server, pauses, **changes):
    settings = live_settings(server, **changes)  # station=, env= or any LiveSettings field
    return Refresher(store, settings, clock=store.clock, sleep=pauses.append)


def test_every_dataset_is_fetched_validated_and_stored(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses, station="city_hall", bike_radius_m=10_000)
    outcomes = {o.dataset: o for o in live.run_once()}
    assert all(o.ok for o in outcomes.values()), outcomes
    rows = {dataset: store.snapshot(dataset).rows for dataset in outcomes}
    assert [r["seconds"] for r in rows["subway_arrivals"]][:2] == [60, 360]
    assert rows["air_quality"][0]["pm10"] == 34.0
    assert rows["citydata"][0]["area_name"] == "광화문·덕수궁"
    assert rows["weather"][0]["temperature"] == 13.1
    assert [r["kind"] for r in rows["disaster_alerts"]] == ["기타", "호우"]
    (toilet,) = rows["public_toilets"]
    assert toilet["name"] == "(예시) 시청역 공중화장실" and toilet["distance_m"] < 100
    bikes = rows["bike_stations"]
    assert len(bikes) == 5 and bikes == sorted(bikes, key=lambda r: r["distance_m"])
    status = store.status("air_quality")
    assert not status.sample and status.source == "RealtimeCityAir" and status.last_error is None
    assert status.measured_at == parse_kst("202605181500")
    # the API wants the kiosk's grid cell and the station name without "역"
    kma = next(path for path in seoul_server.requests if "getUltraSrtNcst" in path)
    assert "nx=60&ny=127" in kma and "serviceKey=dgk%2BSecret%2FKey%3D%3D" in kma
    assert seoul_server.count("realtimeStationArrival/0/40/시청") == 1


def test_pages_up_to_list_total_count_and_keeps_bikes_near_the_kiosk(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses, bike_radius_m=500)
    site = live.settings.site
    seoul_server.tables["bikeList"] = bike_rows(2500, site.lat, site.lon, radius_m=2000)
    (outcome,) = [live.fetch("bike_stations")]
    assert outcome.ok
    assert [p.split("bikeList/")[1] for p in seoul_server.requests] == [
        "1/1000/",
        "1001/2000/",
        "2001/3000/",
    ]
    rows = store.snapshot("bike_stations").rows
    assert 50 < len(rows) < 2500 and all(row["distance_m"] <= 500 for row in rows)
    assert rows == sorted(rows, key=lambda row: row["distance_m"])


def test_the_public_sample_key_asks_for_five_rows(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses, env={"SEOUL_API_KEY": "sample"})
    assert live.fetch("air_quality").ok
    assert seoul_server.requests[-1].endswith("/json/RealtimeCityAir/1/5/")


def test_http_500_is_retried_with_exponential_backoff_and_jitter(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses, backoff_s=1.0)
    seoul_server.script("RealtimeCityAir", HTTP_500, HTTP_500)
    outcome = live.fetch("air_quality")
    assert outcome.ok and seoul_server.count("RealtimeCityAir") == 3
    first, second = pauses
    assert 1.0 <= first <= 2.0 and 2.0 <= second <= 3.0


def test_a_failed_fetch_keeps_the_last_good_data_and_says_why(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses)
    assert live.fetch("air_quality").ok
    good = store.snapshot("air_quality").rows
    seoul_server.script("RealtimeCityAir", HTTP_500, HTTP_500, HTTP_500)
    outcome = live.fetch("air_quality")
    assert not outcome.ok and outcome.error.startswith("HTTP 500 from 127.0.0.1:")
    assert outcome.error.endswith("(3 attempts)")
    snapshot = store.snapshot("air_quality")
    assert snapshot.rows == good and snapshot.status.last_error == outcome.error


@pytest.mark.parametrize(
    "reply,attempts,error",
    [
        (Reply(AIR_BODY, delay_s=1.5), 1, "timed out after 0.3 s (1 attempts)"),
        (Reply(AIR_BODY, chunk_delay_s=0.06), 1, "too slow: no complete answer within 0.4 s"),
        (Reply(AIR_BODY[:200]), 1, "unusable response: response is not complete JSON"),
        (XML_ERROR, 1, "API error INFO-100: 인증키가 유효하지 않습니다."),
        (Reply(b"<html><body>Bad Gateway</body></html>"), 1, "XML response where JSON"),
        (Reply(b""), 1, "unusable response: response is not complete JSON"),
        (
            Reply(AIR_BODY.replace(b'"PM": 34.0', b'"PM": "many"')),
            1,
            "unusable response: PM is not a number: 'many'",
        ),
        (Reply(to_body({"RealtimeCityAir": {"row": "x"}})), 1, "row is not a list"),
    ],
    ids=["timeout", "slow", "truncated-json", "xml-error", "html", "empty", "types", "shape"],
)
def test_bad_responses_are_clear_errors_and_change_nothing(
    store, seoul_server, pauses, reply, attempts, error
):
    live = refresher(
        store, seoul_server, pauses, timeout_s=0.3, max_response_s=0.4, attempts=attempts
    )
    assert live.fetch("air_quality").ok
    before = store.snapshot("air_quality")
    seoul_server.script("RealtimeCityAir", reply)
    outcome = live.fetch("air_quality")
    assert not outcome.ok and error in outcome.error
    after = store.snapshot("air_quality")
    assert after.rows == before.rows and after.status.fetched_at == before.status.fetched_at
    assert after.status.last_error == outcome.error


def test_a_connection_cut_mid_body_is_retried(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses)
    seoul_server.script("RealtimeCityAir", Reply(AIR_BODY, cut_at=150))
    assert live.fetch("air_quality").ok and seoul_server.count("RealtimeCityAir") == 2


def test_legacy_air_schema_with_maintenance_values(store, seoul_server, pauses):
    seoul_server.tables["RealtimeCityAir"] = [
        {
            "MSRDT": "202105111500",
            "MSRRGN_NM": "동북권",
            "MSRSTE_NM": "노원구",
            "PM10": "41",
            "PM25": 22,
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
            "IDEX_NM": "점검중",
            "IDEX_MVL": "-",
            "ARPLT_MAIN": "",
        },
    ]
    live = refresher(store, seoul_server, pauses)
    assert live.fetch("air_quality").ok
    nowon, dobong = store.snapshot("air_quality").rows
    assert (nowon["district"], nowon["pm10"], nowon["cai"]) == ("노원구", 41.0, 71.0)
    assert dobong["pm10"] is None and dobong["pm25"] is None


def test_no_trains_right_now_is_an_empty_dataset_not_an_error(store, seoul_server, pauses):
    live = refresher(store, seoul_server, pauses)
    assert live.fetch("subway_arrivals").rows == 5
    seoul_server.script("realtimeStationArrival", Reply(to_body(SUBWAY_NO_TRAINS)))
    outcome = live.fetch("subway_arrivals")
    assert outcome.ok and outcome.rows == 0
    snapshot = store.snapshot("subway_arrivals")
    assert snapshot.is_empty and snapshot.status.has_data and snapshot.status.last_error is None


def test_circuit_breaker_rests_a_failing_source_then_tries_once(store, seoul_server, pauses, clock):
    live = refresher(store, seoul_server, pauses, attempts=1, breaker_failures=2)
    seoul_server.script("RealtimeCityAir", HTTP_500, HTTP_500)
    assert not live.fetch("air_quality").ok and not live.fetch("air_quality").ok
    resting = live.fetch("air_quality")
    assert "failed 2 times in a row; not asking it again before" in resting.error
    assert seoul_server.count("RealtimeCityAir") == 2  # no request while open
    assert not live.fetch("bike_stations").ok  # same API, same breaker
    assert live.fetch("subway_arrivals").ok  # another API is unaffected
    clock.advance(live.settings.breaker_reset_s + 1)
    assert live.fetch("air_quality").ok and seoul_server.count("RealtimeCityAir") == 3


def test_staleness_grows_while_the_network_is_down(store, seoul_server, pauses, clock):
    live = refresher(
        store, seoul_server, pauses, attempts=1, breaker_failures=100, bike_radius_m=1200
    )
    assert live.fetch("bike_stations").ok
    assert not store.snapshot("bike_stations").is_stale
    for _ in range(4):  # 4 x 5 minutes of HTTP 500
        clock.advance(300)
        seoul_server.script("bikeList", HTTP_500)
        assert not live.fetch("bike_stations").ok
    snapshot = store.snapshot("bike_stations")
    assert snapshot.is_stale and snapshot.age_s == 1200 and len(snapshot.rows) == 4
    assert snapshot.status.last_error.startswith("HTTP 500")
    assert live.fetch("bike_stations").ok
    fresh = store.snapshot("bike_stations")
    assert not fresh.is_stale and fresh.status.last_error is None


def test_schedule_follows_intervals_and_backs_off_after_failures(
    store, seoul_server, pauses, clock
):
    seoul_server.add_place("홍대 관광특구")
    live = refresher(store, seoul_server, pauses, attempts=1, breaker_failures=100)
    start = clock.now
    assert {o.dataset for o in live.run_due()} == set(live.active)  # everything is due first
    assert live.next_at["subway_arrivals"] == start + 30
    assert store.status("citydata").next_fetch_at == start + 300
    clock.advance(30)
    assert [o.dataset for o in live.run_due()] == ["subway_arrivals"]
    seoul_server.script("RealtimeCityAir", HTTP_500, HTTP_500)
    clock.advance(600)
    live.run_due()
    assert live.next_at["air_quality"] == clock.now + RETRY_AFTER_FAILURE_S
    clock.advance(RETRY_AFTER_FAILURE_S)
    assert "air_quality" in {o.dataset for o in live.run_due() if not o.ok}
    assert live.next_at["air_quality"] == clock.now + 2 * RETRY_AFTER_FAILURE_S
    # a restarted refresher does not refetch what is fresh
    again = Refresher(store, live.settings, clock=clock, sleep=pauses.append)
    assert again.next_at["public_toilets"] == start + 86400


def test_a_failing_citydata_hotspot_keeps_its_last_good_row(store, seoul_server, pauses):
    seoul_server.add_place("여의도")
    live = refresher(store, seoul_server, pauses, attempts=1, hotspots=("광화문·덕수궁", "여의도"))
    assert live.fetch("citydata").rows == 2
    seoul_server.script(
        "citydata", Reply(to_body({"RESULT": {"CODE": "ERROR-500", "MESSAGE": "서버 오류입니다."}}))
    )
    outcome = live.fetch("citydata")
    assert outcome.ok and outcome.warning == "광화문·덕수궁: API error ERROR-500: 서버 오류입니다."
    snapshot = store.snapshot("citydata")
    assert [row["area_name"] for row in snapshot.rows] == ["광화문·덕수궁", "여의도"]
    assert snapshot.status.last_error == outcome.warning
    seoul_server.script("citydata", HTTP_500, HTTP_500)
    assert not live.fetch("citydata").ok  # every hotspot failed: an error, rows unchanged
    assert len(store.snapshot("citydata").rows) == 2


def test_safetydata_alerts_are_paged(store, seoul_server, pauses, monkeypatch):
    monkeypatch.setattr("offline_cache.connectors.fetchers.ALERT_PAGE_ROWS", 1)
    live = refresher(store, seoul_server, pauses)
    assert live.fetch("disaster_alerts").rows == 2
    assert seoul_server.count("DSSP-IF-00247") == 2


def test_keys_never_reach_logs_errors_or_status(store, seoul_server, pauses, caplog):
    caplog.set_level(logging.DEBUG)
    install_log_redaction()
    live = refresher(store, seoul_server, pauses, attempts=2)
    seoul_server.script("RealtimeCityAir", HTTP_500, Reply(AIR_BODY[:50]))
    seoul_server.script("realtimeStationArrival", XML_ERROR)
    seoul_server.script("bikeList", Reply(AIR_BODY, cut_at=10), Reply(AIR_BODY, cut_at=10))
    outcomes = live.run_once()
    assert any(not o.ok for o in outcomes)
    assert "HTTP Request: GET" in caplog.text and "/***/json/" in caplog.text
    texts = [caplog.text, json.dumps([vars(o) for o in outcomes], ensure_ascii=False)]
    texts += [str(status) for status in store.statuses()]
    for text in texts:
        assert KEY not in text and "dgk+Secret" not in text and "dgk%2BSecret" not in text
