"""What the model is asked to return: a deliberately small schema (output tokens are the cost).

Two evidence styles: ``sentence`` (cite the bracketed sentence numbers; grounding is by
construction) and ``quote`` (copy words; the program aligns them). Modality, numbers, dates and
document entities are derived by rules afterwards and cost no output tokens.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator

from summarizer.backends.schemas import strict_schema
from summarizer.models import SpeakerType


class SentenceClaim(BaseModel):
    sentences: list[int] = Field(description="cited sentence numbers")
    speaker: str = Field(min_length=1)
    speaker_type: SpeakerType
    cue: str | None
    claim: str = Field(min_length=1)

    @field_validator("sentences")
    @classmethod
    def _cited(cls, ids: list[int]) -> list[int]:
        """Structural check only; whether the ids exist is grounding's job (per claim, not per reply)."""
        if not ids:
            raise ValueError("cite at least one sentence number")
        return sorted(set(ids))


class QuoteClaim(BaseModel):
    quote: str = Field(min_length=1, description="exact words of the article")
    speaker: str = Field(min_length=1)
    speaker_type: SpeakerType
    cue: str | None
    claim: str = Field(min_length=1)


class SentenceReply(BaseModel):
    summary: str
    claims: list[SentenceClaim]


class QuoteReply(BaseModel):
    summary: str
    claims: list[QuoteClaim]


REPLY_MODELS: dict[str, type[SentenceReply] | type[QuoteReply]] = {
    "sentence": SentenceReply,
    "quote": QuoteReply,
}


def reply_model(style: str) -> type[SentenceReply] | type[QuoteReply]:
    return REPLY_MODELS[style]


def reply_schema(style: str) -> dict[str, Any]:
    """Strict JSON Schema of the reply for ``style`` (sent to the server / grammar)."""
    return strict_schema(reply_model(style).model_json_schema())
