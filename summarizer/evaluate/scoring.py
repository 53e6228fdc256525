"""Score predicted documents against gold: everything that goes into ``eval.json``.

Why one function per level (claim pair → document → system → report): per-document rows, the
system row, the baseline row and the merge scores must all come from the *same* matching, or the
numbers in one report would disagree with each other. Ratios are computed from summed counts
(micro-averages), so long articles weigh what their claims weigh.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from summarizer.evaluate.gold import GoldClaim, GoldDoc, GoldSet
from summarizer.evaluate.matching import DocIndex, MatchResult, soft_match, strict_match
from summarizer.evaluate.predictions import text_sha256
from summarizer.evaluate.speakers import (
    AliasIndex,
    cue_correct,
    cue_is_word,
    is_null,
    is_pronoun,
    speaker_correct,
)
from summarizer.models import (
    PRF,
    Accuracy,
    Claim,
    DocumentResult,
    DocumentScore,
    ErrorItem,
    EvalReport,
    SpeakerScores,
    SpeakerType,
    SystemScore,
    TokenUsage,
)

MAX_ERRORS = 25


@dataclass
class _Counts:
    """Summable counters behind every ratio in a row."""

    gold: int = 0
    pred: int = 0
    soft_tp: int = 0
    strict_tp: int = 0
    joint_tp: int = 0  # span matched and speaker right
    speaker: Counter[str] = field(default_factory=Counter)  # "<bucket>" totals, "<bucket>+" correct
    cue_ok: int = 0
    cue_total: int = 0
    grounded: int = 0
    grounded_total: int = 0
    alignment: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)  # "<type>" gold totals, "<type>+" matched
    tokens: TokenUsage = field(default_factory=TokenUsage)
    seconds: float = 0.0

    def add(self, other: _Counts) -> None:
        for name in (
            "gold",
            "pred",
            "soft_tp",
            "strict_tp",
            "joint_tp",
            "cue_ok",
            "cue_total",
            "grounded",
            "grounded_total",
            "seconds",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.speaker.update(other.speaker)
        self.alignment.update(other.alignment)
        self.by_type.update(other.by_type)
        self.tokens = self.tokens.add(other.tokens)

    def speaker_scores(self) -> SpeakerScores:
        def acc(*buckets: str) -> Accuracy:
            correct = sum(self.speaker[b + "+"] for b in buckets)
            return Accuracy.from_counts(correct, sum(self.speaker[b] for b in buckets))

        return SpeakerScores(overall=acc("named", "none"), named=acc("named"), pronoun=acc("pronoun"), none=acc("none"))


@dataclass
class DocEval:
    """One document scored: the counts, the matching (reused by merge scoring) and the errors."""

    doc_id: str
    counts: _Counts
    match: MatchResult
    pred: DocumentResult | None  # the claims scored (``match`` indexes them): author voice left out where gold has none
    missing: bool = False
    misses: list[ErrorItem] = field(default_factory=list)
    false_positives: list[ErrorItem] = field(default_factory=list)
    speaker_errors: list[ErrorItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def row(self) -> DocumentScore:
        c = self.counts
        return DocumentScore(
            doc_id=self.doc_id,
            gold=c.gold,
            predicted=c.pred,
            soft=PRF.from_counts(c.soft_tp, c.pred, c.gold),
            strict=PRF.from_counts(c.strict_tp, c.pred, c.gold),
            joint=PRF.from_counts(c.joint_tp, c.pred, c.gold),
            speaker=c.speaker_scores(),
            cue=Accuracy.from_counts(c.cue_ok, c.cue_total),
            grounded=Accuracy.from_counts(c.grounded, c.grounded_total),
            tokens=c.tokens,
            seconds=round(c.seconds, 3),
            missing=self.missing,
        )


def speaker_bucket(name: str | None) -> str:
    return "none" if is_null(name) else "pronoun" if is_pronoun(name) else "named"


def predicted_speakers(claim: Claim) -> list[str | None]:
    """The names a claim offers for its speaker: the author is None; ``canonical`` counts too."""
    if claim.speaker.type == SpeakerType.author:
        return [None]
    names: list[str | None] = [claim.speaker.name]
    if claim.speaker.canonical and claim.speaker.canonical != claim.speaker.name:
        names.append(claim.speaker.canonical)
    return names


def joint_correct(bucket: str, speaker_ok: bool, names: Sequence[str | None]) -> bool:
    """The speaker half of joint attribution for a span-matched pair: a named gold speaker by the
    speaker rule; a pronoun gold speaker by any non-author prediction (judging the antecedent
    needs coreference gold); an author or no-source gold claim by an author (null) prediction."""
    if bucket == "pronoun":
        return names[0] is not None
    return speaker_ok


def antecedents(doc: GoldDoc, index: int, n: int = 2) -> list[str]:
    """The ``n`` nearest distinct named gold speakers before gold claim ``index`` (pronoun resolution)."""
    out: list[str] = []
    for claim in reversed(doc.claims[:index]):
        if claim.speaker and speaker_bucket(claim.speaker) == "named" and claim.speaker not in out:
            out.append(claim.speaker)
            if len(out) == n:
                break
    return out


def _error(
    doc_id: str,
    kind: str,
    start: int,
    end: int,
    text: str,
    speaker: str | None,
    cue: str | None,
    best: float,
    note: str,
    other: str | None = None,
) -> ErrorItem:
    return ErrorItem(
        doc_id=doc_id,
        kind=kind,
        start=start,
        end=end,
        text=text[:400],
        speaker=speaker,
        cue=cue,
        other_speaker=other,
        best_coverage=round(best, 3),
        note=note,
    )


def _gold_error(
    doc: GoldDoc, claim: GoldClaim, kind: str, best: float, note: str, other: str | None = None
) -> ErrorItem:
    return _error(doc.doc_id, kind, claim.start, claim.end, claim.claim, claim.speaker, claim.cue, best, note, other)


def score_document(
    doc: GoldDoc,
    pred: DocumentResult | None,
    *,
    aliases: AliasIndex | None = None,
    index: DocIndex | None = None,
    author_voice: bool = True,
) -> DocEval:
    """Match ``pred`` (None = no output: zero claims) against ``doc`` and count everything.

    ``author_voice=False`` (gold that labels attributions only, like PolNeAR) leaves the
    prediction's author-voice claims out of scoring instead of counting them as false positives.
    """
    index = index or DocIndex(doc)
    claims = pred.claims if pred else []
    if not author_voice:
        claims = [c for c in claims if c.speaker.type != SpeakerType.author]
    spans = [(c.evidence.start, c.evidence.end) for c in claims]
    match = soft_match(doc, spans, index=index)
    counts = _Counts(
        gold=len(doc.claims), pred=len(claims), soft_tp=len(match.pairs), strict_tp=len(strict_match(doc, spans))
    )
    # the claims the match indexes: without author-voice ones, the same list the pairs point into
    scored = pred if pred is None or len(claims) == len(pred.claims) else pred.model_copy(update={"claims": claims})
    ev = DocEval(doc.doc_id, counts, match, scored, missing=pred is None)
    if pred is not None:
        if pred.source.sha256 and pred.source.sha256 != text_sha256(doc.text):
            ev.warnings.append(
                f"{doc.doc_id}: the prediction was made from a different text (sha256 differs); offsets may not line up"
            )
        counts.tokens = pred.meta.tokens.add(pred.meta.cached_tokens)
        counts.seconds = max(pred.meta.seconds, pred.meta.model_seconds)
        counts.grounded_total = len(claims) + pred.meta.dropped_ungrounded
        for c in claims:
            ev_ = c.evidence
            counts.alignment[ev_.alignment.value] += 1
            counts.grounded += ev_.end <= len(doc.text) and doc.text[ev_.start : ev_.end] == ev_.text
    for pair in match.pairs:
        g, p = doc.claims[pair.gold], claims[pair.pred]
        bucket = speaker_bucket(g.speaker)
        names = predicted_speakers(p)
        ante = antecedents(doc, pair.gold) if bucket == "pronoun" else []
        ok = any(speaker_correct(n, g.speaker, g.inner_source, ante, aliases) for n in names)
        counts.speaker[bucket] += 1
        counts.speaker[bucket + "+"] += ok
        counts.joint_tp += joint_correct(bucket, ok, names)
        if not ok and bucket != "pronoun":
            ev.speaker_errors.append(
                _gold_error(doc, g, "speaker", pair.coverage, f"predicted {names[0]!r}", other=names[0])
            )
        if cue_is_word(g.cue) or (g.cue is None and g.attribution_type == "Author"):
            counts.cue_total += 1
            counts.cue_ok += cue_correct(p.cue, g.cue)
    matched = {p.gold for p in match.pairs}
    for gi, g in enumerate(doc.claims):
        counts.by_type[g.attribution_type] += 1
        counts.by_type[g.attribution_type + "+"] += gi in matched
    for gi in match.unmatched_gold:
        ev.misses.append(
            _gold_error(doc, doc.claims[gi], "miss", match.best_gold.get(gi, 0.0), match.notes_gold.get(gi, ""))
        )
    for pi in match.unmatched_pred:
        c = claims[pi]
        ev.false_positives.append(
            _error(
                doc.doc_id,
                "false_positive",
                c.evidence.start,
                c.evidence.end,
                c.evidence.text,
                c.speaker.name,
                c.cue,
                match.best_pred.get(pi, 0.0),
                match.notes_pred.get(pi, ""),
            )
        )
    return ev


@dataclass
class SystemEval:
    score: SystemScore
    docs: list[DocEval]

    def worst(self, kind: str, limit: int = MAX_ERRORS) -> list[ErrorItem]:
        items = [e for d in self.docs for e in getattr(d, kind)]
        # never-touched first, then the longest: those are the most instructive to read
        items.sort(key=lambda e: (e.best_coverage, -(e.end - e.start), e.doc_id, e.start))
        return items[:limit]


def _by_text(preds: dict[str, DocumentResult]) -> dict[str, DocumentResult]:
    """Predictions by the sha256 of the text they were made from, where one text has one output.

    A gold doc_id is not always the output's: an id that is a reserved output name ("run", "eval",
    "merged") or too long for a file name is given another by the runner. Matching by text finds
    the output for the same article all the same."""
    seen: dict[str, list[DocumentResult]] = {}
    for pred in preds.values():
        if pred.source.sha256:
            seen.setdefault(pred.source.sha256, []).append(pred)
    return {sha: found[0] for sha, found in seen.items() if len(found) == 1}


def score_system(
    label: str,
    gold: GoldSet,
    preds: dict[str, DocumentResult],
    *,
    aliases: AliasIndex | None = None,
    indexes: dict[str, DocIndex] | None = None,
) -> SystemEval:
    """Score one system over every gold document (a document without output counts as empty)."""
    total = _Counts()
    docs: list[DocEval] = []
    backends: Counter[str] = Counter()
    models: Counter[str] = Counter()
    author_voice = any(c.attribution_type == "Author" for d in gold.docs for c in d.claims)
    by_text = _by_text(preds)
    for doc in gold.docs:
        pred = preds.get(doc.doc_id) or by_text.get(text_sha256(doc.text))
        index = indexes.get(doc.doc_id) if indexes is not None else None
        ev = score_document(doc, pred, aliases=aliases, index=index, author_voice=author_voice)
        docs.append(ev)
        total.add(ev.counts)
        if pred is not None:
            backends[pred.meta.backend] += 1
            models[pred.meta.model] += 1
    n = len(gold.docs)
    score = SystemScore(
        label=label,
        backend=", ".join(b for b, _ in backends.most_common()),
        model=", ".join(m for m, _ in models.most_common()),
        documents=n,
        soft=PRF.from_counts(total.soft_tp, total.pred, total.gold),
        strict=PRF.from_counts(total.strict_tp, total.pred, total.gold),
        joint=PRF.from_counts(total.joint_tp, total.pred, total.gold),
        speaker=total.speaker_scores(),
        cue=Accuracy.from_counts(total.cue_ok, total.cue_total),
        grounded=Accuracy.from_counts(total.grounded, total.grounded_total),
        alignment=dict(total.alignment),
        recall_by_type={
            t: Accuracy.from_counts(total.by_type[t + "+"], n)
            for t, n in sorted(total.by_type.items())
            if not t.endswith("+")
        },
        tokens=total.tokens,
        seconds=round(total.seconds, 3),
        tokens_per_doc=total.tokens.total / n if n else None,
        seconds_per_doc=total.seconds / n if n else None,
    )
    return SystemEval(score, docs)


def build_report(
    gold: GoldSet,
    system: SystemEval | None,
    baseline: SystemEval | None,
    *,
    pred_path: str | None,
    skipped: Sequence[str] = (),
    extra_warnings: Sequence[str] = (),
) -> EvalReport:
    """Assemble ``eval.json`` from a scored system (the pipeline) and the optional baseline."""
    main = system or baseline
    rows = [d.row() for d in main.docs] if main else []
    if system and baseline:
        by_id = {d.doc_id: d.row().soft.f1 for d in baseline.docs}
        for row in rows:
            row.baseline_f1 = by_id.get(row.doc_id)
    warnings = [*gold.warnings, *(w for d in (main.docs if main else []) for w in d.warnings), *extra_warnings]
    return EvalReport(
        gold=gold.path,
        pred=pred_path,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        overall=system.score if system else None,
        baseline=baseline.score if baseline else None,
        documents=rows,
        worst_misses=main.worst("misses") if main else [],
        false_positives=main.worst("false_positives") if main else [],
        speaker_errors=main.worst("speaker_errors") if main else [],
        missing=[d.doc_id for d in (system.docs if system else []) if d.missing],
        skipped=list(skipped),
        warnings=warnings,
    )
