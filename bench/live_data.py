"""Live data against a local replay server: memory over 1,000 fetch cycles, and frame gaps in
the real kiosk window while 1,000 bike stations are fetched, parsed and stored in the background.

Targets: RSS stays flat over 1,000 fetch cycles (report the growth); the UI keeps painting
while a fetch of 1,000 bike stations is parsed and stored (largest gap between frames <= 50 ms).

    .venv/bin/python bench/live_data.py [--cycles 1000] [--seconds 15]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, percentile, rss_mb  # noqa: E402
from tests.seoul_server import SeoulReplayServer, bike_rows  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
STATIONS = 1000


def live_config(server: SeoulReplayServer, data_dir: str, toml: str):
    """The kiosk config (홍대입구) with every API pointed at the replay server."""
    from kiosk.config import load_config

    os.environ.update(server.environ())
    path = Path(data_dir) / "kiosk.toml"
    path.write_text(toml, encoding="utf-8")
    return load_config(path, data_dir=data_dir)


def memory(server: SeoulReplayServer, cycles: int) -> None:
    """Every connector once per cycle (7 datasets, 1,000 bike stations), RSS along the way."""
    from offline_cache.connectors.refresher import Refresher
    from offline_cache.connectors.settings import LiveSettings
    from offline_cache.startup import open_cache

    with tempfile.TemporaryDirectory() as data_dir:
        config = live_config(server, data_dir, "")
        store = open_cache(config.data_dir)
        refresher = Refresher(store, LiveSettings.from_config(config), scheduled=False)
        samples: dict[int, float] = {}
        durations = []
        started = time.perf_counter()
        for cycle in range(1, cycles + 1):
            outcomes = refresher.run_once()
            assert all(o.ok for o in outcomes), [o.summary() for o in outcomes if not o.ok]
            server.requests.clear()  # the server shares this process: keep its log out of RSS
            durations.append(next(o.duration_s for o in outcomes if o.dataset == "bike_stations"))
            if cycle in (10, 100) or cycle % 250 == 0:
                gc.collect()
                samples[cycle] = rss_mb()
        elapsed = time.perf_counter() - started
        refresher.close()
        stored = store.status("bike_stations").row_count
    trail = ", ".join(f"{cycle}: {mb:.1f}" for cycle, mb in samples.items())
    print(f"{cycles} fetch cycles of all 7 datasets in {elapsed:.0f} s ({stored} bike stations)")
    print(f"  RSS MiB after cycle {trail}")
    growth = samples[cycles] - samples[100]
    print(f"  RSS growth from cycle 100 to {cycles}: {growth:+.1f} MiB")
    ms = [d * 1000 for d in durations]
    print(
        f"  fetch+parse+store of {STATIONS} bike stations: median {statistics.median(ms):.0f} ms,"
        f" p95 {percentile(ms, 95):.0f} ms"
    )


def frames(server: SeoulReplayServer, seconds: float) -> None:
    """Largest gap between painted frames of an animated widget in the kiosk window while the
    refresh thread fetches 1,000 bike stations every 0.25 s: on a page that does not show bikes
    (the background work alone), then on home and the bikes page (they re-render after each)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from kiosk.intents import DataUpdated, ShowWidget
    from kiosk.shell.app import build_window, create_application
    from offline_cache.connectors.refresher import RefreshThread
    from offline_cache.connectors.settings import LiveSettings
    from widgets import build_registry

    class Spinner(QWidget):
        """Stands in for any animation: repainted every 16 ms, records each paint."""

        def __init__(self, parent: QWidget):
            super().__init__(parent)
            self.painted: list[float] = []
            self.setGeometry(0, 0, 40, 40)

        def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
            self.painted.append(time.perf_counter())

    from offline_cache.connectors.settings import DEFAULT_INTERVALS_S

    intervals = {dataset: 0 for dataset in DEFAULT_INTERVALS_S} | {"bike_stations": 0.25}
    toml = "[refresh]\n" + "".join(f"{d} = {s}\n" for d, s in intervals.items())
    app = create_application()
    for page in ("air", "home", "bikes"):
        with tempfile.TemporaryDirectory() as data_dir:
            config = live_config(server, data_dir, toml)
            window = build_window(config, build_registry(), (1920, 1080))
            window.resize(1920, 1080)
            window.show()
            window.dispatch(ShowWidget(page))
            gc.collect()
            gc.freeze()  # as run_kiosk does once the kiosk is built
            spinner = Spinner(window)
            spinner.show()
            timer = QTimer(interval=16)
            timer.timeout.connect(spinner.update)
            timer.start()
            durations: list[float] = []

            def stored(outcome, durations=durations, window=window) -> None:
                durations.append(outcome.duration_s)
                window.bridge.sink(DataUpdated((outcome.dataset,)))  # what the service does

            thread = RefreshThread(config.data_dir, LiveSettings.from_config(config), stored)
            end = time.perf_counter() + seconds
            thread.start()
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.001)
            thread.stop()
            timer.stop()
            gaps = [
                (b - a) * 1000 for a, b in zip(spinner.painted, spinner.painted[1:], strict=False)
            ]
            print(
                f"frames on the {page} page during {len(durations)} fetches of {STATIONS} bike"
                f" stations (fetch+parse+store median {statistics.median(durations) * 1000:.0f}"
                f" ms): {len(gaps) + 1} frames, gap median {statistics.median(gaps):.1f} ms,"
                f" p99 {percentile(gaps, 99):.1f} ms, max {max(gaps):.1f} ms"
            )
            window.close()
            window.deleteLater()
            app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    from kiosk.reference import find_site

    site = find_site("홍대입구")
    assert site is not None
    with SeoulReplayServer() as server:
        server.add_place("홍대 관광특구")
        server.tables["bikeList"] = bike_rows(STATIONS, site.lat, site.lon)
        memory(server, args.cycles)  # before Qt is imported
        frames(server, args.seconds)
    print(machine_note())


if __name__ == "__main__":
    main()
