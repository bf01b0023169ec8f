"""`main.py enroll` and `main.py verify` as staff use them: real processes, real photos."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
FACES = ROOT / "tests" / "fixtures" / "faces"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_enrol_from_two_photos_then_only_the_third_photo_unlocks(data_dir):
    done = run(
        "enroll",
        "kit_harington",
        str(FACES / "kit_harington_1.jpg"),
        str(FACES / "kit_harington_2.jpg"),
        "--data-dir",
        str(data_dir),
    )
    assert done.returncode == 0, done.stderr
    assert "enrolled kit_harington: 2 new" in done.stdout
    names = [
        "kit_harington_3.jpg",
        "rose_leslie_1.jpg",
        "rose_leslie_2.jpg",
        "alex_lacamoire_1.jpg",
        "alex_lacamoire_2.jpg",
        "lin_manuel_miranda_1.png",
        "two_faces_kit_and_rose.jpg",
    ]
    done = run("verify", "--json", *(str(FACES / n) for n in names), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    results = {Path(r["file"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    assert set(results) == set(names)
    for result in results.values():
        assert set(result) == {"file", "faces", "match", "distance", "unlock"}
    kit = results["kit_harington_3.jpg"]
    assert kit["unlock"] and kit["match"] == "kit_harington" and kit["distance"] < 0.45
    assert kit["faces"] == 1
    for impostor in names[1:6]:
        assert results[impostor]["unlock"] is False and results[impostor]["match"] is None
        assert results[impostor]["distance"] > 0.6
    both = results["two_faces_kit_and_rose.jpg"]
    assert both["faces"] == 2 and both["unlock"] is False

    human = run("verify", str(FACES / "kit_harington_3.jpg"), "--data-dir", str(data_dir))
    assert "closest kit_harington at distance 0.3" in human.stdout
    assert "would unlock" in human.stdout


def test_bad_enrolment_photos_are_refused_with_reasons_and_nothing_is_stored(data_dir, tmp_path):
    blank = tmp_path / "wall.png"
    cv2.imwrite(str(blank), np.full((480, 640, 3), 160, np.uint8))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    done = run(
        "enroll",
        "mayor",
        str(blank),
        str(FACES / "two_faces_kit_and_rose.jpg"),
        str(broken),
        str(FACES / "kit_harington_1.jpg"),
        str(FACES / "rose_leslie_1.jpg"),
    )
    assert done.returncode == 1
    assert f"{blank}: no face found" in done.stderr
    assert "two_faces_kit_and_rose.jpg: 2 faces found" in done.stderr
    assert f"{broken}: not an image" in done.stderr
    assert "look like different people" in done.stderr
    assert "nothing was stored" in done.stderr
    listed = run("enroll", "--list")
    assert listed.returncode == 0 and listed.stdout == ""
    assert "nobody is enrolled" in listed.stderr


def test_list_remove_and_separate_data_dirs(data_dir, tmp_path):
    other = tmp_path / "other-kiosk"
    assert run("enroll", "rose", str(FACES / "rose_leslie_1.jpg")).returncode == 0
    assert run("enroll", "--list").stdout.startswith("rose\t1 embedding")
    assert run("enroll", "--list", "--data-dir", str(other)).stdout == ""
    done = run("verify", "--json", str(FACES / "rose_leslie_2.jpg"), "--data-dir", str(other))
    assert json.loads(done.stdout)["match"] is None and "nobody is enrolled" in done.stderr
    assert run("enroll", "--remove", "rose").returncode == 0
    missing = run("enroll", "--remove", "rose")
    assert missing.returncode == 1 and "'rose' is not enrolled" in missing.stderr
    assert not list(data_dir.rglob("*.jpg")) and not list(data_dir.rglob("*.png"))


def test_enrol_from_the_camera_a_video_file_standing_in_for_it(clips, data_dir, tmp_path):
    done = run("enroll", "kit_harington", "--camera", str(clips["stranger"]))
    assert done.returncode == 0, done.stderr
    assert "shot 5 of 5" in done.stderr and "enrolled kit_harington: 5 new" in done.stdout
    verified = run("verify", "--json", str(FACES / "kit_harington_1.jpg"))
    assert json.loads(verified.stdout)["unlock"] is True
    missing = run("enroll", "x", "--camera", str(tmp_path / "none.avi"))
    assert missing.returncode == 1 and "cannot be opened" in missing.stderr
    both = run("enroll", "x", str(FACES / "kit_harington_1.jpg"), "--camera")
    assert both.returncode == 2 and "either IMAGE files or --camera" in both.stderr
