"""Grounding: locate evidence in the article ourselves; the model's offsets are never trusted.

Every later stage checks a claim against the saved article with :func:`evidence_problem` (the
merge leaves out a claim that fails it; the review page and ``show`` flag it).

Alignment order, best first (recorded on every span):
  exact       ``text.find`` of the quote;
  normalized  case, whitespace runs, curly quotes/apostrophes and dashes folded, mapped back to
              original offsets character by character;
  fuzzy       rapidfuzz partial alignment inside a bounded window (the cited sentences, else a
              window of at most ``FUZZY_WINDOW`` characters), accepted above ``FUZZY_MIN_SCORE``;
  sentence    the cited sentences' span, when the model cites sentence ids without a usable quote.
Repeated quotes map to successive occurrences (an ``Aligner`` remembers which spans it handed out).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence

from rapidfuzz import fuzz

from summarizer.models import Alignment, Claim, Evidence, Sentence
from summarizer.text.words import QUOTE_AND_DASH

FUZZY_MIN_SCORE = 85.0
FUZZY_WINDOW = 6000
MAX_QUOTE_CHARS = 1500

_FOLD = {**QUOTE_AND_DASH, "\u2026": "."}


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; ``index[i]`` is the original offset of normalized char ``i``.

    Every normalized character maps to exactly one original character, so any normalized span
    maps back to a valid original span (no multi-character expansions are allowed).
    """
    out: list[str] = []
    index: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                index.append(i)
            prev_space = True
            continue
        prev_space = False
        folded = _FOLD.get(ch)
        if folded is None:
            low = ch.lower()
            folded = low if len(low) == 1 else ch
            if unicodedata.combining(folded):
                folded = ch
        out.append(folded)
        index.append(i)
    return "".join(out), index


def normalize(text: str) -> str:
    return normalize_with_map(text)[0].strip()


class Aligner:
    """Aligns quotes to one article; successive identical quotes get successive occurrences."""

    def __init__(self, text: str, sentences: Sequence[Sentence] = ()) -> None:
        self.text = text
        self.sentences = {s.id: s for s in sentences}
        self._norm, self._index = normalize_with_map(text)
        self._used: set[tuple[int, int]] = set()

    # -- public ---------------------------------------------------------------------------
    def align(
        self, quote: str | None, sentence_ids: Sequence[int] = (), window: tuple[int, int] | None = None
    ) -> Evidence | None:
        """Best evidence for ``quote`` (optionally cited within ``sentence_ids``), or None.

        ``window`` (e.g. the chunk the quote came from) is searched first and bounds fuzzy work.
        """
        ids = sorted({i for i in sentence_ids if i in self.sentences})
        lo, hi = self._window(ids) if ids else (window or (0, len(self.text)))
        quote = (quote or "").strip()
        if quote:
            quote = quote[:MAX_QUOTE_CHARS]
            spans = [(lo, hi)] + ([(0, len(self.text))] if (lo, hi) != (0, len(self.text)) else [])
            for start, end in spans:
                found = self._exact(quote, start, end) or self._normalized(quote, start, end)
                if found:
                    return self._evidence(*found, ids=ids)
            fuzzy_window = (lo, min(hi, lo + FUZZY_WINDOW))
            found = self._fuzzy(quote, *fuzzy_window)
            if found:
                return self._evidence(*found, ids=ids)
        if ids:
            return self._evidence(lo, hi, Alignment.sentence, ids=ids)
        return None

    def mentions(self, name: str) -> bool:
        """True when ``name`` (or its core without a leading article) occurs in the text."""
        needle = normalize(name)
        needle = needle[4:] if needle.startswith("the ") else needle
        return bool(needle) and needle in self._norm

    def sentence_ids_for(self, start: int, end: int) -> list[int]:
        return [s.id for s in self.sentences.values() if s.start < end and start < s.end]

    # -- strategies -------------------------------------------------------------------------
    def _window(self, ids: Sequence[int]) -> tuple[int, int]:
        if not ids:
            return 0, len(self.text)
        return self.sentences[ids[0]].start, self.sentences[ids[-1]].end

    def _exact(self, quote: str, lo: int, hi: int) -> tuple[int, int, Alignment] | None:
        pos = self.text.find(quote, lo, hi)
        first = None
        while pos != -1:
            span = (pos, pos + len(quote))
            first = first or span
            if span not in self._used:
                return (*span, Alignment.exact)
            pos = self.text.find(quote, pos + 1, hi)
        return (*first, Alignment.exact) if first else None

    def _normalized(self, quote: str, lo: int, hi: int) -> tuple[int, int, Alignment] | None:
        needle = normalize(quote)
        if not needle:
            return None
        first = None
        nlo = _bisect(self._index, lo)
        pos = self._norm.find(needle, nlo)
        while pos != -1:
            start = self._index[pos]
            end = self._index[pos + len(needle) - 1] + 1
            if end > hi:
                break
            first = first or (start, end)
            if (start, end) not in self._used:
                return start, end, Alignment.normalized
            pos = self._norm.find(needle, pos + 1)
        return (*first, Alignment.normalized) if first else None

    def _fuzzy(self, quote: str, lo: int, hi: int) -> tuple[int, int, Alignment] | None:
        needle = normalize(quote)
        if len(needle) < 12:
            return None
        nlo, nhi = _bisect(self._index, lo), _bisect(self._index, hi)
        hay = self._norm[nlo:nhi]
        if not hay:
            return None
        res = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=FUZZY_MIN_SCORE)
        if res is None or res.dest_end <= res.dest_start:
            return None
        a, b = nlo + res.dest_start, nlo + res.dest_end - 1
        start, end = self._index[a], self._index[b] + 1
        start, end = _snap_to_words(self.text, start, end)
        return start, end, Alignment.fuzzy

    def _evidence(self, start: int, end: int, how: Alignment, *, ids: Sequence[int]) -> Evidence:
        self._used.add((start, end))
        return Evidence(
            start=start,
            end=end,
            text=self.text[start:end],
            alignment=how,
            sentence_ids=list(ids) or self.sentence_ids_for(start, end),
        )


def _bisect(index: list[int], offset: int) -> int:
    """First normalized position whose original offset is >= ``offset``."""
    return bisect_left(index, offset)


_WORD = re.compile(r"\w")


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a fuzzy span so it neither starts nor ends inside a word."""
    while start > 0 and _WORD.match(text[start - 1]) and _WORD.match(text[start]):
        start -= 1
    while end < len(text) and _WORD.match(text[end - 1]) and _WORD.match(text[end]):
        end += 1
    return start, end


def evidence_problem(claim: Claim, text: str | None) -> str | None:
    """Why the evidence is not the article text at its offsets, or None when it is."""
    ev = claim.evidence
    if text is None:
        return "article text not available"
    if ev.end <= ev.start:
        return "empty evidence span"
    if ev.end > len(text):
        return f"offsets {ev.start}–{ev.end} lie past the end of the text ({len(text)} chars)"
    if text[ev.start : ev.end] != ev.text:
        return "evidence text differs from the article at its offsets"
    return None
