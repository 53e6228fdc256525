"""Candidate claim pairs from inverted indexes — never all pairs.

Why: comparing every claim with every other is quadratic (5·10⁹ pairs at 100k claims). Two claims
can only be the same proposition, or disagree about the same fact, if they share something
specific: the same figure of the same kind (deaths 8), a day (02-09), a day and a kind of figure, a
rare word ("Danaiefar"), three words of a quotation, a rarely mentioned entity, or an entity
together with a day. (An entity alone is no key when many claims mention it: the confirmation rules
never accept a pair on a common shared entity without one of the other keys.) Each key is a block;
a claim meets only the claims in its blocks. Blocks larger than ``max_block`` (keys too common to mean anything, like
"the MEK" in a corpus about the MEK) are not expanded fully: their members, sorted by text, meet only
their ``window`` nearest neighbours (sorted neighbourhood), so the work stays linear in the block.
Each claim also indexes only its ``rare_tokens`` rarest words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from summarizer.merge.features import ClaimFeatures, quote_keys


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
    for eid in f.rare_entities:
        keys.add(f"e|{eid}")
    for eid in f.entities:
        for md in month_days:
            keys.add(f"ed|{eid}|{md}")
    for tok in rare:
        keys.add(f"t|{tok}")
    for run in quote_keys(f.quoted):
        keys.add(f"q|{run}")
    return keys


def _rare(f: ClaimFeatures, df: Counter[str], cfg: BlockingConfig) -> list[str]:
    rare = sorted((t for t in f.content if 2 <= df.get(t, 0) <= cfg.max_block), key=lambda t: (df[t], t))
    return rare[: cfg.rare_tokens]


def iter_candidate_pairs(
    features: list[ClaimFeatures], config: BlockingConfig | None = None
) -> Iterator[tuple[int, int]]:
    """Distinct (i, j) index pairs, i < j, of claims sharing at least one block, streamed.

    Two passes: the first fills the blocks; the second recomputes each claim's keys and gathers
    its neighbours into one small set, so a pair met in several blocks is produced once without a
    global "seen" set and without materializing every pair.
    """
    cfg = config or BlockingConfig()
    df: Counter[str] = Counter()
    for f in features:
        df.update(t for t in f.content if t[0] != "@" and not t.isdigit())
    blocks: dict[str, list[int]] = {}
    for f in features:
        for key in block_keys(f, _rare(f, df, cfg)):
            blocks.setdefault(key, []).append(f.idx)
    positions: dict[str, dict[int, int]] = {}
    for key, members in blocks.items():
        if len(members) > cfg.max_block:
            members.sort(key=lambda i: (features[i].text, i))
            positions[key] = {i: p for p, i in enumerate(members)}
    w = cfg.window
    for f in features:
        i = f.idx
        near: set[int] = set()
        for key in block_keys(f, _rare(f, df, cfg)):
            members = blocks[key]
            if len(members) < 2:
                continue
            pos = positions.get(key)
            if pos is None:
                near.update(members)
            else:
                p = pos[i]
                near.update(members[max(0, p - w) : p + w + 1])
        for j in sorted(near):
            if j > i:
                yield i, j


def candidate_pairs(features: list[ClaimFeatures], config: BlockingConfig | None = None) -> list[tuple[int, int]]:
    """All candidate pairs as a list (tests and small corpora; the merge streams them)."""
    return list(iter_candidate_pairs(features, config))
