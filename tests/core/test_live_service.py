"""The background refresh service inside the kiosk: re-render after each store, status, no key."""

import queue
import threading

from kiosk.config import load_config
from kiosk.intents import DataUpdated
from offline_cache.connectors import service
from offline_cache.connectors.fetchers import CONNECTORS
from offline_cache.startup import open_cache
from tests.seoul_server import HTTP_500


class Context:
    """Stands in for the shell's ServiceContext: collects intents and status lines."""

    def __init__(self, config):
        self.config = config
        self.intents: queue.Queue = queue.Queue()
        self.statuses: list[tuple[str, bool, str]] = []

    def sink(self, intent) -> None:
        self.intents.put(intent)

    def set_status(self, key: str, ok: bool, text) -> None:
        self.statuses.append((key, ok, text))


def test_without_a_key_the_kiosk_shows_its_cache_and_says_so():
    threads = threading.active_count()
    context = Context(load_config(None))
    assert service.start(context) is None
    ((key, ok, text),) = context.statuses
    assert (key, ok, text["en"]) == ("live_data", False, "no API key: showing cached data")
    assert text["ko"] == "API 키 없음: 저장된 자료를 보여 줍니다"
    assert text["zh"] == "没有 API 密钥：显示已保存的数据"  # the strip is read in every language
    assert threading.active_count() == threads


def test_a_bad_setting_turns_live_data_off_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("SEOUL_API_KEY", "some-key-1234")
    config = tmp_path / "bad.toml"
    config.write_text("[refresh]\nair = 60\n", encoding="utf-8")
    context = Context(load_config(config))
    assert service.start(context) is None
    ((key, ok, text),) = context.statuses
    assert not ok and text["en"].startswith("live data off: [refresh] air: not a live dataset")


def test_each_stored_dataset_asks_its_pages_to_rerender(seoul_server, monkeypatch):
    for name, value in seoul_server.environ().items():
        monkeypatch.setenv(name, value)
    seoul_server.add_place("홍대 관광특구")
    context = Context(load_config(None))
    running = service.start(context)
    assert running is not None
    try:
        updated = {context.intents.get(timeout=10) for _ in CONNECTORS}
    finally:
        running.stop()
    assert updated == {DataUpdated((dataset,)) for dataset in CONNECTORS}
    assert not running.thread.is_alive()
    key, ok, text = context.statuses[-1]
    assert ok and text == {
        "ko": "실시간 자료 7종 최신",
        "en": "live data: 7 of 7 datasets current",
        "zh": "实时数据：7 类均为最新",
        "ja": "リアルタイムデータ：7種類すべて最新",
    }
    store = open_cache(context.config.data_dir)
    assert store.status("subway_arrivals").row_count == 5 and not store.status("weather").sample


def test_a_failing_api_shows_in_the_status_with_its_error(seoul_server, monkeypatch, tmp_path):
    for name, value in seoul_server.environ().items():
        monkeypatch.setenv(name, value)
    seoul_server.add_place("홍대 관광특구")
    seoul_server.script("RealtimeCityAir", *[HTTP_500] * 3)
    config = tmp_path / "quick.toml"
    config.write_text("[api]\nattempts = 1\n", encoding="utf-8")
    context = Context(load_config(config))
    running = service.start(context)
    try:
        updated = {context.intents.get(timeout=10).datasets for _ in range(len(CONNECTORS) - 1)}
    finally:
        running.stop()
    assert ("air_quality",) not in updated  # nothing stored, so no re-render
    key, ok, text = context.statuses[-1]
    assert not ok and text["en"].startswith(
        "live data: 1 of 7 datasets failing (air_quality: HTTP 500"
    )
    assert text["ko"].startswith("실시간 자료 7종 중 1종 오류 (air_quality: HTTP 500")
