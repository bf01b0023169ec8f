"""The streaming voice pipeline: audio in, wake / command / timeout events out.

Wake design (chosen by measurement, README "Voice control"): a grammar recognizer of the wake
word, the commands and filler words runs on everything and proposes "서울 아" on final
results (never partials). A proposal is confirmed only when the call stands at the start of
an utterance (a pause before it, as when someone calls a name) and either stands alone or is
followed, in the same breath, by a command, which a command-only recognizer confirms on the
buffered audio. Words before it or ordinary speech after it ("서울아산병원", a sentence that
happens to contain the sounds) are rejected. After a wake the command window (3 s) listens
with the command recognizer; a command or the window's end closes it."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.config import ConfigError
from voice.audio import SAMPLE_RATE, SAMPLE_WIDTH
from voice.commands import WAKE_WORDS, Command, CommandSet
from voice.recognizer import Recognizer, SpeechModel, Word

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    WAKE = "wake"
    COMMAND = "command"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class VoiceEvent:
    """What the pipeline decided, at ``t`` seconds of audio from the source's start."""

    kind: EventKind
    t: float
    command: Command | None = None
    heard: str = ""  # the words recognized (commands)
    speech_end: float | None = None  # when the words ended (latency = t - speech_end)

    @property
    def id(self) -> str | None:
        return self.command.id if self.command else None


@dataclass(frozen=True)
class VoiceSettings:
    """The ``[voice]`` table (see packaging/kiosk.example.toml)."""

    enabled: bool
    # "microphone": PulseAudio/PipeWire through parec if installed, else QtMultimedia;
    # "pulse" or "qt" to choose; or a WAV file played once as the microphone (tests, demos)
    source: str = "microphone"
    window_s: float = 3.0  # the command window after the wake word
    wake_confidence: float = 0.8  # both words of "서울 아"
    command_confidence: float = 0.6
    pause_before_s: float = 0.3  # silence needed before "서울아" within an utterance
    max_command_s: float = 2.5  # longest command said in the same breath as the wake word
    cooldown_s: float = 1.0  # after a command or timeout, wake proposals are ignored this long
    probe_interval_s: float = 5.0  # without a microphone, look for one again this often
    speak: bool = True  # spoken confirmation ("대기환경 화면을 보여드립니다")
    chime: bool = True

    @classmethod
    def from_config(cls, section: Mapping[str, Any], role: str) -> VoiceSettings:
        """On by default in the mayor's office only; a bad value is a ConfigError naming it."""
        numbers = (
            "window_s", "wake_confidence", "command_confidence", "pause_before_s",
            "max_command_s", "cooldown_s", "probe_interval_s",
        )  # fmt: skip
        known = {"enabled", "source", "speak", "chime", *numbers}
        unknown = set(section) - known
        if unknown:
            raise ConfigError(f"[voice] unknown settings: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name in numbers:
            if name in section:
                try:
                    values[name] = float(section[name])
                except (TypeError, ValueError):
                    raise ConfigError(f"[voice] {name} must be a number") from None
        settings = cls(
            enabled=bool(section.get("enabled", role == "mayor")),
            source=str(section.get("source", "microphone")),
            speak=bool(section.get("speak", True)),
            chime=bool(section.get("chime", True)),
            **values,
        )
        if settings.window_s <= 0 or settings.probe_interval_s <= 0:
            raise ConfigError("[voice] window_s and probe_interval_s must be above 0")
        if not (0 <= settings.wake_confidence <= 1 and 0 <= settings.command_confidence <= 1):
            raise ConfigError("[voice] confidences are between 0 and 1")
        return settings


EventSink = Callable[[VoiceEvent], None]
BYTES_PER_S = SAMPLE_RATE * SAMPLE_WIDTH


class AudioRing:
    """The last ``seconds`` of audio, addressable by stream time (for re-decoding)."""

    def __init__(self, seconds: float):
        self._chunks: deque[tuple[int, bytes]] = deque()  # (first sample, audio)
        self.keep = int(seconds * SAMPLE_RATE)
        self.samples = 0  # samples seen since the stream started

    @property
    def end(self) -> float:
        """Stream time at the end of the newest audio."""
        return self.samples / SAMPLE_RATE

    def add(self, pcm: bytes) -> None:
        self._chunks.append((self.samples, pcm))
        self.samples += len(pcm) // SAMPLE_WIDTH
        while self._chunks and self._chunks[0][0] < self.samples - self.keep:
            self._chunks.popleft()

    def between(self, start: float, end: float) -> bytes:
        first, last = round(start * SAMPLE_RATE), round(end * SAMPLE_RATE)
        out = bytearray()
        for chunk_first, pcm in self._chunks:
            chunk_last = chunk_first + len(pcm) // SAMPLE_WIDTH
            if chunk_last <= first or chunk_first >= last:
                continue
            lo = max(0, first - chunk_first) * SAMPLE_WIDTH
            hi = (min(chunk_last, last) - chunk_first) * SAMPLE_WIDTH
            out += pcm[lo:hi]
        return bytes(out)


class VoicePipeline:
    """Feed audio chunks; events go to ``on_event`` on the calling thread."""

    def __init__(
        self, model: SpeechModel, commands: CommandSet, settings: VoiceSettings, on_event: EventSink
    ):
        self.model = model
        self.commands = commands
        self.settings = settings
        self.on_event = on_event
        self._wake_phrases = commands.wake_grammar()
        self._command_phrases = commands.command_grammar()
        self.proposer = model.recognizer(self._wake_phrases)
        self.ring = AudioRing(max(10.0, settings.window_s + settings.max_command_s + 5.0))
        self.listening: _Window | None = None
        self.last_word_end = -1e9  # end of the last word the proposer heard
        self.quiet_until = -1e9  # cooldown: no wakes before this stream time
        # "서울 아" heard at wake confidence before the pause and command checks: what a
        # grammar-only detector would have woken on (benchmarks); and the surest "서울 아"
        # heard at any confidence (calibration)
        self.proposals = 0
        self.best_wake_confidence = 0.0

    @property
    def now(self) -> float:
        return self.ring.end

    def feed(self, pcm: bytes) -> None:
        self.ring.add(pcm)
        words = self.proposer.accept(pcm)
        if self.listening is not None:
            self._listen(pcm)
        if words:
            self._proposed(words)

    def finish(self) -> None:
        """The source ended: what follows is silence (a file's last words get their final
        result, an open command window runs to its end)."""
        silence = bytes(int(BYTES_PER_S * 0.1))
        limit = self.now + self.settings.window_s + self.settings.max_command_s + 2.0
        while self.now < limit and (self.listening is not None or self.proposer.hearing()):
            self.feed(silence)
        words = self.proposer.finish()
        if words:
            self._proposed(words)
        if self.listening is not None:
            self._close_window(self.listening.recognizer.finish() or [])
        if self.listening is not None:
            self.listening.closes_at = self.now
            self._close_window([])

    # wake word
    def _proposed(self, words: list[Word]) -> None:
        first, second = WAKE_WORDS
        for a, b in zip(words, words[1:], strict=False):
            if (a.word, b.word) == (first, second):
                conf = min(a.conf, b.conf)
                self.best_wake_confidence = max(self.best_wake_confidence, conf)
                self.proposals += conf >= self.settings.wake_confidence
        wake = self._find_wake(words)
        self.last_word_end = words[-1].end
        if wake is None:
            return
        if self.listening is not None:
            return  # already listening: the command recognizer handles this utterance
        index = wake
        end = words[index + 1].end
        tail = words[index + 2 :]
        if not tail:
            self._wake(words[index].start, end)
            return
        if tail[-1].end - end > self.settings.max_command_s:
            log.debug("voice: 서울 아 followed by %.1f s of speech: not a call", tail[-1].end - end)
            return
        # decoded from the wake word on: in context the command comes out far better
        start = words[index].start - 0.1
        command, heard, conf = self._decode(self.ring.between(start, tail[-1].end + 0.3))
        if command is None or conf < self.settings.command_confidence:
            log.debug("voice: 서울 아 followed by %r: not a command", heard)
            return
        self.on_event(VoiceEvent(EventKind.WAKE, self.now, speech_end=end))
        self._command(command, heard, tail[-1].end)

    def _find_wake(self, words: list[Word]) -> int | None:
        """Index of a confirmed-looking "서울 아" in a final result, or None."""
        settings = self.settings
        first, second = WAKE_WORDS
        previous_end = self.last_word_end
        for index, word in enumerate(words):
            if index + 1 < len(words):
                after = words[index + 1]
                if (
                    word.word == first
                    and after.word == second
                    and min(word.conf, after.conf) >= settings.wake_confidence
                    and word.start - previous_end >= settings.pause_before_s
                    and word.start >= self.quiet_until
                ):
                    return index
            previous_end = word.end
        return None

    def _decode(self, pcm: bytes) -> tuple[Command | None, str, float]:
        recognizer = self.model.recognizer(self._command_phrases)
        words = recognizer.accept(pcm) or []
        words += recognizer.finish()
        spoken = [w for w in words if w.word not in WAKE_WORDS]
        conf = min((w.conf for w in spoken), default=0.0)
        return self.commands.match(w.word for w in spoken), " ".join(w.word for w in spoken), conf

    def _wake(self, speech_start: float, speech_end: float) -> None:
        self.on_event(VoiceEvent(EventKind.WAKE, self.now, speech_end=speech_end))
        # The window's recognizer starts at the wake word, from the buffer: a command said
        # right after it began before the proposer's final result came out, and it is
        # recognized better in context (the wake words are dropped from its results).
        recognizer = self.model.recognizer(self._command_phrases)
        start = max(0.0, speech_start - 0.1)
        words = recognizer.accept(self.ring.between(start, self.now))
        self.listening = _Window(recognizer, start, self.now + self.settings.window_s)
        if words:
            self._close_window(words)

    # command window
    def _listen(self, pcm: bytes) -> None:
        window = self.listening
        words = window.recognizer.accept(pcm)
        window.audio_s += len(pcm) / BYTES_PER_S
        if words:
            self._close_window(words)
            return
        if self.now >= window.closes_at:
            in_progress = window.recognizer.hearing()
            if not in_progress or self.now >= window.closes_at + self.settings.max_command_s:
                self._close_window(window.recognizer.finish())

    def _close_window(self, words: list[Word]) -> None:
        window = self.listening
        if window is None:
            return
        spoken = [
            Word(w.word, w.conf, w.start + window.opened_at, w.end + window.opened_at)
            for w in words
            if w.word not in WAKE_WORDS
        ]
        command = self.commands.match(w.word for w in spoken)
        conf = min((w.conf for w in spoken), default=0.0)
        if command is not None and conf >= self.settings.command_confidence:
            self.listening = None
            self._command(command, " ".join(w.word for w in spoken), spoken[-1].end)
        elif words and self.now < window.closes_at:
            return  # hesitation or unclear: keep listening until the window ends
        else:
            self.listening = None
            self.quiet_until = self.now + self.settings.cooldown_s
            self.on_event(VoiceEvent(EventKind.TIMEOUT, self.now))

    def _command(self, command: Command, heard: str, speech_end: float) -> None:
        self.quiet_until = self.now + self.settings.cooldown_s
        self.on_event(
            VoiceEvent(EventKind.COMMAND, self.now, command, heard=heard, speech_end=speech_end)
        )


@dataclass
class _Window:
    recognizer: Recognizer
    opened_at: float  # stream time the window's recognizer started at
    closes_at: float
    audio_s: float = 0.0


def run_source(pipeline: VoicePipeline, chunks, should_stop: Callable[[], bool] = lambda: False):
    """Feed a whole source through the pipeline (``listen``, benchmarks, the worker)."""
    for pcm in chunks:
        if should_stop():
            return
        pipeline.feed(pcm)
    pipeline.finish()
