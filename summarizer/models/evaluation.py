"""Scores against hand-labeled gold: ``eval.json``.

Why a model: CI compares these numbers with a floor, the closing notes of issues quote them, and
later runs are diffed against earlier ones, so the shape is a contract like ``out/<doc_id>.json``.
Every ratio is stored with the counts it came from (a ratio alone hides how little it rests on),
and a ratio over nothing is ``None``, never 0 or 1.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from summarizer.models.document import TokenUsage


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


class PRF(BaseModel):
    """Precision / recall / F1 from counts: ``tp`` matched, ``predicted`` and ``gold`` totals."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None

    @classmethod
    def from_counts(cls, tp: int, predicted: int, gold: int) -> PRF:
        # 2tp / (predicted + gold) is the harmonic mean of P and R, and stays defined (0) when
        # one side is empty and the other is not.
        return cls(
            tp=tp,
            predicted=predicted,
            gold=gold,
            precision=_ratio(tp, predicted),
            recall=_ratio(tp, gold),
            f1=_ratio(2 * tp, predicted + gold),
        )


class Accuracy(BaseModel):
    """``correct`` of ``total`` (``value`` is None when ``total`` is 0)."""

    correct: int = 0
    total: int = 0
    value: float | None = None

    @classmethod
    def from_counts(cls, correct: int, total: int) -> Accuracy:
        return cls(correct=correct, total=total, value=_ratio(correct, total))


class SpeakerScores(BaseModel):
    """Speaker accuracy over soft-matched pairs, split by the kind of gold speaker.

    ``overall`` counts named and no-speaker gold claims; pronoun gold speakers ("he", "who") are
    reported apart in ``pronoun`` because judging them needs the antecedent.
    """

    overall: Accuracy = Field(default_factory=Accuracy, description="named + none (pronouns excluded)")
    named: Accuracy = Field(default_factory=Accuracy, description="gold speaker is a name or noun phrase")
    pronoun: Accuracy = Field(default_factory=Accuracy, description="gold speaker is a pronoun")
    none: Accuracy = Field(default_factory=Accuracy, description="gold has no speaker (author voice, no-source)")


JOINT = (
    "joint attribution: a predicted claim counts only when its span soft-matches a gold claim AND its "
    "speaker is right (named gold: the speaker rule; pronoun gold: any non-author speaker; author or "
    "no-source gold: an author prediction)"
)


class SystemScore(BaseModel):
    """One row of the results table: a system (the pipeline or the baseline) over the gold set."""

    label: str = Field(description="'pipeline' or 'baseline'")
    backend: str = ""
    model: str = ""
    documents: int = 0
    soft: PRF = Field(default_factory=PRF, description="soft span match (coverage + sentence window)")
    strict: PRF = Field(default_factory=PRF, description="exact [start, end] match")
    joint: PRF = Field(default_factory=PRF, description=JOINT)
    speaker: SpeakerScores = Field(default_factory=SpeakerScores)
    cue: Accuracy = Field(default_factory=Accuracy, description="over matched pairs with a word cue in gold")
    grounded: Accuracy = Field(
        default_factory=Accuracy,
        description="evidence that reproduces the article text at its offsets, "
        "over claims kept + dropped as ungrounded",
    )
    alignment: dict[str, int] = Field(default_factory=dict, description="predicted claims per alignment kind")
    recall_by_type: dict[str, Accuracy] = Field(
        default_factory=dict, description="soft recall per gold attribution_type (Author, ...)"
    )
    tokens: TokenUsage = Field(default_factory=TokenUsage)
    seconds: float = 0.0
    tokens_per_doc: float | None = None
    seconds_per_doc: float | None = None


class DocumentScore(BaseModel):
    """Per-document row (the pipeline's, or the baseline's when it is the only system)."""

    doc_id: str
    gold: int = 0
    predicted: int = 0
    soft: PRF = Field(default_factory=PRF)
    strict: PRF = Field(default_factory=PRF)
    joint: PRF = Field(default_factory=PRF, description=JOINT)
    speaker: SpeakerScores = Field(default_factory=SpeakerScores)
    cue: Accuracy = Field(default_factory=Accuracy)
    grounded: Accuracy = Field(default_factory=Accuracy)
    tokens: TokenUsage = Field(default_factory=TokenUsage)
    seconds: float = 0.0
    missing: bool = Field(default=False, description="no prediction file: scored as zero claims")
    baseline_f1: float | None = None


class ErrorItem(BaseModel):
    """A gold claim nobody matched, a predicted claim that matched nothing, or a wrong speaker."""

    doc_id: str
    kind: str = Field(description="miss | false_positive | speaker")
    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: str | None = None
    other_speaker: str | None = Field(default=None, description="speaker errors: the predicted speaker")
    best_coverage: float = Field(default=0.0, description="best gold-content coverage of any counterpart")
    note: str = ""


class MatchRules(BaseModel):
    """The matching rules used, recorded so that numbers from different runs stay comparable."""

    soft: str = (
        "predicted evidence covers >= min_coverage of the gold content's word characters "
        "(content_spans) and lies within the gold content's sentences +/- window sentences; "
        "one-to-one, greedy by coverage"
    )
    strict: str = "predicted evidence [start, end] equals the gold [start, end]"
    speaker: str = (
        "alias-, title-, article- and case-insensitive; acronyms and alias lists; small spelling "
        "variants (rapidfuzz); correct when it matches the gold speaker OR the gold inner_source; "
        "a pronoun gold speaker also accepts the same pronoun or one of the two nearest preceding "
        "named gold speakers"
    )
    joint: str = JOINT
    cue: str = "same verb stem (says/said/saying = say), ignoring auxiliaries and adverbs; null = null"
    min_coverage: float = 0.5
    window: int = 1


class AliasScores(BaseModel):
    pairwise: PRF = Field(default_factory=PRF, description="same-entity alias pairs over gold-known aliases")
    unknown_aliases: int = Field(default=0, description="predicted aliases gold does not list (not scored)")
    unreachable_aliases: int = Field(
        default=0,
        description="gold aliases no scored article contains (labels, other spellings): left out of the pairs",
    )


class BCubed(BaseModel):
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    items: int = 0


class ConflictFound(BaseModel):
    id: str
    found: bool
    by: str | None = Field(default=None, description="the predicted conflict that holds every value")


class MergeScores(BaseModel):
    entities: AliasScores = Field(default_factory=AliasScores)
    clusters: BCubed = Field(default_factory=BCubed, description="extended B-cubed over every gold claim")
    clusters_gold_only: BCubed = Field(
        default_factory=BCubed, description="extended B-cubed over the claims in gold clusters only"
    )
    conflicts: Accuracy = Field(default_factory=Accuracy, description="gold conflicts found with all values")
    conflict_details: list[ConflictFound] = Field(default_factory=list)
    false_conflicts: list[str] = Field(
        default_factory=list, description="predicted conflicts that match no gold conflict (two of their values)"
    )
    unmapped_members: int = Field(default=0, description="predicted cluster members matching no gold claim")


class EvalReport(BaseModel):
    """``eval.json``: everything ``summarizer eval`` measured."""

    gold: str
    pred: str | None = None
    created: str = Field(description="ISO timestamp")
    rules: MatchRules = Field(default_factory=MatchRules)
    overall: SystemScore | None = Field(default=None, description="the pipeline's scores")
    baseline: SystemScore | None = None
    documents: list[DocumentScore] = Field(default_factory=list)
    worst_misses: list[ErrorItem] = Field(default_factory=list)
    false_positives: list[ErrorItem] = Field(default_factory=list)
    speaker_errors: list[ErrorItem] = Field(default_factory=list)
    merge: MergeScores | None = None
    missing: list[str] = Field(default_factory=list, description="gold doc_ids with no prediction file")
    skipped: list[str] = Field(default_factory=list, description="prediction files not scored, with the reason")
    warnings: list[str] = Field(default_factory=list)

    @property
    def claim_f1(self) -> float | None:
        return self.overall.soft.f1 if self.overall else None

    @property
    def joint_f1(self) -> float | None:
        return self.overall.joint.f1 if self.overall else None

    @property
    def speaker_accuracy(self) -> float | None:
        return self.overall.speaker.overall.value if self.overall else None
