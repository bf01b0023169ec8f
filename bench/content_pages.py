"""The eight staff content pages (water, prices, parks, opinion, indicators, projects,
library, resume): tap to painted frame on the first visit (the page is built, the file read
and checked) and on later visits (the file is read and compared; the page is rebuilt only
when it changed), in one offscreen kiosk with the default content. The page-switch target (p95 <= 50 ms) is the yardstick."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import kiosk_window, machine_note, summary_ms  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KIOSK_CONFIG"] = os.devnull

PAGES = ("water", "prices", "parks", "opinion", "indicators", "projects", "library", "resume")


def main(rounds: int = 20) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.intents import Home, ShowWidget

    def switch(intent) -> float:
        start = time.perf_counter()
        window.dispatch(intent)
        QApplication.processEvents()
        window.repaint()  # the next frame, painted synchronously
        elapsed = time.perf_counter() - start
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return elapsed

    with kiosk_window() as window:
        for page in PAGES:
            first = switch(ShowWidget(page))
            switch(Home())
            again = []
            for _ in range(rounds):
                again.append(switch(ShowWidget(page)))
                switch(Home())
            print(f"{page}: first visit {first * 1000:.0f} ms; again {summary_ms(again)}")
        print(machine_note())


if __name__ == "__main__":
    main()
