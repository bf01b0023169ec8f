"""The district map: first paint after the kiosk started (target <= 600 ms), peak RSS with the
map open across the kiosk's process and its WebEngine processes (target <= 600 MB).

Each run is a fresh kiosk process (offscreen, seeded cache and the map page file already on
disk, as on every start after the first). Timed from the window's first paint (the kiosk has
started, the home screen is on screen) to the map's pixels being on screen: on the home screen
(the page loaded, the districts coloured, a Qt frame rendered after and at least 150 ms
since the page drew: SharedMap.painted, what screenshots wait for) and,
the first time a visitor opens it, on the map page. The process-spawn figure is printed too.
Page switches with the map on the home screen: bench/pages.py."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, percentile  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import json, os, sys, time
spawned = float(sys.argv[1])
import psutil
from PySide6.QtCore import QEvent, QObject, QTimer
from kiosk.config import load_config
from kiosk.intents import ShowWidget, Source
from kiosk.shell.app import build_window, create_application, prepare_qt_environment
from widgets import build_registry

prepare_qt_environment(offscreen=True)
app = create_application()
window = build_window(load_config(), build_registry(), (1920, 1080))
marks = {}
me = psutil.Process()
peak = {"total": 0.0}

def sample():
    processes = [me] + me.children(recursive=True)
    total = 0.0
    for process in processes:
        try:
            total += process.memory_info().rss / 2**20
        except psutil.Error:
            pass
    if total > peak["total"]:
        peak.update(total=total, processes=len(processes))

sampler = QTimer(interval=25)
sampler.timeout.connect(sample)
sampler.start()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "home_painted" not in marks:
            marks["home_painted"] = time.perf_counter()
        return False

watcher = FirstPaint()
window.home.installEventFilter(watcher)

def until(condition, limit_s=30.0):
    deadline = time.perf_counter() + limit_s
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    return condition()

window.resize(1920, 1080)
window.show()
until(lambda: "home_painted" in marks)
until(lambda: window.home.visual.map is not None)
window.home.visual.map.bridge.frame_painted.connect(
    lambda serial: marks.setdefault("page_drew", time.perf_counter())
)
until(window.home.is_ready)
marks["home_map"] = time.perf_counter()
window.dispatch(ShowWidget("map", Source.TOUCH))
page = window.page_widget("map")
marks["tap_map"] = time.perf_counter()
until(page.is_ready)
marks["map_page"] = time.perf_counter()
for layer in ("congestion", "incidents", "air"):  # the visitor looks at every layer
    page.set_layer(layer)
    until(page.is_ready)
until(lambda: False, 1.0)  # a second with the map open, sampled every 25 ms
sample()
print(json.dumps({
    "spawn_to_home_painted": marks["home_painted"] - spawned,
    "home_map": marks["home_map"] - marks["home_painted"],
    "page_drew": marks["page_drew"] - marks["home_painted"],
    "map_page": marks["map_page"] - marks["tap_map"],
    "peak_rss_mb": peak["total"],
    "processes": peak["processes"],
    "main_rss_mb": me.memory_info().rss / 2**20,
}), flush=True)
window.close()
app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
"""


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(
            os.environ,
            KIOSK_DATA_DIR=data_dir,
            QT_QPA_PLATFORM="offscreen",
            KIOSK_CONFIG=os.devnull,
        )
        env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

        def run() -> dict:
            # time.perf_counter() is system-wide monotonic on Linux: the child compares with it
            child = subprocess.run(
                [sys.executable, "-c", CHILD, str(time.perf_counter())],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            return json.loads(child.stdout.strip().splitlines()[-1])

        first = run()  # seeds the cache and builds the map page file
        results = [run() for _ in range(runs)]

    def line(key: str, what: str) -> str:
        values = [r[key] * 1000 for r in results]
        return (
            f"{what}: median {statistics.median(values):.0f} ms, p95 {percentile(values, 95):.0f}"
            f" ms, max {max(values):.0f} ms (n={runs})"
        )

    print(line("page_drew", "kiosk started (home painted) to the map page having drawn (JS)"))
    print(line("home_map", "kiosk started (home painted) to the home screen's map on screen"))
    print(line("map_page", "tap to the map page painted with the map, first time"))
    print(line("spawn_to_home_painted", "process spawn to home painted"))
    print(
        f"first start ever (cache seeded, map page built by folium): home map "
        f"{first['home_map'] * 1000:.0f} ms after the home screen"
    )
    peaks = [r["peak_rss_mb"] for r in results]
    print(
        f"peak RSS with the map open, kiosk + WebEngine processes ({results[0]['processes']}"
        f" processes): max {max(peaks):.0f} MiB, median {statistics.median(peaks):.0f} MiB;"
        f" kiosk process alone {statistics.median(r['main_rss_mb'] for r in results):.0f} MiB"
    )
    print(machine_note())


if __name__ == "__main__":
    main()
