"""Sentence-aware chunks for articles longer than the model's budget.

Each chunk is a run of whole sentences under ``max_chars``; the tail of the previous chunk is
passed as context (for pronouns) but not extracted from. Sentence ids stay global, so evidence
offsets always point into the whole article.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from summarizer.models import Sentence


class Chunk(BaseModel):
    index: int
    sentences: list[Sentence]
    context: str = ""

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end


def make_chunks(sentences: Sequence[Sentence], *, max_chars: int, context_chars: int = 300) -> list[Chunk]:
    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    size = 0
    for s in sentences:
        if current and size + len(s.text) + 6 > max_chars:
            groups.append(current)
            current, size = [], 0
        current.append(s)
        size += len(s.text) + 6
    if current:
        groups.append(current)
    chunks: list[Chunk] = []
    for i, group in enumerate(groups):
        context = ""
        if i > 0:
            tail = " ".join(s.text for s in groups[i - 1][-3:])
            context = tail[-context_chars:]
        chunks.append(Chunk(index=i, sentences=group, context=context))
    return chunks


def split_chunk(chunk: Chunk) -> list[Chunk] | None:
    """Halve a chunk (after a truncated reply); None when it is a single sentence."""
    if len(chunk.sentences) < 2:
        return None
    mid = len(chunk.sentences) // 2
    first = Chunk(index=chunk.index, sentences=chunk.sentences[:mid], context=chunk.context)
    tail = " ".join(s.text for s in first.sentences[-3:])[-300:]
    return [first, Chunk(index=chunk.index, sentences=chunk.sentences[mid:], context=tail)]
