"""Content bundles: verify and apply a 100 MB bundle (target <= 5 s), and the largest gap
between painted frames of a running kiosk while its bundle service downloads, verifies and
applies that bundle (target <= 100 ms).

The bundle is what staff ship: 40 documents of 2.5 MB (random bytes, incompressible like
real PDFs), notices and three datasets. Apply runs with fresh data directories, from the
same code as `main.py bundle apply`; the frame test runs the real kiosk window offscreen with
the real service polling a static origin on loopback."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, peak_rss_mb, percentile  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCUMENTS = 40
DOCUMENT_BYTES = 2_500_000
FRAME_MS = 16


def make_bundle(base: Path):
    from tests.bundle_kit import StaffKey, build, make_source
    from tests.conftest import SEOUL_SAMPLES

    key = StaffKey(base / "keys")
    files = {f"docs/report-{i:02d}.pdf": os.urandom(DOCUMENT_BYTES) for i in range(DOCUMENTS)}
    for service, sample in (
        ("bikeList", "bikeList.json"),
        ("citydata", "citydata.json"),
        ("realtimeStationArrival", "realtimeStationArrival.json"),
    ):
        files[f"datasets/{service}.json"] = (SEOUL_SAMPLES / sample).read_bytes()
    src = make_source(base / "src", "bench", pm10=42.0, files=files)
    started = time.perf_counter()
    bundle = build(src, key, 1, base / "bench.zip")
    print(
        f"built a {bundle.stat().st_size / 1e6:.0f} MB bundle"
        f" ({len(files) + 2} files) in {time.perf_counter() - started:.1f} s"
    )
    return key, bundle


def kiosk_config(base: Path, key, name: str, origins: tuple[str, ...] = ()):
    from kiosk.config import load_config
    from tests.bundle_kit import write_config

    path = write_config(base / f"{name}.toml", [key], origins=origins, interval_s=1)
    return load_config(path, data_dir=base / name)


def time_apply(base: Path, key, bundle: Path, rounds: int = 3) -> None:
    from offline_cache.bundles.archive import BundleReader
    from offline_cache.bundles.install import apply_bundle
    from offline_cache.bundles.settings import bundle_settings
    from offline_cache.startup import open_cache

    verifies, applies = [], []
    for index in range(rounds):
        config = kiosk_config(base, key, f"apply{index}")
        settings = bundle_settings(config)
        open_cache(config.data_dir).close()  # a kiosk that already ran: seeded cache
        started = time.perf_counter()
        with BundleReader(bundle, settings) as reader:
            reader.verify_files()
        verifies.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = apply_bundle(bundle, config, settings)
        applies.append(time.perf_counter() - started)
        assert result.version == 1 and len(result.datasets) == 4
    total = [v + a for v, a in zip(verifies, applies, strict=True)]
    print(
        f"verify {statistics.median(verifies):.2f} s + apply (which checks every hash again"
        f" while unpacking) {statistics.median(applies):.2f} s = median"
        f" {statistics.median(total):.2f} s, max {max(total):.2f} s (n={rounds})"
    )


def gaps_ms(frames: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in zip(frames, frames[1:], strict=False)]


def frame_gaps_while_polling(base: Path, key, bundle: Path) -> None:
    from PySide6.QtCore import QTimer

    from kiosk.shell.app import build_window, create_application
    from kiosk.shell.services import ShellContext, start_services, stop_services
    from offline_cache.bundles.channel import publish
    from offline_cache.bundles.settings import bundle_settings
    from offline_cache.content import read_state
    from tests.static_origin import StaticOrigin
    from widgets import build_registry

    www = base / "www"
    publish(bundle, www, key.private, bundle_settings(kiosk_config(base, key, "staff")))
    origin = StaticOrigin(www, base / "origin.log")
    try:
        config = kiosk_config(base, key, "kiosk", origins=(origin.url,))
        app = create_application()
        window = build_window(config, build_registry(), (1920, 1080))
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        frames: list[float] = []

        def paint() -> None:
            window.repaint()  # a full frame of the home screen, painted now
            frames.append(time.perf_counter())

        ticker = QTimer(interval=FRAME_MS)
        ticker.timeout.connect(paint)
        ticker.start()
        context = ShellContext(
            config, window.registry, window.bridge.sink, window.status, window, window.subscribe
        )
        store = window.context.store
        end = time.perf_counter() + 2  # a baseline: the same painting with nothing applying
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
        baseline = gaps_ms(frames)
        frames.clear()
        started = time.perf_counter()
        services = start_services(context, ("offline_cache.bundles.service",))
        applied = threading.Event()

        def check() -> None:
            if read_state(store.db.conn).version == 1:
                applied.set()

        watcher = QTimer(interval=50)
        watcher.timeout.connect(check)
        watcher.start()
        while not applied.is_set() and time.perf_counter() - started < 120:
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter() + 3  # the DataUpdated re-render after the switch
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        stop_services(services)
        ticker.stop()
        watcher.stop()
        gaps = gaps_ms(frames)
        print(
            f"kiosk window painting every {FRAME_MS} ms while its bundle service downloaded,"
            f" verified and applied the bundle ({elapsed:.1f} s incl. 3 s after the switch):"
            f" largest gap {max(gaps):.0f} ms, p99 {percentile(gaps, 99):.0f} ms,"
            f" {len(frames)} frames; applied: {applied.is_set()}"
        )
        print(
            f"baseline, nothing applying: largest gap {max(baseline):.0f} ms,"
            f" p99 {percentile(baseline, 99):.0f} ms"
        )
        print(f"peak RSS of the kiosk process: {peak_rss_mb():.0f} MiB")
        window.close()
    finally:
        origin.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        key, bundle = make_bundle(base)
        time_apply(base, key, bundle)
        frame_gaps_while_polling(base, key, bundle)
    print(machine_note())


if __name__ == "__main__":
    main()
