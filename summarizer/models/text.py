"""The article as the pipeline sees it: plain text plus its sentences, with Python str offsets."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Sentence(BaseModel):
    """One sentence of an article; ``text == article.text[start:end]``."""

    id: int = Field(description="1-based sentence number as shown to the model")
    start: int
    end: int
    text: str


class Publication(BaseModel):
    """Where and when an article appeared, as its web page, its corpus row or its dateline says
    (None: not known). The merge dates relative expressions ("last year") by ``published``."""

    title: str | None = None
    outlet: str | None = Field(default=None, description="the publishing site or outlet, e.g. 'Reuters'")
    url: str | None = Field(default=None, description="the article's canonical URL")
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")
    byline: str | None = Field(default=None, description="the author(s) as the page names them")


class Article(BaseModel):
    """Ingested article: the extracted plain text every offset refers to."""

    doc_id: str = Field(description="stable id: the file stem, de-duplicated within a run")
    path: str = Field(description="where it was read from ('-' for stdin; 'corpus.jsonl#row 7' for a corpus row)")
    text: str
    sha256: str = Field(description="sha256 of the UTF-8 encoded text")
    publication: Publication = Field(default_factory=Publication)
    media_type: str = Field(default="text/plain", description="text/plain, text/markdown, text/html")
    warnings: list[str] = Field(default_factory=list)
