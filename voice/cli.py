"""``main.py listen FILE.wav ...``: the exact streaming pipeline on WAV files; prints each
file's events (wake, command with its widget or control id, timeout) with timestamps in
seconds from the file's start.

Exit status: 0 done, 1 a file or the model cannot be used."""

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
