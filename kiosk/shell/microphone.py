"""The microphone through QtMultimedia (QAudioSource on PulseAudio or PipeWire), pushing
16 kHz mono 16-bit audio into the voice pipeline's ``PushSource``.

Runs on the GUI thread (QAudioSource needs an event loop). Without an input device it looks
again every ``probe_interval_s``; a device that fails or disappears is closed and looked
for again, so a microphone plugged in later is picked up."""

from __future__ import annotations

import logging

from PySide6.QtCore import QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices, QtAudio

from voice.audio import SAMPLE_RATE, PushSource

log = logging.getLogger(__name__)
_app = None  # the QCoreApplication record() made, kept alive


class Microphone(QObject):
    def __init__(self, feed: PushSource, probe_interval_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self.feed = feed
        self._source: QAudioSource | None = None
        self._device: QIODevice | None = None
        self._probe = QTimer(self, interval=int(probe_interval_s * 1000))
        self._probe.timeout.connect(self.probe)
        self._probe.start()
        self.probe()

    def probe(self) -> None:
        """Open the default input if none is open and one exists; close a failed one.
        (Errors are polled here: PySide cannot deliver stateChanged's QAudio::State.)"""
        if self._source is not None:
            if self._source.error() != QtAudio.Error.NoError:
                self.close(f"microphone error ({self._source.error().name})")
            return
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            self.feed.problem = "no microphone found"
            return
        fmt = QAudioFormat()
        fmt.setSampleRate(SAMPLE_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            self.feed.problem = f"{device.description()}: cannot record 16 kHz mono"
            return
        source = QAudioSource(device, fmt, self)
        self._device = source.start()
        if self._device is None or source.error() != QtAudio.Error.NoError:
            self.feed.problem = f"{device.description()}: cannot be opened"
            source.deleteLater()
            return
        self._source = source
        self._device.readyRead.connect(self._on_audio_ready)
        log.info("voice: recording from %s", device.description())
        self.feed.opened()

    def _on_audio_ready(self) -> None:
        if self._device is not None:
            self.feed.push(bytes(self._device.readAll().data()))

    def close(self, problem: str = "microphone closed") -> None:
        if self._source is not None:
            source, self._source, self._device = self._source, None, None
            source.stop()
            source.deleteLater()
            self.feed.close(problem)

    def stop(self) -> None:
        self._probe.stop()
        self.close()


def record(seconds: float, on_start=lambda: None) -> bytes:
    """``seconds`` of 16 kHz mono audio from the default input (voice-calibrate); raises
    voice.audio.SourceUnavailable without a microphone."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from voice.audio import SAMPLE_WIDTH, SourceUnavailable

    global _app
    if QCoreApplication.instance() is None:  # the command line has none
        _app = QCoreApplication([])
    feed = PushSource()
    received = bytearray()
    feed.push = received.extend  # the GUI thread is the only one here
    microphone = Microphone(feed, probe_interval_s=3600)
    try:
        if not feed.is_open:
            raise SourceUnavailable(feed.problem)
        on_start()
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
    finally:
        microphone.stop()
    return bytes(received[: len(received) // SAMPLE_WIDTH * SAMPLE_WIDTH])
