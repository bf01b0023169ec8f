"""The fast part of the packaging check (CI): the package layout, the units, the session.

The heavy part (install the full package on a fresh debootstrapped Debian 12 and start it)
is packaging/check_install.sh, documented in the README."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.shell.crash import EXIT_LEAVE_KIOSK

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def unit(name: str) -> dict[str, list[str]]:
    """A unit file's settings, every value of repeated keys kept."""
    values: dict[str, list[str]] = {}
    for line in (PACKAGING / "systemd" / name).read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key, []).append(value)
    return values


def test_kiosk_service_restarts_fast_and_forever_with_a_watchdog():
    service = unit("seoul-kiosk.service")
    assert service["Type"] == ["notify"] and service["NotifyAccess"] == ["main"]
    assert service["Restart"] == ["always"]
    assert float(service["RestartSec"][0]) <= 2  # back on the home screen within 5 s
    assert service["StartLimitIntervalSec"] == ["0"]
    assert 10 <= int(service["WatchdogSec"][0]) <= 60
    assert service["LimitCORE"] == ["0"]  # core dumps off
    assert service["StandardOutput"] == ["journal"] == service["StandardError"]
    assert service["RestartPreventExitStatus"] == [str(EXIT_LEAVE_KIOSK)]
    assert service["User"] == ["kiosk"]
    assert service["ExecStart"] == ["/usr/bin/seoul-kiosk"]
    display = unit("seoul-kiosk-display.service")
    assert display["Restart"] == ["always"] and display["LimitCORE"] == ["0"]
    assert "seoul-kiosk-display.service" in service["Requires"][0]


def test_units_pass_systemd_analyze(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    root = tmp_path / "root"
    for relative in (
        "usr/bin/seoul-kiosk",
        *(f"usr/lib/seoul-kiosk/{s}" for s in ("xserver", "wait-for-display", "after-exit")),
    ):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("#!/bin/sh\n")
        target.chmod(0o755)
    units = root / "lib/systemd/system"
    units.mkdir(parents=True)
    for name in ("seoul-kiosk.service", "seoul-kiosk-display.service"):
        shutil.copy(PACKAGING / "systemd" / name, units / name)
    done = subprocess.run(
        [analyze, f"--root={root}", "verify", *(str(units / n) for n in os.listdir(units))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [
        line
        for line in done.stderr.splitlines()
        if "seoul-kiosk" in line and "Failed to" not in line and "/run/systemd" not in line
    ]
    assert problems == [], done.stderr


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [str(PACKAGING / "deb" / "build.sh"), "--app-only", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


def test_package_holds_app_units_session_and_config(package, tmp_path):
    info = subprocess.run(["dpkg-deb", "--field", str(package)], capture_output=True, text=True)
    fields = info.stdout
    assert "Package: seoul-kiosk" in fields and "fonts-noto-cjk" in fields
    assert "xserver-xorg-core" in fields and "python3.11" in fields
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(package), str(control)], check=True)
    assert (control / "conffiles").read_text().split() == [
        "/etc/seoul-kiosk/kiosk.toml",
        "/etc/X11/xorg.conf.d/10-seoul-kiosk.conf",
    ]
    for script in ("postinst", "prerm", "postrm"):
        assert os.access(control / script, os.X_OK)
        subprocess.run(["sh", "-n", str(control / script)], check=True)  # parses
    for path in (
        "usr/bin/seoul-kiosk",
        "lib/systemd/system/seoul-kiosk.service",
        "lib/systemd/system/seoul-kiosk-display.service",
        "usr/lib/seoul-kiosk/xserver",
        "etc/X11/xorg.conf.d/10-seoul-kiosk.conf",
        "opt/seoul-kiosk/app/main.py",
        "opt/seoul-kiosk/app/offline_cache/default_content/manifest.json",
        "opt/seoul-kiosk/app/kiosk/shell/icons",
    ):
        assert (root / path).exists(), path
    assert not list((root / "opt/seoul-kiosk/app").rglob("__pycache__"))
    assert not (root / "opt/seoul-kiosk/app/tests").exists()
    config = (root / "etc/seoul-kiosk/kiosk.toml").read_text(encoding="utf-8")
    assert 'data_dir = "/var/lib/seoul-kiosk"' in config


def test_the_packaged_app_tree_runs_on_its_own(package, tmp_path):
    """Every file the kiosk needs at run time is in the package: render a page from it."""
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    app = root / "opt/seoul-kiosk/app"
    out = tmp_path / "packaged.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, str(app / "main.py"), "--screenshot", str(out), "--page", "air"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1920


def have(*tools: str) -> bool:
    return all(shutil.which(tool) for tool in tools)


@pytest.mark.skipif(
    not have("Xvfb", "xauth", "xset"), reason="needs xvfb, xauth, x11-xserver-utils"
)
def test_session_display_never_blanks_and_admits_only_the_cookie(tmp_path):
    display = f":{90 + os.getpid() % 50}"
    env = dict(
        os.environ,
        KIOSK_DISPLAY=display,
        KIOSK_X_SERVER=shutil.which("Xvfb"),
        KIOSK_X_ARGS="-screen 0 1280x720x24",
        KIOSK_RUN_DIR=str(tmp_path),
        KIOSK_GROUP="root",
    )
    server = subprocess.Popen(
        [str(PACKAGING / "session" / "xserver")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        client = dict(os.environ, DISPLAY=display, XAUTHORITY=str(tmp_path / "xauthority"))
        subprocess.run(
            [str(PACKAGING / "session" / "wait-for-display")], env=client, check=True, timeout=40
        )
        settings = subprocess.run(
            ["xset", "q"], env=client, capture_output=True, text=True, check=True
        ).stdout
        assert "timeout:  0" in settings  # screen saver off
        # DPMS off (Xvfb has no DPMS at all, so nothing can power the screen down either)
        assert "DPMS is Disabled" in settings or "not have the DPMS Extension" in settings
        stranger = dict(client, XAUTHORITY=str(tmp_path / "none"))
        refused = subprocess.run(["xset", "q"], env=stranger, capture_output=True, text=True)
        assert refused.returncode != 0  # no cookie, no screen
        assert oct((tmp_path / "xauthority").stat().st_mode)[-3:] == "640"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_xorg_config_disables_vt_switch_zap_and_blanking():
    text = (PACKAGING / "session" / "10-seoul-kiosk.conf").read_text(encoding="utf-8")
    options = dict(
        line.strip().removeprefix("Option ").replace('"', "").split(" ", 1)
        for line in text.splitlines()
        if line.strip().startswith("Option")
    )
    assert options == {
        "DontVTSwitch": "true",
        "DontZap": "true",
        "BlankTime": "0",
        "StandbyTime": "0",
        "SuspendTime": "0",
        "OffTime": "0",
    }
