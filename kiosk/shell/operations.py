"""Running unattended: the pieces a real kiosk adds around the window, started together.

Crash handling, the systemd watchdog, the health heartbeat, burn-in protection, staff mode,
and (in kiosk mode, not ``--windowed``) the lockdown."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from kiosk.config import ConfigError, KioskConfig
from kiosk.health import HealthReport, build_report
from kiosk.i18n import tr
from kiosk.presence import PresenceTracker
from kiosk.shell.burnin import BurnInSettings, PixelShifter
from kiosk.shell.crash import EXIT_LEAVE_KIOSK, EXIT_RESTART, ExitRequest
from kiosk.shell.heartbeat import Heartbeat
from kiosk.shell.lockdown import Lockdown
from kiosk.shell.staff import StaffActions, StaffEntry
from kiosk.shell.watchdog import Watchdog
from kiosk.shell.window import KioskWindow
from kiosk.staff_pin import PinGate

log = logging.getLogger(__name__)


class Operations:
    def __init__(
        self,
        window: KioskWindow,
        config: KioskConfig,
        presence: PresenceTracker,
        exit_request: ExitRequest,
        kiosk_mode: bool,
    ):
        self.window = window
        self.config = config
        self.exit_request = exit_request
        self.kiosk_mode = kiosk_mode
        self.lockdown = Lockdown(window) if kiosk_mode else None
        self.watchdog = Watchdog(window)
        self.heartbeat = Heartbeat(
            config.data_dir, window.status, presence, kiosk_mode, parent=window
        )
        try:
            burn_in = BurnInSettings.from_config(config)
        except ConfigError as exc:  # a typo must not keep the kiosk off the screen
            log.error("%s; using the defaults", exc)
            window.status.set("config", False, str(exc))
            burn_in = BurnInSettings()
        self.burn_in = PixelShifter(window, burn_in)
        pin_hash = config.section("staff").get("pin_hash")
        if not pin_hash:
            log.warning("staff mode has no PIN: set [staff] pin_hash (main.py staff-pin)")
        self.staff = StaffEntry(
            window,
            window.context.scale,
            PinGate(str(pin_hash)) if pin_hash else None,
            StaffActions(
                report=self.report,
                reload=self.reload_content,
                rollback=self.rollback_content,
                restart=lambda: self.exit_request.exit(EXIT_RESTART),
                leave=lambda: self.exit_request.exit(EXIT_LEAVE_KIOSK),
            ),
            lambda: window.state.lang,
            window.subscribe,
        )

    def report(self) -> HealthReport:
        return build_report(
            self.config, self.window.context.store, self.heartbeat.runtime(), live=True
        )

    def reload_content(self, lang: str) -> str:
        self.window.rebuild_pages()
        return tr("staff.reloaded", lang)

    def rollback_content(self, lang: str) -> str:
        """Back to the previous content version (its files and its data), on screen now."""
        from offline_cache.bundles.install import rollback

        result = rollback(self.config)
        self.window.rebuild_pages()
        return tr("staff.rolled_back", lang, version=result.version)

    def started(self) -> None:
        """The window is on screen."""
        self.heartbeat.start()
        self.watchdog.ready(f"showing the home screen ({self.config.site.name_en})")

    def stop(self) -> None:
        self.watchdog.stopping()
        self.heartbeat.write()
        self.heartbeat.stop()
        if self.lockdown is not None:
            self.lockdown.release()
        QApplication.instance().removeEventFilter(self.staff)
