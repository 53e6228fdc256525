"""The attribution core: one cue lexicon, one frame finder, one speaker decision (no model calls).

Shared by the extractor (which adds the model's cues) and the non-LLM baseline (which adds none)."""

from summarizer.rules.article import ArticleFrames, Candidate, Framed, cue_candidates
from summarizer.rules.finder import find_attributions
from summarizer.rules.lexicon import Attribution, cue_head, trim_content

__all__ = [
    "ArticleFrames",
    "Attribution",
    "Candidate",
    "Framed",
    "cue_candidates",
    "cue_head",
    "find_attributions",
    "trim_content",
]
