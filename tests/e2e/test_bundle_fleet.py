"""The fleet, end to end: a static origin on loopback serves published bundles to two running
kiosks (real `main.py` processes, offscreen, separate data directories); both converge, a
rollback on one does not affect the other, and neither ever listens on a port."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bundle_kit import ROOT, StaffKey, build, cli, make_source, write_config
from tests.static_origin import StaticOrigin

pytestmark = pytest.mark.slow


def content_state(data_dir: Path) -> tuple[int, int]:
    """(version, highest) as the kiosk's cache says, read-only."""
    path = data_dir / "cache.sqlite3"
    if not path.exists():
        return (0, 0)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
        try:
            row = db.execute("SELECT version, highest FROM content_state").fetchone()
        except sqlite3.OperationalError:  # no bundle applied yet
            return (0, 0)
    return row or (0, 0)


def wait_for(condition, timeout: float = 90, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def listening_sockets(pid: int) -> list[str]:
    """TCP/UDP sockets of a process in LISTEN state (or bound UDP): there must be none."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            listening = fields[3] == "0A" if table.startswith("tcp") else fields[3] == "07"
            if listening and fields[9] in inodes:
                found.append(f"{table} {fields[1]}")
    return found


class Kiosk:
    def __init__(self, name: str, base: Path, key: StaffKey, origin: str):
        self.data_dir = base / name / "data"
        self.data_dir.mkdir(parents=True)
        self.config = write_config(
            base / name / "kiosk.toml", [key], origins=(origin,), interval_s=1
        )
        self.env = {"KIOSK_DATA_DIR": str(self.data_dir), "KIOSK_CONFIG": str(self.config)}
        self.log = open(base / name / "kiosk.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--windowed", "-v"],
            cwd=ROOT,
            env={**os.environ, **self.env, "QT_QPA_PLATFORM": "offscreen"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    @property
    def version(self) -> int:
        return content_state(self.data_dir)[0]

    def polls(self) -> int:
        return Path(self.log.name).read_text().count("bundle poll:")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def test_two_kiosks_converge_and_roll_back_independently(tmp_path, data_dir):
    key = StaffKey(tmp_path / "keys")
    www = tmp_path / "www"
    www.mkdir()
    staff = write_config(tmp_path / "staff.toml", [key])
    origin = StaticOrigin(www, tmp_path / "origin.log")

    def publish(version: int) -> None:
        src = make_source(tmp_path / f"src{version}", f"v{version}", pm10=float(version))
        bundle = build(src, key, version, tmp_path / f"v{version}.zip")
        done = cli(
            "bundle",
            "publish",
            str(bundle),
            "--to",
            str(www),
            "--key",
            str(key.private_path),
            env={"KIOSK_CONFIG": str(staff)},
        )
        assert done.returncode == 0, done.stderr

    kiosks: list[Kiosk] = []
    try:
        kiosks += [Kiosk(name, tmp_path, key, origin.url) for name in ("a", "b")]
        a, b = kiosks
        wait_for(lambda: a.polls() >= 1 and b.polls() >= 1, what="the first polls")
        assert (a.version, b.version) == (0, 0)
        publish(1)
        publish(2)
        wait_for(lambda: a.version == 2 and b.version == 2, what="both kiosks at version 2")

        done = cli("bundle", "rollback", env=a.env)
        assert done.returncode == 0, done.stderr
        assert (a.version, b.version) == (1, 2)
        polls = a.polls()
        wait_for(lambda: a.polls() >= polls + 3, what="three more polls on kiosk a")
        assert (a.version, b.version) == (1, 2)  # version 2 is never applied again on a
        assert content_state(a.data_dir) == (1, 2)

        publish(3)
        wait_for(lambda: a.version == 3 and b.version == 3, what="both kiosks at version 3")
        for kiosk in kiosks:
            assert kiosk.process.poll() is None, Path(kiosk.log.name).read_text()[-2000:]
            assert listening_sockets(kiosk.process.pid) == []
            notice = cli("bundle", "status", "--json", env=kiosk.env)
            assert '"version": 3' in notice.stdout
    finally:
        for kiosk in kiosks:
            kiosk.stop()
        origin.stop()
    requests = origin.requests()
    assert requests.count("GET /bundles/00000002.zip 200") == 2  # once per kiosk, never again
    assert any(line.endswith(" 304") for line in requests)
