"""Detecting a runaway reply while it is decoded: the same text repeated back to back.

Small local models under a JSON grammar sometimes loop (the same claim object again and again, or
whitespace the grammar allows without end) until ``max_tokens``; on a 2-core machine that is
minutes per chunk for nothing. Legitimate replies never repeat a stretch of text three times in a
row: consecutive claims differ at least in their sentence number. So the embedded backend stops as
soon as the tail of the reply is one period repeated ``repeats`` times over at least ``min_span``
characters (twice is enough for a period of ``long_period`` characters or more: a summary sentence
written twice in a row), and reports ``finish_reason="repetition"`` (the engine then splits the chunk instead of
raising ``max_tokens``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunawayGuard:
    min_span: int = 120  # characters the repeated tail must cover
    repeats: int = 3
    long_period: int = 80
    max_period: int = 400
    check_every: int = 16  # decoded pieces between checks

    def repeating_tail(self, text: str) -> int:
        """The period of a repeated tail of ``text`` (0 when there is none)."""
        n = len(text)
        for period in range(1, min(self.max_period, n // 2) + 1):
            least = 2 if period >= self.long_period else self.repeats
            times = max(least, -(-self.min_span // period))  # enough copies to cover min_span
            if period * times > n:
                continue
            unit = text[n - period :]
            if all(text[n - (k + 1) * period : n - k * period] == unit for k in range(1, times)):
                return period
        return 0
