"""Confirm candidate pairs by rules and join them into claim clusters.

Why rules and not a model: at 100k claims even a cheap model call per pair is out of budget, and
the signals that matter are explicit — lexical overlap (rapidfuzz token-set and token-sort ratios
over entity-annotated tokens, so "MKO" and "the PMOI" count as the same word), a shared figure, a
shared entity, the same day. Two guards keep union-find chains from gluing different events:
claims with different days never join, and figures of the same kind that cannot both be true
(3,100 vs 2,400 residents) join only when both claims are tied to the same day — that is the
disputed-figure case the conflict step reports. Pairs are joined best-first and the guards are
checked between whole clusters, not just the two claims.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from summarizer.merge.features import ClaimFeatures, quoted_whole
from summarizer.merge.figures import Interval, interval, overlaps, relation
from summarizer.merge.normalize import dates_compatible, is_full_date
from summarizer.merge.unionfind import UnionFind

QUOTED_SAME = 90.0  # the same words quoted by two articles: the same statement
LEXICAL_SAME = 85.0  # this similar alone means the same proposition
LEXICAL_SUPPORTED = 62.0  # this similar plus a shared figure or day and a shared subject
RARE_SHARE = 0.6  # of the shorter claim's word weight (idf), shared with a claim about the same subject
RARE_MIN_WORDS = 6  # content words a claim needs before most of its rarer words say what it is about


def word_weights(features: list[ClaimFeatures]) -> dict[str, float]:
    """Inverse document frequency of every content token over the corpus's claims: a shared rare
    phrase ("federal income taxes for nearly two decades") says more than a shared common word."""
    df: Counter[str] = Counter()
    for f in features:
        df.update(f.content)
    n = max(1, len(features))
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def rare_share(a: ClaimFeatures, b: ClaimFeatures, weights: Mapping[str, float]) -> float:
    """The share of the lighter claim's word weight that the two claims have in common."""
    wa = sum(weights.get(t, 0.0) for t in a.content)
    wb = sum(weights.get(t, 0.0) for t in b.content)
    light = min(wa, wb)
    return sum(weights.get(t, 0.0) for t in a.content & b.content) / light if light > 0 else 0.0


def lexical(a: ClaimFeatures, b: ClaimFeatures, cutoff: float = 0.0) -> float:
    """Mean of token-set and token-sort ratios; 0 as soon as it cannot reach ``cutoff``."""
    floor = max(0.0, 2 * cutoff - 100)
    first = fuzz.token_set_ratio(a.text, b.text, score_cutoff=floor)
    if not first:
        return 0.0
    return 0.5 * (first + fuzz.token_sort_ratio(a.text, b.text, score_cutoff=floor))


def same_day(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if len(a) == 1 and len(b) == 1:
        return a[0] == b[0] or dates_compatible(a[0], b[0])
    return any(x == y or dates_compatible(x, y) for x in a for y in b)


def confirm(a: ClaimFeatures, b: ClaimFeatures, weights: Mapping[str, float] | None = None) -> float | None:
    """A score when the rules say ``a`` and ``b`` state the same proposition, else None.

    Cheap tests run first (days, figures, shared words and entities); the lexical ratio is
    computed last and with a cutoff, because most candidate pairs fail before it. The rules: a
    quotation one article reproduces whole from another (``quoted_whole``); near-identical
    wording; similar wording plus a shared subject and a shared figure or day; the
    same event (same day, attack words, a shared place or subject) told with figures of the same
    kind, or with the day written in both; the same exact figure about the same subject; a rarely
    mentioned subject (or two subjects) in similar wording; a shared subject and most of the rarer
    words (``weights``, ``rare_share``) in other wording.
    """
    if a.dates and b.dates and not same_day(a.dates, b.dates):
        return None
    wa, wb = a.when, b.when
    if wa and wb and not same_day(wa, wb):
        return None
    day = bool(wa and wb)
    if a.quoted and b.quoted and a.doc_id != b.doc_id and quoted_whole(a.quoted, b.quoted):
        return QUOTED_SAME
    agree, clash = relation(a.numbers, b.numbers) if a.numbers and b.numbers else (False, False)
    if clash and not day:
        return None
    shared = len(a.content & b.content)
    common = a.entities & b.entities
    subject = bool(common) or shared >= 3
    same_event = (
        day
        and a.event
        and b.event
        and (bool(common) or shared >= 2)
        and (agree or clash or (bool(a.days) and bool(b.days)))
    )
    if a.speaker != b.speaker and _about_nobody(a) and _about_nobody(b):
        return None  # "did not respond to requests for comment": alike words, each about its own speaker
    if shared < 2:
        return 50.0 if same_event else None
    same_figure = bool(common) and any(v >= 10 and not q and (k, v, None) in b.numbers for k, v, q in a.numbers)
    if same_figure:
        need = 45.0
    elif subject and (agree or day):
        need = LEXICAL_SUPPORTED
    elif len(common) >= 2 or (a.rare_entities & b.rare_entities):
        need = 68.0
    else:
        need = LEXICAL_SAME
        if 2 * shared < min(len(a.content), len(b.content)):  # too few shared words to be near-identical
            return 50.0 if same_event else None
        if a.entities and b.entities and not common:  # "The Trump campaign did not immediately respond" ≠ "An attorney
            return 50.0 if same_event else None  # for Mills did not …": the same words about other actors
    lex = lexical(a, b, need)
    if lex >= need:
        return lex
    short = min(len(a.content), len(b.content)) < RARE_MIN_WORDS  # "I think Trump and all candidates should do so"
    if weights is not None and common and shared >= 3 and not short and rare_share(a, b, weights) >= RARE_SHARE:
        return 55.0 + lex / 10  # the same subject and most of the rarer words: told in other words
    return 50.0 + lex / 10 if same_event else None


def _about_nobody(f: ClaimFeatures) -> bool:
    """A short claim that names no one, no figure, and no one by a pronoun either: what it says is
    about its speaker ("to requests for comment", "no plans to attend")."""
    return not (f.entities or f.numbers or f.personal) and len(f.content) < RARE_MIN_WORDS


@dataclass(slots=True)
class _State:
    days: set[str] = field(default_factory=set)
    figures: dict[str, list[Interval]] = field(default_factory=dict)


def _state(f: ClaimFeatures) -> _State:
    st = _State(days=set(f.when))
    for kind, value, qual in f.numbers:
        st.figures.setdefault(kind, []).append(interval(value, qual))
    return st


def _joinable(x: _State, y: _State) -> bool:
    if x.days and y.days and not any(dates_compatible(a, b) for a in x.days for b in y.days):
        return False
    if x.days and y.days:
        return True
    for kind, ivs in x.figures.items():
        other = y.figures.get(kind)
        if other and not any(overlaps(a, b) for a in ivs for b in other):
            return False
    return True


def _merge(x: _State, y: _State) -> _State:
    x.days |= y.days
    for kind, ivs in y.figures.items():
        mine = x.figures.setdefault(kind, [])
        mine.extend(iv for iv in ivs if iv not in mine)
        del mine[16:]
    return x


@dataclass(frozen=True, slots=True)
class Clustering:
    groups: list[list[int]]  # claim indexes, each sorted; groups in first-member order
    candidates: int  # pairs examined
    confirmed: int  # pairs the rules confirmed


def cluster_claims(features: list[ClaimFeatures], pairs: Iterable[tuple[int, int]]) -> Clustering:
    """Score candidate pairs, then join confirmed ones best-first under the cluster guards."""
    scored: list[tuple[float, int, int]] = []
    candidates = 0
    weights = word_weights(features)
    for i, j in pairs:
        candidates += 1
        score = confirm(features[i], features[j], weights)
        if score is not None:
            scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    uf = UnionFind(len(features))
    states: dict[int, _State] = {}
    for _, i, j in scored:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        si = states.pop(ri, None) or _state(features[i])
        sj = states.pop(rj, None) or _state(features[j])
        if not _joinable(si, sj):
            states[ri], states[rj] = si, sj
            continue
        states[uf.union(ri, rj)] = _merge(si, sj)
    groups = sorted(uf.groups().values(), key=lambda g: g[0])
    return Clustering(groups=groups, candidates=candidates, confirmed=len(scored))


def medoid(features: list[ClaimFeatures], members: list[int], *, cap: int = 12) -> int:
    """The member that best stands for the cluster: most similar to the others, dated (with its
    year), not overlong; ties go to the shorter. A member stating a figure the others contest, or a
    year where the members give several, is avoided: the representative of a disputed event should
    not be one side's number."""
    sample = members[:cap]
    values: dict[str, set[float]] = {}
    for i in sample:
        for k, v, _ in features[i].numbers:
            values.setdefault(k, set()).add(v)
    contested = {k for k, vs in values.items() if len(vs) > 1}
    years = {d[:4] for i in sample for d in features[i].dates if d[:4].isdigit()}
    best, best_key = sample[0], (-1e9, 0)
    for i in sample:
        f = features[i]
        total = sum(lexical(f, features[j]) for j in sample if j != i) / max(1, len(sample) - 1)
        dated = 10.0 * any(is_full_date(d) for d in f.days) + 5.0 * bool(f.days)
        overlong = max(0, len(f.claim.text) - 160) / 8
        sided = 15.0 * (any(k in contested for k, _, _ in f.numbers) or (len(years) > 1 and bool(f.dates)))
        fragment = 10.0 * (not f.claim.text[:1].isupper())  # "of breaking its promise …" reads badly alone
        key = (total + dated - overlong - sided - fragment, -len(f.claim.text))
        if key > best_key:
            best, best_key = i, key
    return best
