"""``main.py listen FILE.wav ...``: the exact streaming pipeline on WAV files; prints each
file's events (wake, command with its widget or control id, timeout) with timestamps in
seconds from the file's start.

``main.py voice-calibrate``: the wake threshold from a few takes of the mayor's "서울아".

Exit status: 0 done, 1 a file, the microphone or the model cannot be used (or too few takes
were heard as 서울아), 2 a usage error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.config import ConfigError, KioskConfig


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listen = sub.add_parser(
        "listen",
        parents=[common],
        help="run the voice pipeline on WAV files and print wake, command and timeout events",
        description="Run the kiosk's streaming voice pipeline (the 서울아 wake word, then a"
        " command) on each WAV file as if it came from the microphone. Prints the events"
        " with their time in seconds from the file's start. With --json one object a file:"
        ' {"file": ..., "events": [{"type": "wake"|"command"|"timeout", "t": s, "id": ...}]}.'
        " Settings come from the [voice] table of the config.",
    )
    listen.add_argument("files", nargs="+", metavar="FILE.wav", type=Path)
    listen.add_argument("--json", action="store_true", help="one JSON object a file")
    listen.set_defaults(handler=cmd_listen)
    calibrate = sub.add_parser(
        "voice-calibrate",
        parents=[common],
        help="tune the 서울아 threshold on the mayor's own voice",
        description="Say 서울아 a few times (--record N takes on the kiosk's microphone, or"
        " give WAV recordings): prints how sure the recognizer was of each and the"
        " [voice] wake_confidence that wakes on all of them (with a margin, never below"
        " 0.75). Nothing is written: add the printed line to the config.",
    )
    calibrate.add_argument("files", nargs="*", metavar="FILE.wav", type=Path)
    calibrate.add_argument("--record", type=int, metavar="N", help="record N takes")
    calibrate.add_argument("--seconds", type=float, default=2.5, help="length of a take")
    calibrate.set_defaults(handler=cmd_calibrate)


def cmd_listen(args: argparse.Namespace, config: KioskConfig) -> int:
    from kiosk.registry import Registry
    from voice.audio import SourceUnavailable, WavFileSource
    from voice.commands import CommandSet
    from voice.pipeline import VoicePipeline, VoiceSettings, run_source
    from voice.recognizer import ModelMissing, SpeechModel
    from widgets import ALL_SPECS

    try:
        settings = VoiceSettings.from_config(config.section("voice"), "mayor")
        model = SpeechModel()
    except (ConfigError, ModelMissing) as exc:
        print(f"listen: {exc}", file=sys.stderr)
        return 1
    commands = CommandSet(Registry(ALL_SPECS), model.knows)
    status = 0
    for path in args.files:
        events = []
        try:
            run_source(VoicePipeline(model, commands, settings, events.append),
                       WavFileSource(path).chunks())  # fmt: skip
        except SourceUnavailable as exc:
            print(f"listen: {exc}", file=sys.stderr)
            status = 1
            continue
        rows = [{"type": e.kind.value, "t": round(e.t, 2), "id": e.id} for e in events]
        if args.json:
            print(json.dumps({"file": str(path), "events": rows}, ensure_ascii=False))
            continue
        print(f"{path}:" + ("" if rows else " no events"))
        for event, row in zip(events, rows, strict=True):
            heard = f"  ({event.heard})" if event.heard else ""
            print(
                f"{row['t']:7.2f} s  {row['type']}"
                + (f"  {row['id']}" if row["id"] else "")
                + heard
            )
    return status


def cmd_calibrate(args: argparse.Namespace, config: KioskConfig) -> int:
    from kiosk.registry import Registry
    from voice.audio import SourceUnavailable, read_wav
    from voice.calibrate import measure, recommend
    from voice.commands import CommandSet
    from voice.pipeline import VoiceSettings
    from voice.recognizer import ModelMissing, SpeechModel
    from widgets import ALL_SPECS

    if bool(args.files) == bool(args.record):
        print("voice-calibrate: give recordings (FILE.wav ...) or --record N", file=sys.stderr)
        return 2
    try:
        settings = VoiceSettings.from_config(config.section("voice"), "mayor")
        takes = [(str(p), read_wav(p)) for p in args.files] or record_takes(args)
        model = SpeechModel()
    except (ConfigError, ModelMissing, SourceUnavailable) as exc:
        print(f"voice-calibrate: {exc}", file=sys.stderr)
        return 1
    results = measure(model, CommandSet(Registry(ALL_SPECS), model.knows), settings, takes)
    for take in results:
        woke = "wakes" if take.woke else "does not wake"
        print(f"{take.name}: 서울 아 confidence {take.confidence:.2f}, {woke} at"
              f" wake_confidence {settings.wake_confidence}")  # fmt: skip
    threshold = recommend(results)
    if threshold is None:
        print("voice-calibrate: too few takes were heard as 서울아; record again, closer to"
              " the microphone", file=sys.stderr)  # fmt: skip
        return 1
    print(f"recommended, in the [voice] table:\nwake_confidence = {threshold}")
    return 0


def record_takes(args: argparse.Namespace):
    """Takes from the kiosk's microphone (parec, else QtMultimedia), each after a prompt."""
    import numpy as np

    from voice.audio import PulseSource

    takes = []
    for number in range(1, args.record + 1):
        prompt = f"take {number}/{args.record}: say 서울아 now ({args.seconds:.1f} s)"
        if PulseSource.available():
            pcm = record_pulse(args.seconds, lambda p=prompt: print(p, flush=True))
        else:
            from kiosk.shell.microphone import record

            pcm = record(args.seconds, on_start=lambda p=prompt: print(p, flush=True))
        takes.append((f"take {number}", np.frombuffer(pcm, dtype="<i2")))
    return takes


def record_pulse(seconds: float, on_start) -> bytes:
    from voice.audio import SAMPLE_RATE, SAMPLE_WIDTH, PulseSource

    source = PulseSource()
    chunks = source.chunks()  # SourceUnavailable without a microphone
    on_start()
    wanted = int(seconds * SAMPLE_RATE) * SAMPLE_WIDTH
    received = bytearray()
    try:
        for pcm in chunks:
            received += pcm
            if len(received) >= wanted:
                break
    finally:
        source.close()
    return bytes(received[:wanted])
