"""Guards the PySide6 pin: Qt calls must not leak or drop Python references.

PySide6 6.12.0 on Python 3.11 (Debian 12's Python, where None is not immortal) dropped one
reference to None on every void call; a kiosk running for hours died with "deallocating None"."""

import sys

from PySide6.QtWidgets import QLabel, QWidget


def test_void_calls_keep_none_alive(qapp):
    widget, label = QWidget(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.setEnabled(True)
        widget.resize(10, 10)
        label.setText("서울")
    assert abs(sys.getrefcount(None) - before) < 50
