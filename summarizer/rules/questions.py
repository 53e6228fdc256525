"""The frames that open their sentence before its subject: a passive "asked" (the question no one
is named as asking, or its named asker's) and an opening participle ("Noting that …, Reid urged").

Why a module of its own: "Asked whether he would run, Reid said …", "was asked by host Ann Lee
if …" and "While saying that she respects him, Lee …" frame by the shape around the cue (what
stands before it, "by" and a name after it, the subject after the clause's comma), not by a subject
before a speech verb (``cuesentence``); PolNeAR train marks 101 such no-source questions and 11 of
11 named askers.
"""

from __future__ import annotations

from summarizer.models import Mention
from summarizer.rules.colons import ColonFrames
from summarizer.rules.lexicon import DASHES, PUNCT, TIME_WORDS, trim_content
from summarizer.rules.opening import opening_subject
from summarizer.text.tokens import region_at

_BEFORE_PASSIVE_ASKED = frozenset("when if after being been was were is are be".split())
_ASKED_OPENERS = frozenset("whether if about to how what why who when for".split())  # "asked by X whether"
# what may stand before a participle that opens its sentence: "While saying", "And in explaining"
_PARTICIPLE_LEADS = frozenset("while in and but by after before when even also".split())


class QuestionFrames(ColonFrames):
    """One sentence's frames that open it (``asked``, ``asked_by``, ``opening_participle``)."""

    def opening_participle(self, i: int) -> tuple[Mention, int, int] | None:
        """``Noting that CONTENT, X urged …`` / ``While saying that CONTENT, he …``: a speech or
        thought participle that opens its sentence frames the clause up to its comma, and the
        subject right after that comma is its speaker."""
        toks = self.toks
        if not toks[i].low.endswith("ing") or i > 3 or any(t.low not in _PARTICIPLE_LEADS for t in toks[:i]):
            return None
        if (i == 0) != toks[i].text[:1].isupper() or region_at(self.regions, toks[i].start):
            return None
        for k in range(i + 2, min(len(toks) - 2, i + 40)):
            if toks[k].text in (";", ":", ".", "?", "!") or (toks[k].text in DASHES and k > i + 1):
                return None
            if toks[k].text != "," or region_at(self.regions, toks[k].start):
                continue
            subject = opening_subject(toks[k + 1 :])
            if subject is None or subject[0] != 0:
                continue
            j = i + 1 + (toks[i + 1].low == "that")
            a, b = trim_content(self.text, toks[j].start, toks[k].start)
            if self.words(a, b) < 3:
                return None
            return self.phrase((k + 1, k + 1 + subject[1])), a, b
        return None

    def asked(self, i: int) -> tuple[int, int] | None:
        """The question of a passive "asked" ("Asked whether …,", "when asked about …", "he was asked
        about …"): the words after it up to a comma or the sentence's end. No one is named as asking,
        so it is a no-source attribution (PolNeAR labels 101 of them on train)."""
        toks = self.toks
        if toks[i].low != "asked" or i + 1 >= len(toks) or region_at(self.regions, toks[i].start):
            return None
        if not self._passive_asked(i):
            return None
        nxt = toks[i + 1]
        if nxt.low == "by" or nxt.text in PUNCT:  # "Asked by a caller": a named asker (``asked_by``)
            return None
        stop = next((t.start for t in toks[i + 1 :] if t.text in (",", ";", ":", ".", "?", "!", *DASHES)), self.end)
        a, b = trim_content(self.text, nxt.start, stop)
        return (a, b) if b > a else None

    def _passive_asked(self, i: int) -> bool:
        """ "asked" opens its sentence or follows "when", "if", "after" or a form of "be": a passive, whose
        subject was asked ("he was asked about", "When asked whether"), not one who asks."""
        return i == 0 or self.toks[i - 1].low in _BEFORE_PASSIVE_ASKED

    def asked_by(self, i: int) -> tuple[Mention, int, int] | None:
        """``Asked by X whether CONTENT`` / ``was asked by host X if CONTENT``: a passive "asked" that
        names its asker is the asker's question (PolNeAR train: 11 of 11), up to a comma or the end."""
        toks = self.toks
        if toks[i].low != "asked" or i + 2 >= len(toks) or toks[i + 1].low != "by" or not self._passive_asked(i):
            return None
        k = next((k for k in range(i + 3, min(i + 10, len(toks))) if toks[k].low in _ASKED_OPENERS), None)
        if k is None or any(t.text in PUNCT for t in toks[i + 2 : k]):
            return None
        e = k
        while e > i + 3 and toks[e - 1].low in TIME_WORDS:
            e -= 1  # "asked by Ann Lee on Thursday about": the time is no part of the asker
        stop = next((t.start for t in toks[k + 1 :] if t.text in (",", ";", ":", ".", "?", "!", *DASHES)), self.end)
        a, b = trim_content(self.text, toks[k].start, stop)
        return (self.phrase((i + 2, e)), a, b) if self.words(a, b) >= 2 else None
