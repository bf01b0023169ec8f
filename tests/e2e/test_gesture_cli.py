"""`main.py gesture` as a person runs it: real processes, the real photos and clips."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.hand_kit import HANDS, gesture_hand

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "gesture", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_a_photo_prints_each_hand_with_handedness_and_pose():
    done = run(str(HANDS / "call_2.jpg"))
    assert done.returncode == 0, done.stderr
    assert "1 face(s)  Left hand other at (0.63, 0.45)" in done.stdout
    done = run(str(HANDS / "none_3.jpg"), "--json")
    assert done.returncode == 0, done.stderr
    (frame,) = json.loads(done.stdout)["frames"]
    assert {(h["handedness"], h["pose"]) for h in frame["hands"]} == {
        ("Right", "other"),
        ("Left", "fist"),
    }
    assert "events" not in json.loads(done.stdout)


def test_a_video_prints_frames_and_the_gesture_events(hand_clips):
    done = run(str(hand_clips["swipe"]), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert len(report["frames"]) == 75
    assert [event["event"] for event in report["events"]] == ["engaging", "engaged", "next"]
    engaged = report["events"][1]["t_ms"]
    assert 3000 <= engaged <= 3100
    text = run(str(hand_clips["select"]))
    assert text.returncode == 0, text.stderr
    assert "events:" in text.stdout and text.stdout.rstrip().endswith("select")


def test_landmarks_from_a_file(hand_photo_results, tmp_path):
    result = hand_photo_results["four_1.jpg"]
    hand = result.hands[gesture_hand(result)]
    landmarks = tmp_path / "hand.json"
    landmarks.write_text(
        json.dumps({"handedness": hand.handedness, "landmarks": hand.points.tolist()})
    )
    done = run("--landmarks", str(landmarks), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"pose": "open_palm"}
    assert run("--landmarks", str(landmarks)).stdout.strip() == "Left hand: open_palm"


def test_bad_input_gets_a_clear_message(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    short = tmp_path / "short.json"
    short.write_text(json.dumps({"handedness": "Right", "landmarks": [[0.1, 0.2, 0.0]] * 5}))
    who = tmp_path / "who.json"
    who.write_text(json.dumps({"handedness": "Both", "landmarks": [[0.1, 0.2, 0.0]] * 21}))
    cases = [
        (("--landmarks", str(broken)), 1, "is not valid JSON"),
        (("--landmarks", str(short)), 1, "must be 21 points"),
        (("--landmarks", str(who)), 1, '"handedness" must be "Left" or "Right"'),
        (("--landmarks", str(tmp_path / "none.json")), 1, "cannot be read"),
        ((str(tmp_path / "none.mp4"),), 1, "does not exist"),
        ((str(broken),), 1, "cannot be opened: not a video"),
        ((), 2, "give either IMAGE_OR_VIDEO or --landmarks"),
    ]
    for args, code, message in cases:
        done = run(*args)
        assert (done.returncode, message in done.stderr) == (code, True), (args, done.stderr)
