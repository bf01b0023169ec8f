"""A real kiosk window, offscreen at 1920x1080, over a real (seeded or empty) cache."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.config import IdleSettings, load_config
from kiosk.shell.app import build_window
from kiosk.shell.services import ShellContext, start_services, stop_services
from widgets import build_registry


@pytest.fixture
def make_window(qtbot, data_dir):
    """Build a window: make_window(role="mayor", idle=IdleSettings(...), seed=False)."""
    created = []

    def make(role: str = "station", idle: IdleSettings | None = None, seed: bool = True, **config):
        if not seed:
            from offline_cache.startup import open_cache

            open_cache(data_dir, seed=False).close()  # an existing, empty cache is not seeded
            from offline_cache.store import CACHE_FILENAME, CacheStore

            CacheStore(data_dir / CACHE_FILENAME).record_error("weather", "not fetched yet")
        settings = load_config(role=role, data_dir=data_dir, **config)
        if idle is not None:
            settings = replace(settings, idle=idle)
        window = build_window(settings, build_registry(), (1920, 1080))
        window.resize(1920, 1080)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()  # the scroll areas lay out their pages: geometry settles
        created.append(window)
        return window

    yield make
    for window in created:
        window.close()


@pytest.fixture(scope="session", autouse=True)
def delete_web_views_before_exit():
    """Closed windows (and their map's web view) are deleted before the application goes,
    or Qt warns that the web profile is released with pages still alive."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def kiosk_with_service(make_window, data_dir):
    """A kiosk window running one background service (a ``SERVICE_MODULES`` entry), the
    config file holding ``toml``; the services stop at the end of the test."""
    started = []

    def make(module: str, toml: str, role: str = "mayor"):
        (data_dir.parent / "kiosk.toml").write_text(toml, encoding="utf-8")
        window = make_window(role=role)
        context = ShellContext(
            window.config, build_registry(), window.bridge.sink, window.status, window,
            window.subscribe,
        )  # fmt: skip
        services = start_services(context, (module,))
        started.append(services)
        return window, services

    yield make
    for services in started:
        stop_services(services)
