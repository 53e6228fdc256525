"""The article as the pipeline sees it: plain text plus its sentences, with Python str offsets."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Sentence(BaseModel):
    """One sentence of an article; ``text == article.text[start:end]``."""

    id: int = Field(description="1-based sentence number as shown to the model")
    start: int
    end: int
    text: str


class Article(BaseModel):
    """Ingested article: the extracted plain text every offset refers to."""

    doc_id: str = Field(description="stable id: the file stem, de-duplicated within a run")
    path: str = Field(description="where it was read from ('-' for stdin)")
    text: str
    sha256: str = Field(description="sha256 of the UTF-8 encoded text")
    title: str | None = None
    media_type: str = Field(default="text/plain", description="text/plain, text/markdown, text/html")
    warnings: list[str] = Field(default_factory=list)
