"""Match predicted evidence spans to gold claims: soft (coverage + sentence window) and strict.

Why these rules (issue 3): annotators disagree on span edges (a leading "that", quotation marks,
the final period), and our extraction may cite whole sentences, so an exact-span score alone
says more about conventions than about quality. The soft rule asks the prediction to cover at
least half of the gold content's word characters (letters and digits of ``content_spans``, so
punctuation and spaces do not count) and to stay inside the gold content's sentences plus one
sentence either side (a span covering the whole article does not match everything). Pairs are
one-to-one, assigned greedily by coverage, ties broken by how much of the prediction is gold
content, then by position, so the result is deterministic. The strict rule is exact offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.evaluate.gold import GoldClaim, GoldDoc

MIN_COVERAGE = 0.5
WINDOW = 1


class DocIndex:
    """Per-document lookups: word-character prefix sums and the sentence of every offset."""

    def __init__(self, doc: GoldDoc) -> None:
        self.doc = doc
        text = doc.text
        prefix = [0] * (len(text) + 1)
        total = 0
        for i, ch in enumerate(text):
            total += ch.isalnum()
            prefix[i + 1] = total
        self._prefix = prefix
        self._sentences = [(s.start, s.end) for s in doc.sentences]
        self._starts = [s for s, _ in self._sentences]

    def words(self, start: int, end: int) -> int:
        """Number of word characters (letters, digits) in ``text[start:end]``."""
        n = len(self._prefix) - 1
        start, end = max(0, min(start, n)), max(0, min(end, n))
        return self._prefix[end] - self._prefix[start] if end > start else 0

    def content_words(self, claim: GoldClaim) -> int:
        return sum(self.words(s, e) for s, e in claim.content_spans)

    def covered(self, claim: GoldClaim, start: int, end: int) -> int:
        """Word characters of the gold content that lie inside ``[start, end)``."""
        return sum(self.words(max(s, start), min(e, end)) for s, e in claim.content_spans)

    def coverage(self, claim: GoldClaim, start: int, end: int) -> float:
        total = self.content_words(claim)
        if total == 0:  # content without letters or digits: fall back to raw characters
            total = sum(e - s for s, e in claim.content_spans)
            got = sum(max(0, min(e, end) - max(s, start)) for s, e in claim.content_spans)
            return got / total if total else 0.0
        return self.covered(claim, start, end) / total

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)

    def window(self, claim: GoldClaim, sentences: int = WINDOW) -> tuple[int, int]:
        """``[lo, hi)`` offsets of the gold content's sentences, ``sentences`` more either side."""
        if not self._sentences:
            return 0, len(self.doc.text)
        first = self.sentence_of(claim.content_spans[0][0])
        last = self.sentence_of(claim.content_spans[-1][1] - 1)
        lo = self._sentences[max(0, first - sentences)][0]
        hi = self._sentences[min(len(self._sentences) - 1, last + sentences)][1]
        return min(lo, claim.start), max(hi, claim.end)


@dataclass(frozen=True)
class Pair:
    gold: int
    pred: int
    coverage: float


@dataclass
class MatchResult:
    pairs: list[Pair] = field(default_factory=list)
    unmatched_gold: list[int] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)
    best_gold: dict[int, float] = field(default_factory=dict, repr=False)
    best_pred: dict[int, float] = field(default_factory=dict, repr=False)
    notes_gold: dict[int, str] = field(default_factory=dict, repr=False)
    notes_pred: dict[int, str] = field(default_factory=dict, repr=False)

    def gold_for_pred(self) -> dict[int, int]:
        return {p.pred: p.gold for p in self.pairs}


def soft_match(
    doc: GoldDoc,
    spans: Sequence[tuple[int, int]],
    *,
    index: DocIndex | None = None,
    min_coverage: float = MIN_COVERAGE,
    window: int = WINDOW,
) -> MatchResult:
    """One-to-one soft matching of predicted ``spans`` (start, end) against ``doc.claims``."""
    index = index or DocIndex(doc)
    result = MatchResult()
    candidates: list[tuple[float, float, int, int]] = []
    outside: dict[tuple[int, int], float] = {}
    for gi, claim in enumerate(doc.claims):
        lo, hi = index.window(claim, window)
        for pi, (start, end) in enumerate(spans):
            if end <= claim.content_spans[0][0] or start >= claim.content_spans[-1][1]:
                continue
            cov = index.coverage(claim, start, end)
            if cov <= 0:
                continue
            result.best_gold[gi] = max(result.best_gold.get(gi, 0.0), cov)
            result.best_pred[pi] = max(result.best_pred.get(pi, 0.0), cov)
            if cov + 1e-9 < min_coverage:
                continue
            if start < lo or end > hi:
                outside[(gi, pi)] = cov
                continue
            pred_words = index.words(start, end) or 1
            precision = index.covered(claim, start, end) / pred_words
            candidates.append((cov, precision, gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for cov, _precision, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        result.pairs.append(Pair(gi, pi, cov))
    result.pairs.sort(key=lambda p: (p.gold, p.pred))
    result.unmatched_gold = [i for i in range(len(doc.claims)) if i not in used_gold]
    result.unmatched_pred = [i for i in range(len(spans)) if i not in used_pred]
    eligible_gold = {gi for _, _, gi, _ in candidates}
    eligible_pred = {pi for _, _, _, pi in candidates}
    out_gold = {gi for gi, _ in outside}
    out_pred = {pi for _, pi in outside}
    for gi in result.unmatched_gold:
        result.notes_gold[gi] = _note(
            gi in eligible_gold,
            gi in out_gold,
            result.best_gold.get(gi, 0.0),
            "its best prediction matched another gold claim",
        )
    for pi in result.unmatched_pred:
        result.notes_pred[pi] = _note(
            pi in eligible_pred,
            pi in out_pred,
            result.best_pred.get(pi, 0.0),
            "duplicate: its gold claim was matched by another prediction",
        )
    return result


def _note(taken: bool, outside: bool, best: float, taken_text: str) -> str:
    if taken:
        return taken_text
    if outside:
        return "covers the content but runs outside its sentence window"
    if best > 0:
        return f"partial overlap only ({best:.0%} of the content)"
    return "no overlap"


def strict_match(doc: GoldDoc, spans: Sequence[tuple[int, int]]) -> list[Pair]:
    """Exact ``[start, end]`` equality, one-to-one (a duplicated prediction counts once)."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for gi, claim in enumerate(doc.claims):
        by_span.setdefault((claim.start, claim.end), []).append(gi)
    pairs: list[Pair] = []
    for pi, span in enumerate(spans):
        free = by_span.get(tuple(span))  # type: ignore[arg-type]
        if free:
            pairs.append(Pair(free.pop(0), pi, 1.0))
    return pairs
