"""Unhandled errors end the kiosk cleanly with a logged traceback; the service restarts it.

A kiosk that limps on after an unexpected exception may show a half-drawn page for months;
exiting lets systemd (Restart=always) bring it back on a clean home screen within seconds.
Qt's own warnings go to the same log (the journal), and SIGTERM stops the event loop so the
services and the cache close properly."""

from __future__ import annotations

import faulthandler
import logging
import os
import signal
import sys
import threading
import types

from PySide6.QtCore import QObject, QTimer, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.crash")
qt_log = logging.getLogger("qt")

EXIT_CRASH = 70  # EX_SOFTWARE: restarted by the service
EXIT_RESTART = 75  # staff asked for a restart: the process replaces itself
EXIT_LEAVE_KIOSK = 76  # staff left kiosk mode: the service's RestartPreventExitStatus
HARD_EXIT_S = 5.0  # if a clean exit hangs (a stuck service), end the process anyway
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class ExitRequest(QObject):
    """Ends the event loop from any thread (the signal is queued to the GUI thread)."""

    requested = Signal(int)

    def __init__(self, app: QApplication):
        super().__init__()
        self.code: int | None = None
        self.requested.connect(app.exit)

    def exit(self, code: int) -> None:
        if self.code is not None:
            return  # the first reason wins
        self.code = code
        self.requested.emit(code)
        timer = threading.Timer(HARD_EXIT_S, _hard_exit, args=(code,))
        timer.daemon = True
        timer.start()


def _hard_exit(code: int) -> None:
    log.critical("clean exit took longer than %.0f s; ending the process", HARD_EXIT_S)
    logging.shutdown()
    os._exit(code)


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context and context.file else ""
    qt_log.log(QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_crash_handlers(app: QApplication) -> ExitRequest:
    """Log every unhandled exception (GUI thread, Qt slots, other threads) and exit with
    EXIT_CRASH; route Qt messages to logging; stop cleanly on SIGTERM and SIGINT."""
    exit_request = ExitRequest(app)

    def on_exception(
        kind: type[BaseException], value: BaseException, tb: types.TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            exit_request.exit(0)
            return
        log.critical(
            "unhandled exception; exiting so the service restarts the kiosk",
            exc_info=(kind, value, tb),
        )
        exit_request.exit(EXIT_CRASH)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "?"
        log.critical(
            "unhandled exception in thread %s; exiting so the service restarts the kiosk",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        exit_request.exit(EXIT_CRASH)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
    qInstallMessageHandler(_qt_message)
    if sys.stderr is not None:
        faulthandler.enable(file=sys.stderr)  # a segfault still leaves a Python traceback
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda signum, frame: exit_request.exit(0))
    # Python runs signal handlers only when it gets control: wake it up regularly.
    wakeup = QTimer(app, interval=250)
    wakeup.timeout.connect(lambda: None)
    wakeup.start()
    return exit_request
