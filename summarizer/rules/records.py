"""The subject of a finding verb, read back to the record or measure it names.

Why a module of its own: "News footage from the scene of the crash showed" has a subject whose head
(a record) sits before a chain of prepositional phrases, where the phrase finder (``phrases``) stops
at the first "of"; this search runs only for finding verbs (show, found), after that finder.
"""

from __future__ import annotations

from summarizer.rules.lexicon import CUES, MEASURES, PUNCT, STOP_BACK, VERBISH
from summarizer.text.tokens import Tok

_OF_CHAIN = frozenset("of from by in on at for about".split())


def measure_head(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """A finding verb's subject back to the record or measure its prepositions hang on: "News footage
    from the scene of the crash showed", where the phrase before the verb stops at "of"."""
    a, b = span
    if any(t.low in MEASURES for t in toks[a:b]):
        return span
    k = a
    while k > 0 and a - k < 10:
        t = toks[k - 1]
        if t.text in PUNCT or t.low in VERBISH or t.low in CUES or (t.low in STOP_BACK and t.low not in _OF_CHAIN):
            break
        k -= 1
    while k < a and toks[k].low in ("but", "and", "so", "yet"):
        k += 1
    first_prep = next((m for m in range(k, a) if toks[m].low in _OF_CHAIN), a)
    if k < first_prep and any(t.low in MEASURES for t in toks[k:first_prep]) and toks[a - 1].low in _OF_CHAIN:
        return k, b
    return span
