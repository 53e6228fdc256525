"""The subject of a finding verb, read back to the record or measure it names.

Why a module of its own: "News footage from the scene of the crash showed" has a subject whose head
(a record) sits before a chain of prepositional phrases, where the phrase finder (``phrases``) stops
at the first "of"; this search runs only for finding verbs (show, found), after that finder.
"""

from __future__ import annotations

from summarizer.rules.lexicon import CUES, MEASURES, PUNCT, STOP_BACK, VERBISH
from summarizer.rules.nounphrase import back_phrase
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


_MADE = frozenset("released conducted published taken issued compiled commissioned".split())


def measure_made(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The measure before a cue that starts at ``b`` with how it was made between them: "A CNN poll of
    Ohio released on Tuesday showed", "exit polls conducted by Edison Research found" (PolNeAR keeps
    the participle phrase in the source); None when no such phrase ends at ``b``."""
    for k in range(b - 1, max(0, b - 12), -1):
        t = toks[k]
        if t.low in _MADE:
            head = next((h for h in range(k - 1, max(-1, k - 5), -1) if toks[h].low in MEASURES), None)
            if head is None:
                return None
            span = back_phrase(toks, head + 1)  # "A CNN/ORC poll", "an NBC News/Wall Street Journal poll"
            return (span[0], b) if span is not None else None
        if t.text in PUNCT or t.low in CUES or t.low in VERBISH:
            return None
    return None
