"""Start the kiosk: Qt application, cache, registry, window, services; or take a screenshot."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys

from kiosk.config import KioskConfig
from kiosk.registry import Registry

log = logging.getLogger(__name__)


def prepare_qt_environment(offscreen: bool) -> None:
    """Environment Qt reads at start: offscreen rendering, WebEngine as root and headless."""
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        flags += " --no-sandbox"  # Chromium refuses to run as root with its sandbox
    if offscreen and "--disable-gpu" not in flags:
        flags += " --disable-gpu"
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags.strip()


def create_application():
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("seoul-kiosk")
    return app


def build_window(config: KioskConfig, registry: Registry, size: tuple[int, int] | None = None):
    """The kiosk window with its cache opened (and seeded or recovered) and styles applied."""
    from kiosk.shell.theme import Scale, screen_scale
    from kiosk.shell.window import KioskWindow
    from offline_cache.startup import open_cache

    create_application()
    scale = Scale(*size) if size else screen_scale()
    store = open_cache(config.data_dir)
    return KioskWindow(config, store, registry, scale)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"main.py: --size must look like 1920x1080, not {text!r}") from None
    return width, height


def run_kiosk(config: KioskConfig, args: argparse.Namespace) -> int:
    from widgets import build_registry

    registry = build_registry()
    if args.screenshot:
        from kiosk.shell.screenshot import take_screenshot

        return take_screenshot(config, registry, args)
    kiosk_mode = not args.windowed
    if kiosk_mode:
        from kiosk.shell.lockdown import strip_web_debugging

        strip_web_debugging()
    prepare_qt_environment(offscreen=False)
    from kiosk.presence import PresenceTracker
    from kiosk.shell.crash import EXIT_RESTART, install_crash_handlers
    from kiosk.shell.operations import Operations
    from kiosk.shell.services import ShellContext, start_services, stop_services

    app = create_application()
    exit_request = install_crash_handlers(app)
    window = build_window(config, registry)
    presence = PresenceTracker()
    context = ShellContext(
        config, registry, window.bridge.sink, window.status, window, window.subscribe, presence
    )
    services = start_services(context)
    operations = Operations(window, config, presence, exit_request, kiosk_mode)
    gc.collect()
    gc.freeze()  # start-up objects live as long as the kiosk: later full collections (on any
    # thread, e.g. the data refresh) then scan only new objects and stay short (bench/live_data.py)
    if args.windowed:
        window.resize(1600, 900)
        window.show()
    else:
        screen = app.primaryScreen()
        window.setGeometry(screen.geometry())  # without a window manager fullscreen keeps the size
        window.showFullScreen()
    operations.started()
    log.info(
        "kiosk started: role %s at %s, data in %s",
        config.role,
        config.site.name_ko,
        config.data_dir,
    )
    try:
        code = app.exec()
    finally:
        operations.stop()
        stop_services(services)
        window.close()
    log.info("kiosk stopped (exit status %d)", code)
    if code == EXIT_RESTART:
        log.warning("restarting the kiosk")
        logging.shutdown()
        os.execv(sys.executable, [sys.executable, *sys.argv])
    return code
