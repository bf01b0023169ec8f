"""Switch latency of the traffic, population and weather pages one by one (tap to painted
frame, the page switch target p95 <= 50 ms): the first visit (which builds the charts and
loads pyqtgraph) and the visits after it, with the seeded default content."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import kiosk_window, machine_note, summary_ms  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KIOSK_CONFIG"] = os.devnull

PAGES = ("traffic", "population", "weather")


def main(rounds: int = 30) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.intents import ShowWidget

    with kiosk_window() as window:
        for page in PAGES:
            switches = []
            for _ in range(rounds + 1):
                start = time.perf_counter()
                window.bridge.sink(ShowWidget(page))
                QApplication.processEvents()  # the queued intent is routed and rendered
                window.repaint()  # the next frame, painted synchronously
                switches.append(time.perf_counter() - start)
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                QTest.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)
                QApplication.processEvents()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            first, *rest = switches
            print(f"{page}: first visit {first * 1000:.0f} ms; then {summary_ms(rest)}")
        print(machine_note())


if __name__ == "__main__":
    main()
