"""Accessibility modes a visitor chooses on any screen, and where a seated user can reach.

The modes are part of the visitor's session (``NavState.access``): any screen can change them,
and the idle reset clears them with the rest of the session, so the next visitor starts from
the default look. Reach follows the forward-reach range for wheelchair users (380-1220 mm
from the floor) and the screen's mounting, which the ``[accessibility]`` config table gives."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

TEXT_SCALES = (1.0, 1.5, 2.0)  # the text-size button steps through these
REACH_MM = (380.0, 1220.0)  # forward reach from a wheelchair, floor to hand
MIN_REACH_FRACTION = 0.25  # a smaller band would not hold the controls: use this much anyway


@dataclass(frozen=True)
class Accessibility:
    """Per-visitor display and input modes (all off for a new visitor)."""

    guidance: bool = False  # voice guidance: a tap reads, a double tap activates
    text_scale: float = 1.0  # 1.0, 1.5 or 2.0 (TEXT_SCALES)
    high_contrast: bool = False
    low_reach: bool = False  # every control in the rows a seated user can reach

    def next_text_scale(self) -> Accessibility:
        """The next text size, back to 100% after 200%."""
        steps = TEXT_SCALES
        index = steps.index(self.text_scale) if self.text_scale in steps else -1
        return replace(self, text_scale=steps[(index + 1) % len(steps)])


@dataclass(frozen=True)
class ScreenMount:
    """How the screen hangs: its picture's diagonal and the height of its lower edge."""

    diagonal_in: float = 100.0  # the seed's station screens are 100-inch displays
    bottom_mm: float = 500.0  # floor to the lower edge of the picture

    def picture_height_mm(self, width_px: int, height_px: int) -> float:
        """The picture's physical height, from the diagonal and the pixel aspect ratio."""
        diagonal_mm = self.diagonal_in * 25.4
        return diagonal_mm * height_px / math.hypot(width_px, height_px)


def reachable_rows(mount: ScreenMount, width_px: int, height_px: int) -> tuple[int, int]:
    """The first and last pixel row (0 at the top) between 380 and 1220 mm from the floor.

    When less than ``MIN_REACH_FRACTION`` of the screen is in reach (a high or small screen),
    the band is stretched upwards to that fraction, so the controls still fit; the caller
    reports that the mounting is unsuitable."""
    picture_mm = mount.picture_height_mm(width_px, height_px)
    top_mm = mount.bottom_mm + picture_mm

    def row_at(height_mm: float) -> int:
        return round((top_mm - height_mm) / picture_mm * height_px)

    first = min(max(row_at(REACH_MM[1]), 0), height_px)
    last = min(max(row_at(REACH_MM[0]), 0), height_px)
    if last - first < MIN_REACH_FRACTION * height_px:
        first = max(0, last - math.ceil(MIN_REACH_FRACTION * height_px))
    return first, last


def screen_mount(section: Mapping[str, Any]) -> ScreenMount:
    """The ``[accessibility]`` table's mounting (``screen_diagonal_in``, ``screen_bottom_mm``)."""
    defaults = ScreenMount()
    try:
        mount = ScreenMount(
            diagonal_in=float(section.get("screen_diagonal_in", defaults.diagonal_in)),
            bottom_mm=float(section.get("screen_bottom_mm", defaults.bottom_mm)),
        )
    except (TypeError, ValueError):
        raise ValueError(
            "[accessibility] screen_diagonal_in and screen_bottom_mm must be numbers"
        ) from None
    if mount.diagonal_in <= 0 or mount.bottom_mm < 0:
        raise ValueError("[accessibility] screen_diagonal_in must be > 0, screen_bottom_mm >= 0")
    return mount
