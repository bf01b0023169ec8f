"""Voice control in the running kiosk (a service for ``SERVICE_MODULES``).

On by default in the mayor's office, off at stations (``[voice] enabled``). The pipeline runs
on its own thread (``voice.worker``) and sends the command's intent into the sink, so a
spoken "대기환경" is exactly a tap on its tile. This module shows and says what the voice side
is doing: the indicator in the bottom bar (say 서울아, listening, no microphone), the chime
after the wake word, and the caption and spoken confirmation after a command, in the
visitor's language."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from kiosk import intents as i
from kiosk.config import ConfigError
from kiosk.i18n import LANGUAGES, tr
from kiosk.registry import HOME
from kiosk.router import Announce, NavState, Rejected
from kiosk.shell.icons import icon_pixmap
from kiosk.shell.indicator import StatusIndicator
from kiosk.shell.services import ShellContext
from kiosk.shell.theme import PALETTE, Scale
from voice.audio import PulseSource, PushSource, WavFileSource
from voice.chime import chime_wav
from voice.pipeline import EventKind, VoiceEvent, VoiceSettings
from voice.worker import MICROPHONE, VOICE_MODEL, VoiceWorker, WorkerEvents

log = logging.getLogger(__name__)
STATUS_KEY = "voice"


class VoiceIndicator(StatusIndicator):
    """Bottom-bar indicator: a microphone icon and a line saying what to do now."""

    def __init__(self, scale: Scale):
        super().__init__("VoiceIndicator", scale, icon_px=48)
        self.text.setMinimumWidth(scale.px(460))
        self.setMaximumWidth(scale.px(780))
        self.state = "loading"

    def show_state(self, state: str, lang: str) -> None:
        """state: loading, idle, listening, no_microphone or no_model."""
        self.state = state
        listening = state == "listening"
        background, foreground = (
            (PALETTE.accent, PALETTE.accent_text) if listening else ("transparent", PALETTE.muted)
        )
        icon = icon_pixmap("microphone", self.icon_size, foreground)
        self.paint(tr(f"voice.{state}", lang), icon, background, foreground, listening)


class VoiceService(QObject):
    _event = Signal(object)
    _device = Signal(str, bool, str)

    def __init__(self, context: ShellContext, settings: VoiceSettings):
        super().__init__()
        self.context = context
        self.settings = settings
        window = context.window
        self.window = window
        self.indicator = VoiceIndicator(window.context.scale)
        window.status_strip.layout().insertWidget(0, self.indicator)
        self.lang = context.config.default_language
        self.state = "loading"
        self.problem: str | None = None
        self.pending: VoiceEvent | None = None  # a command waiting for the router's answer
        self.captions: list[str] = []  # what was shown and said (tests, the log)
        self._listening_timer = QTimer(self, singleShot=True)
        self._listening_timer.timeout.connect(self._on_listening_over)
        self._chime = None
        self._event.connect(self._on_voice_event)
        self._device.connect(self._on_device)
        context.subscribe(self._on_routed)
        self._render()
        self.microphone = None
        self.pulse: PulseSource | None = None
        source = settings.source
        if source == "microphone":
            source = "pulse" if PulseSource.available() else "qt"
        if source == "pulse":
            self.pulse = PulseSource()
            open_source, replay = self.pulse.chunks, True
        elif source == "qt":
            from kiosk.shell.microphone import Microphone

            feed = PushSource()
            self.microphone = Microphone(feed, settings.probe_interval_s, self)
            open_source, replay = feed.chunks, True
        else:  # a WAV file as the microphone (tests, demos)
            open_source, replay = WavFileSource(source).chunks, False
        log.info("voice: audio from %s", source)
        self.worker = VoiceWorker(
            open_source,
            context.registry,
            context.sink,
            settings,
            WorkerEvents(self._event.emit, self._device.emit),
            replay=replay,
            interrupt=self.pulse.close if self.pulse is not None else lambda: None,
        )

    # worker thread -> GUI thread
    def _on_device(self, key: str, ok: bool, message: str) -> None:
        if key == MICROPHONE:
            text = {lang: tr("voice.status.microphone", lang, error=message) for lang in LANGUAGES}
            self.context.set_status(MICROPHONE, ok, message if ok else text)
            if self.problem != "no_model":
                self.problem = None if ok else "no_microphone"
                if ok and self.state == "loading":
                    self.state = "idle"
        else:
            text = {lang: tr("voice.status.model", lang, error=message) for lang in LANGUAGES}
            self.context.set_status(VOICE_MODEL, ok, message if ok else text)
            self.problem = None if ok else "no_model"
            if ok:
                self.state = "idle"
        self._render()

    def _on_voice_event(self, event: VoiceEvent) -> None:
        log.info("voice: %s at %.2f s %s %s", event.kind, event.t, event.id or "", event.heard)
        if event.kind is EventKind.WAKE:
            self.pending = None  # a command a page consumed itself gets no confirmation
            self.state = "listening"
            self._listening_timer.start(
                int((self.settings.window_s + self.settings.max_command_s) * 1000)
            )
            self._play_chime()
            self.context.sink(i.UserActivity(i.Source.VOICE))
        else:
            self._on_listening_over()
            if event.kind is EventKind.COMMAND:
                self.pending = event
        self._render()

    def _on_listening_over(self) -> None:
        self._listening_timer.stop()
        self.state = "idle"
        self._render()

    # the router's answer to a spoken command: caption and confirmation
    def _on_routed(self, state: NavState, effects) -> None:
        if state.lang != self.lang:
            self.lang = state.lang
            self._render()
        event, self.pending = self.pending, None
        if event is None or event.command is None:
            return
        intent = event.command.intent
        if any(isinstance(e, Rejected) and e.source is i.Source.VOICE for e in effects):
            text = tr("toast.rejected", state.lang)
        elif any(isinstance(e, Announce) and e.source is i.Source.VOICE for e in effects):
            title = (
                tr("voice.home_title", state.lang)
                if state.page == HOME
                else (self.context.registry.get(state.page).title_in(state.lang))
            )
            text = tr("voice.showing", state.lang, title=title)
        elif isinstance(intent, i.SetLanguage):
            text = tr("voice.language", state.lang)
        elif isinstance(intent, i.EnterPrivateMode):
            text = tr("voice.private", state.lang)
        else:
            return  # nothing changed (already on that page)
        log.info("voice: %s", text)
        self.captions.append(text)
        self.window.show_toast(text)
        if self.settings.speak:
            try:
                self.window.guidance.speaker.say(text, state.lang)
            except Exception:  # speech is a courtesy, never a dependency
                log.exception("voice: the spoken confirmation failed")

    def _play_chime(self) -> None:
        if not self.settings.chime:
            return
        try:
            if self._chime is None:
                from PySide6.QtMultimedia import QSoundEffect

                path = Path(tempfile.gettempdir()) / "seoul-kiosk-chime.wav"
                path.write_bytes(chime_wav())
                self._chime = QSoundEffect(self)
                self._chime.setSource(QUrl.fromLocalFile(str(path)))
            self._chime.play()
        except Exception:  # no sound output: the on-screen indicator still shows
            log.exception("voice: the chime cannot be played")

    def _render(self) -> None:
        self.indicator.show_state(self.problem or self.state, self.lang)

    def stop(self) -> None:
        if self.microphone is not None:
            self.microphone.stop()  # ends the worker's wait for audio
        self.worker.stop()


def start(context: ShellContext) -> VoiceService | None:
    """Voice control where ``[voice] enabled`` (default: the mayor role only)."""
    try:
        settings = VoiceSettings.from_config(context.config.section("voice"), context.config.role)
    except ConfigError as exc:
        context.set_status(
            STATUS_KEY,
            False,
            {lang: tr("voice.status.config", lang, error=exc) for lang in LANGUAGES},
        )
        return None
    if not settings.enabled:
        return None
    log.info("voice: source %s, command window %.1f s", settings.source, settings.window_s)
    return VoiceService(context, settings)
