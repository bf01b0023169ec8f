"""Shared helpers for the benchmark scripts: percentiles, RSS, machine load."""

from __future__ import annotations

import os
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(values_s: list[float]) -> str:
    ms = [v * 1000 for v in values_s]
    return (
        f"median {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
        f"max {max(ms):.1f} ms (n={len(ms)})"
    )


def _status_mb(field: str, pid: int | str) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a process in MiB."""
    return _status_mb("VmHWM", pid)


def rss_mb(pid: int | str = "self") -> float:
    """Current resident memory (VmRSS) of a process in MiB."""
    return _status_mb("VmRSS", pid)


def machine_note() -> str:
    """Load average and core count, so figures from a busy machine are read as such."""
    one, five, _ = os.getloadavg()
    return f"machine: {os.cpu_count()} cores, load average {one:.1f} (1 min) {five:.1f} (5 min)"


@contextmanager
def kiosk_window(size: tuple[int, int] = (1920, 1080)) -> Iterator[Any]:
    """A whole kiosk window on a fresh data directory (seeded with the default content),
    shown and laid out once; closed afterwards."""
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_config
    from kiosk.shell.app import build_window, create_application, prepare_qt_environment
    from widgets import build_registry

    prepare_qt_environment(offscreen=True)  # the home map's web view runs as root too
    with tempfile.TemporaryDirectory() as data_dir:
        create_application()
        window = build_window(load_config(data_dir=data_dir), build_registry(), size)
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        try:
            yield window
        finally:
            window.close()
