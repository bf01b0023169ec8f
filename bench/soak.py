"""Soak: the real kiosk (full screen, kiosk mode) under Xvfb for 30 minutes with the attract
loop, visitor taps and live fetch cycles going; reports RSS growth (target <= 5 %), frame
times and every warning the kiosk logged.

    .venv/bin/python bench/soak.py               # 30 minutes
    .venv/bin/python bench/soak.py --minutes 2   # a quick check

A local HTTP server replays the recorded Seoul API samples (tests/seoul_server.py) in place of
the live APIs, every dataset refreshed every 20-60 s. Visitors are simulated by a tap on a
category tile every 90 s (--visit-s); in between, the idle reset (20 s) and the attract loop (every 4 s)
run. A probe in the kiosk repaints the whole window 5 times a second and times each frame;
RSS (the kiosk and its helper processes) is sampled every 10 s and compared between the
first and the last two minutes after a one-minute warm-up."""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.common import machine_note, percentile  # noqa: E402
from kiosk.staff_pin import hash_pin  # noqa: E402
from tests.seoul_server import SeoulReplayServer  # noqa: E402

CONFIG = """
data_dir = "{data_dir}"
[idle]
timeout_s = 20
countdown_s = 3
attract_interval_s = 4
[refresh]
subway_arrivals = 20
disaster_alerts = 30
bike_stations = 30
citydata = 45
air_quality = 60
weather = 60
public_toilets = 60
[citydata]
hotspots = ["홍대 관광특구"]
[burnin]
interval_s = 60
[staff]
pin_hash = "{pin_hash}"
"""

# Runs inside the kiosk process: the real main.py plus a frame probe and simulated visitors.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from kiosk.cli import main
from kiosk.shell.home import CategoryTile
from kiosk.shell.operations import Operations

frames, gaps, last = [], [], [None]
taps = [0]

def probe(window):
    start = time.perf_counter()
    window.repaint()  # a full frame, painted now
    end = time.perf_counter()
    frames.append((end - start) * 1000)
    if last[0] is not None:
        gaps.append((start - last[0]) * 1000)
    last[0] = end

def report():
    print(json.dumps({"frames": frames[:], "gaps": gaps[:], "taps": taps[0]}), flush=True)
    frames.clear(); gaps.clear()

def visitor(window):
    # a visitor walks up: the first touch stops the attract loop, Home, then a category
    if window.top_bar.home.isVisible():
        QTest.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
    tiles = window.home.findChildren(CategoryTile)
    if window.stack.currentWidget() is window.home and tiles:
        QTest.mouseClick(tiles[taps[0] % len(tiles)], Qt.MouseButton.LeftButton)
        taps[0] += 1

def started(self, original=Operations.started):
    original(self)
    window = self.window
    for interval, action in ((200, lambda: probe(window)), (10_000, report), (VISIT_MS, lambda: visitor(window))):
        timer = QTimer(window, interval=interval)
        timer.timeout.connect(action)
        timer.start()

Operations.started = started
VISIT_MS = int(sys.argv[2])
raise SystemExit(main(["-v"]))
"""

WARNING = re.compile(r" (WARNING|ERROR|CRITICAL) ")


def kiosk_rss_mb(process: psutil.Process) -> float:
    total = 0
    for each in [process, *process.children(recursive=True)]:
        try:
            total += each.memory_info().rss
        except psutil.Error:
            continue
    return total / 1024 / 1024


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    return xvfb, f":{number}"


def summarize(values: list[float]) -> str:
    if not values:
        return "no samples"
    return (
        f"median {statistics.median(values):.1f} ms, p95 {percentile(values, 95):.1f} ms,"
        f" p99 {percentile(values, 99):.1f} ms, max {max(values):.1f} ms (n={len(values)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--visit-s", type=int, default=90, help="seconds between visitors")
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        print("soak: needs Xvfb (packaging/bootstrap.sh installs it)", file=sys.stderr)
        return 2
    duration = args.minutes * 60
    warmup = min(60.0, duration / 4)
    window_s = min(120.0, (duration - warmup) / 3)
    with tempfile.TemporaryDirectory() as temp, SeoulReplayServer() as server:
        temp_dir = Path(temp)
        config = temp_dir / "kiosk.toml"
        server.add_place("홍대 관광특구")  # the recorded sample is another hotspot
        pin_hash = hash_pin("".join(secrets.choice("0123456789") for _ in range(8)))
        config.write_text(
            CONFIG.format(data_dir=temp_dir / "data", pin_hash=pin_hash), encoding="utf-8"
        )
        xvfb, display = start_xvfb()
        env = {
            **os.environ,
            **server.environ(),
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "KIOSK_CONFIG": str(config),
        }
        env.pop("KIOSK_DATA_DIR", None)
        log_path = temp_dir / "kiosk.log"
        with open(log_path, "w", encoding="utf-8") as log:
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(ROOT), str(args.visit_s * 1000)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        process = psutil.Process(child.pid)
        frames: list[float] = []
        gaps: list[float] = []
        taps = 0

        def read_reports() -> None:
            nonlocal taps
            for line in child.stdout:
                try:
                    report = json.loads(line)
                except ValueError:
                    continue
                frames.extend(report["frames"])
                gaps.extend(report["gaps"])
                taps = report["taps"]

        reader = threading.Thread(target=read_reports, daemon=True)
        reader.start()
        samples: list[tuple[float, float]] = []
        started = time.monotonic()
        try:
            while (elapsed := time.monotonic() - started) < duration:
                if child.poll() is not None:
                    print(f"soak: the kiosk exited early ({child.returncode})", file=sys.stderr)
                    break
                samples.append((elapsed, kiosk_rss_mb(process)))
                time.sleep(10)
        finally:
            child.terminate()
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
            xvfb.terminate()
            xvfb.wait()
        reader.join(timeout=5)
        log_lines = log_path.read_text(encoding="utf-8").splitlines()
        fetches = sum(
            server.count(api)
            for api in (
                "RealtimeCityAir",
                "realtimeStationArrival",
                "bikeList",
                "citydata",
                "getUltraSrtNcst",
                "DSSP-IF-00247",
                "SearchPublicToiletPOIService",
            )
        )

    after_warmup = [rss for t, rss in samples if t >= warmup]
    first = [rss for t, rss in samples if warmup <= t < warmup + window_s]
    last = [rss for t, rss in samples if t >= samples[-1][0] - window_s] if samples else []
    print(
        f"soak: {elapsed / 60:.1f} min under Xvfb 1920x1080, kiosk mode, exit status {child.returncode}"
    )
    print(
        f"activity: {fetches} API requests answered, {taps} visitor taps, attract loop every 4 s when idle"
    )
    if first and last:
        start_rss, end_rss = statistics.median(first), statistics.median(last)
        growth = 100 * (end_rss - start_rss) / start_rss
        print(
            f"RSS (kiosk and helpers): {start_rss:.0f} MiB after warm-up -> {end_rss:.0f} MiB"
            f" at the end ({growth:+.1f} %, target <= +5 %), max {max(after_warmup):.0f} MiB"
        )
    print(f"frame time (full-window repaint): {summarize(frames)}")
    print(f"gap between probe frames (200 ms timer): {summarize(gaps)}")
    warnings = Counter(
        WARNING.split(line, maxsplit=1)[-1] if WARNING.search(line) else line
        for line in log_lines
        if WARNING.search(line)
    )
    print(f"warnings logged: {sum(warnings.values())} ({len(warnings)} distinct)")
    for text, count in warnings.most_common():
        print(f"  {count:5d} x {text[:200]}")
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
