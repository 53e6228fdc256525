"""Rules that compare two names: the acronyms a name can produce and a typo-tolerant similarity.

Why apart from ``names``: these answer "may A and B be one name?" ("People's Mojahedin
Organization of Iran" → initials PMOI; "Mujahedin" ~ "Mujahideen", "Iran" ≠ "Iraq"), where
``names`` reads one name (its person form, its key, the names a text writes). ``aliasrules``
calls both.
"""

from __future__ import annotations

from itertools import product

from rapidfuzz.distance import OSA

from summarizer.merge.names import BODY_WORDS, DEMONYMS, ORG_SUFFIX, SKIPPABLE, org_core
from summarizer.merge.normalize import STOPWORDS, word_tokens


def initials(name: str, *, limit: int = 32) -> set[str]:
    """Every acronym a multi-word name can produce, skipping optional words (bounded)."""
    toks = word_tokens(name)
    if toks and toks[0].lower() == "the":
        toks = toks[1:]
    if sum(1 for t in toks if t.lower() not in SKIPPABLE) < 2:
        return set()
    options: list[tuple[str, ...]] = []
    for i, tok in enumerate(toks):
        low = tok.lower()
        first = tok[0].upper()
        if low in SKIPPABLE or (i == 0 and low in DEMONYMS) or (i == len(toks) - 1 and low in ORG_SUFFIX):
            options.append(("", first))
        elif tok.isupper() and len(tok) >= 2:
            options.append((tok, first))
        else:
            options.append((first,))
    out: set[str] = set()
    if len(toks) >= 4 and toks[0].lower() in BODY_WORDS and toks[1].lower() == "of":
        out |= initials(" ".join(toks[2:]), limit=limit)  # "Department of Veterans Affairs" is also "VA"
    for combo in product(*options):
        acronym = "".join(combo)
        if len(acronym) >= 2:
            out.add(acronym)
        if len(out) >= limit:
            break
    return out


def acronym_letters(name: str) -> str:
    toks = word_tokens(name)
    return toks[0].upper() if len(toks) == 1 else ""


def name_similarity(a: str, b: str, *, person: bool = False) -> float:
    """Token-aligned similarity in [0, 1] that tolerates typos but not different words.

    Tokens are compared in order after dropping skippable words and generic org suffixes; each pair
    must share its first letter and, below five letters, be identical ("Iran" ≠ "Iraq"). Returns 0
    when the names cannot be aligned; otherwise the length-weighted mean OSA similarity.
    """
    ta, tb = org_core(a).split(), org_core(b).split()
    if len(ta) != len(tb) or not ta:
        return 0.0
    floor = 0.85 if person else 0.7
    total = weight = 0.0
    for x, y in zip(ta, tb, strict=True):
        w = max(len(x), len(y))
        if x == y:
            sim = 1.0
        elif x[0] != y[0] or min(len(x), len(y)) < 5 or x in STOPWORDS or y in STOPWORDS:
            return 0.0
        else:
            sim = OSA.normalized_similarity(x, y)
            if sim < floor:
                return 0.0
        total += sim * w
        weight += w
    return total / weight
