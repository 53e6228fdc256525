"""Assertion-vs-denial conflicts where the accused answers in the first person.

Why a finder of its own: ``disputes.denial_conflicts`` starts from a negative claim (a denial) and
looks for what it answers. The commonest rebuttal in campaign news runs the other way: a source says
an actor did *not* do something ("he's paid nothing in federal taxes", "Trump may not have paid
federal income taxes") and the actor affirms that he did, with no negation of his own ("Of course, I
pay federal taxes"). Such a pair is a conflict only when it is narrow: the affirmation is short and
in the first person, spoken by an entity the negative claim names; the negation stands right after
that actor (or a pronoun for him); the two share two content words that are not filler ("going",
"think"); and they come from different sources. Each actor's affirmations are few, so the search is
one pass over the negative claims.
"""

from __future__ import annotations

import re

from summarizer.merge.conflicts import ConflictContext
from summarizer.merge.disputes import ANSWER_SHARE, MAX_ANSWERED, MAX_SCAN, NEGATION, assertion_denial, content_stems
from summarizer.merge.features import ClaimFeatures
from summarizer.merge.normalize import words
from summarizer.models.merge import Conflict

# "Of course, I pay federal taxes", "We did report it": the speaker's own clause, not "I think …"
_FIRST_PERSON = re.compile(
    r"(?:^|[,;:]\s*|\b(?:course|fact|yes|no|but|and)\s*,?\s*)(?:I|We)\s+"
    r"(?!think\b|know\b|guess\b|wonder\b|believe\b|mean\b|hope\b|feel\b)\w+"
)
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her)\b", re.I)
_FILLER = words("going just think becaus know get want say said really very why out would will people")
AFFIRMATION_WORDS = 12  # an affirmation answers in a short clause of its own
NEGATION_REACH = 60  # characters before a negation where its actor must stand


def _affirms(f: ClaimFeatures) -> bool:
    text = f.claim.text
    return len(text.split()) <= AFFIRMATION_WORDS and not NEGATION.search(text) and bool(_FIRST_PERSON.search(text))


def _negates_about(f: ClaimFeatures, name_words: list[str]) -> bool:
    """A negation with the actor (or a pronoun) just before it: "Trump may not have paid", "that
    he's paid nothing"."""
    text = f.claim.text
    for m in NEGATION.finditer(text):
        before = text[max(0, m.start() - NEGATION_REACH) : m.start()]
        if _PRONOUN.search(before) or any(w in before for w in name_words):
            return True
    return False


def _same_predicate(negative: ClaimFeatures, affirmation: ClaimFeatures) -> bool:
    a, b = content_stems(negative), content_stems(affirmation)
    shared = {t for t in a & b if t[0] != "@"} - _FILLER
    return len(shared) >= 2 and len(shared) >= ANSWER_SHARE * min(len(a), len(b))


def affirmation_conflicts(ctx: ConflictContext) -> list[Conflict]:
    """Every actor's first-person affirmation against the negative claims of other sources about
    that actor which it answers."""
    by_speaker: dict[str, list[int]] = {}
    for f in ctx.features:
        if f.speaker and _affirms(f) and len(by_speaker.setdefault(f.speaker, [])) < MAX_SCAN:
            by_speaker[f.speaker].append(f.idx)
    if not by_speaker:
        return []
    # the capitalised words of each such speaker's name, read once: "Trump" of "Donald Trump"
    name_words = {eid: [w for w in ctx.names.get(eid, "").split() if w[:1].isupper()] for eid in by_speaker}
    answered: dict[int, list[int]] = {}  # affirmation → the negative claims it answers
    for f in ctx.features:
        actors = f.entities & by_speaker.keys()
        if not actors or not NEGATION.search(f.claim.text):
            continue
        for eid in sorted(actors - {f.speaker}):
            if not _negates_about(f, name_words[eid]):
                continue
            for i in by_speaker[eid]:
                if ctx.source(i) != ctx.source(f.idx) and _same_predicate(f, ctx.features[i]):
                    found = answered.setdefault(i, [])
                    if len(found) < MAX_ANSWERED:
                        found.append(f.idx)
    return [assertion_denial(ctx, negatives, i, "answers") for i, negatives in sorted(answered.items())]
