"""What any input (touch, swipe, voice, gesture, face, idle timer) asks the kiosk to do.

Producers get a sink ``Callable[[Intent], None]``; one router decides what each intent means,
so a voice command and a tap on the same tile behave identically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Union


class Source(StrEnum):
    """Where an intent came from; the router treats all alike, logs and guidance use it."""

    TOUCH = "touch"
    SWIPE = "swipe"
    VOICE = "voice"
    GESTURE = "gesture"
    FACE = "face"
    IDLE = "idle"
    SYSTEM = "system"


@dataclass(frozen=True)
class ShowWidget:
    """Open a widget page (or ``home``) by id."""

    widget_id: str
    source: Source = Source.TOUCH


@dataclass(frozen=True)
class Next:
    """Page forward through the categories."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class Previous:
    """Page backward through the categories."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class Back:
    """Return to the previous page."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class Home:
    """Return to the home screen."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class CursorMove:
    """Move the remote cursor; x and y are 0..1 of the screen."""

    x: float
    y: float
    source: Source = Source.GESTURE


@dataclass(frozen=True)
class Select:
    """Activate whatever is under the remote cursor, like a tap there."""

    source: Source = Source.GESTURE


@dataclass(frozen=True)
class CursorRelease:
    """The remote cursor is gone (hand dropped or lost)."""

    source: Source = Source.GESTURE


@dataclass(frozen=True)
class SetLanguage:
    """Switch the interface language (``ko``, ``en``, ...)."""

    lang: str
    source: Source = Source.TOUCH


@dataclass(frozen=True)
class ToggleLanguage:
    """Switch to the next configured language (the always-visible language button)."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class SetGuidance:
    """Turn voice guidance on or off (its button, a long press anywhere, a voice command)."""

    on: bool
    source: Source = Source.TOUCH


@dataclass(frozen=True)
class CycleTextScale:
    """Next text size: 100%, 150%, 200%, then 100% again."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class SetHighContrast:
    on: bool
    source: Source = Source.TOUCH


@dataclass(frozen=True)
class SetLowReach:
    """Move every control into the rows a wheelchair user can reach."""

    on: bool
    source: Source = Source.TOUCH


@dataclass(frozen=True)
class EnterPrivateMode:
    """Ask for private mode (mayor role only; needs the enrolled face)."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class LockPrivateMode:
    """Leave private mode at once; ``reason`` goes to the audit log."""

    reason: str
    source: Source = Source.FACE


@dataclass(frozen=True)
class UnlockPrivateMode:
    """The enrolled face was verified: private widgets may be shown."""

    who: str
    source: Source = Source.FACE


@dataclass(frozen=True)
class UserActivity:
    """Someone touched or spoke: restart the idle timer, stop the attract loop."""

    source: Source = Source.TOUCH


@dataclass(frozen=True)
class IdleTimeout:
    """Nobody used the kiosk for the configured time: reset to a clean home screen."""

    source: Source = Source.IDLE


@dataclass(frozen=True)
class AttractStep:
    """Advance the attract loop on an idle home screen."""

    source: Source = Source.IDLE


@dataclass(frozen=True)
class DataUpdated:
    """New data was stored (a fetch, a bundle): pages reading these datasets re-render."""

    datasets: tuple[str, ...]
    source: Source = Source.SYSTEM


Intent = Union[
    ShowWidget,
    Next,
    Previous,
    Back,
    Home,
    CursorMove,
    Select,
    CursorRelease,
    SetLanguage,
    ToggleLanguage,
    SetGuidance,
    CycleTextScale,
    SetHighContrast,
    SetLowReach,
    EnterPrivateMode,
    LockPrivateMode,
    UnlockPrivateMode,
    UserActivity,
    IdleTimeout,
    AttractStep,
    DataUpdated,
]

IntentSink = Callable[[Intent], None]
