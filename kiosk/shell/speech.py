"""Spoken output (voice confirmations, guidance mode) through QtTextToSpeech.

Speech is a courtesy, never a dependency: without an engine or a voice for the language the
speaker reports it once and stays silent, and nothing ever waits for speech to finish."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

LOCALES = {
    "ko": QLocale.Language.Korean,
    "en": QLocale.Language.English,
    "zh": QLocale.Language.Chinese,
    "ja": QLocale.Language.Japanese,
}
PREFERRED_ENGINES = ("speechd", "flite")


class Speaker(QObject):
    """Speaks a line in a language, interrupting whatever it was saying."""

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.spoken: list[tuple[str, str]] = []  # (lang, text), also when silent: captions, tests
        self._tts: QTextToSpeech | None = None
        self.problem: str | None = None
        available = QTextToSpeech.availableEngines()
        name = engine or next((e for e in PREFERRED_ENGINES if e in available), None)
        if name is None:
            self.problem = "no text-to-speech engine installed (speech-dispatcher)"
            return
        tts = QTextToSpeech(name, self)
        if tts.state() == QTextToSpeech.State.Error:
            self.problem = f"text-to-speech engine {name!r} failed: {tts.errorString()}"
            return
        self._tts = tts

    @property
    def available(self) -> bool:
        return self._tts is not None

    def say(self, text: str, lang: str) -> None:
        self.spoken.append((lang, text))
        if self._tts is None:
            return
        self._choose_voice(lang)
        self._tts.stop()
        self._tts.say(text)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _choose_voice(self, lang: str) -> None:
        wanted = LOCALES.get(lang)
        if wanted is None or self._tts.locale().language() == wanted:
            return
        for locale in self._tts.availableLocales():
            if locale.language() == wanted:
                self._tts.setLocale(locale)
                return
        log.info("no %s voice installed; speaking with the default voice", lang)
