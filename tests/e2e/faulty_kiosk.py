"""Start the real kiosk (``kiosk.cli.main``) with one fault injected after it shows its home
screen: ``raise`` (an exception in a Qt slot), ``thread`` (in a worker thread), ``freeze``
(the GUI thread blocks for 4 s) or ``none``. Usage: faulty_kiosk.py FAULT DELAY_S [options]"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from kiosk.cli import main  # noqa: E402
from kiosk.shell.operations import Operations  # noqa: E402


def fail() -> None:
    raise RuntimeError("injected fault for the resilience test")


FAULTS = {
    "raise": fail,
    "thread": lambda: threading.Thread(target=fail, name="injected").start(),
    "freeze": lambda: time.sleep(4),
    "none": lambda: None,
}


def started_with_fault(self: Operations, started=Operations.started) -> None:
    started(self)
    print("kiosk on screen", flush=True)
    QTimer.singleShot(int(float(sys.argv[2]) * 1000), FAULTS[sys.argv[1]])


Operations.started = started_with_fault

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[3:]))
