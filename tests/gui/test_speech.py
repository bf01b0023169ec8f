"""The speaker never raises, never blocks the GUI thread, and records what it said.

Qt's mock engine stands in for a voice in most tests; the last ones start the real
speech-dispatcher engine that the setup installs (there is no sound card here, and
speech-dispatcher then blocks its clients: the kiosk must not notice)."""

import shutil
import subprocess
import tempfile
import time

import pytest

from kiosk.i18n import LANGUAGES
from kiosk.shell import speech
from kiosk.shell.speech import Speaker


def test_mock_engine_speaks_and_records(qtbot):
    speaker = Speaker(engine="mock")
    qtbot.waitUntil(lambda: speaker.is_ready, timeout=10_000)
    assert speaker.available
    speaker.say("대기환경을 보여드립니다", "ko")
    speaker.say("Showing air quality", "en")
    assert speaker.spoken == [("ko", "대기환경을 보여드립니다"), ("en", "Showing air quality")]
    speaker.close()


def test_missing_engine_is_reported_not_raised(qapp):
    speaker = Speaker(engine="no-such-engine")
    speaker.say("안녕하세요", "ko")
    assert not speaker.available and speaker.problem
    assert speaker.spoken == [("ko", "안녕하세요")]


@pytest.fixture
def own_dispatcher(monkeypatch):
    """A speech-dispatcher of the test's own (its socket in a fresh runtime directory), so a
    server another test left blocked cannot answer for it; stopped afterwards."""
    runtime = tempfile.mkdtemp(prefix="spd-")  # short: a socket path has at most 107 bytes
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    yield runtime
    subprocess.run(["pkill", "-9", "-f", runtime], check=False)
    shutil.rmtree(runtime, ignore_errors=True)


def test_the_installed_engine_has_a_voice_for_every_language(qtbot, own_dispatcher):
    speaker = Speaker()
    qtbot.waitUntil(lambda: speaker.is_ready or not speaker.available, timeout=10_000)
    assert speaker.available, speaker.problem
    # espeak-ng's Mandarin ("cmn") has no QLocale, so Qt's speechd plugin offers no Chinese
    # voice (only Cantonese, which is not read to Mandarin speakers): zh stays caption-only
    assert set(speaker.languages) >= set(LANGUAGES) - {"zh"}
    speaker.close()


def test_an_engine_that_stops_answering_never_blocks_the_kiosk(qtbot, monkeypatch, own_dispatcher):
    monkeypatch.setattr(speech, "ANSWER_S", 1.0)
    speaker = Speaker()
    problems: list[str] = []
    speaker.problem_changed.connect(problems.append)
    qtbot.waitUntil(lambda: speaker.is_ready or not speaker.available, timeout=10_000)
    started = time.monotonic()
    for number in range(20):  # speech-dispatcher with no audio output blocks after a few
        speaker.say(f"안내 {number}", "ko")
    assert time.monotonic() - started < 0.5
    assert len(speaker.spoken) == 20
    if speaker.available:  # on a machine with working audio every line is spoken
        qtbot.wait(1500)
    assert speaker.available or "not answering" in problems[-1]
    speaker.close()
