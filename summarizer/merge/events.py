"""Tie each claim to the day of the event it is about, and name that event.

Why: a figure is only comparable with another figure about the same event. "Eight deaths" on
9 February 2013 and "23 killed" in October 2015 both concern Camp Liberty attacks, yet are not a
conflict; "3,100 refugees" in 2013 and "2,400 dissidents" in 2015 describe different moments. A
claim's event day is its own earliest full date; failing that, the day of the dated event claim
it follows in its own article (news prose states the date once, then the toll); failing that, the
single day its cluster agrees on (unless the claim's article only speaks of other years); failing
that, the single day the claim's own article gives for its violent events. Claims with no day take part in no figure
conflict — silence beats a false dispute.
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.merge.features import ClaimFeatures
from summarizer.merge.normalize import is_full_date, words

_PHRASE = re.compile(r"\b(?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+")
_NOT_NAMES = words("The A An In On At This That These Those It He She They We But And Or If As")


def _doc_years(features: list[ClaimFeatures]) -> dict[str, set[str]]:
    years: dict[str, set[str]] = {}
    for f in features:
        years.setdefault(f.doc_id, set()).update(d[:4] for d in f.dates if d[:4].isdigit())
    return years


def _doc_event_days(features: list[ClaimFeatures]) -> dict[str, str]:
    days: dict[str, set[str]] = {}
    for f in features:
        if f.event:
            days.setdefault(f.doc_id, set()).update(d for d in f.days if is_full_date(d))
    return {doc: next(iter(ds)) for doc, ds in days.items() if len(ds) == 1}


CONTEXT_CHARS = 1500  # how far back in its article an undated claim looks for the event it continues


def _from_context(features: list[ClaimFeatures], out: list[str | None]) -> None:
    """An undated claim about an event continues the nearest dated event claim before it in its
    article ("... attack on Camp Liberty on February 9, 2013. The barrage resulted in eight deaths")."""
    by_doc: dict[str, list[ClaimFeatures]] = {}
    for f in features:
        by_doc.setdefault(f.doc_id, []).append(f)
    for claims in by_doc.values():
        claims.sort(key=lambda f: (f.claim.evidence.start, f.idx))
        last: tuple[int, str] | None = None
        for f in claims:
            own = out[f.idx]
            if own is None and last and f.claim.evidence.start - last[0] <= CONTEXT_CHARS and (f.event or f.numbers):
                out[f.idx] = last[1]
            elif own is not None and f.event and is_full_date(own):
                last = (f.claim.evidence.end, own)


def context_days(features: list[ClaimFeatures]) -> list[str | None]:
    """Before clustering: each claim's own earliest day, else the dated event claim it follows in
    its article, else its article's single event day (claims about an event or stating figures)."""
    out: list[str | None] = [min(f.days) if f.days else None for f in features]
    _from_context(features, out)
    by_doc = _doc_event_days(features)
    for f in features:
        if out[f.idx] is None and (f.event or f.numbers) and f.doc_id in by_doc:
            out[f.idx] = by_doc[f.doc_id]
    return out


def event_days(features: list[ClaimFeatures], groups: list[list[int]]) -> list[str | None]:
    """After clustering: ``context_days``, plus the single day a claim's cluster agrees on for
    claims still undated (unless the claim's article only speaks of other years)."""
    out = [f.event_day for f in features]
    doc_years = _doc_years(features)
    for members in groups:
        if len(members) < 2:
            continue
        days = {d for d in (out[i] for i in members) if d and is_full_date(d)}
        if len(days) != 1:
            continue
        day: str = next(iter(days))
        for i in members:
            years = doc_years.get(features[i].doc_id, set())
            if out[i] is None and (not years or day[:4] in years):
                out[i] = day
    return out


def event_label(texts: list[str]) -> str:
    """The most frequent multi-word capitalized phrase ("Camp Liberty"), or "the event"."""
    counts: Counter[str] = Counter()
    for text in texts:
        seen: set[str] = set()
        for m in _PHRASE.finditer(text):
            words = m.group(0).split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            phrase = " ".join(words)
            if len(words) >= 2 and phrase not in seen:
                seen.add(phrase)
                counts[phrase] += 1
    if not counts:
        return "the event"
    return max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
