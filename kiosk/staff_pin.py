"""The staff PIN: stored only as a salted scrypt hash in the config (``[staff] pin_hash``).

A kiosk stands in public for months, so the PIN entry also rate-limits guesses."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # ~16 MiB and ~50 ms per check: slow to brute-force, quick to type
MIN_DIGITS = 4
MAX_DIGITS = 12
MAX_FAILURES = 5  # wrong PINs in a row before the entry locks ...
LOCKOUT_S = 300.0  # ... for this long


class PinError(ValueError):
    """A PIN or stored hash that cannot be used; the message says why."""


def check_pin_format(pin: str) -> str:
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits")
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` for the config file."""
    check_pin_format(pin)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            raise ValueError(scheme)
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt, validate=True),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError) as exc:
        raise PinError(
            f"[staff] pin_hash is not a hash made by 'main.py staff-pin' ({exc.__class__.__name__})"
        ) from None
    return hmac.compare_digest(actual, expected)


class PinGate:
    """Checks PINs against the stored hash and locks out after repeated failures."""

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.monotonic):
        self.stored_hash = stored_hash
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    def locked_for(self) -> float:
        """Seconds until another PIN may be tried (0 when it may)."""
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        if self.locked_for() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= MAX_FAILURES:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_S
        return False
