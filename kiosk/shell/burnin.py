"""Burn-in protection: the whole window content orbits a few pixels every few minutes.

The top bar, tiles and status strip stay put for months on a station screen; moving them by
a few pixels spreads the wear without anyone noticing. The attract loop (idle.py) does the
rest by changing the picture when nobody uses the kiosk."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.config import ConfigError, KioskConfig

ORBIT_STEPS = 8


@dataclass(frozen=True)
class BurnInSettings:
    """``[burnin]`` in the config; ``interval_s = 0`` turns the shift off."""

    shift_px: int = 4
    interval_s: float = 120.0

    @classmethod
    def from_config(cls, config: KioskConfig) -> BurnInSettings:
        raw = config.section("burnin")
        try:
            return cls(
                shift_px=int(raw.get("shift_px", cls.shift_px)),
                interval_s=float(raw.get("interval_s", cls.interval_s)),
            )
        except (TypeError, ValueError):
            raise ConfigError("[burnin] shift_px and interval_s must be numbers") from None


def orbit(radius: int, steps: int = ORBIT_STEPS) -> list[tuple[int, int]]:
    """Offsets on a small circle, starting at the centre position's right."""
    return [
        (
            round(radius * math.cos(2 * math.pi * k / steps)),
            round(radius * math.sin(2 * math.pi * k / steps)),
        )
        for k in range(steps)
    ]


class PixelShifter(QObject):
    """Moves the window's content inside a margin of ``shift_px`` on every side."""

    def __init__(self, window: QWidget, settings: BurnInSettings):
        super().__init__(window)
        self.window = window
        self.radius = max(0, settings.shift_px)
        self.offsets = orbit(self.radius) if self.radius else [(0, 0)]
        self.step = -1
        self.timer = QTimer(self, interval=max(1, int(settings.interval_s * 1000)))
        self.timer.timeout.connect(self.shift)
        if self.radius and settings.interval_s > 0:
            self.shift()
            self.timer.start()

    @property
    def offset(self) -> tuple[int, int]:
        return self.offsets[self.step] if self.step >= 0 else (0, 0)

    def shift(self) -> None:
        self.step = (self.step + 1) % len(self.offsets)
        dx, dy = self.offsets[self.step]
        r = self.radius
        self.window.layout().setContentsMargins(r + dx, r + dy, r - dx, r - dy)
