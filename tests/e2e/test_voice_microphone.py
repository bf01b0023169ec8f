"""The real kiosk process hears a real (virtual) microphone: a private user-mode PulseAudio
server with ``module-pipe-source`` (a FIFO) is the default input, and "서울아 … 대기환경"
written into the FIFO in real time opens the air-quality page. Skipped where PulseAudio
(the server, a test dependency) or parec (pulseaudio-utils, what the kiosk records with)
is not installed; packaging/bootstrap.sh installs both."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIPS = ROOT / "tests" / "fixtures" / "voice"

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pulseaudio", "parec", "pactl")),
    reason="pulseaudio or parec not installed",
)


def read(name: str) -> np.ndarray:
    with wave.open(str(CLIPS / name)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")


@pytest.fixture
def pulse(tmp_path):
    """A private PulseAudio server (its own socket; nothing else on the machine uses it)."""
    home = tmp_path / "pulse"
    home.mkdir()
    fifo = home / "mic.fifo"
    env = dict(os.environ, HOME=str(home), PULSE_RUNTIME_PATH=str(home), PULSE_STATE_PATH=str(home))
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
            "--disable-shm=yes",
            "-L", f"module-native-protocol-unix socket={home / 'native'} auth-anonymous=1",
            "-L", f"module-pipe-source source_name=mic file={fifo} format=s16le rate=16000"
            " channels=1",
        ],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not (home / "native").exists() or not fifo.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"pulseaudio did not start: {server.stderr.read()[-2000:]}")
        time.sleep(0.05)
    yield f"unix:{home / 'native'}", fifo
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def call_then_air_quality() -> bytes:
    manifest = {e["file"]: e for e in json.loads((CLIPS / "manifest.json").read_text("utf-8"))}
    wake_end = int((manifest["wake__s175p50.wav"]["speech_end_s"] + 0.6) * 16000)
    parts = [read("wake__s175p50.wav")[:wake_end], read("daegi__s175p50.wav")[8000:]]
    return np.concatenate(parts + [np.zeros(4 * 16000, dtype="<i2")]).tobytes()


@pytest.mark.slow
def test_the_kiosk_hears_a_pulseaudio_microphone_and_changes_the_page(pulse, tmp_path):
    server, fifo = pulse
    config = tmp_path / "kiosk.toml"
    config.write_text('role = "mayor"\n[voice]\nspeak = false\n', encoding="utf-8")
    env = dict(
        os.environ, PULSE_SERVER=server, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path)
    )
    kiosk = subprocess.Popen(
        [sys.executable, "main.py", "--config", str(config), "--windowed", "-v"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(kiosk.stderr), daemon=True).start()

    def wait_for(text: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in lines):
                return True
            time.sleep(0.05)
        return False

    def voice_log() -> str:
        return "".join(line for line in lines if "voice" in line and "speakable" not in line)

    try:
        assert wait_for("voice: audio from pulse", 30), voice_log()
        deadline = time.monotonic() + 30  # the model loads, then the kiosk starts recording
        while "protocol-native" not in subprocess.run(
            ["pactl", "list", "short", "source-outputs"],
            env=dict(os.environ, PULSE_SERVER=server), capture_output=True, text=True,
        ).stdout:  # fmt: skip
            assert time.monotonic() < deadline, voice_log()
            time.sleep(0.2)
        audio = call_then_air_quality()
        with open(fifo, "wb", buffering=0) as mic:  # pulseaudio holds the reading end
            for start in range(0, len(audio), 3200):  # in real time, 0.1 s at a time
                mic.write(audio[start : start + 3200])
                time.sleep(0.1)
        assert wait_for("voice: 대기환경 화면을 보여드립니다", 15), voice_log()
        assert any("voice: command" in line and " air " in line for line in lines)
    finally:
        kiosk.send_signal(signal.SIGTERM)
        try:
            kiosk.wait(timeout=20)
        except subprocess.TimeoutExpired:
            kiosk.kill()
            pytest.fail("the kiosk did not stop on SIGTERM")
