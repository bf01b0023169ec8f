"""`main.py --screenshot` as staff and docs use it: real processes, real PNG files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize(
    "page,lang",
    [("home", "ko"), ("air", "en"), ("subway", "ko"), ("bikes", "en"), ("alerts", "ko")],
)
def test_each_page_renders_to_a_png_of_the_asked_size(page, lang, tmp_path):
    out = tmp_path / f"{page}.png"
    done = run("--screenshot", str(out), "--page", page, "--lang", lang, "--size", "1280x720")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_each_accessibility_mode_renders(tmp_path):
    """200% text, high contrast and the low-reach layout, each from the command line."""
    out = tmp_path / "modes.png"
    done = run(
        "--screenshot",
        str(out),
        "--page",
        "air",
        "--lang",
        "ja",
        "--text-scale",
        "2.0",
        "--high-contrast",
        "--low-reach",
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert image.pixelColor(5, 300).name() == "#000000"  # high contrast; the reach note above
    done = run("--screenshot", str(out), "--text-scale", "3")
    assert done.returncode == 2 and "--text-scale" in done.stderr


def test_unknown_page_lists_the_valid_ids(tmp_path):
    done = run("--screenshot", str(tmp_path / "x.png"), "--page", "nope")
    assert done.returncode == 2
    assert "valid pages: home" in done.stderr and "air" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_mayor_role_screenshot(tmp_path):
    done = run("--screenshot", str(tmp_path / "m.png"), "--role", "mayor")
    assert done.returncode == 0, done.stderr


def test_kiosk_starts_on_a_corrupt_cache(data_dir, tmp_path):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "cache.sqlite3").write_bytes(b"\x00garbage" * 512)
    done = run("--screenshot", str(tmp_path / "home.png"))
    assert done.returncode == 0, done.stderr
    assert "corrupt" in done.stderr
    assert list(data_dir.glob("cache.sqlite3.corrupt-*"))
