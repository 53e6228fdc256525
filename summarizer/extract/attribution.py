"""Hybrid attribution: the model proposes (sentence, speaker, cue); rules check and complete it.

Small models are fluent but careless: they repeat the previous speaker, copy names from the
prompt, or tag a plain sentence with "said". So every proposal is checked against its sentence:
- a speaker that appears nowhere in the article is not trusted;
- a cue that is not in the sentence is replaced by the rule cue, or the claim becomes the author's;
- when the sentence names its own speaker, the model's speaker must appear in the sentence;
- a pronoun speaker ("he said") takes the model's antecedent when it fits (a person for he/she),
  else the most recent named speaker of the right kind;
- sentences the model did not cite get the rule frame, or an author claim when declarative.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarizer.extract.frames import cue_in, looks_declarative, rule_frame, speaker_type_for
from summarizer.models import Sentence, SpeakerType

AUTHOR = "author"
_PERSONAL = {"he", "she", "him", "her"}
_PRONOUNS = _PERSONAL | {"they", "it", "we", "i", "them"}
_MAX_NAME_WORDS = 8  # a longer "speaker" is a clause the model copied, not a name


@dataclass(frozen=True)
class Proposal:
    sentence_id: int
    speaker: str
    cue: str | None


@dataclass(frozen=True)
class Attribution:
    sentence: Sentence
    speaker: str
    cue: str | None
    origin: str  # "model" or "rules"
    refers_to: str | None = None  # "the same source" / "the statement" → the speaker it refers to


def is_pronoun(name: str) -> bool:
    return name.lower().strip() in _PRONOUNS


def attribute(
    sentences: Sequence[Sentence],
    proposals: Sequence[Proposal],
    mentions: Callable[[str], bool],
    *,
    supplement: bool = True,
) -> list[Attribution]:
    by_sentence: dict[int, list[Proposal]] = {}
    for p in proposals:
        by_sentence.setdefault(p.sentence_id, []).append(p)
    recent: list[str] = []
    out: list[Attribution] = []
    open_quote: str | None = None  # speaker of a quotation that runs over several sentences
    after_colon: str | None = None  # speaker of a sentence ending in ':'

    for s in sentences:
        props = by_sentence.get(s.id)
        rule_speaker, rule_cue = rule_frame(s.text)
        balance = s.text.count("“") - s.text.count("”")
        if after_colon is not None and rule_cue is None and s.text[:1] in '“"':
            open_quote = after_colon  # 'X said:' then the quotation opens the next sentence
        after_colon = None
        if open_quote is not None and rule_cue is None:
            out.append(Attribution(s, open_quote, None, "model" if props else "rules"))
            if balance < 0 or "”" in s.text:
                open_quote = None
            continue
        if not props:
            if not supplement or (rule_cue is None and not looks_declarative(s.text)):
                continue
            speaker = _resolve(rule_speaker or AUTHOR, rule_speaker, recent) if rule_cue and rule_speaker else AUTHOR
            out.append(Attribution(s, speaker, rule_cue if speaker != AUTHOR else None, "rules"))
            _remember(recent, speaker)
            if speaker != AUTHOR and balance > 0:
                open_quote = speaker
            elif speaker != AUTHOR and s.text.rstrip().endswith(":"):
                after_colon = speaker
            continue
        seen: set[tuple[str, str | None]] = set()
        for p in props:
            speaker, cue = _decide(s.text, p, rule_speaker, rule_cue, mentions, recent)
            if (speaker, cue) in seen or (speaker == AUTHOR and not looks_declarative(s.text)):
                continue
            seen.add((speaker, cue))
            out.append(Attribution(s, speaker, cue, "model"))
            _remember(recent, speaker)
        if out and out[-1].sentence is s and out[-1].speaker != AUTHOR:
            if balance > 0:
                open_quote = out[-1].speaker
            elif s.text.rstrip().endswith(":"):
                after_colon = out[-1].speaker
    return [_with_referent(a, out[:i]) for i, a in enumerate(out)]


def _with_referent(a: Attribution, before: list[Attribution]) -> Attribution:
    if a.speaker.lower().strip() not in _ANAPHORA:
        return a
    for prev in reversed(before[-6:]):
        if prev.speaker != AUTHOR and prev.speaker.lower().strip() not in _ANAPHORA and not is_pronoun(prev.speaker):
            return Attribution(a.sentence, a.speaker, a.cue, a.origin, refers_to=prev.speaker)
    return a


def _decide(
    text: str,
    p: Proposal,
    rule_speaker: str | None,
    rule_cue: str | None,
    mentions: Callable[[str], bool],
    recent: list[str],
) -> tuple[str, str | None]:
    low = text.lower()
    model = p.speaker.strip()
    model_ok = (
        model.lower() != AUTHOR and len(model.split()) <= _MAX_NAME_WORDS and mentions(model) and not is_pronoun(model)
    )
    cue = p.cue.strip() if p.cue and cue_in(text, p.cue) else rule_cue
    if cue is None:
        if any(q in text for q in '“”"') and (recent or model_ok):
            return (recent[-1] if recent else model), None  # the continuation of a quote
        return AUTHOR, None
    if rule_speaker and not is_pronoun(rule_speaker):
        at = low.find(_core(model)) if model_ok else -1
        cue_at = low.find(cue.lower())
        rule_at = low.find(_core(rule_speaker))
        # the model's name must be in the sentence, and not the object after the cue when the rule
        # subject stands before it ("a Times article hailed Trump as ...": not Trump)
        object_only = 0 <= rule_at < cue_at < at
        return (model if at >= 0 and not object_only else rule_speaker), cue
    if model_ok:
        want_person = rule_speaker is not None and rule_speaker.lower() in _PERSONAL
        if not want_person or speaker_type_for(model) == SpeakerType.person:
            return model, cue
    return _resolve(rule_speaker or AUTHOR, rule_speaker, recent), cue


_ANAPHORA = {"the same source", "the statement", "the same statement", "the source", "the group", "the report"}


def _resolve(default: str, pronoun: str | None, recent: list[str]) -> str:
    """A pronoun speaker → the most recent named speaker of the right kind (else the pronoun);
    "the same source" / "the statement" → the most recent named speaker."""
    if pronoun is None or not is_pronoun(pronoun):
        return default
    want_person = pronoun.lower() in _PERSONAL
    for name in reversed(recent[-4:]):
        if (speaker_type_for(name) == SpeakerType.person) == want_person:
            return name
    return pronoun


def _remember(recent: list[str], speaker: str) -> None:
    if speaker != AUTHOR and not is_pronoun(speaker):
        recent.append(speaker)


def _core(name: str) -> str:
    low = name.lower().strip()
    return low[4:] if low.startswith("the ") else low
