"""Where the pipeline's audio comes from: one interface for a WAV file and a microphone.

A source yields chunks of 16 kHz mono signed 16-bit little-endian PCM. No microphone is a
state, not an error: opening one raises ``SourceUnavailable`` with the reason, and the worker
tries again later. The Qt microphone adapter (``kiosk.shell.microphone``) pushes its audio
into a ``PushSource``; nothing here imports Qt."""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import numpy as np

SAMPLE_RATE = 16000
SAMPLE_WIDTH = 2  # bytes per sample (signed 16-bit)
CHUNK_S = 0.1  # the pipeline reads audio in chunks of this length


class SourceUnavailable(Exception):
    """The source cannot deliver audio now (no microphone, unreadable file); the reason is
    the message."""


class AudioSource(Protocol):
    def chunks(self) -> Iterator[bytes]:
        """16 kHz mono s16le chunks until the source ends; raises SourceUnavailable."""
        ...


class WavFileSource:
    """A WAV file as the microphone: any rate, mono or stereo, 16-bit; converted to 16 kHz
    mono. Used by ``main.py listen``, the benchmarks, the tests and the kiosk's test hook."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def chunks(self) -> Iterator[bytes]:
        samples = read_wav(self.path)
        step = int(SAMPLE_RATE * CHUNK_S)
        for start in range(0, len(samples), step):
            yield samples[start : start + step].tobytes()


def read_wav(path: Path) -> np.ndarray:
    """The file's audio as 16 kHz mono int16 samples; SourceUnavailable says what is wrong."""
    try:
        with wave.open(str(path), "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            data = wav.readframes(wav.getnframes())
    except FileNotFoundError:
        raise SourceUnavailable(f"{path}: no such file") from None
    except (OSError, EOFError, wave.Error) as exc:
        raise SourceUnavailable(f"{path}: not a readable WAV file ({exc})") from None
    if width != SAMPLE_WIDTH:
        raise SourceUnavailable(f"{path}: {8 * width}-bit audio; 16-bit PCM is needed")
    samples = np.frombuffer(data, dtype="<i2").reshape(-1, channels).mean(axis=1)
    if rate != SAMPLE_RATE and len(samples):
        count = round(len(samples) * SAMPLE_RATE / rate)
        positions = np.linspace(0, len(samples) - 1, count)
        samples = np.interp(positions, np.arange(len(samples)), samples)
    return samples.astype("<i2")


class PulseSource:
    """The default input of PulseAudio (or PipeWire's pulse server) through ``parec``
    (pulseaudio-utils). Measured here: QtMultimedia's QAudioSource delivered only a trickle
    from PulseAudio (~1 s of every 3), while parec records everything, so the kiosk uses
    parec when it is installed and QtMultimedia otherwise (README "Voice control")."""

    COMMAND = ("parec", "--format=s16le", f"--rate={SAMPLE_RATE}", "--channels=1", "--raw",
               "--latency-msec=100")  # fmt: skip

    def __init__(self, device: str | None = None):
        self.device = device
        self._process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("parec") is not None

    def chunks(self) -> Iterator[bytes]:
        if not self.available():
            raise SourceUnavailable("parec is not installed (Debian package pulseaudio-utils)")
        command = [*self.COMMAND, *([f"--device={self.device}"] if self.device else [])]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._process = process  # close() can end the wait for the first audio
        try:
            first = process.stdout.read(int(SAMPLE_RATE * CHUNK_S) * SAMPLE_WIDTH)
        except OSError:
            first = b""
        if not first:
            self.close()
            reason = process.stderr.read().decode(errors="replace").strip().splitlines()
            raise SourceUnavailable(f"no microphone: {reason[-1] if reason else 'parec ended'}")
        return self._read(process, first)

    def _read(self, process: subprocess.Popen, first: bytes) -> Iterator[bytes]:
        size = int(SAMPLE_RATE * CHUNK_S) * SAMPLE_WIDTH
        try:
            data = first
            while data:
                yield data
                data = process.stdout.read(size)
        finally:
            self.close()

    def close(self) -> None:
        """Stop recording (ends ``chunks()``); safe from any thread, more than once."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()


class PushSource:
    """Audio pushed from another thread (the Qt microphone): ``chunks()`` yields it until
    ``close()``. ``chunks()`` raises SourceUnavailable while nothing is open."""

    def __init__(self, idle_timeout_s: float = 0.5):
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=200)  # ~20 s of audio
        self._open = threading.Event()
        self.problem = "no microphone found"
        self.idle_timeout_s = idle_timeout_s

    @property
    def is_open(self) -> bool:
        return self._open.is_set()

    def opened(self) -> None:
        """A device is open: audio follows (what is left from an earlier one is dropped)."""
        while not self._queue.empty():
            self._queue.get_nowait()
        self._open.set()

    def push(self, data: bytes) -> None:
        try:
            self._queue.put_nowait(data)
        except queue.Full:  # the pipeline fell behind: drop audio rather than grow
            pass

    def close(self, problem: str) -> None:
        """The device stopped or disappeared; ``problem`` is what the status strip says."""
        self.problem = problem
        self._open.clear()
        while True:  # never block the caller (the GUI thread): make room for the end mark
            try:
                self._queue.put_nowait(None)
                return
            except queue.Full:
                self._queue.get_nowait()

    def chunks(self) -> Iterator[bytes]:
        if not self._open.is_set():
            raise SourceUnavailable(self.problem)
        return self._drain()

    def _drain(self) -> Iterator[bytes]:
        while True:
            try:
                data = self._queue.get(timeout=self.idle_timeout_s)
            except queue.Empty:
                if not self._open.is_set():
                    return
                continue
            if data is None:
                return
            yield data
