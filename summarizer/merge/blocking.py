"""Candidate claim pairs from inverted indexes — never all pairs.

Why: comparing every claim with every other is quadratic (5·10⁹ pairs at 100k claims). Two claims
can only be the same proposition, or disagree about the same fact, if they share something
specific: a figure of the same kind (deaths 8), a day (02-09), a rare word ("Danaiefar"), or an
entity together with a kind of figure or a day. Each such key is a block; a claim meets only the
claims in its blocks. Blocks larger than ``max_block`` (keys too common to mean anything, like
"the MEK" in a corpus about the MEK) are not expanded fully: their members, sorted by text, meet only
their ``window`` nearest neighbours (sorted neighbourhood), so the work stays linear in the block.
Each claim also indexes only its ``rare_tokens`` rarest words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.merge.features import ClaimFeatures


@dataclass(frozen=True, slots=True)
class BlockingConfig:
    max_block: int = 40
    window: int = 6
    rare_tokens: int = 4


def _format(value: float) -> str:
    return f"{value:g}"


def block_keys(f: ClaimFeatures, rare: Iterable[str]) -> set[str]:
    """The index keys of one claim."""
    keys: set[str] = set()
    kinds = {counts for counts, _, _ in f.numbers}
    for counts, value, _ in f.numbers:
        keys.add(f"n|{counts}|{_format(value)}")
    month_days = {d[5:] for d in f.days}
    for md in month_days:
        keys.add(f"d|{md}")
        for counts in kinds:
            keys.add(f"dc|{md}|{counts}")
    for eid in f.entities:
        keys.add(f"e|{eid}")
        for counts in kinds:
            keys.add(f"ec|{eid}|{counts}")
        for md in month_days:
            keys.add(f"ed|{eid}|{md}")
    for tok in rare:
        keys.add(f"t|{tok}")
    return keys


def candidate_pairs(features: list[ClaimFeatures], config: BlockingConfig | None = None) -> list[tuple[int, int]]:
    """Distinct (i, j) index pairs, i < j, of claims sharing at least one block."""
    cfg = config or BlockingConfig()
    df: Counter[str] = Counter()
    for f in features:
        df.update(t for t in f.content if t[0] != "@" and not t.isdigit())
    blocks: dict[str, list[int]] = {}
    for f in features:
        rare = sorted((t for t in f.content if 2 <= df.get(t, 0) <= cfg.max_block), key=lambda t: (df[t], t))
        for key in block_keys(f, rare[: cfg.rare_tokens]):
            blocks.setdefault(key, []).append(f.idx)
    seen: set[int] = set()
    n = len(features)
    out: list[tuple[int, int]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) <= cfg.max_block:
            pairs: Iterable[tuple[int, int]] = (
                (a, b) for x, a in enumerate(members) for b in members[x + 1:]
            )
        else:
            ordered = sorted(members, key=lambda i: features[i].text)
            pairs = ((a, b) for x, a in enumerate(ordered) for b in ordered[x + 1: x + 1 + cfg.window])
        for a, b in pairs:
            if a > b:
                a, b = b, a
            code = a * n + b
            if code not in seen:
                seen.add(code)
                out.append((a, b))
    return out
