"""The tokenizer and the quotations: what every attribution rule reads, computed once per chunk.

Why one module: the cue candidates the model is shown, the frame finder and the learned cue
detector (and its learner in ``evals/``) must see the same tokens and the same quotations, or a
candidate numbered in the prompt is not the token the rules frame. ``tokenize`` does the work once
for a run of sentences and hands the pieces on (``Tokenized``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.models import Sentence
from summarizer.text.words import TITLE_ABBREVIATIONS

TOKEN = re.compile(
    rf"(?:{'|'.join(TITLE_ABBREVIATIONS)})\."
    r"|(?:[A-Z]\.){2,}"
    r"|[A-Z]\.(?=\s+[A-Z])"  # a middle initial: "Harry M. Reid"
    r"|\w+(?:[’'\-.]\w+)*|''|[^\w\s]"
)
_PARAGRAPH = re.compile(r"[^\n]+")
_QUOTE_MARK = re.compile(r"[“”\"]|''")
Region = tuple[int, int]


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``text[start:end]``, with offsets in ``text``."""
    return [Tok(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


def quote_regions(text: str, start: int = 0, end: int | None = None) -> list[Region]:
    """Quotations per paragraph, [open, close) including the marks; an unclosed one runs to the
    paragraph end. Only the paragraphs that overlap ``[start, end)`` are read."""
    regions: list[Region] = []
    lo = text.rfind("\n", 0, start) + 1
    hi = len(text) if end is None else (text.find("\n", end) % (len(text) + 1))
    for para in _PARAGRAPH.finditer(text, lo, max(lo, hi)):
        opened = -1
        for m in _QUOTE_MARK.finditer(para.group(0)):
            pos, mark = para.start() + m.start(), m.group(0)
            if opened < 0 and (mark != "”" or _opens(text, pos, len(mark))):
                opened = pos
            elif opened >= 0 and (mark != "“" or _closes(text, pos, len(mark))):
                regions.append((opened, pos + len(mark)))
                opened = -1
        if opened >= 0:
            regions.append((opened, para.end()))
    return regions


def _closes(text: str, pos: int, size: int) -> bool:
    """An opening mark written where a quotation closes: after a word or punctuation and before a
    space or the end ('… for her here,“ said Jim Clyburn'), a typo the pages make."""
    before, after = text[pos - 1 : pos], text[pos + size : pos + size + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _opens(text: str, pos: int, size: int) -> bool:
    """A closing mark written where a quotation opens: after a space or a colon and before a word
    ('said on Tuesday, ”The answer …”', 'the NY Times clarifies:” The MEK …”'), the mirror of ``_closes``."""
    before, after = text[pos - 1 : pos], text[pos + size : pos + size + 1]
    if before == ":":
        return bool(after) and (after.isalnum() or after == " ")
    return (not before or before.isspace()) and after.isalnum()


def regions_within(regions: list[Region], start: int, end: int) -> list[Region]:
    """The quotations (in text order, as ``quote_regions`` gives them) that overlap ``[start, end)``."""
    first = bisect_left(regions, (start, -1))
    while first > 0 and regions[first - 1][1] > start:
        first -= 1
    return [r for r in regions[first : bisect_left(regions, (end, -1))] if r[1] > start]


def region_at(regions: list[Region], pos: int) -> Region | None:
    """The quotation holding ``pos``; ``regions`` are in text order and never overlap (a bisection)."""
    i = bisect_right(regions, (pos, math.inf)) - 1
    return regions[i] if i >= 0 and regions[i][0] <= pos < regions[i][1] else None


@dataclass(frozen=True)
class Tokenized:
    """A run of sentences (one chunk) tokenised once: the quotations of its paragraphs and the tokens
    of each sentence, read by the cue candidates, the frame finder and the cue detector alike."""

    text: str
    sentences: Sequence[Sentence]
    regions: list[Region]
    by_sentence: dict[int, list[Tok]]

    def tokens(self, sentence: Sentence) -> list[Tok]:
        return self.by_sentence[sentence.id]


def tokenize(text: str, sentences: Sequence[Sentence]) -> Tokenized:
    """Tokens and quotations of ``sentences`` (already split from ``text``)."""
    regions = quote_regions(text, sentences[0].start, sentences[-1].end) if sentences else []
    return Tokenized(text, sentences, regions, {s.id: tokens(text, s.start, s.end) for s in sentences})
