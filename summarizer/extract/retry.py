"""Retry policy per kind of failure, with tenacity and an explicit predicate.

rate limits (429) → wait (the server's Retry-After, else backoff) within a total wait budget per
            request, not a retry count: a 429 storm slows the run down instead of failing documents.
other transient errors (5xx, timeouts, dropped connections) → exponential backoff with jitter, or
            Retry-After when given; a bounded number of attempts.
validation  (InvalidReply) → not retried here: the engine re-asks with the error text.
everything else (PermanentBackendError, truncation, refusal) → never retried blindly.

A shared :class:`RateGate` is the run's adaptive limiter: after a 429 no worker calls before the
server's Retry-After has passed, and the number of calls in flight is halved (down to one); each
run of successes lets one more call in again, up to the run's concurrency.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception_type, wait_exponential_jitter

from summarizer.errors import TransientBackendError

T = TypeVar("T")
RATE_BUDGET = 900.0  # seconds one request may spend waiting out 429s before its document fails


def _rate_limited(exc: BaseException | None) -> bool:
    return isinstance(exc, TransientBackendError) and exc.status == 429


class RateGate:
    """The run's shared, adaptive rate limiter (additive increase, multiplicative decrease).

    ``block`` pauses every worker until the server's Retry-After has passed and halves the calls
    allowed in flight; ``slot`` admits a call when both allow it; ``succeeded`` widens the limit by
    one after as many successes in a row as the limit. No limit applies before the first 429.
    """

    def __init__(
        self, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._until = 0.0
        self._limit: int | None = None
        self._in_flight = 0
        self._peak = 0
        self._streak = 0
        self._cond = threading.Condition()
        self._sleep = sleep
        self._clock = clock

    @property
    def limit(self) -> int | None:
        """Calls allowed in flight now (None: not limited yet)."""
        return self._limit

    def block(self, seconds: float) -> None:
        with self._cond:
            self._until = max(self._until, self._clock() + seconds)
            self._limit = max(1, (self._limit or max(self._peak, self._in_flight, 1)) // 2)
            self._streak = 0

    def succeeded(self) -> None:
        with self._cond:
            if self._limit is None:
                return
            self._streak += 1
            if self._streak >= self._limit:
                self._streak = 0
                self._limit += 1
                if self._limit > self._peak:
                    self._limit = None  # back to the run's own concurrency
                self._cond.notify_all()

    def wait(self) -> None:
        delay = self._until - self._clock()
        if delay > 0:
            self._sleep(delay)

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._cond:
            while self._limit is not None and self._in_flight >= self._limit:
                self._cond.wait(timeout=1.0)
            self._in_flight += 1
            self._peak = max(self._peak, self._in_flight)
        try:
            self.wait()
            yield
        finally:
            with self._cond:
                self._in_flight -= 1
                self._cond.notify()


class TransientPolicy:
    """How transient failures are retried: ``attempts`` bounds 5xx/timeouts/drops, ``rate_budget``
    bounds the seconds spent waiting out 429s for one request."""

    def __init__(
        self,
        *,
        attempts: int = 5,
        initial: float = 1.0,
        max_wait: float = 60.0,
        rate_budget: float = RATE_BUDGET,
        sleep: Callable[[float], None] = time.sleep,
        gate: RateGate | None = None,
    ) -> None:
        self.attempts = attempts
        self.max_wait = max_wait
        self.rate_budget = rate_budget
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
        else:
            seconds = float(self._backoff(state))
        if _rate_limited(exc):
            self.gate.block(seconds)
        return seconds

    def call(self, fn: Callable[[], T], on_failure: Callable[[TransientBackendError, float], None] | None = None) -> T:
        """Run ``fn`` with retries on transient errors only; re-raise the last error when exhausted.

        A 429 that comes when this request has already waited ``rate_budget`` seconds is raised,
        with the time waited added to its message."""
        waited = {"rate": 0.0, "other": 0}

        def stop(state: RetryCallState) -> bool:
            exc = state.outcome.exception() if state.outcome else None
            if _rate_limited(exc):
                if waited["rate"] >= self.rate_budget:
                    assert isinstance(exc, TransientBackendError)
                    exc.args = (f"{exc.args[0]}; gave up after waiting {waited['rate']:.0f}s in all",)
                    return True
                return False
            waited["other"] += 1
            return waited["other"] >= self.attempts

        def before_sleep(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            if _rate_limited(exc):
                waited["rate"] += state.upcoming_sleep
            if on_failure and isinstance(exc, TransientBackendError):
                on_failure(exc, state.upcoming_sleep)

        retrying = Retrying(
            retry=retry_if_exception_type(TransientBackendError),
            stop=stop,
            wait=self._wait,
            sleep=self._sleep,
            before_sleep=before_sleep,
            reraise=True,
        )
        for attempt in retrying:
            with attempt, self.gate.slot():
                result = fn()
                self.gate.succeeded()
                return result
        raise AssertionError("unreachable")  # pragma: no cover
