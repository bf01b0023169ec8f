"""systemd readiness and watchdog: ``READY=1`` once the window is up, then ``WATCHDOG=1``
from a timer in the Qt event loop, so a frozen UI stops the pings and systemd restarts it.

The notify protocol is one datagram per message to ``$NOTIFY_SOCKET`` (sd_notify(3)); outside
systemd the variable is unset and everything here does nothing."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify messages; silent when not started by systemd."""

    def __init__(self, address: str | None = None):
        address = address if address is not None else os.environ.get("NOTIFY_SOCKET", "")
        if address.startswith("@"):
            address = "\0" + address[1:]  # an abstract socket
        self.address = address

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def notify(self, message: str) -> bool:
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(self.address)
                sock.sendall(message.encode())
            return True
        except OSError as exc:
            log.warning("could not notify systemd (%s): %s", message.split("=")[0], exc)
            return False


def watchdog_interval_ms(environ: Mapping[str, str] = os.environ) -> int | None:
    """Half the watchdog timeout systemd gave this process, or None when there is none."""
    usec = environ.get("WATCHDOG_USEC")
    pid = environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        return max(100, int(usec) // 2000)
    except ValueError:
        return None


class Watchdog(QObject):
    """Pings systemd from the GUI thread while the event loop runs."""

    def __init__(self, parent: QObject | None = None, notifier: Notifier | None = None):
        super().__init__(parent)
        self.notifier = notifier or Notifier()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)
        interval = watchdog_interval_ms()
        if interval and self.notifier.enabled:
            self.timer.setInterval(interval)

    def ping(self) -> None:
        self.notifier.notify("WATCHDOG=1")

    def ready(self, status: str) -> None:
        """The home screen is on: tell systemd we started, and start pinging."""
        self.notifier.notify(f"READY=1\nSTATUS={status}\nMAINPID={os.getpid()}")
        if self.timer.interval() > 0 and self.notifier.enabled:
            self.timer.start()
            log.info("systemd watchdog: pinging every %d ms", self.timer.interval())

    def stopping(self) -> None:
        self.timer.stop()
        self.notifier.notify("STOPPING=1")
