"""Reporting-verb rules: who says what, where, found with regular expressions over tokens.

Shared by the non-LLM baseline (``summarizer.evaluate.baseline``) and the extractor, which uses
these spans and speakers wherever the rules find an attribution in a sentence the model cited:
on PolNeAR the rules' spans and speakers are far more precise than a small model's (see
evals/README.md). Rules, per sentence, reporting verbs inside quotation marks ignored:
  * ``according to X, CONTENT`` / ``CONTENT, according to X``;
  * postposed cue: ``CONTENT, X said [adverbial]`` / ``"CONTENT," said X`` — a quotation is taken
    whole, back to where it opened, on past a split (``"A," he said, "B."``), and on into a quote
    that continues right after the cue sentence;
  * preposed cue: ``X said (that|:) CONTENT`` with X the subject phrase before the verb (adverbs
    and auxiliaries skipped, ``X, the nominee, said`` / ``X, who ..., said`` resolved to X, "told
    reporters" skips the addressee); an opened quotation is followed to its end;
  * a colon frame (``colons``): a one-line headline around a short name ("De Blasio: Trust
    Bratton"), and a name labelling the quotation that opens after its colon ("- Jane Roe: “A. B.”");
  * a second cue inside the content (``..., adding that``, ``though she noted``) ends the first
    claim and starts its own (a participle reuses the speaker).
Belief and finding verbs (think, found, show ...) and noun-like forms (reports, claims) count only
before ``that``. Content is trimmed like the gold guidelines: no ``that``, no enclosing quotes, no
final punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from summarizer.models import Mention, Sentence
from summarizer.rules.cuemodel import DEFAULT, CueModel
from summarizer.rules.cuesentence import CueSentence
from summarizer.rules.lexicon import (
    AUX,
    CUES,
    DASHES,
    HEDGES,
    NO_SOURCE,
    STANCE_STEMS,
    Attribution,
    cue_head,
    trim_content,
)
from summarizer.text.sentences import split_sentences
from summarizer.text.tokens import Tokenized, region_at, tokenize

# Cues an expletive "it" opens: "It seems that ...", "It appears that ..." name no source.
EXPLETIVE_CUES = HEDGES


_RELATIVE_BEFORE = re.compile(r"\bwhere\s*$")
_WORTH = re.compile(r"(?i)^it(?:['’]s| is| was)? worth$")


def _framed_before(a: Attribution | None) -> bool:
    """``a`` opens with its "according to X," or "In a poll …," frame: what follows is X's account whole."""
    return (
        a is not None
        and (a.cue.lower().startswith("according") or a.cue == "In")
        and a.speaker_span is not None
        and a.speaker_span[1] <= a.start
    )


def find_attributions(
    text: str,
    extra_cues: Mapping[int, Iterable[str]] | None = None,
    *,
    sentences: Sequence[Sentence] | None = None,
    tokenized: Tokenized | None = None,
    learned: CueModel = DEFAULT,
) -> list[Attribution]:
    """Attribution candidates in ``text``: speaker, cue and the content span (see the module docstring).
    ``extra_cues`` adds cue words per sentence id (the model's cues, which the lexicon lacks);
    ``sentences`` (already split, e.g. one chunk's) limits the search to them: the work stays
    proportional to what is searched, however long the article; ``tokenized`` (those sentences already
    tokenised, ``text.tokens.tokenize``) spares tokenising them again. ``learned`` scores the words
    the lexicon lacks (``cuemodel``)."""
    out: list[Attribution] = []
    if tokenized is None:
        tokenized = tokenize(text, split_sentences(text) if sentences is None else sentences)
    sentences = tokenized.sentences
    if not sentences:
        return out
    regions = tokenized.regions
    taken_until = 0
    extra = {sid: frozenset(w.lower() for w in words) for sid, words in (extra_cues or {}).items()}
    for sent in sentences:
        s = CueSentence(
            text, sent.start, sent.end, regions, tokenized.tokens(sent), extra.get(sent.id, frozenset()), learned
        )
        colon = s.headline() or s.labelled_quote()
        if colon is not None and sent.start >= taken_until:
            out.append(colon)
            taken_until = max(taken_until, colon.end, sent.end)
            continue
        last: Attribution | None = None
        for i, t in enumerate(s.toks):
            inside_last = last is not None and last.start <= t.start < last.end
            if t.start < taken_until and not inside_last:
                continue
            found: tuple[Mention, int, int] | None = None
            cut = -1
            # "has reportedly attacked", "appeared to capitulate", "are expected to back her"
            if (t.low in NO_SOURCE or s.hedged(i)) and not region_at(regions, t.start):
                a, b = trim_content(text, s.start, s.end)
                if last is None and s.words(a, b) >= 4:
                    out.append(Attribution("", t.text, a, b, None, (t.start, t.end), False))
                    taken_until = max(taken_until, b)  # its sentence is taken whole
                continue
            question = s.asked(i) if last is None or not inside_last else None
            if question is not None:  # "Asked whether he would ..., Reid said": the question has no source
                out.append(Attribution("", t.text, *question, None, (t.start, t.end), False))
                continue
            if t.low == "according":
                found = s.according(i)
            elif (asker := s.asked_by(i)) is not None:
                found = asker  # "Asked by a caller to respond to the criticism, Ruiz said …"
            elif last is None and (opening := s.opening_participle(i)) is not None and s.is_cue(i):
                found = opening  # "Noting that the vote was close, Ms. Holm urged calm."
            elif (poll := s.in_poll(i) if i == 0 else s.within_poll(i) if last is None else None) is not None:
                found = poll  # "In a CNN/ORC poll released Monday, …", "… in the latest Fox poll."
            elif inside_last and _framed_before(last):
                continue  # "According to the survey, 51 percent said …": one claim, the survey's (PolNeAR)
            elif s.is_cue(i):
                participle = s.participle(i) or (inside_last and s.listed_verb(i))  # "..., believing that"
                if inside_last and t.low not in CUES and t.low not in s.extra and not (s.new_subject(i) or participle):
                    continue  # a learned cue inside a content is part of it ("said A and that she wanted B")
                if inside_last and not any(
                    x.text in (",", ";", "and", "but", "while", *DASHES) for x in s.toks[max(0, i - 6) : i]
                ):
                    continue  # no clause boundary before it: "said he would tell them" is one claim
                if last is not None and inside_last:
                    nested = s.postposed(i)  # "The group said that A, the Times reported": outer Times
                    if nested is not None and nested[1] <= last.start < nested[2] and last.speaker:
                        a, b = trim_content(text, last.start, min(last.end, nested[2]))
                        outer = nested[0]
                        out[-1] = last = replace(
                            last,
                            speaker=outer.text,
                            cue=t.text,
                            start=a,
                            end=b,
                            speaker_span=(outer.start, outer.end),
                            cue_span=(t.start, t.end),
                            inner=last.mention,
                        )
                        continue
                found = (s.passive_by(i) or s.postposed(i)) if not inside_last else None
                if found is None:
                    pre = s.preposed(i, last.mention if last else None)
                    if pre is not None:
                        found, cut = pre[:3], pre[3]
            if found is None:
                continue
            # a cue in the frame of a quotation that resumes after it ('"A," said X, referring to Y. "B."')
            # leaves that content whole: A and B are one claim, the cue's own claim comes beside it
            in_frame = (
                last is not None
                and inside_last
                and last.cue_span is not None
                and last.start < last.cue_span[0]
                and t.start > last.cue_span[1]
                and any(t.start < r[0] and r[1] == last.end for r in regions)
            )
            if last is not None and inside_last and not in_frame:  # a cue inside the previous content ends it
                if cut <= last.start:  # its subject opens before that content: "X, who has refused A, said B"
                    k = i - 1
                    while k > 0 and s.toks[k].low in AUX:
                        k -= 1
                    if s.toks[k].text not in (",", *DASHES) or s.toks[k].start <= last.start:
                        continue
                    cut = s.toks[k].start  # the appositive's claim ends at the comma (or dash) before the cue
                    head = cue_head(last.cue)
                    if head not in CUES and head != "according":  # "who introduced a bill": an act, no claim
                        out.pop()
                        last = out[-1] if out else None
                # "pointed to a stop in Concord, where the former president thanked …": a "where" clause is
                # the outer content's own, whoever speaks in it (a "when" clause is not, in PolNeAR: train
                # lost with when, whom and whose)
                relative = last is not None and _RELATIVE_BEFORE.search(text, max(last.start, cut - 12), cut)
                if last is not None and last.start < cut < last.end and not relative:
                    frame = last.speaker_span and last.cue_span and sorted((*last.speaker_span, *last.cue_span))
                    if frame and last.start < frame[0] and not text[frame[-1] : cut].strip(" ,"):
                        cut = frame[0]  # "A, the opposition said, firing …": the frame before the cut is no content
                    a, b = trim_content(text, last.start, cut)
                    b = b - 4 if text[a:b].endswith((" and", " but")) else b
                    a, b = trim_content(text, a, b)
                    out[-1] = last = replace(last, start=a, end=b)
            speaker, start, end = found
            if speaker.end <= t.start < start:
                end = s.subordinate_end(speaker.start, start, end)
            start, end = trim_content(text, start, end)
            quotation = region_at(regions, start)  # '"Savage," she said': a quoted word is said, whole
            whole = quotation is not None and quotation[1] - end <= 3
            named = t.low.startswith(STANCE_STEMS)  # "endorsed Clinton": a one-word object is said whole too
            answer = text[start:end].lower() in ("yes", "no")  # "Most voters said yes" (PolNeAR train: 5 of 6)
            if s.words(start, end) < (1 if whole or named or answer else 2) or not speaker.text:
                continue
            cue_end = t.end if t.low != "according" else s.toks[i + 1].end
            # "It seems that": no one's; "It's worth noting that", "it is worth remembering": no one's either
            # a passive cue names no source in its subject: "it was widely reported", "the person who
            # posted it was widely condemned" (PolNeAR: no source)
            expletive = (
                (speaker.text.lower() == "it" and t.low in EXPLETIVE_CUES)
                or bool(_WORTH.match(speaker.text))
                or s.passive(i)
            )
            inner = None
            quoted = last is not None and last.cue.lower() in ("quoted", "cited") and t.low.endswith("ing")
            if last is not None and quoted and len(text[last.start : last.end].split()) <= 6:
                # "The Times quoted Ali Mousavi, saying ...": one attribution, Mousavi its inner source
                inner = Mention(text=text[last.start : last.end], start=last.start, end=last.end)
                out.pop()
            last = Attribution(
                speaker="" if expletive else speaker.text,
                cue=text[t.start : cue_end],
                start=start,
                end=end,
                speaker_span=None if expletive else (speaker.start, speaker.end),
                cue_span=(t.start, cue_end),
                model_cue=t.low in s.extra,
                inner=inner,
            )
            out.append(last)
            taken_until = max(taken_until, end)
    return [a for a in out if a.end > a.start]
