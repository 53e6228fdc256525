"""The run report (``out/run.json``): what happened to every input, including failures."""

from __future__ import annotations

from pydantic import BaseModel, Field

from summarizer.models.document import TokenUsage


class DocumentStatus(BaseModel):
    path: str
    doc_id: str | None = None
    status: str = Field(description="ok | failed | skipped | duplicate")
    reason: str | None = None
    error_type: str | None = None
    output: str | None = None
    claims: int = 0
    grounded: int = 0
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
