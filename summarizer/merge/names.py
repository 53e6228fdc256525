"""Name rules used by alias resolution: variant keys, acronym initials, fuzzy name similarity.

Why separate from ``entities.py``: these are pure functions on strings, each one a rule a reader
can check against an example ("People's Mojahedin Organization of Iran" → initials PMOI), and they
are unit-tested on their own. The union-find bookkeeping lives in ``entities.py``.
"""

from __future__ import annotations

from itertools import product

from rapidfuzz.distance import OSA

from summarizer.merge.normalize import STOPWORDS, name_key, word_tokens

# Tokens an acronym may skip ("Mujahedin-e Khalq" → MEK or MK; "... of Iran" → PMOI).
SKIPPABLE = frozenset("of the and for e de al el in on at la du des y to".split())
# Generic trailing words an organization name may drop ("Mujahedin-e Khalq Organization" → MKO or MEK).
ORG_SUFFIX = frozenset("organization organisation group movement party".split())
# Nationality adjectives that name the same actor as the country ("Iraqi government" = "government of Iraq").
DEMONYMS = {"iranian": "iran", "iraqi": "iraq", "american": "us", "british": "uk", "french": "france",
            "syrian": "syria", "israeli": "israel", "saudi": "saudi arabia", "turkish": "turkey",
            "russian": "russia", "chinese": "china", "german": "germany", "kurdish": "kurd"}
# Leading words of a person's name that are titles, not names ("Prime Minister Nouri al-Maliki").
TITLES = frozenset(
    "mr mrs ms miss dr sir president president-elect prime minister supreme leader ayatollah senator sen rep "
    "representative congressman congresswoman spokesman spokeswoman former then general gen colonel col judge "
    "secretary state foreign interior ambassador head chief mayor resistance opposition iranian iraqi us american "
    "french british un of the deputy vice".split()
)
PARTICLES = frozenset("al el bin ibn de van von da".split())


def org_core(key: str) -> str:
    """A name key without its generic trailing organization word and skippable words."""
    toks = key.split()
    while len(toks) > 1 and toks[-1] in ORG_SUFFIX:
        toks = toks[:-1]
    return " ".join(t for t in toks if t not in SKIPPABLE) or key


def variant_key(key: str) -> str:
    """Order-free key that equates "Iraqi government", "government of Iraq" and "Iraq's government"."""
    key = f" {key} ".replace(" united states ", " us ").replace(" united kingdom ", " uk ").strip()
    toks = [DEMONYMS.get(t, t) for t in org_core(key).split()]
    return " ".join(sorted(toks))


def person_key(name: str) -> str:
    """A person's name without titles, descriptors after a comma, or particles: 'nouri maliki'."""
    name = name.split(",")[0]
    toks = name_key(name).split()
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(t for t in toks if t not in PARTICLES) or name_key(name)


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
