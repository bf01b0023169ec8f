"""A circuit breaker per upstream API: stop calling a source that keeps failing, try again later.

Hand-written rather than a library because it must run on the refresher's clock (tests drive
it with a fake one) and it is used from one thread only."""

from __future__ import annotations

from offline_cache.parsers.envelope import kst_time
from offline_cache.store import Clock


class CircuitOpen(RuntimeError):
    """The source failed too often in a row; no request was sent."""


class CircuitBreaker:
    """Opens after ``failures`` requests in a row got no answer; after ``reset_s`` one trial
    request may go through (half-open): success closes it, failure opens it again."""

    def __init__(self, name: str, *, failures: int, reset_s: float, clock: Clock):
        self.name = name
        self.threshold = failures
        self.reset_s = reset_s
        self.clock = clock
        self.failures = 0
        self.open_until: float | None = None

    @property
    def is_open(self) -> bool:
        return self.open_until is not None and self.clock() < self.open_until

    def check(self) -> None:
        """Raise ``CircuitOpen`` while the source is resting."""
        if self.is_open:
            raise CircuitOpen(
                f"{self.name} failed {self.failures} times in a row; not asking it again"
                f" before {kst_time(self.open_until, '%H:%M:%S')}"
            )

    def record_success(self) -> None:
        self.failures = 0
        self.open_until = None

    def record_failure(self) -> None:
        self.failures += 1
        if self.failures >= self.threshold:
            self.open_until = self.clock() + self.reset_s
