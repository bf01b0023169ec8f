"""The real kiosk process under the conditions systemd gives it: readiness and watchdog
pings over $NOTIFY_SOCKET, a clean exit with a logged traceback on any unhandled error, a
clean stop on SIGTERM, silence when the GUI thread freezes, and the health heartbeat."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.shell.crash import EXIT_CRASH

ROOT = Path(__file__).resolve().parents[2]
FAULTY = Path(__file__).with_name("faulty_kiosk.py")
WATCHDOG_USEC = 400_000  # pings every 200 ms


class NotifySocket:
    """What systemd listens on: one datagram per sd_notify call."""

    def __init__(self, path: Path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.messages: list[tuple[float, str]] = []

    def receive_until(self, predicate, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data = self.sock.recv(4096).decode()
            except TimeoutError:
                break
            self.messages.append((time.monotonic(), data))
            if predicate(data):
                return True
        return False

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def notify(tmp_path):
    listener = NotifySocket(tmp_path / "notify")
    yield listener
    listener.close()


def start(fault: str, delay_s: float, notify: NotifySocket, *options: str) -> subprocess.Popen:
    env = dict(
        os.environ,
        NOTIFY_SOCKET=str(notify.path),
        WATCHDOG_USEC=str(WATCHDOG_USEC),
        QT_QPA_PLATFORM="offscreen",
    )
    return subprocess.Popen(
        [sys.executable, str(FAULTY), fault, str(delay_s), "-v", *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 20) -> tuple[int, str]:
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
        pytest.fail(f"the kiosk did not exit:\n{stderr[-3000:]}")
    return process.returncode, stderr


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["raise", "thread"])
def test_an_unhandled_error_is_logged_and_ends_the_process_cleanly(fault, notify):
    process = start(fault, 1.0, notify)
    assert notify.receive_until(lambda m: "READY=1" in m, timeout=30)
    ready_at = time.monotonic()
    code, stderr = finish(process)
    assert code == EXIT_CRASH
    assert time.monotonic() - ready_at < 1.0 + 4.0  # the fault came after 1 s
    assert "unhandled exception" in stderr
    assert "RuntimeError: injected fault for the resilience test" in stderr
    assert "kiosk stopped (exit status 70)" in stderr  # services and cache closed first
    assert notify.receive_until(lambda m: "STOPPING=1" in m, timeout=2)


@pytest.mark.slow
def test_sigterm_stops_cleanly_and_watchdog_pings_while_running(notify, data_dir):
    process = start("none", 0, notify)
    assert notify.receive_until(lambda m: "READY=1" in m, timeout=30)
    ready = next(m for _, m in notify.messages if "READY=1" in m)
    assert "STATUS=showing the home screen" in ready
    pings = 0
    while pings < 3:
        assert notify.receive_until(lambda m: m == "WATCHDOG=1", timeout=2)
        pings += 1
    runtime = json.loads((data_dir / "runtime.json").read_text(encoding="utf-8"))
    assert runtime["pid"] == process.pid and runtime["kiosk_mode"] is True
    status = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "status", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert json.loads(status.stdout)["running"] is True
    process.send_signal(signal.SIGTERM)
    code, stderr = finish(process)
    assert code == 0, stderr[-2000:]
    assert notify.receive_until(lambda m: "STOPPING=1" in m, timeout=2)


@pytest.mark.slow
def test_a_frozen_gui_thread_stops_the_watchdog_pings(notify):
    process = start("freeze", 1.0, notify, "--windowed")  # blocks the GUI thread for 4 s
    try:
        assert notify.receive_until(lambda m: "READY=1" in m, timeout=30)
        assert notify.receive_until(lambda m: m == "WATCHDOG=1", timeout=2)
        # after the freeze starts no ping comes for far longer than the watchdog timeout
        time.sleep(1.5)
        notify.receive_until(lambda m: False, timeout=0.05)  # drain pings sent before it
        notify.messages.clear()
        notify.receive_until(lambda m: False, timeout=1.5)
        assert [m for _, m in notify.messages if m == "WATCHDOG=1"] == []
        assert notify.receive_until(lambda m: m == "WATCHDOG=1", timeout=5)  # it thawed
    finally:
        process.kill()
        process.communicate()


@pytest.mark.slow
def test_after_a_crash_the_restarted_kiosk_is_home_within_5_s(notify):
    """systemd cannot run here: this test plays its part (Restart=always after RestartSec
    from the real unit file) and times crash -> exit -> restart -> home screen ready."""
    service = (ROOT / "packaging/systemd/seoul-kiosk.service").read_text(encoding="utf-8")
    restart_sec = float(
        next(line for line in service.splitlines() if line.startswith("RestartSec=")).split("=")[1]
    )
    process = start("raise", 1.0, notify)
    assert notify.receive_until(lambda m: "READY=1" in m, timeout=30)
    crash_at = time.monotonic() + 1.0  # the fault is injected 1 s after READY
    code, _ = finish(process)
    assert code == EXIT_CRASH
    time.sleep(restart_sec)
    restarted = start("none", 0, notify)
    try:
        assert notify.receive_until(lambda m: "READY=1" in m, timeout=30)
        back_at = time.monotonic()
        ready = [m for _, m in notify.messages if "READY=1" in m][-1]
        assert "showing the home screen" in ready
        assert back_at - crash_at < 5.0, f"{back_at - crash_at:.1f} s"
    finally:
        restarted.send_signal(signal.SIGTERM)
        finish(restarted)
