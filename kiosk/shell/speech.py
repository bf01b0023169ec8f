"""Spoken output (voice confirmations, guidance mode) through QtTextToSpeech.

Speech is a courtesy, never a dependency. speech-dispatcher blocks its clients when its
audio output is broken (no sound card, a dead PulseAudio): measured here, the third
``say()`` never returned, which on the GUI thread froze the whole kiosk. So the engine runs
in a child process (``kiosk.shell.speech_engine``) that the kiosk only writes lines to and
never waits for. An engine that does not answer within ``ANSWER_S`` is killed and reported
once; the next line after ``RETRY_S`` starts a fresh one."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.shell.speech_engine import choose_engine

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
ANSWER_S = 5.0  # start-up (connecting to speech-dispatcher) or one say()
RETRY_S = 60.0


class Speaker(QObject):
    """Speaks a line in a language, interrupting whatever it was saying."""

    problem_changed = Signal(str)  # a reason speech is off ("" when it works again)
    ready = Signal()

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.spoken: list[tuple[str, str]] = []  # (lang, text), also when silent: captions, tests
        self.problem: str | None = None
        self.languages: tuple[str, ...] = ()  # interface languages with a voice, once ready
        self._engine = choose_engine(engine)
        self._process: QProcess | None = None
        self._ready = False
        self._failed_at: float | None = None
        self._waiting = QTimer(self, singleShot=True)
        self._waiting.setInterval(int(ANSWER_S * 1000))
        self._waiting.timeout.connect(self._not_answering)
        if self._engine is None:
            self._report("no text-to-speech engine installed (speech-dispatcher)")
        elif self._engine not in QTextToSpeech.availableEngines():
            self._report(f"text-to-speech engine {self._engine!r} is not installed")
        else:
            self._start()

    @property
    def available(self) -> bool:
        """False once the engine is known to be missing or broken."""
        return self.problem is None

    @property
    def is_ready(self) -> bool:
        return self._ready

    def say(self, text: str, lang: str) -> None:
        self.spoken.append((lang, text))
        if self._process is None and self._may_retry():
            self._start()
        line = " ".join(text.split())  # one line: no newline or tab reaches the protocol
        if self._send(f"say\t{lang}\t{line}") and not self._waiting.isActive():
            self._waiting.start()

    def stop(self) -> None:
        self._send("stop")

    def close(self) -> None:
        """End the engine process (it exits at the end of its input; killed if stuck)."""
        process, self._process = self._process, None
        self._waiting.stop()
        if process is None:
            return
        process.finished.disconnect(self._finished)
        process.closeWriteChannel()
        if not process.waitForFinished(500):
            process.kill()
            process.waitForFinished(1000)

    # the child process
    def _start(self) -> None:
        process = QProcess(self)
        process.setProgram(sys.executable)
        args = ["-m", "kiosk.shell.speech_engine", "--engine", self._engine or ""]
        process.setArguments(args)
        process.setWorkingDirectory(str(ROOT))
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read_answers)
        process.finished.connect(self._finished)
        self._process = process
        self._ready = False
        process.start()
        self._waiting.start()

    def _send(self, line: str) -> bool:
        if self._process is None:
            return False
        self._process.write((line + "\n").encode("utf-8"))
        return True

    def _read_answers(self) -> None:
        process = self._process
        if process is None:
            return
        while process.canReadLine():
            kind, _, rest = (
                bytes(process.readLine()).decode("utf-8", "replace").strip().partition("\t")
            )
            if kind == "ready":
                self._waiting.stop()
                self._ready = True
                self.languages = tuple(lang for lang in rest.split(",") if lang)
                if self.problem is not None:
                    self._report(None)
                self.ready.emit()
            elif kind == "said":
                self._waiting.stop()
            elif kind == "problem":
                self._report(rest)

    def _finished(self) -> None:
        if self._process is not None and self.sender() is self._process:
            self._discard(self.problem or "text-to-speech engine stopped")

    def _not_answering(self) -> None:
        self._discard(
            f"text-to-speech engine {self._engine!r} is not answering (speech-dispatcher)"
        )

    def _discard(self, reason: str) -> None:
        self.close()
        self._ready = False
        self._failed_at = time.monotonic()
        self._report(reason)

    def _may_retry(self) -> bool:
        return self._failed_at is not None and time.monotonic() - self._failed_at >= RETRY_S

    def _report(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        if problem:
            log.warning("speech off: %s", problem)
        self.problem_changed.emit(problem or "")
