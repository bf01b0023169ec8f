"""The voice pipeline's own thread: audio in, intents and events out.

The model is loaded once on this thread (~1 s) and reported under the health key
``voice_model``; the audio source under ``microphone``. No microphone is a state, not an
error: the worker says so and looks again every ``probe_interval_s``, so a microphone
plugged in later is picked up. A WAV file source is played once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kiosk.intents import IntentSink
from kiosk.registry import Registry
from voice.audio import SourceUnavailable
from voice.commands import CommandSet
from voice.pipeline import EventKind, VoiceEvent, VoicePipeline, VoiceSettings
from voice.recognizer import ModelMissing, SpeechModel

log = logging.getLogger(__name__)

MICROPHONE = "microphone"  # health status keys (kiosk.health.DEVICE_KEYS)
VOICE_MODEL = "voice_model"


@dataclass
class WorkerEvents:
    """Callbacks, called on the worker thread."""

    voice: Callable[[VoiceEvent], None]  # wake (show the indicator), command, timeout
    device: Callable[[str, bool, str], None]  # (MICROPHONE or VOICE_MODEL, ok, message)


class VoiceWorker:
    def __init__(
        self,
        open_source: Callable[[], Iterator[bytes]],
        registry: Registry,
        sink: IntentSink,
        settings: VoiceSettings,
        events: WorkerEvents,
        replay: bool = True,  # False for a file: play it once
        make_model: Callable[[], SpeechModel] = SpeechModel,
        interrupt: Callable[[], None] = lambda: None,  # ends a source's wait for audio
    ):
        self.open_source = open_source
        self.registry = registry
        self.sink = sink
        self.settings = settings
        self.events = events
        self.replay = replay
        self.make_model = make_model
        self.interrupt = interrupt
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="voice", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self.interrupt()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            model = self.make_model()
        except ModelMissing as exc:
            log.error("voice: %s", exc)
            self.events.device(VOICE_MODEL, False, str(exc))
            return
        commands = CommandSet(self.registry, model.knows)
        self.events.device(VOICE_MODEL, True, "Korean speech model loaded")
        while not self._stop.is_set():
            try:
                chunks = self.open_source()
                pipeline = VoicePipeline(model, commands, self.settings, self._on_event)
                for pcm in chunks:
                    if self._stop.is_set():
                        return
                    if pipeline.now == 0:
                        self.events.device(MICROPHONE, True, "listening")
                    pipeline.feed(pcm)
                pipeline.finish()
                if self._stop.is_set():
                    return
            except SourceUnavailable as exc:
                self.events.device(MICROPHONE, False, str(exc))
            except Exception as exc:  # an audio or recognizer error must not end voice for good
                log.exception("voice pipeline failed; trying again")
                self.events.device(MICROPHONE, False, f"audio error: {exc}")
            else:
                if not self.replay:
                    self.events.device(MICROPHONE, True, "audio file played")
                    return
                self.events.device(MICROPHONE, False, "the microphone stopped delivering audio")
            self._stop.wait(self.settings.probe_interval_s)

    def _on_event(self, event: VoiceEvent) -> None:
        self.events.voice(event)
        if event.kind is EventKind.COMMAND and event.command is not None:
            self.sink(event.command.intent)
