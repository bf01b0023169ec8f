"""``main.py --screenshot OUT.png --page ID``: render one page offscreen, write a PNG, exit.

``--lang``, ``--text-scale``, ``--high-contrast`` and ``--low-reach`` show a visitor's modes."""

from __future__ import annotations

import argparse
import sys
import time

from kiosk.config import KioskConfig
from kiosk.intents import (
    CycleTextScale,
    SetHighContrast,
    SetLanguage,
    SetLowReach,
    ShowWidget,
    Source,
)
from kiosk.registry import Registry

READY_TIMEOUT_S = 15.0


def take_screenshot(config: KioskConfig, registry: Registry, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QEvent

    from kiosk.shell.app import build_window, create_application, parse_size, prepare_qt_environment

    valid = registry.page_ids(config.role)
    if args.page not in valid:
        print(
            f"main.py: unknown page {args.page!r} for the {config.role} role;"
            f" valid pages: {', '.join(valid)}",
            file=sys.stderr,
        )
        return 2
    if args.lang and args.lang not in config.languages:
        print(f"main.py: --lang must be one of {', '.join(config.languages)}", file=sys.stderr)
        return 2
    size = parse_size(args.size)
    prepare_qt_environment(offscreen=True)
    app = create_application()
    window = build_window(config, registry, size)
    window.resize(*size)
    window.show()
    if args.lang:
        window.dispatch(SetLanguage(args.lang, Source.SYSTEM))
    while window.state.access.text_scale != args.text_scale:
        window.dispatch(CycleTextScale(Source.SYSTEM))
    window.dispatch(SetHighContrast(args.high_contrast, Source.SYSTEM))
    window.dispatch(SetLowReach(args.low_reach, Source.SYSTEM))
    window.dispatch(ShowWidget(args.page, Source.SYSTEM))
    page = window.page_widget(args.page)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not getattr(page, "is_ready", lambda: True)() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    window.close()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # web views go before the app
    if not image.save(args.screenshot):
        print(f"main.py: could not write {args.screenshot}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0
