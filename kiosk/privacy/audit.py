"""The private-mode audit log: one JSON line per event (time, event, reason, who), no images."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.i18n import KST
from kiosk.privacy.enrolment import private_dir

AUDIT_FILE = "audit.log"


class AuditLog:
    """Append-only; each line is flushed to disk before the call returns."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time):
        self.path = private_dir(data_dir) / AUDIT_FILE
        self.clock = clock

    def record(self, event: str, reason: str = "", who: str | None = None) -> None:
        entry = {
            "time": datetime.fromtimestamp(self.clock(), KST).isoformat(timespec="milliseconds"),
            "event": event,
            "reason": reason,
        }
        if who is not None:
            entry["who"] = who
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def entries(self) -> list[dict[str, str]]:
        """Every recorded event, oldest first (a damaged line is skipped, not fatal)."""
        if not self.path.exists():
            return []
        entries = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return entries
