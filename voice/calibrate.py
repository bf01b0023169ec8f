"""``voice-calibrate``: the wake threshold from the mayor's own "서울아".

No public recording of anyone saying "서울아" exists, so the shipped threshold (0.8) was set
on synthetic calls. Calibration runs the exact pipeline on a few takes of the real voice in
the real room and recommends the highest threshold that still wakes on every take (with a
margin), never below ``FLOOR``: lower would let ordinary speech through (check with
bench/voice.py on real speech after changing it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from voice.audio import CHUNK_S, SAMPLE_RATE
from voice.commands import CommandSet
from voice.pipeline import EventKind, VoicePipeline, VoiceSettings, run_source
from voice.recognizer import SpeechModel

FLOOR = 0.75  # measured: at 0.7 a bare espeak command ("교통상황") woke it
CEILING = 0.95
MARGIN = 0.05
MIN_TAKES = 3


@dataclass(frozen=True)
class Take:
    name: str
    confidence: float  # of the surest "서울 아" heard in it; 0 when none was
    woke: bool  # with the settings as they are


def measure(
    model: SpeechModel,
    commands: CommandSet,
    settings: VoiceSettings,
    takes: Iterable[tuple[str, np.ndarray]],
) -> list[Take]:
    results = []
    step = int(SAMPLE_RATE * CHUNK_S)
    for name, samples in takes:
        events = []
        pipeline = VoicePipeline(model, commands, settings, events.append)
        run_source(
            pipeline, (samples[k : k + step].tobytes() for k in range(0, len(samples), step))
        )
        woke = any(e.kind is EventKind.WAKE for e in events)
        results.append(Take(name, round(pipeline.best_wake_confidence, 2), woke))
    return results


def recommend(takes: list[Take]) -> float | None:
    """The wake threshold for these takes; None when too few of them were heard as 서울아
    at all (re-record closer to the microphone, in a quieter moment)."""
    heard = [t.confidence for t in takes if t.confidence > 0]
    if len(heard) < MIN_TAKES or len(heard) < len(takes) * 0.8:
        return None
    return round(min(max(min(heard) - MARGIN, FLOOR), CEILING), 2)


def with_threshold(settings: VoiceSettings, threshold: float) -> VoiceSettings:
    return replace(settings, wake_confidence=threshold)
