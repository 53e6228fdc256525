"""Attribution frames by rule: split a cited sentence into speaker/cue frame and content.

The model says *which* sentence holds a claim, *who* makes it and the cue; these rules find the
content inside the sentence ("X said: «content»", "content, X said", "According to X, content")
so evidence spans and claim texts are precise without the model copying text (output tokens are
the expensive part on a CPU). Also classifies speakers into the contract's speaker types.
"""

from __future__ import annotations

import re

from summarizer.models import SpeakerType

_QUOTES = "\"'“”‘’«»"
_LEAD = re.compile(r"^(?:that|:|,|—|-|\s)+", re.I)
_CONNECTIVES = re.compile(
    r"^(?:furthermore|moreover|also|however|but|and|in addition|meanwhile|indeed|of course),?\s+", re.I
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past frame punctuation, 'that', quotes and a final period."""
    while start < end:
        seg = text[start:end]
        m = _LEAD.match(seg)
        if m and m.end() > 0:
            start += m.end()
            continue
        if seg[0] in _QUOTES:
            start += 1
            continue
        if seg[-1] in _QUOTES or seg[-1] in ".,;:" or seg[-1].isspace():
            end -= 1
            continue
        break
    return start, max(start, end)


_TAIL_FRAME = re.compile(
    r"(?:,\s*(?:reported|said|says|added|according to|states|stated)\b[^,]{0,60}|\[\d+\])\W*$", re.I
)
_TIME_LEAD = re.compile(r"^(?:on|last|this)\s+(?:\w+day|week|month|year)\s*,?\s*", re.I)


def content_span(sentence: str, speaker: str, cue: str | None) -> tuple[int, int]:
    """Offsets of the claim content within ``sentence`` (the whole sentence if no frame is found)."""
    start, end = _frame(sentence, speaker, cue)
    for _ in range(3):
        seg = sentence[start:end]
        m = _CONNECTIVES.match(seg) or _TIME_LEAD.match(seg)
        t = _TAIL_FRAME.search(seg)
        if not m and not t:
            break
        start, end = _trim(sentence, start + (m.end() if m else 0), start + (t.start() if t else len(seg)))
    return (start, end) if end > start else _trim(sentence, 0, len(sentence))


def _frame(sentence: str, speaker: str, cue: str | None) -> tuple[int, int]:
    start, end = _trim(sentence, 0, len(sentence))
    if not cue or speaker == "author":
        return start, end
    low = sentence.lower()
    pos = low.find(cue.lower().strip())
    if pos < 0:
        return start, end
    cue_end = pos + len(cue.strip())
    before, after = sentence[:pos], sentence[cue_end:]
    if cue.lower().startswith("according to"):
        # "According to X, content" or "content, according to X"
        comma = after.find(",")
        if pos <= 2 and comma >= 0:
            return _trim(sentence, cue_end + comma + 1, len(sentence))
        return _trim(sentence, 0, pos)
    words_before = len(before.split())
    words_after = len(re.sub(r"[\"“”.]+", " ", after).split())
    if words_before <= 12 and words_after >= 3 and (words_after > words_before or not _has_content_end(before)):
        return _trim(sentence, cue_end, len(sentence))
    if words_before >= 3:
        # "content, said X" / "content, X said": cut at the last comma or quote before the frame
        frame_start = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
        if frame_start > 0 and len(before[frame_start:].split()) <= 8:
            return _trim(sentence, 0, frame_start + (1 if before[frame_start] in '”"' else 0))
        return _trim(sentence, 0, pos)
    return start, end


def _has_content_end(before: str) -> bool:
    return bool(re.search(r"[,”\"]\s*$", before))


_GOVERNMENT = re.compile(
    r"\b(government|ministry|minister|department|regime|embassy|congress|senate|parliament|"
    r"white house|state department|pentagon|police|army|military|forces|president|office|"
    r"administration|spokes(wo)?man|ambassador|officials?)\b",
    re.I,
)
_MEDIA = re.compile(
    r"\b(times|post|reuters|afp|associated press|ap|bbc|cnn|al-hayat|media|newspaper|press|news|"
    r"journal|tribune|guardian|agency|television|tv|magazine|report(s|ed)?)\b",
    re.I,
)
_ORG = re.compile(
    r"\b(organi[sz]ation|council|group|committee|union|party|movement|league|association|resistance|"
    r"nations|unhcr|un|mek|pmoi|mko|ncri|force|hezbollah|institute|foundation|opposition|mission)\b",
    re.I,
)
_UNNAMED = re.compile(
    r"^(he|she|they|it|we|i|you|sources?|officials?|a source|some|critics|residents|witnesses|"
    r"experts|analysts|observers|people|others)$",
    re.I,
)
_PERSON = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|gen|prof)\.?\s+)?[A-Z][\w'’.-]+(?:\s+(?:al-|de\s|van\s)?[A-Z][\w'’.-]+){1,3}$"
)


def speaker_type_for(name: str) -> SpeakerType:
    if name == "author":
        return SpeakerType.author
    clean = re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.I)
    if _UNNAMED.match(clean):
        return SpeakerType.unnamed
    if _MEDIA.search(clean):
        return SpeakerType.media
    if _GOVERNMENT.search(clean):
        return SpeakerType.government
    if _ORG.search(clean) or clean.isupper():
        return SpeakerType.organization
    if _PERSON.match(clean):
        return SpeakerType.person
    return SpeakerType.organization if clean[:1].isupper() else SpeakerType.unnamed


_CUE_WORDS = (
    r"according to|said|says|told|tells|stated|states|added|adds|claimed|claims|accused|"
    r"accuses|announced|announces|reported|reports|argued|argues|warned|warns|denied|denies|insisted|"
    r"explained|noted|wrote|writes|believes|believed|suggested|suggests|condemned|denounced|called on|"
    r"called for|urged|demanded|rebuked|confirmed|acknowledged|revealed|alleged|alleges|estimated|"
    r"quoted|cited|stating|saying|clarifies|notifies|blamed|blames|rejected|dismissed|testified|tweeted|"
    r"read(?=\s*:)|declared|asserted|maintained|admitted|promised|threatened|recalled|charged|expressed"
)
# Cue verbs are lowercase in running text ("United States" is no cue); "According to" may open a sentence.
_CUE = re.compile(rf"(?:^(According to)|\b({_CUE_WORDS}))\b")
_PRONOUN = re.compile(r"\b(he|she|they|it|we)\s*$", re.I)


_APPOSITIVE = re.compile(r"^(?:a|an|the former|former|who|which|whose|including|such as)\b", re.I)
_SPEAKER_HEAD = re.compile(
    r"^(?:(?:a|the)\s+)?(?:statement|report|spokes(?:wo)?man|spokesperson|source|official)s?\s+"
    r"(?:by|from|for|of)\s+",
    re.I,
)
_LEADING = re.compile(
    r"^(?:there|then|also|and|but|however|furthermore|moreover|meanwhile|now|while|in a \w+)\b\s*,?\s*", re.I
)


def _phrase(text: str, max_words: int = 8) -> str | None:
    """The short phrase up to the first comma/period, or None."""
    head = re.split(r"[,.;:(\[]", text.strip(), maxsplit=1)[0].strip(' "“”')
    head = _SPEAKER_HEAD.sub("", re.sub(r"^(?:by|a|an)\s+", "", head))
    return head if head and len(head.split()) <= max_words else None


def _subject(before: str) -> str | None:
    """The speaker phrase right before a cue: the last comma segment that is not an appositive."""
    segments = [seg.strip(' "“”') for seg in before.split(",")]
    for seg in reversed(segments):
        if not seg or _APPOSITIVE.match(seg):
            continue
        seg = re.split(r"\s+(?:entitled|titled|called|named)\s+", _LEADING.sub("", seg), maxsplit=1)[0]
        if not seg:
            continue
        if len(seg.split()) <= 6 and (seg[0].isupper() or seg.lower().startswith("the ")):
            return seg
        return None
    return None


def rule_frame(sentence: str) -> tuple[str | None, str | None]:
    """(speaker, cue) found by rules in a sentence, or (None, None) when there is no cue verb."""
    m = _CUE.search(sentence)
    if not m:
        return None, None
    cue = m.group(1) or m.group(2)
    before, after = sentence[: m.start()], sentence[m.end() :]
    if cue.lower() == "according to":
        return _phrase(after), cue
    p = _PRONOUN.search(before)
    if p:
        return p.group(1), cue
    tail = after.strip(' ."”')
    inverted_cue = cue.lower() in {"said", "says", "states", "stated", "added", "adds", "reported", "reports", "told"}
    if (
        inverted_cue
        and len(before.split()) > 3
        and before.rstrip().endswith((",", "”", '"'))
        and 0 < len(tail.split()) <= 16
    ):
        return _phrase(tail), cue  # inverted: "content, said the statement."
    return _subject(before), cue


def looks_declarative(sentence: str) -> bool:
    """A sentence worth an author claim: not a headline, byline, link or menu item."""
    words = sentence.split()
    if len(words) < 8 or "http" in sentence or "@" in sentence:
        return False
    return sentence.rstrip()[-1:] in '.!”"’)'


def cue_in(sentence: str, cue: str) -> bool:
    """Whether ``cue`` is a reporting expression that occurs in ``sentence`` (lowercase, or opening it)."""
    cue = cue.strip()
    if not cue or not re.search(rf"\b({_CUE_WORDS})\b", cue, re.I):
        return False
    if sentence.lower().startswith(cue.lower()):
        return True
    return re.search(rf"\b{re.escape(cue.lower())}\b", sentence) is not None
