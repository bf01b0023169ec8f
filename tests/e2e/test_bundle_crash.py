"""kill -9 during `main.py bundle apply` and `rollback`: after a restart the kiosk shows the old
content with the old data or the new with the new, never a mix, and nothing is lost."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bundle_kit import ROOT, StaffKey, build, cli, make_source, status, write_config

pytestmark = pytest.mark.slow
STOP_AT = Path(__file__).with_name("stop_at.py")
PM10 = {1: 11.0, 2: 22.0}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """A staff key and two versions: v1 small, v2 with 24 MB of documents to unpack."""
    base = tmp_path_factory.mktemp("staff")
    key = StaffKey(base / "keys")
    v1 = build(make_source(base / "s1", "v1", pm10=PM10[1]), key, 1, base / "v1.zip")
    files = {f"docs/report-{i}.pdf": os.urandom(1_000_000) for i in range(24)}
    v2 = build(make_source(base / "s2", "v2", pm10=PM10[2], files=files), key, 2, base / "v2.zip")
    return key, v1, v2


@pytest.fixture
def kiosk_at_v1(tmp_path, data_dir, bundles):
    key, v1, _ = bundles
    write_config(Path(os.environ["KIOSK_CONFIG"]), [key])
    done = cli("bundle", "apply", str(v1))
    assert done.returncode == 0, done.stderr
    return data_dir


def shown() -> tuple[int, str | None, float, str]:
    """What a restarted kiosk shows: version, its notice, the air reading and its source."""
    state = status()
    root = Path(state["content_root"])
    notice = json.loads((root / "notices.json").read_text("utf-8"))["notices"][0]["id"]
    rows = json.loads(cli("cache", "show", "air_quality", "--json").stdout)
    pm10 = next(row["pm10"] for row in rows if row["district"] == "중구")
    source = state["datasets_from_bundle"].get("air_quality", "")
    return state["version"], notice, pm10, source


def assert_consistent() -> int:
    version, notice, pm10, source = shown()
    assert version in (1, 2)
    assert (notice, pm10, source) == (
        f"v{version}",
        PM10[version],
        f"RealtimeCityAir · bundle {version}",
    )
    return version


def wait_stopped(process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited before the step: {process.stderr.read()}")
        state = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "T":
            return
        time.sleep(0.01)
    raise AssertionError("never reached the step")


def run_stopped_at(step: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(STOP_AT), step, "--", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_at(step: str, *args: str) -> None:
    process = run_stopped_at(step, *args)
    wait_stopped(process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    process.stderr.close()


STEPS = [
    # (where the apply dies, the version a restarted kiosk must show)
    ("offline_cache.bundles.install:extract:before", 1),  # verified, nothing written
    ("offline_cache.bundles.archive:BundleReader.extract_file:after:3", 1),  # half unpacked
    ("offline_cache.bundles.install:stage:after", 1),  # versions/2 complete, not current
    ("offline_cache.bundles.install:write_state:before", 1),  # inside the SQLite transaction
    ("offline_cache.bundles.install:commit:after", 2),  # switched, old version not pruned yet
]


@pytest.mark.parametrize("step,expected", STEPS, ids=[s.split(":")[1] for s, _ in STEPS])
def test_kill_during_apply_shows_old_or_new_never_a_mix(kiosk_at_v1, bundles, step, expected):
    _, _, v2 = bundles
    kill_at(step, "bundle", "apply", str(v2))
    assert assert_consistent() == expected
    if expected == 1:  # nothing lost: the same bundle applies cleanly after the crash
        done = cli("bundle", "apply", str(v2))
        assert done.returncode == 0, done.stderr
        assert assert_consistent() == 2
    assert sorted(status()["installed_versions"]) in ([1, 2], [2])
    assert not list((kiosk_at_v1 / "content" / "staging").glob("*"))


def test_kill_during_rollback(kiosk_at_v1, bundles):
    _, _, v2 = bundles
    assert cli("bundle", "apply", str(v2)).returncode == 0
    kill_at("offline_cache.bundles.install:write_state:before", "bundle", "rollback")
    assert assert_consistent() == 2
    kill_at("offline_cache.bundles.install:_remove_tree:before:2", "bundle", "rollback")
    assert assert_consistent() == 1
    assert cli("bundle", "apply", str(v2)).returncode == 1  # rolled back: never again


def test_kill_at_random_moments(kiosk_at_v1, bundles, tmp_path):
    """Beyond the named steps: kills at random times through the whole apply."""
    _, _, v2 = bundles
    template = tmp_path / "template"
    shutil.copytree(kiosk_at_v1, template)
    started = time.monotonic()
    assert cli("bundle", "status").returncode == 0
    startup = time.monotonic() - started
    started = time.monotonic()
    assert cli("bundle", "apply", str(v2)).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(8)
    seen = set()
    for _ in range(10):
        shutil.rmtree(kiosk_at_v1)
        shutil.copytree(template, kiosk_at_v1)
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "bundle", "apply", str(v2)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(startup * 0.8, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        seen.add(assert_consistent())
        assert cli("bundle", "apply", str(v2)).returncode in (0, 1)
        assert assert_consistent() == 2
    print(f"random kills in an apply of {duration:.2f} s left versions {sorted(seen)}")
