"""Culprit conflicts and assertion-vs-denial conflicts.

Why rules this narrow: "who did it" is where news sources disagree most, but most sources that
name different actors are complementary (Iran ordered, Iraq cooperated), not contradictory. So a
culprit conflict is reported only when a source says an actor *claimed responsibility* and another
source blames an actor outside that claim. A negative claim — a denial ("is not the first time when
they blame us", modality ``denied``) or a negated fact ("No one accepted responsibility") — is
paired with the positive claims it contradicts: members of its own cluster, accusations made by an
entity it names, and claims sharing one of its rare words ("responsibility"), on a compatible day.
Double negatives ("nobody could enter without the Iraqi forces' help") are assertions, not
denials. Every search is bounded per negative claim so the step stays linear.
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.merge.clusters import lexical
from summarizer.merge.conflicts import ConflictContext
from summarizer.merge.features import ClaimFeatures
from summarizer.merge.mentions import MentionIndex
from summarizer.merge.normalize import STOPWORDS, dates_compatible, shorten, words
from summarizer.models.document import Modality
from summarizer.models.merge import Conflict, ConflictKind, ConflictValue

_NEGATIVE = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut\w*|baseless|unfounded|"
    r"blame us|not responsible|no one|nobody|no group|none of)\b",
    re.I,
)
_DOUBLE = re.compile(r"\b(?:without|unless|except)\b", re.I)
_ACCUSES = re.compile(
    r"\b(?:blam|accus|responsib|involv|cooperat|coordinat|complicit|order|behind|orchestrat|"
    r"perpetrat|provid|carried out)",
    re.I,
)
_AGENT_BEFORE_BY = words(
    "attack attacks attacked ordered carried conducted launched planned orchestrated perpetrated "
    "committed fired shelling raid assault"
)
_AGENT_AFTER = words("behind responsible ordered orchestrated planned perpetrated attacked carried conducted")
_TOOK = words("claimed took accepted claims takes accepts claiming taking")
CULPRIT_HINT = re.compile(
    r"\b(?:by|responsib\w*|behind|ordered|orchestrated|planned|perpetrated|attacked|carried|"
    r"conducted)\b",
    re.I,
)
_NO_ONE_CLAIMED = re.compile(r"\b(?:no one|nobody|no group|none)\b[^.]{0,40}\bresponsibility\b", re.I)
_CLAIMED = re.compile(r"\b(?:took|takes|claimed|claims|accepted|accepts)\s+responsibility\b", re.I)
MAX_SCAN = 500  # positive claims examined per negative claim and route
MAX_ANSWERED = 3  # positive claims kept per negative claim
RARE = 5  # a word in at most this many claims is a topic word


# What a denial by its cue rejects when it answers an accusation it does not repeat ("dismissed the
# MEK's accusation", "denied the charges"): without one of these it must repeat the claim's words.
_ACCUSATION = re.compile(r"\b(?:accusation|allegation|charge|claim|report|blame|responsib)\w*", re.I)
_NEGATION_WORDS = words("no not never nothing none nobody one deny denies denied denial reject rejects rejected")
ANSWER_SHARE = 0.3  # of the shorter claim's content words, shared by a denial and what it answers


def content_stems(f: ClaimFeatures) -> set[str]:
    return {t if t[0] == "@" else t[:6] for t in f.content if t not in _NEGATION_WORDS}


NEGATION = re.compile(r"\b(?:not|never|no one|nobody|none|nothing|no)\b|n['’]t\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def negated_predicate(text: str) -> str | None:
    """The verb a negation denies, stemmed: "did not pay" → 'pay', "no one from the agency
    released" → 'releas'; None when no negation or no verb after it is recognisable."""
    m = NEGATION.search(text)
    if m is None:
        return None
    after = _WORD.findall(text[m.end() : m.end() + 160])[:12]
    adverb = m.group(0).lower() in ("not", "never") or m.group(0).endswith(("n't", "n’t"))
    if adverb and after and after[0].lower() not in STOPWORDS:
        return after[0].lower()[:6].removesuffix("ed")  # "did not pay", "has never paid"
    verb = next((w for w in after if w.lower().endswith("ed") and len(w) > 4), None)
    return verb.lower()[:-2][:6] if verb else None


def answers(denial: ClaimFeatures, claim: ClaimFeatures) -> bool:
    """A denial answers a claim only when it is about the same thing: it repeats a good part of the
    claim's words (or names), not one topic word ("an internal review shows no one released" does not
    answer "he would order a thorough review of the nation's computer defenses"), and the claim
    states what the denial negates ("no one released them" does not answer "it received them") without
    negating anything itself."""
    if NEGATION.search(claim.claim.text):  # both negate: they agree ("did not include" / "did not mention")
        return False
    a, b = content_stems(denial), content_stems(claim)
    shared = len(a & b)
    if shared < 2 or shared < ANSWER_SHARE * min(len(a), len(b)):
        return False
    verb = negated_predicate(denial.claim.text)
    return verb is None or verb in claim.claim.text.lower()


def negative(f: ClaimFeatures) -> bool:
    if f.claim.modality == Modality.denied:
        return True
    return bool(_NEGATIVE.search(f.claim.text)) and not _DOUBLE.search(f.claim.text)


def culprits_in(text: str, mentions: MentionIndex) -> tuple[set[str], set[str]]:
    """(entities said to have claimed responsibility, entities blamed) in one claim."""
    toks, _ = mentions.annotate(text)
    claimed: set[str] = set()
    blamed: set[str] = set()
    for k, tok in enumerate(toks):
        if tok == "responsibility" and k and toks[k - 1] in _TOOK:
            who = [t for t in toks[max(0, k - 6) : k - 1] if t.startswith("@")]
            if who:
                claimed.add(who[-1][1:])
        if not tok.startswith("@"):
            continue
        before = toks[max(0, k - 3) : k]
        if "by" in before:
            by = k - len(before) + before.index("by")
            if any(t in _AGENT_BEFORE_BY for t in toks[max(0, by - 3) : by]):
                blamed.add(tok[1:])
        if any(t in _AGENT_AFTER for t in toks[k + 1 : k + 4]):
            blamed.add(tok[1:])
    return claimed, blamed - claimed


def culprit_conflicts(ctx: ConflictContext, mentions: MentionIndex) -> list[Conflict]:
    claims: dict[str, dict[str, list[int]]] = {}  # day → claimant → claims
    blames: dict[str, dict[str, list[int]]] = {}  # day → blamed → claims
    for f in ctx.features:
        day = ctx.days[f.idx]
        if day is None or negative(f):
            continue
        if not f.entities or not CULPRIT_HINT.search(f.claim.text):
            continue
        claimed, blamed = culprits_in(f.claim.text, mentions)
        for e in claimed:
            claims.setdefault(day, {}).setdefault(e, []).append(f.idx)
        for e in blamed - {f.speaker}:
            blames.setdefault(day, {}).setdefault(e, []).append(f.idx)
    out: list[Conflict] = []
    for day, claimants in sorted(claims.items()):
        others = {e: m for e, m in blames.get(day, {}).items() if e not in claimants}
        if not others:
            continue
        sides = {**claimants, **others}
        values = [
            ConflictValue(value=ctx.names.get(e, e), members=[ctx.refs[i] for i in dict.fromkeys(m)])
            for e, m in sides.items()
        ]
        members = [i for m in sides.values() for i in m]
        out.append(ctx.conflict(members, "who is responsible", day, ConflictKind.culprit, values))
    return out


def _compatible(ctx: ConflictContext, a: int, b: int) -> bool:
    da, db = ctx.days[a], ctx.days[b]
    return not (da and db and not dates_compatible(da, db))


def denial_conflicts(ctx: ConflictContext) -> list[Conflict]:
    negatives = [f.idx for f in ctx.features if negative(f)]
    if not negatives:
        return []
    df: Counter[str] = Counter()
    for f in ctx.features:
        df.update(t for t in f.content if t[0] != "@" and not t.isdigit())
    topics = {n: {t for t in ctx.features[n].content if len(t) >= 5 and 2 <= df.get(t, 0) <= RARE} for n in negatives}
    wanted = set().union(*topics.values())
    by_topic: dict[str, list[int]] = {}
    by_speaker: dict[str, list[int]] = {}
    by_cluster: dict[int, list[int]] = {}
    negative_set = set(negatives)
    for f in ctx.features:
        by_cluster.setdefault(ctx.cluster_of[f.idx], []).append(f.idx)
        if f.idx in negative_set:
            continue
        if f.speaker and len(by_speaker.setdefault(f.speaker, [])) < MAX_SCAN:
            by_speaker[f.speaker].append(f.idx)
        for t in f.content & wanted:
            by_topic.setdefault(t, []).append(f.idx)
    out: list[Conflict] = []
    answered: set[tuple[int, ...]] = set()
    for n in negatives:
        fn = ctx.features[n]
        cands: dict[int, int] = {}  # claim → route priority (higher first)
        for i in by_cluster[ctx.cluster_of[n]][:MAX_SCAN]:
            if i not in negative_set and answers(fn, ctx.features[i]):
                cands[i] = 3
        shared: Counter[int] = Counter()
        for t in sorted(topics[n]):
            for i in by_topic.get(t, [])[:MAX_SCAN]:
                shared[i] += 1
        # an accusation by an actor the denial names: a denial by its cue that names an accusation
        # ("dismissed the MEK's accusation") answers it; any other denial only when both are about
        # the same thing (``answers``)
        explicit = fn.claim.modality == Modality.denied and bool(_ACCUSATION.search(fn.claim.text))
        for eid in sorted(fn.entities - {fn.speaker}):
            for i in by_speaker.get(eid, []):
                if (explicit or answers(fn, ctx.features[i])) and _ACCUSES.search(ctx.features[i].claim.text):
                    cands.setdefault(i, 2)
        claims_responsibility = bool(_NO_ONE_CLAIMED.search(fn.claim.text))
        for i, k in shared.items():
            # a topic word alone pairs any two claims on a subject; an answer shares two of them and
            # names what the denial names — or answers "no one claimed responsibility" by a claim
            if claims_responsibility and _CLAIMED.search(ctx.features[i].claim.text):
                cands.setdefault(i, 2)
            elif k >= 2 and (ctx.features[i].entities & fn.entities) and answers(fn, ctx.features[i]):
                cands.setdefault(i, 1)
        ranked = sorted(
            (i for i in cands if ctx.source(i) != ctx.source(n) and _compatible(ctx, n, i)),
            key=lambda i: (-cands[i], -lexical(fn, ctx.features[i]), i),
        )
        best = ranked[:MAX_ANSWERED]
        if not best or tuple(best) in answered:
            continue
        answered.add(tuple(best))
        out.append(assertion_denial(ctx, best, n, "contradicts"))
    return out


def assertion_denial(ctx: ConflictContext, asserted: list[int], denied: int, verb: str) -> Conflict:
    """The conflict of claims ``asserted`` and the claim ``denied`` that answers them, titled
    "<who denies> <verb>: <the first assertion>"."""
    main, all_ids = ctx.clusters_for([denied, *asserted])
    f = ctx.features[denied]
    who = ctx.names.get(f.speaker, f.claim.speaker.name)
    return Conflict(
        id="",
        about=f"{who} {verb}: {shorten(ctx.features[asserted[0]].claim.text)}",
        kind=ConflictKind.assertion_denial,
        cluster_id=main,
        cluster_ids=all_ids,
        values=[
            ConflictValue(value="asserted", members=[ctx.refs[i] for i in asserted]),
            ConflictValue(value="denied", members=[ctx.refs[denied]]),
        ],
    )
