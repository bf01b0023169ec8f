"""Voice control in a running mayor kiosk: a WAV file stands in for the microphone
(``[voice] source``), the real Korean model listens, and the page changes."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest

from kiosk.registry import HOME
from kiosk.shell.voice_control import VoiceIndicator, VoiceService

CLIPS = Path(__file__).parents[1] / "fixtures" / "voice"


def read(name: str) -> np.ndarray:
    with wave.open(str(CLIPS / name)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")


@pytest.fixture(scope="module")
def call_then_air_quality(tmp_path_factory) -> Path:
    """ "서울아", a short pause, "대기환경" (espeak clips, 16 kHz)."""
    manifest = {e["file"]: e for e in json.loads((CLIPS / "manifest.json").read_text("utf-8"))}
    wake_end = manifest["wake__s175p50.wav"]["speech_end_s"] + 0.6
    audio = np.concatenate(
        [read("wake__s175p50.wav")[: int(wake_end * 16000)], read("daegi__s175p50.wav")[8000:]]
    )
    path = tmp_path_factory.mktemp("voice") / "call.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(audio.tobytes())
    return path


@pytest.fixture
def voice_kiosk(kiosk_with_service):
    """A kiosk window with the voice service, configured by a [voice] table."""

    def make(voice_toml: str, role: str = "mayor"):
        toml = f"[voice]\nspeak = false\n{voice_toml}\n"
        return kiosk_with_service("kiosk.shell.voice_control", toml, role)

    return make


def test_a_spoken_call_and_page_name_change_the_page(voice_kiosk, call_then_air_quality, qtbot):
    window, services = voice_kiosk(f'source = "{call_then_air_quality}"')
    (service,) = services
    assert isinstance(service, VoiceService)
    indicator = window.findChild(VoiceIndicator)
    states = []
    indicator_show = indicator.show_state
    indicator.show_state = lambda state, lang: (states.append(state), indicator_show(state, lang))
    assert window.state.page == HOME
    qtbot.waitUntil(lambda: window.state.page == "air", timeout=20_000)
    assert "listening" in states  # the listening indicator was on screen
    qtbot.waitUntil(lambda: bool(service.captions), timeout=5_000)
    assert service.captions == ["대기환경 화면을 보여드립니다"]
    assert window.toast.isVisible() and window.toast.text() == "대기환경 화면을 보여드립니다"
    qtbot.waitUntil(lambda: indicator.state == "idle", timeout=5_000)
    assert indicator.text.text().startswith("“서울아”")
    statuses = {s.key: s.ok for s in window.status.all()}
    assert statuses["voice_model"] and statuses["microphone"]


@pytest.mark.parametrize("source", ["qt", "pulse"])
def test_no_microphone_is_shown_and_the_kiosk_runs_on(voice_kiosk, qtbot, source):
    """There is no sound card or sound server here: QtMultimedia finds no input device, and
    parec (if installed) cannot connect."""
    window, services = voice_kiosk(f'source = "{source}"\nprobe_interval_s = 0.5')
    indicator = window.findChild(VoiceIndicator)
    qtbot.waitUntil(lambda: indicator.state == "no_microphone", timeout=20_000)
    assert indicator.text.text() == "마이크 없음: 음성 명령 꺼짐"
    assert "마이크: " in window.status_strip.problems.text()
    if source == "qt":
        assert "마이크: no microphone found" in window.status_strip.problems.text()
    assert window.isVisible() and services


def test_voice_is_off_at_stations_unless_turned_on(voice_kiosk):
    window, services = voice_kiosk('source = "nothing.wav"', role="station")
    assert services == [] and window.findChild(VoiceIndicator) is None


def test_a_bad_setting_is_reported_not_fatal(voice_kiosk):
    window, services = voice_kiosk("window_s = -1")
    assert services == []
    assert "음성 설정 오류" in window.status_strip.problems.text()


def test_the_confirmation_follows_the_routers_answer_in_the_visitors_language(
    voice_kiosk, tmp_path
):
    """A language switch is confirmed in the new language; a page that cannot open here (a
    private page while locked) is said to be unavailable, not "shown"."""
    from kiosk import intents as i
    from voice.commands import Command
    from voice.pipeline import EventKind, VoiceEvent

    window, (service,) = voice_kiosk(f'source = "{tmp_path / "none.wav"}"')

    def say(command_id: str, intent) -> None:
        service._on_voice_event(VoiceEvent(EventKind.COMMAND, 1.0, Command(command_id, intent)))
        window.dispatch(intent)

    say("lang_en", i.SetLanguage("en", i.Source.VOICE))
    assert window.state.lang == "en" and service.captions == ["Switched to English"]
    say("approvals", i.ShowWidget("approvals", i.Source.VOICE))
    assert window.state.page == HOME
    assert service.captions[-1] == "That page is not available here."
    say("weather", i.ShowWidget("weather", i.Source.VOICE))
    assert service.captions[-1] == "Here is Weather"
    say("home", i.Home(i.Source.VOICE))
    assert service.captions[-1] == "Here is the home screen"
