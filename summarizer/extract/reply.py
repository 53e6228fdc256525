"""What the model is asked to return: a deliberately small schema (output tokens are the cost).

Measured on the embedded 1.5B model, asking for a restated claim, a speaker type and a list of
sentence ids made replies ~100 output tokens per claim and invited the model to cite every
sentence at once. So the model now gives only what rules cannot: which sentence holds a claim,
who makes it (pronouns resolved), and the cue. The claim text, content span, speaker type,
modality, numbers and dates are derived by rules from the cited sentence.

Two evidence styles: ``sentence`` (cite one bracketed sentence number; grounded by
construction) and ``quote`` (copy the claim's words; the program aligns them).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from summarizer.backends.schemas import strict_schema


class SentenceClaim(BaseModel):
    sentence: int = Field(description="the bracketed number of the sentence that states the claim")
    speaker: str = Field(min_length=1, description="who makes the claim, or 'author'")
    cue: str | None = Field(description="reporting words, null for the author")


class QuoteClaim(BaseModel):
    quote: str = Field(min_length=1, description="the claim's exact words from the article")
    speaker: str = Field(min_length=1, description="who makes the claim, or 'author'")
    cue: str | None = Field(description="reporting words, null for the author")


class SentenceReply(BaseModel):
    claims: list[SentenceClaim]
    summary: str = Field(description="two short sentences; longer replies are cut, not re-asked")


class QuoteReply(BaseModel):
    claims: list[QuoteClaim]
    summary: str = Field(description="two short sentences; longer replies are cut, not re-asked")


Reply = SentenceReply | QuoteReply
REPLY_MODELS: dict[str, type[SentenceReply] | type[QuoteReply]] = {"sentence": SentenceReply, "quote": QuoteReply}


def reply_model(style: str) -> type[SentenceReply] | type[QuoteReply]:
    return REPLY_MODELS[style]


def reply_schema(style: str, *, bounded: bool = False) -> dict[str, Any]:
    """Strict JSON Schema of the reply. ``bounded`` keeps length bounds (today only minLength: hard
    maxLength/maxItems made llama.cpp's grammar slow and failed valid-but-long replies), which
    grammar-constrained decoders enforce but OpenAI strict mode rejects."""
    return strict_schema(reply_model(style).model_json_schema(), keep_bounds=bounded)
