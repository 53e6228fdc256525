"""The frames a colon makes: a one-line headline around a source, and a name that labels a quotation.

Why a module of its own: these frames have no cue word; the colon is the cue, and what decides them
is the shape of the line around it (a paragraph of one line, a short capitalised name right before
the colon and a quotation opening right after it), not a subject before a verb (``cuesentence``) or
a source phrase after a preposition (``sources``).
"""

from __future__ import annotations

from summarizer.rules.lexicon import CUES, DASHES, PAGE_LABELS, PUNCT, Attribution, continue_quote, trim_content
from summarizer.rules.sources import SourceFrames
from summarizer.text.tokens import Tok, region_at

_NAME_JOINERS = frozenset({"and", "of", "de"})  # "Frank Newport and Jim Harter", "Bank of America"
_LONGEST_LABEL = 5  # capitalised words: a longer run before a colon is a headline's clause


class ColonFrames(SourceFrames):
    """One sentence's colon frames: headlines ("De Blasio: Trust Bratton") and labelled quotations."""

    def headline(self) -> Attribution | None:
        """A paragraph of one line that pairs a source and a claim around a colon: "De Blasio: Trust
        Bratton on security" (source first) or "Iran and Iraq Involved in Shelling: Residents" (a
        title ending in its source). The colon is the cue; the source is a short capitalised name."""
        text, toks = self.text, self.toks
        if text[self.start - 1 : self.start] not in ("", "\n") or text[self.end : self.end + 1] not in ("", "\n"):
            return None
        colons = [k for k, t in enumerate(toks) if t.text == ":" and not region_at(self.regions, t.start)]
        if len(colons) != 1 or not 0 < colons[0] < len(toks) - 1:
            return None
        k = colons[0]
        before, after = toks[:k], toks[k + 1 :]
        while after and after[-1].text in PUNCT:
            after = after[:-1]

        def name(part: list[Tok]) -> bool:
            capitalised = all(t.text[:1].isupper() and t.text[:1].isalpha() for t in part)
            return 1 <= len(part) <= 3 and capitalised and not any(t.low in PAGE_LABELS for t in part)

        if name(before) and len(after) >= 3:
            speaker, content = (before[0].start, before[-1].end), (after[0].start, self.end)
        elif name(after) and len(before) >= 4:
            speaker, content = (after[0].start, after[-1].end), (before[0].start, toks[k].start)
        else:
            return None
        a, b = trim_content(text, *content)
        if self.words(a, b) < 2:
            return None
        colon = (toks[k].start, toks[k].end)
        return Attribution(text[speaker[0] : speaker[1]], ":", a, b, speaker, colon)

    def labelled_quote(self) -> Attribution | None:
        """A short name, then a colon, then a quotation that opens right after it is the name's
        quotation, however many sentences it runs: newsletters and live blogs quote this way
        ('Polls agree - Jane Roe: “A. B.”', 'More from Roe: “…”', a sentence opening 'Roe: "…"').
        The name must open its sentence or follow a dash or "More from": after a verb or a
        preposition it is whom or what the quotation is about ("wrote to Roe:", "in Latin:",
        "by the Times' Roe:"), and a page's labels ("Update:", "Related:") are no source."""
        toks, text = self.toks, self.text
        k = next((n for n, t in enumerate(toks) if t.text == ":" and not region_at(self.regions, t.start)), None)
        if k is None or k + 1 >= len(toks) or k == 0:
            return None
        region = region_at(self.regions, toks[k + 1].start)
        if region is None or region[0] != toks[k + 1].start:
            return None
        o = k - 1
        while o >= 0 and k - o <= _LONGEST_LABEL and _name_word(toks[o]):
            o -= 1
        name = toks[o + 1 : k]
        if not name or name[0].low in _NAME_JOINERS or name[-1].low in _NAME_JOINERS:
            return None
        if len(name) == 1 and (len(name[0].text) < 2 or name[0].low in PAGE_LABELS):
            return None  # "Q:", "A:", "Update:"
        more_from = o >= 1 and toks[o].low == "from" and toks[o - 1].low == "more"
        if more_from:
            o -= 1
        opened = o < 0 or toks[o].text in DASHES or (more_from and (o == 0 or toks[o - 1].text in DASHES))
        if not opened:
            return None
        a, b = trim_content(text, region[0], continue_quote(text, self.regions, region[1]))
        if self.words(a, b) < 3:
            return None
        cue = toks[k]
        if len(name) > 1 and name[0].low in CUES:  # "Said Roe: “…”", "Continued Lee: “…”": the verb leads
            cue, name = name[0], name[1:]
        speaker = (name[0].start, name[-1].end)
        return Attribution(text[speaker[0] : speaker[1]], cue.text, a, b, speaker, (cue.start, cue.end))


def _name_word(tok: Tok) -> bool:
    """A word of a name before a colon: capitalised ("Jones", "M.", "HuffPollster") or a joiner."""
    return tok.low in _NAME_JOINERS or (tok.text[:1].isupper() and tok.text not in PUNCT)
