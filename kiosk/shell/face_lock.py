"""Face-locked private mode in the running kiosk (a service for ``SERVICE_MODULES``).

Mayor role only: in the station role nothing of this exists. The router asks for a face
check (``StartFaceCheck``); this service shows the preview, runs the check on its own thread
and answers with ``UnlockPrivateMode`` or ``LockPrivateMode``. Every unlock and lock,
whatever caused it (a stranger, the face leaving, idle, a tap), goes to the audit log."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from kiosk import intents as i
from kiosk.config import ConfigError
from kiosk.i18n import tr_every
from kiosk.privacy.audit import AuditLog
from kiosk.privacy.camera import describe_source, open_frames, parse_source
from kiosk.privacy.enrolment import EnrolmentError, EnrolmentStore
from kiosk.privacy.lock import Lock, LockSettings, Unlock
from kiosk.privacy.models import missing_models
from kiosk.privacy.worker import FaceCheckWorker, WorkerEvents
from kiosk.router import NavState, PurgePrivate, StartFaceCheck
from kiosk.shell.face_check import FaceCheckView, PrivateModeButton
from kiosk.shell.services import ShellContext

log = logging.getLogger(__name__)
STATUS_KEY = "face_lock"
CANCELLED = "face check cancelled"
LOCKED_BY_TAP = "locked from the screen"


class FaceLockService(QObject):
    _decided = Signal(object)
    _preview = Signal(object, object)
    _problem = Signal(str, str)

    def __init__(self, context: ShellContext, settings: LockSettings, source: str | int):
        super().__init__()
        self.context = context
        self.audit = AuditLog(context.config.data_dir)
        self.state = NavState(lang=context.config.default_language)
        self.pending_who: str | None = None
        window = context.window
        scale = window.context.scale
        self.view = FaceCheckView(window, scale, settings)
        self.view.cancelled.connect(
            lambda: context.sink(i.LockPrivateMode(CANCELLED, i.Source.TOUCH))
        )
        self.button = PrivateModeButton(scale)
        self.button.clicked.connect(self._on_button_clicked)
        window.status_strip.layout().insertWidget(0, self.button)
        self.button.show_state(False, False, self.state.lang)
        enrolled = self._load_enrolment()
        self._decided.connect(self._on_decided)
        self._preview.connect(self._on_preview)
        self.camera_problem = False
        self._problem.connect(self._on_problem)
        self.worker = FaceCheckWorker(
            partial(open_frames, source),
            enrolled,
            settings,
            WorkerEvents(self._decided.emit, self._preview.emit, self._problem.emit),
            max_fps=float(context.config.section("private").get("max_fps", 15)),
        )
        context.subscribe(self._on_routed)

    def _load_enrolment(self):
        try:
            enrolled = EnrolmentStore(self.context.config.data_dir).load()
        except EnrolmentError as exc:
            self.context.set_status(
                STATUS_KEY,
                False,
                tr_every("face.status.enrolment", error=exc),
            )
            return {}
        if not enrolled:
            self.context.set_status(
                STATUS_KEY,
                False,
                tr_every("face.status.no_enrolment"),
            )
        return enrolled

    def _on_button_clicked(self) -> None:
        if self.button.unlocked:
            self.context.sink(i.LockPrivateMode(LOCKED_BY_TAP, i.Source.TOUCH))
        else:
            self.context.sink(i.EnterPrivateMode(i.Source.TOUCH))

    def _on_routed(self, state: NavState, effects) -> None:
        before, self.state = self.state, state
        for effect in effects:
            if isinstance(effect, StartFaceCheck):
                self.audit.record("check_started", "private mode requested")
                self.view.start(state.lang)
                self.worker.check()
            elif isinstance(effect, PurgePrivate):
                self.audit.record("lock", effect.reason)
                self.view.finish()
                self.worker.stop()
        if state.private_unlocked and not before.private_unlocked:
            self.audit.record("unlock", "enrolled face verified, alive", who=self.pending_who)
            self.view.finish()
        if state.lang != before.lang and self.view.isVisible():
            self.view.start(state.lang)
        self.button.show_state(state.private_unlocked, state.private_requested, state.lang)

    def _on_decided(self, decision) -> None:
        if isinstance(decision, Unlock):
            self.pending_who = decision.who
            self.context.sink(i.UnlockPrivateMode(decision.who))
        elif isinstance(decision, Lock):
            self.context.sink(i.LockPrivateMode(decision.reason))

    def _on_preview(self, rgb, result) -> None:
        if self.camera_problem:  # frames flow again: clear the old complaint
            self.camera_problem = False
            self.context.set_status("camera", True, "camera ok")
        self.view.show_frame(rgb, result)

    def _on_problem(self, key: str, message: str) -> None:
        log.warning("face check: %s", message)
        if key == "face_model":
            self.context.set_status(key, False, tr_every("face.status.model", error=message))
            return
        self.camera_problem = True
        self.context.set_status(key, False, tr_every("face.status.camera", error=message))

    def stop(self) -> None:
        self.worker.close()
        self.view.finish()


def start(context: ShellContext) -> FaceLockService | None:
    """The face lock for the mayor's kiosk; nothing at all in the station role."""
    if context.config.role != "mayor":
        return None
    section = context.config.section("private")
    try:
        settings = LockSettings.from_config(section)
    except ConfigError as exc:
        context.set_status(STATUS_KEY, False, str(exc))
        return None
    problem = missing_models()
    if problem:
        context.set_status("face_model", False, tr_every("face.status.model", error=problem))
    else:
        context.set_status("face_model", True, tr_every("face.status.model_ready"))
    source = parse_source(section.get("camera", 0))
    log.info("private mode: face check with %s", describe_source(source))
    return FaceLockService(context, settings, source)
