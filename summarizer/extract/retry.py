"""Retry policy per kind of failure, with tenacity and an explicit predicate.

transient   (TransientBackendError: 429, 5xx, timeouts, dropped connections) → exponential
            backoff with jitter, or the server's Retry-After when it gives one; bounded attempts.
validation  (InvalidReply) → not retried here: the engine re-asks with the error text.
everything else (PermanentBackendError, truncation, refusal) → never retried blindly.
A shared ``RateGate`` makes every worker wait out a 429's Retry-After, so a rate-limited server
slows the whole run down instead of failing documents one by one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from summarizer.errors import TransientBackendError

T = TypeVar("T")


class RateGate:
    """Shared pause: after a 429 with Retry-After, no worker calls before ``until``."""

    def __init__(
        self, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._until = 0.0
        self._lock = threading.Lock()
        self._sleep = sleep
        self._clock = clock

    def block(self, seconds: float) -> None:
        with self._lock:
            self._until = max(self._until, self._clock() + seconds)

    def wait(self) -> None:
        delay = self._until - self._clock()
        if delay > 0:
            self._sleep(delay)


class TransientPolicy:
    """How transient failures are retried; ``waits`` records every wait for reports and tests."""

    def __init__(
        self,
        *,
        attempts: int = 5,
        initial: float = 1.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        gate: RateGate | None = None,
    ) -> None:
        self.attempts = attempts
        self.max_wait = max_wait
        try:
            self._backoff = wait_exponential_jitter(multiplier=initial, max=max_wait, jitter=initial)
        except TypeError:  # tenacity < 9.1 calls it ``initial`` (deprecated since)
            self._backoff = wait_exponential_jitter(initial=initial, max=max_wait, jitter=initial)
        self._sleep = sleep
        self.gate = gate or RateGate(sleep=sleep)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, TransientBackendError) and exc.retry_after is not None:
            seconds = min(exc.retry_after, self.max_wait)
            self.gate.block(seconds)
            return seconds
        return float(self._backoff(state))

    def call(self, fn: Callable[[], T], on_failure: Callable[[TransientBackendError, float], None] | None = None) -> T:
        """Run ``fn`` with retries on transient errors only; re-raise the last error when exhausted."""

        def before_sleep(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            if on_failure and isinstance(exc, TransientBackendError):
                on_failure(exc, state.upcoming_sleep)

        retrying = Retrying(
            retry=retry_if_exception_type(TransientBackendError),
            stop=stop_after_attempt(self.attempts),
            wait=self._wait,
            sleep=self._sleep,
            before_sleep=before_sleep,
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                self.gate.wait()
                return fn()
        raise AssertionError("unreachable")  # pragma: no cover
