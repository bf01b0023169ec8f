"""The short chime after the wake word, made in code (no sound file to ship or license)."""

from __future__ import annotations

import io
import wave

import numpy as np

RATE = 22050


def chime_wav(volume: float = 0.35) -> bytes:
    """Two rising soft tones (E5 then A5, 0.12 s each, faded): a WAV file's bytes."""
    parts = []
    for frequency in (659.25, 880.0):
        t = np.arange(int(RATE * 0.12)) / RATE
        envelope = np.minimum(1.0, t / 0.01) * np.exp(-t * 18)
        parts.append(np.sin(2 * np.pi * frequency * t) * envelope)
    samples = (np.concatenate(parts) * volume * 32767).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())
    return out.getvalue()
