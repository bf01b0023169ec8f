"""Shared helpers for the benchmark scripts: percentiles, RSS, machine load."""

from __future__ import annotations

import os
import statistics


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
