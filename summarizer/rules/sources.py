"""The frames whose source is a phrase of its own: "according to X", "X reported by Y", "In a poll …,".

Why a module of its own: these frames find their source by a preposition or a passive rather than
by a subject before the cue (``cuesentence``), and decide how far that source phrase runs ("early
results of exit polls conducted for The Associated Press and television networks by Edison
Research"); a passive cue with no agent names no source at all.
"""

from __future__ import annotations

import re

from summarizer.models import Mention
from summarizer.rules.after import speaker_after
from summarizer.rules.cuewords import CueWords
from summarizer.rules.lexicon import (
    CLOSE_Q,
    CUES,
    DETERMINERS,
    PASSIVE,
    POLLS,
    PUNCT,
    TIME_WORDS,
    VERBISH,
    is_adverb,
    trim_content,
)
from summarizer.text.tokens import Tok, region_at

REPORTED_BY = frozenset({"reported", "revealed", "disclosed", "announced", "confirmed"})
_NOT_RESUMING = frozenset("who whom whose which where and but while or a an".split())  # the source's clause
_POLL_HEADS = frozenset({"poll", "survey"})
_POLL_WORDS = frozenset("new latest recent most same national statewide nationwide online".split())
_POLL_DATING = frozenset({"released", "conducted", "taken", "published"})


def _opens_poll_name(t: Tok) -> bool:
    """The word after "in" that may open a poll's name: a determiner ("in a new Fox poll") or a
    capitalised word, a pollster's or a day's ("In May's Post-ABC poll", "in Monday's poll")."""
    return t.low in DETERMINERS or t.text[:1].isupper()


_SETTINGS = frozenset("in over after before since during on at by among across under throughout".split())


class SourceFrames(CueWords):
    """One sentence's frames that name their source by "according to", "by" or an opening poll."""

    def according(self, i: int) -> tuple[Mention, int, int] | None:
        toks = self.toks
        if i + 1 >= len(toks) or toks[i + 1].low != "to" or region_at(self.regions, toks[i].start):
            return None
        span = speaker_after(toks, i + 1, lowercase=True)
        if span is None:
            return None
        before = re.findall(r"\w[\w'’-]*", self.text[self.start : toks[i].start])
        named = all(w[:1].isupper() or w in ("of", "the", "and", "for") for w in before)
        # "Over the long term, according to the budget office, deficits will rise": a phrase of time or
        # place opens the sentence, the claim follows the source
        opening = self.text[self.start : toks[i].start].rstrip().removesuffix(",")
        setting = (
            bool(before)
            and before[0].lower() in _SETTINGS
            and "," not in opening
            and not any(w.lower() in VERBISH for w in before)
        )
        after = self.words(toks[span[1] - 1].end, self.end)
        if setting and after >= 3 and span[1] < len(toks) and toks[span[1]].text == ",":
            a, b = trim_content(self.text, toks[span[1]].end, self.end)
            return self.phrase(span), a, b
        resumes = (
            after >= 3
            and span[1] + 1 < len(toks)
            and toks[span[1]].text == ","
            and toks[span[1] + 1].low not in _NOT_RESUMING
            and toks[span[1] + 1].text not in PUNCT
        )
        lead = len(before) >= 3 or (bool(before) and before[0].lower() in DETERMINERS)  # "The plan, according to"
        if lead and resumes and not (named and len(before) >= 3):
            # "Other major cleavages, according to the poll, include ideology …": one claim around it
            a, b = trim_content(self.text, self.start, self.end)
            return self.phrase(span), a, b
        if len(before) >= 3 and not (named and after >= 3):
            return self.phrase(self.closing_source(span)), self.start, toks[i].start  # "CONTENT, according to X"
        # "According to X, CONTENT"; also '“The Army of Mukhtar” according to X, it was formed …',
        # where what stands before is a name, not a statement
        span = self.preposed_source(i, span)
        return self.phrase(span), toks[span[1] - 1].end, self.end

    def passive(self, i: int) -> bool:
        """The cue at ``i`` is a participle after a form of "be" ("was widely reported", "were not
        disclosed"): its subject is what is reported, no source."""
        toks = self.toks
        if i == 0 or not toks[i].low.endswith("ed") or (i + 1 < len(toks) and toks[i + 1].low == "by"):
            return False  # "was first reported by the Times": the agent is the source
        k = i - 1
        while k > 0 and (is_adverb(toks[k].text) or toks[k].low in ("also", "not", "never", "first")):
            k -= 1
        return toks[k].low in PASSIVE  # "was reported", "got reported"

    def closing_source(self, span: tuple[int, int]) -> tuple[int, int]:
        """A source that closes its sentence ("…, according to early results of the exit poll conducted
        by Edison Research for the Associated Press and Television Networks.") runs to the final stop,
        where ``speaker_after`` stopped at "and": only where no other mark comes before it."""
        toks = self.toks
        for k in range(span[1], min(len(toks), span[0] + 25)):
            if toks[k].text in (".", "!", "?"):
                if k < len(toks) - 1 and toks[k + 1].text not in CLOSE_Q:
                    return span
                while k > span[1] and toks[k - 1].low in TIME_WORDS:
                    k -= 1  # "… and Pew researchers last week": the time is no part of the source
                return span[0], k
            if toks[k].text in PUNCT or region_at(self.regions, toks[k].start):
                return span
        return span

    def preposed_source(self, i: int, span: tuple[int, int]) -> tuple[int, int]:
        """A sentence that opens "According to X, …" names its source whole up to the comma: "early
        results of exit polls conducted for The Associated Press and television networks by Edison
        Research", where ``speaker_after`` stops at "and". Only where the comma comes within 20
        words and no quotation, dash or bracket sits before it."""
        toks = self.toks
        if any(t.low not in ("but", "and", "yet", "so") for t in toks[:i]):
            return span
        for k in range(span[1], min(len(toks), i + 22)):
            if toks[k].text == ",":
                return (span[0], k)
            if toks[k].text in PUNCT or region_at(self.regions, toks[k].start):
                return span
        return span

    def as_reported_by(self, i: int) -> tuple[Mention, int, int] | None:
        """``As (first) reported by X, CONTENT``: the source opens the sentence and its comma ends it
        (PolNeAR train: all 6 such sentences are X's claims)."""
        toks = self.toks
        k = i - 1
        while k > 0 and toks[k].low in ("first", "originally", "previously", "also", "earlier"):
            k -= 1
        if k != 0 or toks[0].low != "as":
            return None
        comma = next((c for c in range(i + 2, min(len(toks) - 1, i + 16)) if toks[c].text == ","), None)
        if comma is None or any(t.text in PUNCT for t in toks[i + 2 : comma]):
            return None
        a, b = trim_content(self.text, toks[comma + 1].start, self.end)
        if self.words(a, b) < 4:
            return None
        return self.phrase((i + 2, comma)), a, b

    def in_poll(self, i: int) -> tuple[Mention, int, int] | None:
        """``In a CNN/ORC poll released Monday, CONTENT``: a poll or survey that opens the sentence is
        the source of the clause after its comma, as "according to" is (PolNeAR train: 14 of the 17
        such sentences with a gold claim after the comma)."""
        toks = self.toks
        if i != 0 or toks[i].low != "in" or len(toks) < 4 or not _opens_poll_name(toks[1]):
            return None
        comma = next((k for k in range(2, min(len(toks) - 2, 16)) if toks[k].text == ","), None)
        if comma is None or not any(t.low in POLLS for t in toks[2:comma]):
            return None
        a, b = trim_content(self.text, toks[comma + 1].start, self.end)
        if self.words(a, b) < 4:
            return None
        return self.phrase((1, comma)), a, b

    def within_poll(self, i: int) -> tuple[Mention, int, int] | None:
        """``CONTENT in a new Fox News poll released Sunday.``: a named or dated poll after "in" is
        the source of the clause before it ("The mayor was at 25 percent support in the most recent KPTV
        poll"), its release or time included as PolNeAR writes it. Only a poll named by its pollster or
        as new, latest, recent or the same: "leading in the polls", "head to the polls" name none, and
        only where no lexicon cue follows, whose frame decides the sentence."""
        toks = self.toks
        if i < 3 or toks[i].low != "in" or i + 2 >= len(toks) or not _opens_poll_name(toks[i + 1]):
            return None
        j = i + 2
        while j < len(toks) and j - i <= 10 and toks[j].low not in _POLL_HEADS:
            word = toks[j].text[:1].isupper() or toks[j].low in _POLL_WORDS or toks[j].low in DETERMINERS
            if not (word or toks[j].text in ("/", "-", "&", "'s", "’s")):  # "CNN/ORC", "Post-ABC", "Monday's"
                return None
            j += 1
        mid = toks[i + 1 : j]
        if j >= len(toks) or not any(t.text[:1].isupper() or t.low in _POLL_WORDS for t in mid):
            return None
        if region_at(self.regions, toks[i].start) or any(t.low in CUES for t in toks[j:]):
            return None
        e = j + 1  # "released Sunday", "last month", "Jan. 17-23"
        while e < len(toks) and e - j <= 4 and toks[e].text not in PUNCT:
            t = toks[e]
            if not (t.low in TIME_WORDS or t.low in _POLL_DATING or t.text[:1].isupper() or t.text[:1].isdigit()):
                break
            e += 1
        a, b = trim_content(self.text, self.start, toks[i].start)
        if self.words(a, b) < 4:
            return None
        return self.phrase((i + 1, e)), a, b

    def passive_by(self, i: int) -> tuple[Mention, int, int] | None:
        """``CONTENT, as noted by X`` / ``CONTENT, reported by X``: the speaker after "by"."""
        toks = self.toks
        if i + 1 >= len(toks) or toks[i + 1].low != "by" or not toks[i].low.endswith("ed"):
            return None
        opening = self.as_reported_by(i)
        if opening is not None:
            return opening
        b = i - 1 if i > 0 and toks[i - 1].low == "as" else i
        aux = b - 1
        while aux > 0 and toks[aux].low in ("first", "originally", "previously", "also", "earlier"):
            aux -= 1
        if b == i and aux > 1 and toks[aux].low in ("was", "were") and toks[i].low in REPORTED_BY:
            # "Scully's involvement was first reported by the New York Times.": the subject is what X reported
            span = speaker_after(toks, i + 1)
            if span is not None and (span[1] >= len(toks) or toks[span[1]].text in (".", "!", "?")):
                return self.phrase(span), self.start, toks[aux].start
        if b <= 0 or toks[b - 1].text != ",":
            return None
        span = speaker_after(toks, i + 1, lowercase=b < i)  # "as noted by former UN advisor X"
        if span is None or self.words(self.start, toks[b - 1].start) < 4:
            return None
        ends = span[1] >= len(toks) or toks[span[1]].text in (".", "!", "?", "”", '"', "''", ";")
        if not ends and b == i:  # "as noted by X during his testimony": "as" makes X a source wherever it ends
            return None  # "agents, ordered by X, conducted …": a modifier inside the clause, not its source
        return self.phrase(span), self.start, toks[b - 1].start
