"""What the words right after a cue are: a clause (so the cue's speaker stands before it), a time
("that night"), or only where it was said ("in a statement.").

Why a module of its own: ``cuesentence`` asks these questions of a cue's tail in both its frames
(the content before the cue and the content after it), and they read nothing but the tokens.
"""

from __future__ import annotations

from summarizer.rules.lexicon import CLAUSE_VERBS, DAYS, PUNCT, VERBISH
from summarizer.rules.nounphrase import PARTICIPLES
from summarizer.text.tokens import Tok


def inverted_clause(toks: list[Tok], span: tuple[int, int]) -> bool:
    """The words after an inverted cue make a clause, not a speaker: an auxiliary, or a verb in the
    past after the phrase's first two words ("said the Khan family deserved better", "said his
    survey of Republicans showed"; not "said the embattled senator")."""
    words = toks[span[0] : span[1]]
    if any(t.low in VERBISH for t in words):
        return True
    return any(
        t.text.islower() and t.low.endswith("ed") and len(t.low) > 4 and t.low not in PARTICIPLES for t in words[2:]
    )


_TIMES = DAYS | {"day", "time"}


_WHERE = frozenset("in on at during via through".split())


def where_said(rest: list[Tok]) -> bool:
    """What follows a cue is only where it was said, to the sentence's end: "in a statement.", "on
    CNN's State of the Union." (a preposition, at most six words, no verb, no quotation mark)."""
    words = [t for t in rest if t.text not in (".", "!", "?")]
    return (
        bool(words)
        and words[0].low in _WHERE
        and len(words) <= 6
        and all(t.text not in PUNCT and t.low not in VERBISH and t.low not in CLAUSE_VERBS for t in words)
    )


def time_after(toks: list[Tok], k: int) -> bool:
    """The "that" at ``k`` points at a time ("he said in his speech that night"): no clause follows."""
    return k + 1 < len(toks) and toks[k + 1].low in _TIMES


_PARTICLES = frozenset({"back", "out", "down", "up", "off"})
_AFTER_PARTICLE = frozenset({"at", "against", "on", "to", "about", "with", "for"})


def past_particle(toks: list[Tok], i: int, j: int) -> int:
    """Where the content of the cue at ``i`` starts when a particle follows it: past the particle and
    its preposition ("lashed out at the senator", "pushed back against the charges", "fired back:"),
    which are the cue's words, as PolNeAR marks them; ``j`` otherwise."""
    if j != i + 1 or j >= len(toks) or toks[j].low not in _PARTICLES:
        return j
    j += 1
    return j + 1 if j < len(toks) and toks[j].low in _AFTER_PARTICLE else j
