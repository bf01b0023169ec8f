"""The voice pipeline's event logic on the labelled espeak clips (tests/fixtures/voice),
with the real Korean model loaded once for the module."""

from __future__ import annotations

import json
import time
import tomllib
import wave
from pathlib import Path

import numpy as np
import pytest

from kiosk import intents as i
from kiosk.config import ConfigError
from kiosk.registry import Registry
from voice.audio import SAMPLE_RATE, PushSource, SourceUnavailable, WavFileSource, read_wav
from voice.commands import CommandSet
from voice.pipeline import AudioRing, EventKind, VoicePipeline, VoiceSettings, run_source
from widgets import ALL_SPECS

ROOT = Path(__file__).parents[2]
CLIPS = ROOT / "tests" / "fixtures" / "voice"
MANIFEST = {e["file"]: e for e in json.loads((CLIPS / "manifest.json").read_text("utf-8"))}


@pytest.fixture(scope="module")
def model():
    from voice.recognizer import SpeechModel

    return SpeechModel()


@pytest.fixture(scope="module")
def commands(model):
    return CommandSet(Registry(ALL_SPECS), model.knows)


def listen(model, commands, samples: np.ndarray, **settings):
    events = []
    pipeline = VoicePipeline(model, commands, VoiceSettings(True, **settings), events.append)
    step = SAMPLE_RATE // 10
    run_source(pipeline, (samples[k : k + step].tobytes() for k in range(0, len(samples), step)))
    return events


def clip(name: str) -> np.ndarray:
    return read_wav(CLIPS / name)


def wake_then(command: str, gap_s: float = 0.6, variant: str = "s175p50") -> np.ndarray:
    """The wake clip, a pause, then a command clip of the same voice."""
    wake = clip(f"wake__{variant}.wav")
    end = MANIFEST[f"wake__{variant}.wav"]["speech_end_s"]
    said = clip(f"{command}__{variant}.wav")
    start = int(MANIFEST[f"{command}__{variant}.wav"]["speech_start_s"] * SAMPLE_RATE)
    return np.concatenate([wake[: int((end + gap_s) * SAMPLE_RATE)], said[start:]])


def write_wav(path: Path, samples: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())
    return path


@pytest.mark.parametrize("name", [n for n, e in MANIFEST.items() if e["text"] == "서울아"])
def test_the_wake_word_alone_wakes_then_the_window_times_out(model, commands, name):
    events = listen(model, commands, clip(name), window_s=3.0)
    assert [e.kind for e in events] == [EventKind.WAKE, EventKind.TIMEOUT]
    wake, timeout = events
    assert 0 < wake.t - MANIFEST[name]["speech_end_s"] < 1.2
    assert timeout.t - wake.t == pytest.approx(3.0, abs=0.25)


def test_the_window_length_is_configurable(model, commands):
    events = listen(model, commands, clip("wake__s175p50.wav"), window_s=1.5)
    assert events[1].t - events[0].t == pytest.approx(1.5, abs=0.25)


@pytest.mark.parametrize("name", [n for n, e in MANIFEST.items() if e["label"] != "wake"])
def test_other_speech_never_wakes(model, commands, name):
    """서울역, 서울시청, 서울 아파트, 안녕하세요, 오늘 날씨 and a bare command."""
    assert listen(model, commands, clip(name)) == []


def test_a_command_after_the_wake_word_sends_its_intent(model, commands):
    events = listen(model, commands, wake_then("daegi"))
    assert [e.kind for e in events] == [EventKind.WAKE, EventKind.COMMAND]
    assert events[1].id == "air"
    assert events[1].command.intent == i.ShowWidget("air", i.Source.VOICE)


def test_a_command_in_the_same_breath(model, commands):
    """ "서울아 대기환경" with no pause: wake and command come out together."""
    events = listen(model, commands, clip("wake_daegi__pink20.wav"))
    assert [(e.kind, e.id) for e in events] == [(EventKind.WAKE, None), (EventKind.COMMAND, "air")]
    assert events[1].t == events[0].t


def test_a_command_without_the_wake_word_does_nothing(model, commands):
    assert listen(model, commands, clip("daegi__s175p50.wav")) == []


def test_after_a_command_the_cooldown_ignores_a_second_call(model, commands):
    """A second 서울아 right after a command (the kiosk's own confirmation, an echo) is
    ignored during the cooldown, and wakes again after it."""
    first = wake_then("daegi")
    again = clip("wake__s175p50.wav")
    quick = listen(model, commands, np.concatenate([first, again]), cooldown_s=30.0)
    assert [e.kind for e in quick] == [EventKind.WAKE, EventKind.COMMAND]
    later = listen(model, commands, np.concatenate([first, again]), cooldown_s=0.0)
    assert [e.kind for e in later][2:] == [EventKind.WAKE, EventKind.TIMEOUT]


def test_words_just_before_the_call_make_it_no_call(model, commands):
    """ "오늘 날씨" run straight into "서울아" (no pause): not someone calling the kiosk."""
    weather = clip("nalssi__s175p50.wav")
    end = int(MANIFEST["nalssi__s175p50.wav"]["speech_end_s"] * SAMPLE_RATE)
    call = clip("wake__s175p50.wav")[int(0.45 * SAMPLE_RATE) :]
    run_together = np.concatenate([weather[:end], call])
    assert listen(model, commands, run_together) == []
    woken = listen(model, commands, run_together, pause_before_s=0.0)
    assert [e.kind for e in woken][:1] == [EventKind.WAKE]  # the pause rule made the difference


def test_control_words_and_aliases_map_to_intents(commands):
    assert commands.match(["대기", "환경"]).id == "air"
    assert commands.match(["뒤로"]).intent == i.Back(i.Source.VOICE)
    assert commands.match(["처음으로"]).intent == i.Home(i.Source.VOICE)
    assert commands.match(["영어", "로"]).intent == i.SetLanguage("en", i.Source.VOICE)
    assert commands.match(["한국어", "로"]).intent == i.SetLanguage("ko", i.Source.VOICE)
    assert commands.match(["비공개", "모드"]).intent == i.EnterPrivateMode(i.Source.VOICE)
    assert commands.match(["날씨", "교통"]) is None  # two things at once: unclear
    assert commands.match(["안녕"]) is None
    assert "생활인구" not in commands.phrases  # not in the vocabulary: "생활 인구" is
    assert "생활 인구" in commands.phrases


def test_settings_from_config():
    example = tomllib.loads((ROOT / "packaging" / "kiosk.example.toml").read_text("utf-8"))
    assert VoiceSettings.from_config(example["voice"], "mayor") == VoiceSettings(True)
    assert VoiceSettings.from_config({}, "mayor").enabled
    assert not VoiceSettings.from_config({}, "station").enabled
    assert VoiceSettings.from_config({"enabled": True, "window_s": 5}, "station").window_s == 5.0
    with pytest.raises(ConfigError, match="window_s"):
        VoiceSettings.from_config({"window_s": "long"}, "mayor")
    with pytest.raises(ConfigError, match="unknown"):
        VoiceSettings.from_config({"windows": 3}, "mayor")


def test_wav_sources_convert_and_explain_problems(tmp_path):
    stereo = tmp_path / "stereo8k.wav"
    with wave.open(str(stereo), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(np.zeros((8000, 2), dtype="<i2").tobytes())
    assert len(read_wav(stereo)) == SAMPLE_RATE
    with pytest.raises(SourceUnavailable, match="no such file"):
        list(WavFileSource(tmp_path / "missing.wav").chunks())
    (tmp_path / "broken.wav").write_bytes(b"RIFF nonsense")
    with pytest.raises(SourceUnavailable, match="not a readable WAV"):
        list(WavFileSource(tmp_path / "broken.wav").chunks())


def test_push_source_without_a_device_is_unavailable_and_ends_on_close():
    feed = PushSource(idle_timeout_s=0.05)
    with pytest.raises(SourceUnavailable, match="no microphone"):
        next(iter(feed.chunks()))
    feed.opened()
    chunks = feed.chunks()
    feed.push(b"\0\0")
    feed.close("unplugged")
    assert list(chunks) == [b"\0\0"]
    assert feed.problem == "unplugged"


def test_audio_ring_returns_audio_by_stream_time():
    ring = AudioRing(seconds=1.0)
    for value in range(20):  # 2 s in 0.1 s chunks; only the last second is kept
        ring.add(np.full(1600, value, dtype="<i2").tobytes())
    piece = np.frombuffer(ring.between(1.5, 1.7), dtype="<i2")
    assert len(piece) == 3200 and set(piece) == {15, 16}
    assert ring.between(0.0, 0.5) == b""


def test_listen_prints_each_files_events(capsys, tmp_path):
    from kiosk.cli import main

    call = write_wav(tmp_path / "call.wav", wake_then("daegi"))
    assert main(["listen", "--json", str(call), str(CLIPS / "seoulyeok__pink20.wav")]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert [(e["type"], e["id"]) for e in first["events"]] == [("wake", None), ("command", "air")]
    assert first["file"] == str(call) and first["events"][0]["t"] == pytest.approx(1.6, abs=0.3)
    assert second["events"] == []
    assert main(["listen", str(CLIPS / "wake__s175p50.wav")]) == 0
    text = capsys.readouterr().out
    assert "wake" in text and "timeout" in text
    assert main(["listen", str(tmp_path / "missing.wav")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_worker_reports_a_missing_model_and_a_missing_microphone(model):
    from voice.recognizer import ModelMissing
    from voice.worker import MICROPHONE, VOICE_MODEL, VoiceWorker, WorkerEvents

    devices = []
    events = WorkerEvents(voice=lambda e: None, device=lambda *a: devices.append(a))

    def no_model():
        raise ModelMissing("the Korean speech model is not installed")

    settings = VoiceSettings(True, probe_interval_s=0.05)
    VoiceWorker(lambda: iter(()), Registry(ALL_SPECS), print, settings, events,
                make_model=no_model).stop()  # fmt: skip
    assert devices == [(VOICE_MODEL, False, "the Korean speech model is not installed")]

    devices.clear()
    feed = PushSource()  # nothing opened it: no microphone
    worker = VoiceWorker(feed.chunks, Registry(ALL_SPECS), print, settings, events,
                         make_model=lambda: model)  # fmt: skip
    try:
        deadline = time.monotonic() + 5
        while sum(d[0] == MICROPHONE for d in devices) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)  # it looks again every probe_interval_s
    finally:
        worker.stop()
    assert devices[0] == (VOICE_MODEL, True, "Korean speech model loaded")
    assert devices[1:3] == [(MICROPHONE, False, "no microphone found")] * 2


def test_worker_sends_the_commands_intent_into_the_sink(model, tmp_path):
    from voice.worker import VoiceWorker, WorkerEvents

    path = write_wav(tmp_path / "call.wav", wake_then("daegi"))
    intents, seen, devices = [], [], []
    worker = VoiceWorker(
        WavFileSource(path).chunks, Registry(ALL_SPECS), intents.append, VoiceSettings(True),
        WorkerEvents(seen.append, lambda *a: devices.append(a)), replay=False,
        make_model=lambda: model,
    )  # fmt: skip
    worker._thread.join(20)
    assert intents == [i.ShowWidget("air", i.Source.VOICE)]
    assert [e.kind for e in seen] == [EventKind.WAKE, EventKind.COMMAND]
    assert devices[-1] == ("microphone", True, "audio file played")


def test_calibration_recommends_a_threshold_that_wakes_on_every_take(model, commands):
    from voice.calibrate import FLOOR, Take, measure, recommend

    takes = [(n, clip(n)) for n in ("wake__s175p50.wav", "wake__pink20.wav", "wake__s120p50.wav")]
    takes.append(("not a call", clip("seoulyeok__pink20.wav")))
    results = measure(model, commands, VoiceSettings(True), takes)
    assert [t.woke for t in results] == [True, True, True, False]
    assert results[-1].confidence < 0.8
    assert recommend(results[:3]) == round(min(t.confidence for t in results[:3]) - 0.05, 2)
    assert recommend([Take("a", 0.5, False)] * 3) == FLOOR  # never below the floor
    assert recommend([Take("a", 0.9, True), Take("b", 0.0, False)]) is None  # too few heard


def test_closing_a_full_push_source_never_blocks():
    feed = PushSource(idle_timeout_s=0.05)
    feed.opened()
    chunks = feed.chunks()
    for _ in range(500):  # more than it holds: what does not fit is dropped
        feed.push(b"\0\0")
    feed.close("stopped")  # would block on a full queue
    assert 0 < len(list(chunks)) <= 200


def test_pulse_source_explains_why_there_is_no_microphone(monkeypatch, tmp_path):
    from voice.audio import PulseSource

    monkeypatch.setattr("voice.audio.shutil.which", lambda name: None)
    with pytest.raises(SourceUnavailable, match="pulseaudio-utils"):
        PulseSource().chunks()
    monkeypatch.undo()
    if not PulseSource.available():
        return
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-server'}")
    with pytest.raises(SourceUnavailable, match="no microphone"):
        PulseSource().chunks()
