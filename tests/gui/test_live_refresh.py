"""The refresh service inside a real kiosk window: live data replaces the sample on screen."""

from __future__ import annotations

from kiosk import intents as i
from kiosk.shell.services import ShellContext, start_services, stop_services
from offline_cache.connectors.fetchers import CONNECTORS
from tests.gui.shown import texts


def start_refresh(window):
    context = ShellContext(
        window.config,
        window.registry,
        window.bridge.sink,
        window.status,
        window,
        window.subscribe,
    )
    return start_services(context, ("offline_cache.connectors.service",))


def test_fetched_arrivals_appear_on_the_open_subway_page(
    make_window, qtbot, seoul_server, monkeypatch
):
    for row in seoul_server.arrivals["realtimeArrivalList"]:
        row["statnNm"] = "홍대입구"  # the sample was recorded at 까치산
    seoul_server.add_place("홍대 관광특구")
    for name, value in seoul_server.environ().items():
        monkeypatch.setenv(name, value)
    window = make_window()
    window.dispatch(i.ShowWidget("subway"))
    page = window.page_widget("subway")
    assert "방화행" not in texts(page)  # the seeded sample is for another station
    services = start_refresh(window)
    try:
        qtbot.waitUntil(lambda: "방화행" in texts(page), timeout=10_000)
        store = window.context.store
        qtbot.waitUntil(
            lambda: not any(store.status(dataset).sample for dataset in CONNECTORS),
            timeout=10_000,
        )
        qtbot.waitUntil(
            lambda: window.status.all()[-1].text_in("en").endswith("7 datasets current")
        )
    finally:
        stop_services(services)
    assert "live data" not in texts(window.status_strip)  # all well: nothing to flag


def test_without_a_key_the_status_strip_says_cached_data(make_window, qtbot):
    window = make_window()
    assert start_refresh(window) == []
    window.status_strip.render("ko")
    assert "API 키 없음: 저장된 자료를 보여 줍니다" in texts(window.status_strip)
    window.status_strip.render("en")
    assert "no API key: showing cached data" in texts(window.status_strip)
