"""Voice pipeline figures (issue 5 targets), on a labelled WAV set with a manifest like
tests/fixtures/voice (espeak-ng clips: text, label wake/cmd/nonwake, speech_end_s), and
optionally on a folder of real speech with no wake word in it (false wakes per hour).

- wake detection rate on the wake clips; false wakes on the non-wake and command clips
  (per clip and per hour of audio);
- command accuracy: each command clip played after the wake clip of the same voice
  variant (0.4 s apart), plus "서울아 대기환경" said in one breath;
- latency from the end of speech to the intent (wake alone, and command) median and p95;
- real-time factor and CPU while listening (process CPU time over audio time), RSS.

espeak audio proves the plumbing and the timing, not accuracy on real people.

    .venv/bin/python bench/voice.py tests/fixtures/voice [--real ../shared/testdata/speech_real]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, peak_rss_mb, percentile  # noqa: E402
from kiosk.registry import Registry  # noqa: E402
from voice.audio import CHUNK_S, SAMPLE_RATE, read_wav  # noqa: E402
from voice.commands import CommandSet  # noqa: E402
from voice.pipeline import EventKind, VoicePipeline, VoiceSettings, run_source  # noqa: E402
from voice.recognizer import SpeechModel  # noqa: E402
from widgets import ALL_SPECS  # noqa: E402

GAP_S = 0.4


class Bench:
    def __init__(self, settings: VoiceSettings):
        self.model = SpeechModel()
        self.commands = CommandSet(Registry(ALL_SPECS), self.model.knows)
        self.settings = settings
        self.audio_s = 0.0
        self.cpu_s = 0.0

    def events(self, samples: np.ndarray):
        found = []
        pipeline = VoicePipeline(self.model, self.commands, self.settings, found.append)
        step = int(SAMPLE_RATE * CHUNK_S)
        chunks = (samples[k : k + step].tobytes() for k in range(0, len(samples), step))
        start = time.process_time()
        run_source(pipeline, chunks)
        self.cpu_s += time.process_time() - start
        self.audio_s += len(samples) / SAMPLE_RATE
        return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labelled", type=Path, help="folder with manifest.json and WAVs")
    parser.add_argument("--real", type=Path, help="folder of real speech without the wake word")
    args = parser.parse_args()
    settings = VoiceSettings(enabled=True)
    load = time.perf_counter()
    bench = Bench(settings)
    print(f"model load {time.perf_counter() - load:.2f} s")
    manifest = json.loads((args.labelled / "manifest.json").read_text(encoding="utf-8"))
    clips = {entry["file"]: entry for entry in manifest}
    audio = {name: read_wav(args.labelled / name) for name in clips}

    woke, wake_latency, false_clips, false_audio_s = [], [], [], 0.0
    for name, entry in clips.items():
        events = bench.events(audio[name])
        wakes = [e for e in events if e.kind is EventKind.WAKE]
        if entry["label"] == "wake":
            woke.append(bool(wakes))
            if wakes and len(entry["text"].split()) == 1:
                wake_latency.append(wakes[0].t - entry["speech_end_s"])
        else:
            false_audio_s += len(audio[name]) / SAMPLE_RATE
            if wakes:
                false_clips.append(name)
    print(f"wake clips woken: {sum(woke)}/{len(woke)}")
    print(
        f"false wakes on non-wake and command clips: {len(false_clips)}/"
        f"{len(clips) - len(woke)} clips, {len(false_clips) / false_audio_s * 3600:.0f} per hour"
        f" of their audio {false_clips or ''}"
    )

    right, total, command_latency, misses = 0, 0, [], []
    for name, entry in clips.items():
        one_breath = entry["label"] == "wake" and len(entry["text"].split()) > 1
        if entry["label"] != "cmd" and not one_breath:
            continue
        expected = bench.commands.match(entry["text"].split()[-1:])
        if one_breath:
            samples, speech_end = audio[name], entry["speech_end_s"]
        else:
            wake = audio[f"wake__{entry['variant']}.wav"]
            wake_end = clips[f"wake__{entry['variant']}.wav"]["speech_end_s"]
            head = wake[: int((wake_end + GAP_S) * SAMPLE_RATE)]
            lead = int(entry["speech_start_s"] * SAMPLE_RATE)
            samples = np.concatenate([head, audio[name][lead:]])
            speech_end = len(head) / SAMPLE_RATE + entry["speech_end_s"] - entry["speech_start_s"]
        events = bench.events(samples)
        commands = [e for e in events if e.kind is EventKind.COMMAND]
        total += 1
        if commands and expected and commands[0].id == expected.id:
            right += 1
            command_latency.append(commands[0].t - speech_end)
        else:
            misses.append(f"{name}: {commands[0].heard if commands else 'no command'}")
    print(f"command accuracy (after the wake word): {right}/{total}")
    if misses:
        print("  missed: " + "; ".join(misses))
    for label, values in (("wake alone", wake_latency), ("command", command_latency)):
        if values:
            ms = [v * 1000 for v in values]
            print(
                f"latency end of speech -> {label}: median {statistics.median(ms):.0f} ms,"
                f" p95 {percentile(ms, 95):.0f} ms (n={len(ms)})"
            )

    if args.real:
        real_s, real_wakes, cpu_before, audio_before = 0.0, [], bench.cpu_s, bench.audio_s
        for path in sorted(args.real.glob("*.wav")):
            samples = read_wav(path)
            real_s += len(samples) / SAMPLE_RATE
            real_wakes += [
                (path.name, round(e.t, 2))
                for e in bench.events(samples)
                if e.kind is EventKind.WAKE
            ]
        rtf = (bench.cpu_s - cpu_before) / (bench.audio_s - audio_before)
        print(
            f"real speech ({args.real.name}): {real_s / 60:.1f} min, {len(real_wakes)} false wakes"
            f" = {len(real_wakes) / real_s * 3600:.1f} per hour {real_wakes or ''};"
            f" CPU while listening {rtf * 100:.1f}% of one core"
        )
    print(f"real-time factor (CPU time / audio time): {bench.cpu_s / bench.audio_s:.3f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MiB")
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
