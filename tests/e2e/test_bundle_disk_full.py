"""A full disk during `main.py bundle apply`: a clear message, the last good content stays.

Three real ways to run out of space: the data directory on a small tmpfs (refused before
unpacking, and real ENOSPC while unpacking and while committing, by filling the disk with
the apply frozen at that step), and RLIMIT_FSIZE (EFBIG on write), which needs no mount."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bundle_kit import ROOT, StaffKey, build, cli, make_source, write_config
from tests.e2e.test_bundle_crash import PM10, assert_consistent, run_stopped_at, wait_stopped

pytestmark = pytest.mark.slow
MB = 1024 * 1024


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    base = tmp_path_factory.mktemp("staff")
    key = StaffKey(base / "keys")
    v1 = build(make_source(base / "s1", "v1", pm10=PM10[1]), key, 1, base / "v1.zip")
    files = {f"docs/report-{i}.pdf": os.urandom(MB) for i in range(12)}
    v2 = build(make_source(base / "s2", "v2", pm10=PM10[2], files=files), key, 2, base / "v2.zip")
    return key, v1, v2


@pytest.fixture
def small_disk(tmp_path, monkeypatch, bundles):
    """A kiosk at version 1 whose data directory is a 28 MB tmpfs."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=28m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}); RLIMIT test still runs")
    data_dir = mount_point / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    key, v1, _ = bundles
    write_config(Path(os.environ["KIOSK_CONFIG"]), [key])
    assert cli("bundle", "apply", str(v1)).returncode == 0
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(mount_point: Path) -> Path:
    """Take every free byte of the disk."""
    filler = mount_point / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * (256 * 1024))
                f.flush()
        except OSError:
            pass
    return filler


def test_refused_before_unpacking_when_it_cannot_fit(small_disk, bundles):
    ballast = small_disk / "ballast"
    ballast.write_bytes(b"\0" * (10 * MB))
    done = cli("bundle", "apply", str(bundles[2]))
    assert done.returncode == 1
    assert "not enough disk space" in done.stderr and "content is unchanged" in done.stderr
    assert assert_consistent() == 1
    ballast.unlink()
    assert cli("bundle", "apply", str(bundles[2])).returncode == 0
    assert assert_consistent() == 2


@pytest.mark.parametrize(
    "step",
    [
        "offline_cache.bundles.archive:BundleReader.extract_file:after:2",
        "offline_cache.bundles.install:commit:before",
    ],
    ids=["while-unpacking", "at-the-commit"],
)
def test_disk_fills_up_during_the_apply(small_disk, bundles, step):
    process = run_stopped_at(step, "bundle", "apply", str(bundles[2]))
    wait_stopped(process)
    filler = fill(small_disk)
    process.send_signal(signal.SIGCONT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    assert "cannot write to the disk: it is full" in stderr and "content is unchanged" in stderr
    filler.unlink()
    assert assert_consistent() == 1
    assert cli("bundle", "apply", str(bundles[2])).returncode == 0
    assert assert_consistent() == 2


def test_file_size_limit_gives_a_clear_message(data_dir, bundles):
    key, v1, v2 = bundles
    write_config(Path(os.environ["KIOSK_CONFIG"]), [key])
    assert cli("bundle", "apply", str(v1)).returncode == 0

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (MB // 2, MB // 2))

    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "bundle", "apply", str(v2)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
    )
    assert done.returncode == 1
    assert "cannot write to the disk" in done.stderr and "File too large" in done.stderr
    assert assert_consistent() == 1
    assert not list((data_dir / "content").glob("staging/*"))
    assert not list((data_dir / "content").glob("versions/2"))
