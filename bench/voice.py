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
        self.last = pipeline
        step = int(SAMPLE_RATE * CHUNK_S)
        chunks = (samples[k : k + step].tobytes() for k in range(0, len(samples), step))
        start = time.process_time()
        run_source(pipeline, chunks)
        self.cpu_s += time.process_time() - start
        self.audio_s += len(samples) / SAMPLE_RATE
        return found


def real(bench: Bench, folder: Path) -> None:
    """False wakes on real speech with no wake word: clip by clip, and all clips as one
    continuous stream (0.3 s apart, as in a conversation); and what the grammar stage alone
    would have woken on (the proposals before the pause and same-breath checks)."""
    paths = sorted(folder.glob("*.wav"))
    clips = [read_wav(path) for path in paths]
    hours = sum(len(c) for c in clips) / SAMPLE_RATE / 3600
    cpu_before, audio_before = bench.cpu_s, bench.audio_s
    wakes, proposals = [], 0
    for path, samples in zip(paths, clips, strict=True):
        events = bench.events(samples)
        wakes += [(path.name, round(e.t, 2)) for e in events if e.kind is EventKind.WAKE]
        proposals += bench.last.proposals
    rtf = (bench.cpu_s - cpu_before) / (bench.audio_s - audio_before)
    print(
        f"real speech ({folder.name}): {hours * 60:.1f} min; grammar stage alone would wake"
        f" {proposals} times = {proposals / hours:.0f} per hour; with the pause and same-breath"
        f" checks: {len(wakes)} false wakes = {len(wakes) / hours:.1f} per hour {wakes or ''}"
    )
    gap = np.zeros(int(0.3 * SAMPLE_RATE), dtype="<i2")
    stream = np.concatenate([part for c in clips for part in (c, gap)])
    woke = [round(e.t, 1) for e in bench.events(stream) if e.kind is EventKind.WAKE]
    print(
        f"  as one continuous stream: {len(woke)} false wakes = {len(woke) / hours:.1f} per hour"
        f" {woke or ''} (grammar stage alone {bench.last.proposals})"
    )
    print(f"  CPU while listening: {rtf * 100:.1f}% of one core (real-time factor {rtf:.3f})")


def full_vocabulary(bench: Bench, labelled: Path, clips: dict, folder: Path) -> None:
    """Why the full-vocabulary recognizer does not confirm: how often it writes "서울 아" for
    the calls and for real sentences with "서울", and what it costs."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["clips"]
    seoul = [folder / c["file"] for c in manifest if c.get("contains_seoul")]
    calls = [labelled / name for name, e in clips.items() if e["label"] == "wake"]
    found, cpu, audio = {}, 0.0, 0.0
    for group, paths in (("the calls", calls), ("real 서울 sentences", seoul)):
        hits = 0
        for path in paths:
            samples = read_wav(path)
            recognizer = bench.model.recognizer(None)
            start = time.process_time()
            words = recognizer.accept(samples.tobytes()) or []
            words += recognizer.finish()
            cpu += time.process_time() - start
            audio += len(samples) / SAMPLE_RATE
            text = " ".join(w.word for w in words)
            hits += "서울 아" in text or "서울아" in text
        found[group] = f"{hits}/{len(paths)}"
    print(
        "full-vocabulary recognizer writes 서울 아 for "
        + ", ".join(f"{g} {n}" for g, n in found.items())
        + f"; its real-time factor {cpu / audio:.2f}"
    )


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
        real(bench, args.real)
    print(f"real-time factor (CPU time / audio time): {bench.cpu_s / bench.audio_s:.3f}")
    print(f"peak RSS of the voice pipeline (model loaded, this process): {peak_rss_mb():.0f} MiB")
    if args.real:
        full_vocabulary(bench, args.labelled, clips, args.real)
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
