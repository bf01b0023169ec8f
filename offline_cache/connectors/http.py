"""One upstream API over HTTP: timeouts, retries with backoff and jitter, a circuit breaker.

Errors come out as ``FetchError`` with a message fit for the log and the staff screen: the
server's name and what went wrong, never the request URL (the Seoul APIs carry the key in it)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

import httpx
import tenacity

from offline_cache.connectors.breaker import CircuitBreaker, CircuitOpen
from offline_cache.connectors.redact import redact
from offline_cache.connectors.settings import Endpoint, LiveSettings
from offline_cache.store import Clock

log = logging.getLogger(__name__)

RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_BODY_BYTES = 32 * 1024 * 1024  # the largest real answer (1000 toilets) is ~400 KB
USER_AGENT = "seoul-kiosk (offline_cache.connectors)"


class FetchError(RuntimeError):
    """The source did not answer usably; the message is safe to log and show."""


class TransientError(FetchError):
    """A failure worth retrying: timeouts, dropped connections, HTTP 429 and 5xx."""


class HttpSource:
    """GET requests to one ``Endpoint``; use from one thread."""

    def __init__(
        self,
        endpoint: Endpoint,
        settings: LiveSettings,
        *,
        clock: Clock = time.time,
        sleep: Callable[[float], object] = time.sleep,
    ):
        self.endpoint = endpoint
        self.timeout_s = settings.timeout_s
        self.max_response_s = settings.max_response_s
        self.attempts = settings.attempts
        self.breaker = CircuitBreaker(
            endpoint.host,
            failures=settings.breaker_failures,
            reset_s=settings.breaker_reset_s,
            clock=clock,
        )
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.timeout_s),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
        )
        self._retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(settings.attempts),
            wait=tenacity.wait_exponential_jitter(
                multiplier=settings.backoff_s, max=30.0, jitter=settings.backoff_s
            ),
            retry=tenacity.retry_if_exception_type(TransientError),
            sleep=sleep,
            before_sleep=self._log_retry,
            reraise=True,
        )

    def close(self) -> None:
        self.client.close()

    def get(self, path: str, params: Mapping[str, str | int] | None = None) -> bytes:
        """The body of ``base_url/path?params``; raises ``FetchError`` when there is none."""
        try:
            self.breaker.check()
        except CircuitOpen as exc:
            raise FetchError(str(exc)) from None
        url = f"{self.endpoint.base_url}/{path.lstrip('/')}"
        try:
            body = self._retrying(self._get_once, url, params)
        except TransientError as exc:
            self.breaker.record_failure()
            raise FetchError(f"{exc} ({self.attempts} attempts)") from None
        except FetchError:
            self.breaker.record_failure()
            raise
        self.breaker.record_success()
        return body

    def _get_once(self, url: str, params: Mapping[str, str | int] | None) -> bytes:
        host = self.endpoint.host
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, params=params) as response:
                if response.status_code >= 400:
                    kind = TransientError if response.status_code in RETRY_STATUS else FetchError
                    raise kind(f"HTTP {response.status_code} from {host}")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        raise FetchError(f"{host} sent more than {MAX_BODY_BYTES >> 20} MB")
                    if time.monotonic() - started > self.max_response_s:
                        raise FetchError(
                            f"{host} too slow: no complete answer within {self.max_response_s:g} s"
                        )
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.TimeoutException:
            raise TransientError(f"{host} timed out after {self.timeout_s:g} s") from None
        except httpx.TransportError as exc:
            detail = redact(str(exc)) or type(exc).__name__
            raise TransientError(f"connection to {host} failed: {detail}") from None

    def _log_retry(self, state: tenacity.RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        pause = state.next_action.sleep if state.next_action else 0.0
        log.info("%s; retrying in %.1f s", exc, pause)
