"""Keep API keys out of logs, error messages and status text.

The Seoul APIs put the key in the URL path, and httpx logs every request URL at INFO, so a
key would otherwise reach the journal, the health report and the screen. Every configured key
(and its URL-encoded forms) is replaced by ``***`` wherever text leaves the connectors."""

from __future__ import annotations

import logging
import threading
from urllib.parse import quote, quote_plus

MASK = "***"
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secrets(values: list[str]) -> None:
    """Remember keys to hide, with the encodings they take in URLs."""
    with _lock:
        for value in values:
            if len(value) >= 4:  # shorter values would mask ordinary text
                _secrets.update({value, quote(value, safe=""), quote_plus(value)})


def redact(text: str) -> str:
    """``text`` with every registered key replaced by ``***``."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and traceback text) with the keys masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FILTER = RedactingFilter()


def install_log_redaction() -> None:
    """Mask keys in everything the root logger's handlers (and Python's last resort) write.

    Call after logging is configured; calling again also covers handlers added since."""
    for handler in [*logging.getLogger().handlers, logging.lastResort]:
        if handler is not None and _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
