"""One pure function decides what every intent does: ``route(state, intent) -> (state, effects)``.

The shell renders ``NavState`` and performs the effects; it never decides navigation itself,
so tap, swipe, voice and gesture stay consistent and the rules test without a display."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Union

from kiosk import intents as i
from kiosk.accessibility import Accessibility
from kiosk.registry import HOME, Registry

HISTORY_LIMIT = 20


@dataclass(frozen=True)
class NavState:
    """Everything about a visitor's session that a reset must clear."""

    page: str = HOME
    history: tuple[str, ...] = ()
    lang: str = "ko"
    private_unlocked: bool = False
    private_requested: bool = False  # the face check is running (camera preview shown)
    attract: bool = False  # the idle attract loop is rotating pages
    access: Accessibility = Accessibility()  # guidance, text size, contrast, low reach


# Effects: things the shell does that are not part of the state.
@dataclass(frozen=True)
class Announce:
    """The page changed; speak or caption it (voice confirmation, guidance mode)."""

    page: str
    source: i.Source


@dataclass(frozen=True)
class Rejected:
    """The intent cannot be honoured (unknown page, private content in public)."""

    reason: str
    source: i.Source


@dataclass(frozen=True)
class ClearSession:
    """Forget the visitor: scroll positions, open dialogs, private views."""


@dataclass(frozen=True)
class PurgePrivate:
    """Private content must leave the screen and every widget that held it."""

    reason: str


@dataclass(frozen=True)
class StartFaceCheck:
    """Show the camera preview and look for the enrolled face."""


@dataclass(frozen=True)
class MoveCursor:
    x: float
    y: float


@dataclass(frozen=True)
class ClickAtCursor:
    """A gesture select: the same as a tap where the cursor is."""


@dataclass(frozen=True)
class HideCursor:
    pass


@dataclass(frozen=True)
class RefreshData:
    """Re-render whatever shows these datasets; the last good data stays until then."""

    datasets: tuple[str, ...]


Effect = Union[
    Announce,
    Rejected,
    ClearSession,
    PurgePrivate,
    StartFaceCheck,
    MoveCursor,
    ClickAtCursor,
    HideCursor,
    RefreshData,
]


class Router:
    """Navigation rules for one kiosk (its role and languages)."""

    def __init__(self, registry: Registry, role: str, languages: tuple[str, ...] = ("ko", "en")):
        self.registry = registry
        self.role = role
        self.languages = languages

    def initial_state(self) -> NavState:
        return NavState(lang=self.languages[0])

    def route(self, state: NavState, intent: i.Intent) -> tuple[NavState, tuple[Effect, ...]]:
        """Apply one intent; returns the new state and the effects to perform, in order."""
        handler = getattr(self, "_on_" + type(intent).__name__)
        return handler(state, intent)

    # navigation
    def _go(self, state: NavState, page: str, source: i.Source, push: bool = True):
        if page == state.page:
            return state, ()
        history = state.history
        if push:
            history = (history + (state.page,))[-HISTORY_LIMIT:]
        return replace(state, page=page, history=history), (Announce(page, source),)

    def _on_ShowWidget(self, state: NavState, intent: i.ShowWidget):
        if intent.widget_id == HOME:
            return self._on_Home(state, i.Home(intent.source))
        visible = self.registry.page_ids(self.role, state.private_unlocked)
        if intent.widget_id not in visible:
            return state, (Rejected(f"no such page here: {intent.widget_id}", intent.source),)
        return self._go(state, intent.widget_id, intent.source)

    def _on_Home(self, state: NavState, intent: i.Home):
        new, effects = self._go(state, HOME, intent.source, push=False)
        return replace(new, history=()), effects

    def _on_Back(self, state: NavState, intent: i.Back):
        if not state.history:
            return self._on_Home(state, i.Home(intent.source))
        *rest, previous = state.history
        new, effects = self._go(state, previous, intent.source, push=False)
        return replace(new, history=tuple(rest)), effects

    def _step_category(self, state: NavState, step: int, source: i.Source):
        order = self.registry.categories(self.role, state.private_unlocked)
        if not order:
            return state, ()
        if state.page in order:
            target = order[(order.index(state.page) + step) % len(order)]
        else:
            target = order[0] if step > 0 else order[-1]
        return self._go(state, target, source)

    def _on_Next(self, state: NavState, intent: i.Next):
        return self._step_category(state, +1, intent.source)

    def _on_Previous(self, state: NavState, intent: i.Previous):
        return self._step_category(state, -1, intent.source)

    # language
    def _on_SetLanguage(self, state: NavState, intent: i.SetLanguage):
        if intent.lang not in self.languages:
            return state, (Rejected(f"language not offered: {intent.lang}", intent.source),)
        return replace(state, lang=intent.lang), ()

    def _on_ToggleLanguage(self, state: NavState, intent: i.ToggleLanguage):
        index = self.languages.index(state.lang) if state.lang in self.languages else -1
        return replace(state, lang=self.languages[(index + 1) % len(self.languages)]), ()

    # accessibility: per visitor, so the idle reset (initial_state) turns every mode off
    def _access(self, state: NavState, **changes):
        return replace(state, access=replace(state.access, **changes)), ()

    def _on_SetGuidance(self, state: NavState, intent: i.SetGuidance):
        return self._access(state, guidance=intent.on)

    def _on_CycleTextScale(self, state: NavState, intent: i.CycleTextScale):
        return replace(state, access=state.access.next_text_scale()), ()

    def _on_SetHighContrast(self, state: NavState, intent: i.SetHighContrast):
        return self._access(state, high_contrast=intent.on)

    def _on_SetLowReach(self, state: NavState, intent: i.SetLowReach):
        return self._access(state, low_reach=intent.on)

    # remote cursor
    def _on_CursorMove(self, state: NavState, intent: i.CursorMove):
        x, y = min(max(intent.x, 0.0), 1.0), min(max(intent.y, 0.0), 1.0)
        return state, (MoveCursor(x, y),)

    def _on_Select(self, state: NavState, intent: i.Select):
        return state, (ClickAtCursor(),)

    def _on_CursorRelease(self, state: NavState, intent: i.CursorRelease):
        return state, (HideCursor(),)

    # private mode
    def _on_EnterPrivateMode(self, state: NavState, intent: i.EnterPrivateMode):
        if self.role != "mayor":
            return state, (Rejected("private mode exists only in the mayor role", intent.source),)
        if state.private_unlocked:
            return state, ()
        return replace(state, private_requested=True), (StartFaceCheck(),)

    def _on_UnlockPrivateMode(self, state: NavState, intent: i.UnlockPrivateMode):
        if self.role != "mayor" or not state.private_requested:
            return state, (Rejected("private mode was not requested", intent.source),)
        return replace(state, private_unlocked=True, private_requested=False), ()

    def _on_LockPrivateMode(self, state: NavState, intent: i.LockPrivateMode):
        if not (state.private_unlocked or state.private_requested):
            return state, ()
        return self._locked(state, intent.reason, intent.source)

    def _locked(self, state: NavState, reason: str, source: i.Source):
        """Drop private pages from the screen and from the history."""
        public = set(self.registry.page_ids(self.role, private_unlocked=False))
        history = tuple(page for page in state.history if page in public)
        new = replace(state, private_unlocked=False, private_requested=False, history=history)
        effects: tuple[Effect, ...] = (PurgePrivate(reason),)
        if state.page not in public:
            new = replace(new, page=HOME)
            effects += (Announce(HOME, source),)
        return new, effects

    # idle
    def _on_UserActivity(self, state: NavState, intent: i.UserActivity):
        return (replace(state, attract=False) if state.attract else state), ()

    def _on_IdleTimeout(self, state: NavState, intent: i.IdleTimeout):
        effects: tuple[Effect, ...] = ()
        if state.private_unlocked or state.private_requested:
            state, effects = self._locked(state, "idle timeout", intent.source)
        clean = self.initial_state()
        if state.page != HOME:
            effects += (Announce(HOME, intent.source),)
        return clean, effects + (ClearSession(),)

    def _on_DataUpdated(self, state: NavState, intent: i.DataUpdated):
        return state, (RefreshData(intent.datasets),)

    def _on_AttractStep(self, state: NavState, intent: i.AttractStep):
        if state.page != HOME and not state.attract:
            return state, ()  # someone is using a page: never rotate under them
        order = [HOME] + self.registry.categories(self.role)
        current = order.index(state.page) if state.page in order else 0
        target = order[(current + 1) % len(order)]
        new, effects = self._go(state, target, intent.source, push=False)
        return replace(new, attract=True, history=()), effects
