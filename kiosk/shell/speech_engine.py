"""The text-to-speech engine in its own process: ``python -m kiosk.shell.speech_engine``.

The kiosk (``kiosk.shell.speech.Speaker``) writes one command a line on stdin and reads one
answer a line on stdout, so a speech engine that blocks (speech-dispatcher does when its
audio output is broken) blocks only this process:

    say<TAB>LANG<TAB>TEXT   ->  said         (after QTextToSpeech.say returned)
    stop                    ->  (nothing)
    end of input            ->  exits

On start it answers ``ready<TAB>ko,en,...`` (the interface languages it has a voice for) or
``problem<TAB>why`` and exits."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QSocketNotifier
from PySide6.QtTextToSpeech import QTextToSpeech

LOCALES = {
    "ko": QLocale.Language.Korean,
    "en": QLocale.Language.English,
    "zh": QLocale.Language.Chinese,
    "ja": QLocale.Language.Japanese,
}
PREFERRED_ENGINES = ("speechd", "flite")


def choose_engine(requested: str | None) -> str | None:
    """The engine to use: the one asked for, else the first preferred one installed."""
    if requested:
        return requested
    installed = QTextToSpeech.availableEngines()
    return next((name for name in PREFERRED_ENGINES if name in installed), None)


def answer(*fields: str) -> None:
    print("\t".join(fields), flush=True)


class Engine:
    """One QTextToSpeech, driven by the lines on stdin."""

    def __init__(self, tts: QTextToSpeech, app: QCoreApplication):
        self.tts = tts
        self.app = app
        self.locales = {locale.language(): locale for locale in tts.availableLocales()}
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self.read_command)

    def languages(self) -> list[str]:
        return [lang for lang, language in LOCALES.items() if language in self.locales]

    def read_command(self) -> None:
        line = sys.stdin.readline()
        if not line:
            self.app.quit()
            return
        command, _, rest = line.rstrip("\n").partition("\t")
        if command == "say":
            lang, _, text = rest.partition("\t")
            self.say(text, lang)
            answer("said")
        elif command == "stop":
            self.tts.stop()

    def say(self, text: str, lang: str) -> None:
        """Speak in the language's voice; with no voice for it stay silent (the caption
        shows), since another language's voice reading it is noise."""
        locale = self.locales.get(LOCALES.get(lang))
        self.tts.stop()
        if locale is None:
            return
        if self.tts.locale().language() != locale.language():
            self.tts.setLocale(locale)
        self.tts.say(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="", help="QtTextToSpeech engine (default: speechd)")
    args = parser.parse_args(argv)
    app = QCoreApplication([])
    name = choose_engine(args.engine or None)
    if name is None:
        answer("problem", "no text-to-speech engine installed (speech-dispatcher)")
        return 1
    tts = QTextToSpeech(name)
    if tts.state() == QTextToSpeech.State.Error:
        answer("problem", f"text-to-speech engine {name!r} failed: {tts.errorString()}")
        return 1
    engine = Engine(tts, app)
    answer("ready", ",".join(engine.languages()))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
