"""Matched / missed / false marks for the report, recovered from ``eval.json``.

Why inferred and not read: ``EvalReport`` keeps per-document counts (``documents[]``) but only the
worst error items across the corpus (a capped list). A predicted claim is *false* when it is listed
as a false positive; the others are *matched* only when the document's listed false positives
account for all of them (``predicted - soft.tp``); otherwise the report says it cannot tell rather
than guess. Misses (gold claims nobody matched) are drawn in the text at their gold offsets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from summarizer.models import DocumentResult, DocumentScore, ErrorItem, EvalReport, SpeakerType

MATCHED, FALSE, SPEAKER, UNKNOWN, UNSCORED = "matched", "false", "speaker", "unknown", "unscored"

LABELS = {
    MATCHED: "✓ matched gold",
    FALSE: "✗ false (no gold match)",
    SPEAKER: "≈ matched, wrong speaker",
    UNKNOWN: "? not in eval's error lists",
    UNSCORED: "– not scored",
}


@dataclass
class DocEval:
    """What the evaluation says about one article."""

    row: DocumentScore | None
    status: dict[str, tuple[str, str]] = field(default_factory=dict)  # claim id → (status, note)
    misses: list[ErrorItem] = field(default_factory=list)
    unlisted_misses: int = 0
    notes: list[str] = field(default_factory=list)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def doc_eval(doc: DocumentResult, report: EvalReport) -> DocEval:
    """Per-claim statuses for ``doc`` from ``report`` (no row: the article is not in the gold)."""
    row = next((r for r in report.documents if r.doc_id == doc.doc_id), None)
    if row is None:
        return DocEval(None, notes=["not in the gold set: no eval marks"])
    ev = DocEval(row)
    claims = doc.claims
    if row.predicted != len(claims):
        spoken = [c for c in claims if c.speaker.type != SpeakerType.author]
        if row.predicted == len(spoken):
            claims = spoken  # gold labels attributions only: author-voice claims were left out
    scored = {c.id for c in claims}
    fps = [e for e in report.false_positives if e.doc_id == doc.doc_id]
    fp_spans = Counter((e.start, e.end) for e in fps)
    complete = len(fps) >= row.predicted - row.soft.tp
    if not complete:
        ev.notes.append(
            f"eval.json lists {len(fps)} of {row.predicted - row.soft.tp} false positives here; "
            "unlisted claims are marked '?'"
        )
    wrong = [e for e in report.speaker_errors if e.doc_id == doc.doc_id]
    for c in doc.claims:
        if c.id not in scored:
            ev.status[c.id] = (UNSCORED, "author voice: the gold labels attributions only")
            continue
        key = (c.evidence.start, c.evidence.end)
        if fp_spans[key] > 0:
            fp_spans[key] -= 1
            ev.status[c.id] = (FALSE, "no gold claim covers this evidence")
            continue
        # the evaluator names an author-voice prediction None, any other by its name (or canonical)
        names = {None} if c.speaker.type == SpeakerType.author else {c.speaker.name, c.speaker.canonical} - {None}
        err = next(
            (
                e
                for e in wrong
                if e.other_speaker in names and _overlaps(e.start, e.end, c.evidence.start, c.evidence.end)
            ),
            None,
        )
        if err is not None:
            ev.status[c.id] = (SPEAKER, f"gold speaker: {err.speaker or 'none'}")
        elif complete:
            ev.status[c.id] = (MATCHED, "")
        else:
            ev.status[c.id] = (UNKNOWN, "eval.json's error lists are capped")
    ev.misses = sorted((e for e in report.worst_misses if e.doc_id == doc.doc_id), key=lambda e: e.start)
    ev.unlisted_misses = max(0, row.gold - row.soft.tp - len(ev.misses))
    if ev.unlisted_misses:
        ev.notes.append(f"{ev.unlisted_misses} more missed gold claims are not listed in eval.json")
    return ev
