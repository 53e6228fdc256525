"""Where the model's reply points in the chunk: the cue words it names, per sentence, checked.

Why apart from the engine: grounding a reply is a pure function of the reply, the chunk and its
tokens (the numbered candidates the prompt marked), shared by every chunk and retried replies alike;
each item that points at nothing becomes a problem the engine may re-ask about.
"""

from __future__ import annotations

import re

from summarizer.extract.chunking import Chunk
from summarizer.extract.reply import QuoteReply, Reply, SentenceReply
from summarizer.rules import cue_candidates, cue_head
from summarizer.text.tokens import Tokenized


def locate_cues(reply: Reply, chunk: Chunk, tokenized: Tokenized) -> tuple[dict[int, list[str]], list[str]]:
    """The reply's cues (marked candidate numbers, or cue words in cited sentences) as cue words
    per sentence id, and one problem per reply item that could not be located."""
    problems: list[str] = []
    cues: dict[int, list[str]] = {}
    if isinstance(reply, SentenceReply):
        candidates = {c.id: c for c in cue_candidates(tokenized)}
        for k in reply.cues:
            c = candidates.get(k)
            if c is None:
                problems.append(
                    f"cue {k} is not one of the marked words"
                    + (f" {{1}}..{{{len(candidates)}}}" if candidates else " (none are marked)")
                )
                continue
            cues.setdefault(c.sentence_id, []).append(c.word.lower())
    elif isinstance(reply, QuoteReply):
        allowed = {s.id: s for s in chunk.sentences}
        for i, item in enumerate(reply.claims):
            if item.sentence not in allowed:
                problems.append(
                    f"claim {i + 1}: sentence [{item.sentence}] is not one of [{min(allowed)}]..[{max(allowed)}]"
                )
                continue
            head = cue_head(item.cue)
            if head is None or not re.search(rf"\b{re.escape(head)}\b", allowed[item.sentence].text, re.I):
                problems.append(f"claim {i + 1}: cue {item.cue[:40]!r} is not in sentence [{item.sentence}]")
                continue
            cues.setdefault(item.sentence, []).append(head)
    return cues, problems
