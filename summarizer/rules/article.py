"""One article under the rules: every claim framed, chunk by chunk, with or without the model's cues.

Why here and not in extract: the non-LLM baseline and the pipeline must frame claims with the same
code. The hybrid split (issue 12, measured on PolNeAR): a small model's speakers were worse than
the rules', while the rules' recall stops at their lexicon. So the model names only what rules
cannot know, the sentence and cue word of attributions the lexicon lacks ("blamed", "pushed
for", "polls show"); the rules then frame every attribution, model cue or lexicon cue alike: the
content span, the speaker next to the cue and both spans, and one speaker decision
(``speakers``) resolves pronouns and descriptions to a named antecedent. Sentences no
attribution touches are the author's voice when they read as a statement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from summarizer.models import Alignment, ClaimOrigin, Evidence, Mention, Sentence, Speaker, SpeakerType
from summarizer.rules.cuemodel import DEFAULT, CueModel
from summarizer.rules.finder import find_attributions
from summarizer.rules.lexicon import CANDIDATES, SPEECH, Attribution, cue_head, trim_content
from summarizer.rules.speakers import AUTHOR, NO_SOURCE, SpeakerResolver
from summarizer.text.tokens import Tokenized, region_at

_LINKING = re.compile(r"(?:furthermore|moreover|in addition|of course|indeed),?\s+", re.I)


@dataclass(frozen=True)
class Framed:
    """One claim as the rules framed it: evidence, speaker (with spans) and cue."""

    evidence: Evidence
    speaker: Speaker
    cue: str | None
    cue_span: Mention | None
    origin: ClaimOrigin
    inner_source: Mention | None = None


@dataclass(frozen=True)
class Candidate:
    """A word the model may confirm as an attribution cue: ``{id}`` marks it in the prompt."""

    id: int
    sentence_id: int
    start: int  # offsets in the article
    end: int
    word: str


def cue_candidates(chunk: Tokenized) -> list[Candidate]:
    """The chunk's candidate cue words (``lexicon.CANDIDATES``, lowercase, outside quotations), numbered
    from 1. Deterministic, so a batch request and the grounding of its reply agree on the numbers."""
    out: list[Candidate] = []
    for s in chunk.sentences:
        for t in chunk.tokens(s):
            if t.text in CANDIDATES and not region_at(chunk.regions, t.start):
                out.append(Candidate(len(out) + 1, s.id, t.start, t.end, t.text))
    return out


# A sentence that opens by pointing back: a pronoun, a demonstrative or a connective carries the account on.
_CONTINUES = re.compile(
    r"[“\"']?(?:they|it|he|she|this|that|these|those|but|also|then|and|however|moreover|furthermore|"
    r"in addition|still|yet)\b",
    re.I,
)
# "It is clear that …", "It's unclear whether …": the author's judgement, no continued account.
_EXPLETIVE = re.compile(r"[“\"']?it(?:'s|’s| is| was| seems| appears| remains)\b", re.I)
# A clause ended by ", but" / ", while" / ";" before the frame that follows it in the sentence.
_LEAD_CLAUSE = re.compile(r"([^;]*?\w[^;]*?)(?:,\s*(?:but|while|whereas|although|though|yet)|;)\s*$")


# Page furniture that states nothing (the seed guidelines leave it out): a reference list's entry
# ("[1] Ghaze, Yasir, Six killed …"), a byline ("By Brian Booker  Oct 29, 2015"), a wire credit
# ("(Additional reporting by …; Editing by …)"), site chrome ("Log in with Twitter", "More about Iran,
# MEK, Iraq", "Forgot password?").
_FURNITURE = re.compile(
    r"\s*(?:\[\d+\]"
    r"|(?P<by>by\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|then|now|the)\b)[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s|$))"
    r"|\(?(?:additional\s+)?(?:reporting|editing|writing)\s+by\b"
    r"|(?:log\s*in|sign\s*(?:in|up)|remember\s+me|forgot\s+(?:your\s+)?password|more\s+about|share\s+(?:this|on)|"
    r"click\s+here|subscribe|follow\s+us|read\s+more)\b)",
    re.I,
)
_BYLINE_WORDS = 8  # a byline is a short line; "By Bill Clinton's own account, he …" is a statement


def page_furniture(sentence: str) -> bool:
    """Page furniture that states nothing (the seed guidelines leave it out, and no attribution is
    read in it): a reference list's entry ("[1] Ghaze, Yasir, Six killed …"), a byline ("By Brian
    Booker  Oct 29, 2015"), a wire credit ("(Additional reporting by …; Editing by …)"), site chrome
    ("Log in with Twitter", "More about Iran, MEK, Iraq", "Forgot password?")."""
    m = _FURNITURE.match(sentence)
    return m is not None and (m.group("by") is None or len(re.findall(r"\w+", sentence)) <= _BYLINE_WORDS)


def author_voice(sentence: str, min_words: int = 4) -> bool:
    """A sentence worth an author claim: words enough for a statement, not a link, an address or
    page furniture."""
    if "http" in sentence or "@" in sentence or page_furniture(sentence):
        return False
    return len(re.findall(r"\w+", sentence)) >= min_words


@dataclass
class ArticleFrames:
    """The rules over one article, fed chunk by chunk in order (the speaker memory runs across chunks)."""

    text: str
    resolver: SpeakerResolver = field(default_factory=SpeakerResolver)
    authored: set[str] = field(default_factory=set)  # author claims so far: a repeated caption is one claim
    attributed: set[tuple[str, str]] = field(default_factory=set)  # (speaker, content) framed so far
    learned: CueModel = DEFAULT  # the learned detector for cue words the lexicon lacks

    def frame(
        self,
        chunk: Sequence[Sentence],
        model_cues: Mapping[int, Iterable[str]],
        *,
        supplement: bool = True,
        author: bool = True,
        tokenized: Tokenized | None = None,
    ) -> list[Framed]:
        """Claims of ``chunk``: every attribution the rules frame with the lexicon plus the model's
        cues; with ``supplement`` also the lexicon's attributions in sentences the model did not
        name, and (``author``) author claims for the untouched sentences that read as statements.
        ``tokenized`` is the chunk already tokenised (``text.tokens.tokenize``), when the caller has it."""
        cited = {sid for sid, cues in model_cues.items() if cues}
        found = find_attributions(self.text, model_cues, sentences=chunk, tokenized=tokenized, learned=self.learned)
        starts = [s.start for s in chunk]
        out: list[Framed] = []
        touched: set[int] = set()
        for a in found:
            first = max(0, bisect_right(starts, a.start) - 1)
            ids = [s.id for s in chunk[first : bisect_left(starts, a.end)] if s.end > a.start]
            touched.update(ids)
            by_model = a.model_cue or bool(cited.intersection(ids))
            if (not supplement and not by_model) or page_furniture(chunk[first].text):
                continue
            framed = self._framed(a, ids, ClaimOrigin.model if by_model else ClaimOrigin.rules)
            said = (framed.speaker.name, framed.evidence.text)
            if said in self.attributed and self._caption(chunk[first]):  # a caption repeated word for word
                continue
            self.attributed.add(said)
            out.append(framed)
            lead = self._lead_clause(chunk[first], a) if author and supplement else None
            if lead is not None and lead.evidence.text not in self.authored:
                self.authored.add(lead.evidence.text)
                out.append(lead)
        if supplement and author:
            accounts = sorted((f for f in out if f.cue is not None), key=lambda f: f.evidence.end)
            k, latest = 0, None  # the attribution ending last before the sentence at hand
            for s in chunk:
                while k < len(accounts) and accounts[k].evidence.end <= s.start:
                    latest, k = accounts[k], k + 1
                if s.id in touched or not author_voice(s.text):
                    continue
                account = self._continues(s, latest)
                if account is not None:
                    latest = self._continued(s, account)
                    out.append(latest)
                    continue
                claim = self._author(s)
                if claim.evidence.text not in self.authored:
                    self.authored.add(claim.evidence.text)
                    out.append(claim)
        return out

    def _continues(self, s: Sentence, last: Framed | None) -> Framed | None:
        """``last`` when ``s`` continues it: its content ends in the sentence just before, in the same
        paragraph, and ``s`` opens by pointing back. "They were then hidden in tents …" after "the
        opposition said …" is still the opposition's account (the seed guidelines); "The city was
        quiet" is the author's, and so is a new paragraph. Only a spoken account goes on (a speech
        verb, or a participle that carries one: "…, opposition said, firing 100 shells"): after an
        intention or a belief ("Mr. Clarke planned to …") PolNeAR train and dev give the next sentence
        to the author (a third of such continuations matched an attribution there). Only a group's or
        an organisation's account goes on: after a person's words the next "He …" or "But …" sentence
        is mostly an act with a cue of its own or the author's (PolNeAR train's held-back fifth: 3 of
        55 such continuations right; joint 0.6990 → 0.7008 without them)."""
        if last is None or not _CONTINUES.match(s.text) or last.speaker.name == NO_SOURCE:
            return None
        if last.speaker.type == SpeakerType.person or _EXPLETIVE.match(s.text):
            return None
        head = cue_head(last.cue or "") or ""
        if head not in SPEECH and not head.endswith("ing"):  # "Mr. Clarke planned to …. But his plans ran into trouble"
            return None
        between = self.text[last.evidence.end : s.start]
        return None if "\n" in between or re.search(r"\w", between) else last

    def _continued(self, s: Sentence, account: Framed) -> Framed:
        evidence = self._author(s).evidence
        return replace(account, evidence=evidence, origin=ClaimOrigin.rules)

    def _caption(self, s: Sentence) -> bool:
        """A sentence that is its paragraph alone: a caption or a headline, which pages repeat."""
        return self.text[s.start - 1 : s.start] in ("", "\n") and self.text[s.end : s.end + 1] in ("", "\n")

    def _framed(self, a: Attribution, ids: list[int], origin: ClaimOrigin) -> Framed:
        decided = self.resolver.decide(a)
        speaker = Speaker(
            name=decided.name,
            type=decided.type,
            mention=decided.mention,
            antecedent=decided.antecedent,
            canonical=decided.antecedent.text if decided.antecedent else None,
        )
        evidence = Evidence(
            start=a.start, end=a.end, text=self.text[a.start : a.end], alignment=Alignment.sentence, sentence_ids=ids
        )
        cue_span = None
        if a.cue_span is not None:
            cue_span = Mention(text=self.text[a.cue_span[0] : a.cue_span[1]], start=a.cue_span[0], end=a.cue_span[1])
        return Framed(evidence, speaker, a.cue, cue_span, origin, a.inner)

    def _lead_clause(self, s: Sentence, a: Attribution) -> Framed | None:
        """The author's clause before a frame in the same sentence: "No one accepted responsibility
        for these attacks, but the MEK discovered that …" states the first clause in the author's
        voice."""
        frame_start = min(a.start, a.speaker_span[0]) if a.speaker_span else a.start
        if not s.start < frame_start <= s.end:
            return None
        m = _LEAD_CLAUSE.match(self.text, s.start, frame_start)
        if m is None or not author_voice(m.group(1)):
            return None
        start = s.start + (len(m.group(1)) - len(m.group(1).lstrip()))
        x, y = trim_content(self.text, start, s.start + len(m.group(1).rstrip()))
        evidence = Evidence(start=x, end=y, text=self.text[x:y], alignment=Alignment.sentence, sentence_ids=[s.id])
        return Framed(evidence, Speaker(name=AUTHOR, type=SpeakerType.author), None, None, ClaimOrigin.rules)

    def _author(self, s: Sentence) -> Framed:
        x, y = trim_content(s.text, 0, len(s.text))
        linking = _LINKING.match(s.text, x, y)  # "Furthermore, ..." links sentences, it is no content
        x = linking.end() if linking else x
        evidence = Evidence(
            start=s.start + x, end=s.start + y, text=s.text[x:y], alignment=Alignment.sentence, sentence_ids=[s.id]
        )
        return Framed(evidence, Speaker(name=AUTHOR, type=SpeakerType.author), None, None, ClaimOrigin.rules)
