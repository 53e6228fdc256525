"""Cross-document merge output: ``merged/merged.json``.

Why a separate module: the merge stage, the HTML report and the evaluator all read these shapes,
so they live in the dependency-free models package (pydantic, stdlib and
``summarizer.models.document`` only). Every merged item points back to the article claims it came
from (``ClaimRef``), so nothing is asserted without its sources and no figure is averaged away.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from summarizer.models.document import Modality, SpeakerType


class EntityAlias(BaseModel):
    """One surface form of an entity and the articles where it was seen."""

    alias: str
    doc_ids: list[str] = Field(default_factory=list)


class MergedEntity(BaseModel):
    """One real-world actor across all articles (MEK = PMOI = MKO = Mujahedin-e Khalq ...)."""

    id: str = Field(description="stable id, e.g. 'e1'")
    canonical: str = Field(description="the preferred (usually longest defined) name")
    type: SpeakerType = SpeakerType.organization
    aliases: list[EntityAlias] = Field(default_factory=list, description="every surface form, canonical included")
    mentioned_only: bool = Field(
        default=False,
        description="only named inside claim text: never a speaker and not "
        "in any article's entity list (its type is a guess)",
    )


class ClaimRef(BaseModel):
    """A pointer to one article claim, with enough copied to display it without the article."""

    doc_id: str
    claim_id: str
    speaker: str = Field(description="speaker name as the article gives it")
    entity_id: str | None = Field(default=None, description="the speaker's merged entity")
    cue: str | None = None
    modality: Modality = Modality.asserted
    start: int = Field(ge=0, description="evidence start offset in the article text")
    end: int = Field(ge=0, description="evidence end offset in the article text")
    evidence: str = Field(description="the evidence span text")
    text: str = Field(description="the claim as restated by extraction")


class ClusterStatus(StrEnum):
    consensus = "consensus"
    disputed = "disputed"
    single_source = "single-source"


class ClusterNumber(BaseModel):
    """A figure stated by at least one member of a cluster."""

    counts: str
    value: float
    text: str
    doc_ids: list[str] = Field(default_factory=list)


class ClaimCluster(BaseModel):
    """The same proposition reported by one or more claims (possibly across articles)."""

    id: str = Field(description="stable id, e.g. 'k1'")
    proposition: str = Field(description="representative claim text")
    members: list[ClaimRef] = Field(default_factory=list)
    status: ClusterStatus = ClusterStatus.single_source
    numbers: list[ClusterNumber] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list, description="normalized ISO dates (YYYY, YYYY-MM or YYYY-MM-DD)")
    entity_ids: list[str] = Field(default_factory=list, description="entities the members speak as or mention")
    sources: int = Field(
        default=0, description="independent sources: distinct outlets where known, else distinct articles"
    )


class ConflictKind(StrEnum):
    number = "number"
    culprit = "culprit"
    assertion_denial = "assertion-denial"
    date = "date"  # the same event dated differently (a year, a day)


class ConflictValue(BaseModel):
    """One side of a conflict, kept with every claim that states it."""

    value: str
    members: list[ClaimRef] = Field(default_factory=list)


class Conflict(BaseModel):
    id: str = Field(description="stable id, e.g. 'x1'")
    about: str = Field(description="what is disputed, e.g. 'deaths — Camp Liberty attack, 2013-02-09'")
    kind: ConflictKind
    cluster_id: str | None = Field(default=None, description="the main cluster involved, when one")
    cluster_ids: list[str] = Field(default_factory=list, description="every cluster involved")
    values: list[ConflictValue] = Field(default_factory=list)


class ConsensusFact(BaseModel):
    """A proposition several articles report. ``disputed`` lists the conflicts about its details
    (the attack happened, but its death toll is disputed); empty for an uncontested fact."""

    cluster_id: str
    text: str
    sources: int
    disputed: list[str] = Field(default_factory=list, description="ids of conflicts about this proposition")
    refs: list[ClaimRef] = Field(default_factory=list)


class DisputedItem(BaseModel):
    conflict_id: str
    about: str
    kind: ConflictKind
    values: list[ConflictValue] = Field(default_factory=list)


class EntityStatements(BaseModel):
    """Who says what: one speaking entity's claims and the articles quoting it."""

    entity_id: str
    name: str
    doc_ids: list[str] = Field(default_factory=list)
    total_claims: int = Field(default=0, description="claims by this entity (``claims`` may be capped)")
    claims: list[ClaimRef] = Field(default_factory=list)


class TimelineEntry(BaseModel):
    date: str = Field(description="normalized ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    text: str
    refs: list[ClaimRef] = Field(default_factory=list)


class CorpusSummary(BaseModel):
    brief: list[str] = Field(
        default_factory=list,
        description="sentences a reader can use: what is disputed, with each value and who gives it, then what "
        "several articles report",
    )
    consensus: list[ConsensusFact] = Field(default_factory=list)
    disputed: list[DisputedItem] = Field(default_factory=list)
    who_says_what: list[EntityStatements] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)


class MergeStats(BaseModel):
    documents: int = 0
    claims: int = 0
    entities: int = 0
    clusters: int = 0
    multi_source_clusters: int = 0
    conflicts: int = 0
    candidate_pairs: int = 0
    confirmed_pairs: int = 0
    resolver_calls: int = 0
    seconds: float = 0.0


class MergeResult(BaseModel):
    documents: list[str] = Field(default_factory=list, description="doc_ids merged, in input order")
    entities: list[MergedEntity] = Field(default_factory=list)
    clusters: list[ClaimCluster] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    summary: CorpusSummary = Field(default_factory=CorpusSummary)
    stats: MergeStats = Field(default_factory=MergeStats)
