"""Data models that flow between pipeline stages.

This package imports nothing else from ``summarizer`` (an import-linter contract checks it), so
every stage, backend and the CLI can depend on it without cycles.
"""

from summarizer.models.document import (
    Alignment,
    Claim,
    DocumentEntity,
    DocumentResult,
    Evidence,
    ExtractionMeta,
    Modality,
    NumberMention,
    SourceInfo,
    Speaker,
    SpeakerType,
    TokenUsage,
)
from summarizer.models.merge import (
    ClaimCluster,
    ClaimRef,
    ClusterNumber,
    ClusterStatus,
    Conflict,
    ConflictKind,
    ConflictValue,
    ConsensusFact,
    CorpusSummary,
    DisputedItem,
    EntityAlias,
    EntityStatements,
    MergedEntity,
    MergeResult,
    MergeStats,
    TimelineEntry,
)
from summarizer.models.run import DocumentStatus, RunReport
from summarizer.models.text import Article, Sentence

__all__ = [
    "Alignment",
    "Article",
    "Claim",
    "ClaimCluster",
    "ClaimRef",
    "ClusterNumber",
    "ClusterStatus",
    "Conflict",
    "ConflictKind",
    "ConflictValue",
    "ConsensusFact",
    "CorpusSummary",
    "DisputedItem",
    "DocumentEntity",
    "DocumentResult",
    "DocumentStatus",
    "EntityAlias",
    "EntityStatements",
    "Evidence",
    "ExtractionMeta",
    "MergeResult",
    "MergeStats",
    "MergedEntity",
    "Modality",
    "NumberMention",
    "RunReport",
    "Sentence",
    "SourceInfo",
    "Speaker",
    "SpeakerType",
    "TimelineEntry",
    "TokenUsage",
]
