"""The district map in a real kiosk window: offline (every request recorded), one web view
shared by the home screen and the map page, updates without reloads, taps on districts.

One window (one WebEngine page) serves the whole module: starting WebEngine costs."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from kiosk import intents as i
from kiosk.config import load_config
from kiosk.i18n import tr
from kiosk.registry import HOME
from kiosk.shell.app import build_window
from offline_cache.store import CACHE_FILENAME, CacheStore, DatasetUpdate
from tests.gui.shown import texts
from widgets import build_registry
from widgets.map import model
from widgets.map.home import MapHomeVisual
from widgets.map.view import MapPage

ALLOWED_SCHEMES = {"file", "qrc", "data"}


class RecordingInterceptor(QWebEngineUrlRequestInterceptor):
    """Sees every request any page of the profile makes (and lets it through)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt's name)
        self.urls.append(info.requestUrl().toString())


def wait_ready(qtbot, page) -> None:
    qtbot.waitUntil(page.is_ready, timeout=20000)


def run_js(qtbot, view: QWebEngineView, script: str):
    result = []
    view.page().runJavaScript(script, 0, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    return result[0]


@pytest.fixture(scope="module")
def recorder(qapp):
    interceptor = RecordingInterceptor()
    profile = QWebEngineProfile.defaultProfile()
    profile.setUrlRequestInterceptor(interceptor)
    yield interceptor
    profile.setUrlRequestInterceptor(None)


@pytest.fixture(scope="module")
def kiosk(qapp, recorder, tmp_path_factory):
    """A station window on the default content, its map loaded on the home screen."""
    data_dir = tmp_path_factory.mktemp("map-data")
    config_file = data_dir.parent / "kiosk.toml"
    config_file.write_text("", encoding="utf-8")
    config = load_config(config_file, data_dir=data_dir)
    window = build_window(config, build_registry(), (1920, 1080))
    window.resize(1920, 1080)
    window.show()
    deadline = time.monotonic() + 30
    while not window.home.is_ready() and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.01)
    assert window.home.is_ready(), "the home screen's map did not paint"
    yield window
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def at_home(kiosk, qtbot):
    kiosk.dispatch(i.Home(i.Source.SYSTEM))
    wait_ready(qtbot, kiosk.home)
    return kiosk


def map_page(window) -> MapPage:
    window.dispatch(i.ShowWidget("map"))
    page = window.page_widget("map")
    assert isinstance(page, MapPage)
    return page


def web_views(window) -> list[QWebEngineView]:
    return window.findChildren(QWebEngineView)


def test_the_map_loads_offline_and_makes_no_network_request(at_home, qtbot, recorder):
    page = map_page(at_home)
    wait_ready(qtbot, page)
    for layer in model.LAYERS:
        page.set_layer(layer)
        wait_ready(qtbot, page)
    assert any(url.endswith("vendor/leaflet/leaflet.js") for url in recorder.urls), recorder.urls
    assert any(url.startswith("qrc:") for url in recorder.urls)  # Qt's qwebchannel.js
    schemes = {url.split(":", 1)[0] for url in recorder.urls}
    assert schemes <= ALLOWED_SCHEMES, [
        u for u in recorder.urls if not u.startswith(("file:", "qrc:", "data:"))
    ]


def test_one_web_view_is_shared_by_the_home_screen_and_the_map_page(at_home, qtbot):
    visual = at_home.home.visual
    assert isinstance(visual, MapHomeVisual)
    (view,) = web_views(at_home)
    assert visual.isAncestorOf(view)
    assert "예시 자료" in texts(visual)  # the default content's air readings are examples
    page = map_page(at_home)
    wait_ready(qtbot, page)
    assert web_views(at_home) == [view]
    assert page.isAncestorOf(view) and not visual.isAncestorOf(view)
    at_home.dispatch(i.Home())
    assert web_views(at_home) == [view] and visual.isAncestorOf(view)
    assert view.page().url().fileName() == "seoul_districts_map.html"
    assert view.page().refused == []  # it never tried to go anywhere else


def test_layers_and_data_updates_reach_the_page_without_reloading(at_home, qtbot):
    (view,) = web_views(at_home)
    reloads = []
    view.loadStarted.connect(lambda: reloads.append(1))
    page = map_page(at_home)
    page.set_layer("congestion")
    wait_ready(qtbot, page)
    state = run_js(qtbot, view, "JSON.stringify(kioskMap.state.districts['11110'])")
    assert model.CONGESTION_COLORS[1] in state  # the sample hotspot 광화문·덕수궁 is 보통
    assert (
        run_js(qtbot, view, "kioskMap.byCode['11110'].options.fillColor")
        == (model.CONGESTION_COLORS[1])
    )
    store = CacheStore(at_home.config.data_dir / CACHE_FILENAME)
    now = time.time()
    store.replace(
        [
            DatasetUpdate(
                "disaster_alerts",
                [
                    {
                        "sn": 9,
                        "message": "마포구 호우경보, 하천변 접근 금지",
                        "region": "서울특별시 마포구",
                        "created_at": now - 60,
                        "step": "긴급재난",
                        "kind": "호우",
                    }
                ],
                source="test",
                measured_at=now - 60,
            )
        ]
    )
    page.set_layer("incidents")
    at_home.dispatch(i.DataUpdated(("disaster_alerts",)))
    wait_ready(qtbot, page)
    assert run_js(qtbot, view, "kioskMap.state.layer") == "incidents"
    kinds = run_js(qtbot, view, "kioskMap.state.markers.map(m => m.kind).join(',')")
    assert "alert" in kinds.split(",") and kinds.endswith("here")
    assert (
        run_js(qtbot, view, "kioskMap.byCode['11440'].options.fillColor")
        == (model.INCIDENT_COLORS[1])
    )
    assert "마포구 호우경보" in texts(page.details)  # the kiosk's district, shown by default
    assert reloads == []
    page.set_layer("air")


def tap_district(qtbot, view: QWebEngineView, code: str) -> None:
    """A real click where the district's name is drawn (page pixels are widget pixels), once
    the map has settled in its new size (it re-fits Seoul when the view is resized)."""
    points: list = []

    def settled() -> bool:
        points.append(run_js(qtbot, view, f"JSON.stringify(kioskMap.pointOf('{code}'))"))
        return len(points) > 2 and points[-1] == points[-2] == points[-3]

    qtbot.waitUntil(settled, timeout=10000)
    x, y = json.loads(points[-1])
    target = view.focusProxy() or view
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


def test_tapping_a_district_on_the_map_page_shows_its_details(at_home, qtbot):
    page = map_page(at_home)
    wait_ready(qtbot, page)
    (view,) = web_views(at_home)
    tap_district(qtbot, view, "11680")
    qtbot.waitUntil(lambda: "강남구" in texts(page.details), timeout=10000)
    wait_ready(qtbot, page)
    assert run_js(qtbot, view, "kioskMap.state.selected") == "11680"
    assert at_home.state.page == "map"


def test_tapping_a_district_on_the_home_screen_opens_its_details(at_home, qtbot):
    (view,) = web_views(at_home)
    tap_district(qtbot, view, "11110")
    qtbot.waitUntil(lambda: at_home.state.page == "map", timeout=10000)
    page = at_home.page_widget("map")
    qtbot.waitUntil(lambda: "종로구" in texts(page.details), timeout=10000)
    at_home.dispatch(i.Home())
    assert at_home.state.page == HOME


def test_language_and_contrast_reach_the_page(at_home, qtbot):
    (view,) = web_views(at_home)
    at_home.dispatch(i.SetLanguage("en"))
    wait_ready(qtbot, at_home.home)
    labels = run_js(qtbot, view, "kioskMap.state.markers.map(m => m.label).join('|')")
    assert labels.endswith("You are here")
    assert run_js(qtbot, view, "kioskMap.state.districts['11440'].name") == "Mapo"
    at_home.dispatch(i.SetHighContrast(True))
    wait_ready(qtbot, at_home.home)
    assert run_js(qtbot, view, "kioskMap.state.style.background") == "#000000"
    at_home.dispatch(i.SetHighContrast(False))
    at_home.dispatch(i.SetLanguage("ko"))
    wait_ready(qtbot, at_home.home)
    assert web_views(at_home) == [view]  # restyles rebuild pages, never the web view


def test_an_empty_cache_shows_a_clear_map_and_message(make_window, qtbot):
    window = make_window(seed=False)
    wait_ready(qtbot, window.home)
    page = map_page(window)
    wait_ready(qtbot, page)
    shown = texts(page.details)
    assert "마포구" in shown and "측정값 없음" in shown
    (view,) = web_views(window)
    fill = run_js(qtbot, view, "kioskMap.byCode['11440'].options.fillColor")
    assert fill == model.NO_DATA_COLOR


def test_a_map_page_that_cannot_be_built_is_said_on_screen(make_window, qtbot, monkeypatch):
    def broken(directory):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("widgets.map.shared.ensure_page", broken)
    window = make_window()
    wait_ready(qtbot, window.home)  # the home screen does not wait for a map that cannot come
    # labels added to a shown layout appear when the event loop next turns
    qtbot.waitUntil(lambda: tr("map.broken", "ko") in texts(window.home.visual))
    page = map_page(window)
    wait_ready(qtbot, page)
    qtbot.waitUntil(lambda: tr("map.broken", "ko") in texts(page.details))
    assert "마포구" in texts(page.details)  # the district's figures are still shown
