"""Per-article output contract: claims with speaker, cue, modality and grounded evidence.

Field names ``claims[].speaker.name``, ``claims[].evidence.start`` and ``claims[].evidence.end``
are part of the public contract (eval and review read them).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarizer.models.text import Publication


class SpeakerType(StrEnum):
    person = "person"
    organization = "organization"
    government = "government"
    media = "media"
    place = "place"  # a country, a camp, an airport: named in claims, kept apart from its government
    author = "author"
    unnamed = "unnamed"


class Modality(StrEnum):
    asserted = "asserted"
    alleged = "alleged"
    denied = "denied"
    demanded = "demanded"
    predicted = "predicted"
    condemned = "condemned"
    reported = "reported"
    questioned = "questioned"


class Alignment(StrEnum):
    """How the evidence span was located in the article (best first)."""

    exact = "exact"
    normalized = "normalized"
    fuzzy = "fuzzy"
    sentence = "sentence"


class Mention(BaseModel):
    """A phrase of the article at its offsets: ``text == article[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Speaker(BaseModel):
    name: str = Field(description="the speaker as the article names it; 'author' for the writer")
    canonical: str | None = Field(default=None, description="canonical name when resolvable")
    type: SpeakerType = SpeakerType.unnamed
    mention: Mention | None = Field(default=None, description="where the article names this speaker for the claim")
    antecedent: Mention | None = Field(
        default=None,
        description="for a pronoun or description speaker ('he', 'the group'): the named speaker it refers to",
    )


class Evidence(BaseModel):
    """A span of the article text; offsets are computed by the program, never by the model."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    alignment: Alignment
    sentence_ids: list[int] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end precedes start")
        if len(self.text) != self.end - self.start:
            raise ValueError("evidence text length does not match its offsets")
        return self


class NumberMention(BaseModel):
    """A figure stated in a claim with what it counts, e.g. deaths 6."""

    value: float
    counts: str = Field(description="what the number counts, e.g. 'deaths', 'injured', 'residents'")
    text: str = Field(description="the figure as written, e.g. 'eight deaths'")
    qualifier: str | None = Field(default=None, description="about, more than, at least, ...")


class ClaimOrigin(StrEnum):
    """Who found a claim: the model named its cue, or the rules did (lexicon or author's voice)."""

    model = "model"
    rules = "rules"


class Claim(BaseModel):
    id: str = Field(description="<doc_id>#c<n>, stable within a document")
    text: str = Field(description="the claim's content as the article words it (the evidence text, without the frame)")
    speaker: Speaker
    cue: str | None = Field(default=None, description="'said', 'according to', ...; null = author")
    cue_span: Mention | None = Field(default=None, description="where the cue stands in the article")
    inner_source: Mention | None = Field(
        default=None, description="nested attribution: the embedded source (the speaker is the outer one)"
    )
    modality: Modality = Modality.asserted
    evidence: Evidence
    numbers: list[NumberMention] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list, description="dates as written in the evidence")
    chunk: int = Field(default=0, description="which input chunk produced it")
    origin: ClaimOrigin = Field(
        default=ClaimOrigin.model,
        description="model (the LLM named its cue or sentence) or rules (the lexicon found it, or the author's voice)",
    )


class DocumentEntity(BaseModel):
    name: str
    type: SpeakerType = SpeakerType.organization
    aliases: list[str] = Field(default_factory=list, description="other surface forms seen")


class TokenUsage(BaseModel):
    prompt: int = 0
    completion: int = 0

    def add(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(prompt=self.prompt + other.prompt, completion=self.completion + other.completion)

    @property
    def total(self) -> int:
        return self.prompt + self.completion


class ExtractionMeta(BaseModel):
    backend: str
    model: str
    output_mode: str = Field(description="json_schema, json_object or prompt")
    evidence_style: str = Field(description="sentence (cite ids) or quote (program aligns)")
    prompt_sha256: str
    schema_sha256: str
    code_sha256: str = Field(
        default="", description="fingerprint of the code that framed the claims; other code frames them again"
    )
    tokens: TokenUsage = Field(default_factory=TokenUsage, description="spent in this run, summed over every attempt")
    cached_tokens: TokenUsage = Field(
        default_factory=TokenUsage, description="original cost of the replies served from the call log"
    )
    attempts: int = 0
    calls: int = Field(default=0, description="model calls made (0 when answered from the cache)")
    cached_calls: int = 0
    chunks: int = 1
    seconds: float = Field(default=0.0, description="wall seconds of this extraction run")
    model_seconds: float = Field(
        default=0.0, description="seconds the model took, cached replies counted at their original cost"
    )
    dropped_ungrounded: int = 0
    warnings: list[str] = Field(default_factory=list)


class SourceInfo(Publication):
    """Where the article came from: the input it was read from and its publication metadata."""

    path: str
    sha256: str
    length: int
    text_path: str | None = Field(default=None, description="the extracted text saved beside the output")


class DocumentResult(BaseModel):
    """One article's structured summary: ``out/<doc_id>.json``."""

    model_config = ConfigDict(populate_by_name=True)

    schema_ref: str | None = Field(default=None, alias="$schema", description="JSON Schema of this file")
    doc_id: str
    source: SourceInfo
    title: str | None = None
    summary: str = ""
    claims: list[Claim] = Field(default_factory=list)
    entities: list[DocumentEntity] = Field(default_factory=list)
    meta: ExtractionMeta
