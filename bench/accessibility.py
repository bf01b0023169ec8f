"""How long a visitor waits after tapping an accessibility button: text size, high contrast
and low reach, tap to painted frame (the whole application is restyled and re-laid out), on
the home screen and on the air-quality page, in one offscreen kiosk with the default content.
No target in the issue; a page switch (p95 <= 50 ms) is the yardstick."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import kiosk_window, machine_note, summary_ms  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KIOSK_CONFIG"] = os.devnull


def main(rounds: int = 10) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.intents import ShowWidget

    with kiosk_window() as window:
        bar = window.access_bar
        for page in ("home", "air"):
            window.bridge.sink(ShowWidget(page))
            QApplication.processEvents()
            for name, button in (
                ("text size", bar.text_size),
                ("high contrast", bar.contrast),
                ("low reach", bar.low_reach),
            ):
                taps = []
                for _ in range(rounds * (3 if button is bar.text_size else 2)):
                    start = time.perf_counter()
                    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                    QApplication.processEvents()  # routed, restyled, laid out
                    window.repaint()
                    taps.append(time.perf_counter() - start)
                    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                print(f"{name} on {page}, tap to painted frame: {summary_ms(taps)}")
        print(machine_note())


if __name__ == "__main__":
    main()
