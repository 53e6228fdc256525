"""The run report (``out/run.json``): what happened to every input, including failures."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from summarizer.models.document import TokenUsage


class RunStatus(StrEnum):
    """What happened to one input: extracted, failed, kept as unchanged, or the same text as another."""

    ok = "ok"
    failed = "failed"
    skipped = "skipped"
    duplicate = "duplicate"


class DocumentStatus(BaseModel):
    path: str
    doc_id: str | None = None
    status: RunStatus
    reason: str | None = None
    error_type: str | None = None
    output: str | None = None
    claims: int = Field(default=0, description="claims written (every one grounded: an ungrounded one is dropped)")
    dropped_ungrounded: int = 0
    attempts: int = 0
    calls: int = 0
    tokens: TokenUsage = Field(default_factory=TokenUsage)
    seconds: float = 0.0
    duplicate_of: str | None = None


class RunReport(BaseModel):
    started: str
    finished: str | None = None
    backend: str
    model: str
    documents: list[DocumentStatus] = Field(default_factory=list)
    tokens: TokenUsage = Field(default_factory=TokenUsage)
    seconds: float = 0.0

    @property
    def failed(self) -> list[DocumentStatus]:
        return [d for d in self.documents if d.status == "failed"]
