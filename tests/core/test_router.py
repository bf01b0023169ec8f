"""Navigation rules: every input source gets the same behaviour from one router."""

from kiosk import intents as i
from kiosk.registry import HOME
from kiosk.router import (
    Announce,
    ClearSession,
    ClickAtCursor,
    MoveCursor,
    PurgePrivate,
    RefreshData,
    Rejected,
    Router,
    StartFaceCheck,
)
from widgets import build_registry


def station() -> Router:
    return Router(build_registry(), "station")


def run(router, intents, state=None):
    state = state or router.initial_state()
    effects = []
    for intent in intents:
        state, produced = router.route(state, intent)
        effects.extend(produced)
    return state, effects


def test_show_widget_pushes_history_and_back_returns():
    state, effects = run(station(), [i.ShowWidget("air"), i.ShowWidget("subway"), i.Back()])
    assert state.page == "air"
    assert state.history == (HOME,)
    assert [e.page for e in effects if isinstance(e, Announce)] == ["air", "subway", "air"]


def test_back_on_home_stays_home_and_home_clears_history():
    state, _ = run(station(), [i.Back()])
    assert state.page == HOME
    state, _ = run(station(), [i.ShowWidget("air"), i.ShowWidget("bikes"), i.Home()])
    assert (state.page, state.history) == (HOME, ())


def test_next_and_previous_cycle_through_the_tiles():
    router = station()
    order = router.registry.categories("station")
    state, _ = run(router, [i.Next(i.Source.SWIPE)])
    assert state.page == order[0]
    state, _ = run(router, [i.Previous()], state)
    assert state.page == order[-1]
    state, _ = run(router, [i.Next()], state)
    assert state.page == order[0]


def test_unknown_page_is_rejected_and_nothing_changes():
    router = station()
    state, effects = run(router, [i.ShowWidget("nope", i.Source.VOICE)])
    assert state == router.initial_state()
    assert isinstance(effects[0], Rejected) and effects[0].source is i.Source.VOICE


def test_voice_and_touch_reach_the_same_state():
    touch, _ = run(station(), [i.ShowWidget("air", i.Source.TOUCH)])
    voice, _ = run(station(), [i.ShowWidget("air", i.Source.VOICE)])
    assert touch == voice


def test_language_toggle_and_idle_reset():
    router = station()
    state, _ = run(router, [i.ToggleLanguage(), i.ShowWidget("air")])
    assert state.lang == "en"
    state, effects = run(router, [i.IdleTimeout()], state)
    assert state == router.initial_state()
    assert isinstance(effects[-1], ClearSession)


def test_attract_rotates_only_an_idle_home_and_a_touch_stops_it():
    router = station()
    state, _ = run(router, [i.AttractStep(), i.AttractStep()])
    order = router.registry.categories("station")
    assert state.page == order[1] and state.attract
    state, _ = run(router, [i.UserActivity()], state)
    assert not state.attract
    frozen, effects = run(router, [i.AttractStep()], state)
    assert frozen.page == state.page and effects == []


def test_cursor_intents_become_cursor_effects_clamped_to_the_screen():
    _, effects = run(station(), [i.CursorMove(1.4, -0.2), i.Select()])
    assert effects == [MoveCursor(1.0, 0.0), ClickAtCursor()]


def test_private_mode_does_not_exist_for_stations():
    router = Router(build_registry(), "station")  # approvals is a private widget
    state, effects = run(router, [i.EnterPrivateMode(), i.ShowWidget("approvals")])
    assert state.page == HOME and not state.private_requested
    assert all(isinstance(e, Rejected) for e in effects)


def test_private_pages_need_unlock_and_leave_on_lock():
    router = Router(build_registry(), "mayor")
    state, effects = run(router, [i.ShowWidget("approvals")])
    assert state.page == HOME and isinstance(effects[0], Rejected)
    state, effects = run(router, [i.EnterPrivateMode()], state)
    assert isinstance(effects[0], StartFaceCheck)
    state, _ = run(router, [i.UnlockPrivateMode("mayor"), i.ShowWidget("approvals")], state)
    assert state.page == "approvals"
    state, _ = run(router, [i.ShowWidget("air")], state)
    state, effects = run(router, [i.LockPrivateMode("stranger in view")], state)
    assert "approvals" not in state.history and not state.private_unlocked
    assert PurgePrivate("stranger in view") in effects
    state, _ = run(router, [i.Back()], state)
    assert state.page == HOME


def test_data_updates_refresh_without_changing_the_page():
    state, effects = run(station(), [i.ShowWidget("air"), i.DataUpdated(("air_quality",))])
    assert state.page == "air" and effects[-1] == RefreshData(("air_quality",))


def test_private_widgets_exist_only_for_an_unlocked_mayor():
    registry = build_registry()
    private = {spec.id for spec in registry.all() if spec.is_private}
    assert private == {"approvals", "internal_indicators"}
    assert not private & set(registry.page_ids("station", private_unlocked=True))
    assert not private & set(registry.page_ids("mayor", private_unlocked=False))
    assert private <= set(registry.categories("mayor", private_unlocked=True))
