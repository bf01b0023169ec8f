"""Cold start to the first painted home screen (target: median <= 1.0 s).

Each run is a fresh Python process (offscreen Qt, seeded cache already on disk), timed from
spawn until the home screen's first paint event."""

from __future__ import annotations

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
import sys, time
from PySide6.QtCore import QEvent, QObject
from kiosk.config import load_config
from kiosk.shell.app import build_window, create_application, prepare_qt_environment
from widgets import build_registry

prepare_qt_environment(offscreen=True)
app = create_application()
window = build_window(load_config(), build_registry(), (1920, 1080))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            app.exit(0)
        return False

watcher = FirstPaint()
window.home.installEventFilter(watcher)
window.resize(1920, 1080)
window.show()
app.exec()
"""


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(
            os.environ,
            KIOSK_DATA_DIR=data_dir,
            QT_QPA_PLATFORM="offscreen",
            KIOSK_CONFIG=os.devnull,
        )
        subprocess.run(
            [sys.executable, "-c", CHILD], cwd=ROOT, env=env, check=True, capture_output=True
        )  # first run seeds the cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            for line in child.stdout:
                if line.startswith("painted"):
                    times.append(time.perf_counter() - start)
                    break
            child.wait()
    print(
        f"cold start to first painted home: median {statistics.median(times):.2f} s, "
        f"p95 {percentile(times, 95):.2f} s, min {min(times):.2f} s (n={runs})"
    )
    print(machine_note())


if __name__ == "__main__":
    main()
