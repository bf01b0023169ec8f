"""Page switch latency (tap to painted frame, target p95 <= 50 ms) and peak RSS after visiting
every page (target <= 250 MB), in one offscreen kiosk with the seeded default content.

Measured once the home screen's map has loaded (its web view moves between the home screen
and the map page with every switch); the RSS is the kiosk process's own (the map's WebEngine
processes: bench/map.py)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, peak_rss_mb, summary_ms  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KIOSK_CONFIG"] = os.devnull


def main(rounds: int = 20) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_config
    from kiosk.intents import ShowWidget
    from kiosk.registry import HOME
    from kiosk.shell.app import build_window, create_application
    from kiosk.shell.home import CategoryTile
    from widgets import build_registry

    with tempfile.TemporaryDirectory() as data_dir:
        create_application()
        registry = build_registry()
        window = build_window(load_config(data_dir=data_dir), registry, (1920, 1080))
        window.resize(1920, 1080)
        window.show()
        QApplication.processEvents()
        deadline = time.monotonic() + 30
        while not window.home.is_ready() and time.monotonic() < deadline:
            QApplication.processEvents()  # the home screen's map has loaded: the kiosk at rest
            time.sleep(0.01)
        tiles = {tile.spec.id: tile for tile in window.home.findChildren(CategoryTile)}
        pages = [p for p in registry.page_ids("station") if p != HOME]
        switches = []
        by_target: dict[str, list[float]] = {}
        for _ in range(rounds):
            for page in pages:
                for target in (page, HOME):
                    start = time.perf_counter()
                    if target == HOME:
                        QTest.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)
                    elif page in tiles:
                        QTest.mouseClick(tiles[page], Qt.MouseButton.LeftButton)
                    else:
                        window.bridge.sink(ShowWidget(page))
                    QApplication.processEvents()  # the queued intent is routed and rendered
                    window.repaint()  # the next frame, painted synchronously
                    switches.append(time.perf_counter() - start)
                    by_target.setdefault(target, []).append(switches[-1])
                    # what a running event loop does between frames: delete replaced widgets
                    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                    assert window.state.page == target, (window.state.page, target)
        print(
            f"page switch, tap to painted frame ({len(pages)} pages and home): {summary_ms(switches)}"
        )
        slowest = max(by_target, key=lambda page: statistics.median(by_target[page]))
        others = [t for page, times in by_target.items() if page != slowest for t in times]
        print(f"  to the home screen (its map moves back): {summary_ms(by_target[HOME])}")
        print(f"  to the map page (the map moves there): {summary_ms(by_target['map'])}")
        print(f"  slowest page, {slowest}: {summary_ms(by_target[slowest])}")
        print(f"  every switch but to {slowest}: {summary_ms(others)}")
        print(f"peak RSS after visiting every page: {peak_rss_mb():.0f} MiB")
        print(machine_note())
        window.close()


if __name__ == "__main__":
    main()
