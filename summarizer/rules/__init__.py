"""Deterministic attribution rules (cue lexicon + frame finder), shared by extract and evaluate."""

from summarizer.rules.finder import author_sentences, find_attributions
from summarizer.rules.lexicon import Attribution, trim_content

__all__ = ["Attribution", "author_sentences", "find_attributions", "trim_content"]
