"""What the report template shows for each article: claims with their flags, colors and anchors.

Why a view layer: the template must stay dumb (it only escapes and lays out), while the decisions a
reviewer relies on live here and are unit-tested: whether evidence really is the article text at
its offsets (checked again here, never trusted), which items are flagged and why, which speaker
(merged entity when known) a color stands for, and which eval mark a claim gets.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from summarizer.ground import evidence_problem
from summarizer.models import Alignment, Claim, DocumentResult, EvalReport, MergeResult, SpeakerType
from summarizer.report.evalmarks import LABELS, DocEval, doc_eval
from summarizer.report.segments import Span, highlight

AUTHOR_KEY = "author"
FLAGGED_ALIGNMENTS = {Alignment.fuzzy}


@dataclass
class SpeakerStyle:
    """One filterable speaker (a merged entity when known) and its stable color."""

    key: str
    label: str
    css: str  # class name, e.g. "sp-3"
    hue: int | None  # None: the author's neutral grey (set by Palette.assign_hues)
    saturation: int = 0
    count: int = 0


@dataclass
class ClaimView:
    anchor: str  # "d2-c5"; the span is #s-<anchor>, the list item #c-<anchor>
    claim: Claim
    speaker: SpeakerStyle
    grounded: bool
    flags: list[str] = field(default_factory=list)
    eval_status: str | None = None
    eval_note: str = ""

    @property
    def tooltip(self) -> str:
        c = self.claim
        who = c.speaker.name
        if c.speaker.antecedent is not None:
            who += f" (= {c.speaker.antecedent.text})"  # "He (= Ana Ruiz)": the reviewer sees the resolution
        if c.inner_source is not None:
            who += f", from {c.inner_source.text}"  # nested: the outer source reports the inner one
        head = f"{who} — {c.cue or 'no cue'} — {c.modality.value} — {c.evidence.alignment.value}"
        extra = [*self.flags, *([LABELS[self.eval_status]] if self.eval_status else [])]
        return "\n".join([head, c.text, *extra])


@dataclass
class MissView:
    anchor: str
    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    in_text: bool


@dataclass
class DocView:
    index: int
    doc: DocumentResult
    text: str | None
    claims: list[ClaimView]
    html: Markup | None = None
    problems: list[str] = field(default_factory=list)
    misses: list[MissView] = field(default_factory=list)
    evaluation: DocEval | None = None

    @property
    def anchor(self) -> str:
        return f"doc-{self.index}"

    @property
    def flagged(self) -> int:
        return sum(1 for c in self.claims if c.flags)

    @property
    def alignments(self) -> dict[str, int]:
        return dict(Counter(c.claim.evidence.alignment.value for c in self.claims))


def hue_of(key: str) -> int:
    """A hue fixed by the speaker key alone, so a speaker keeps its color across reports."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 360


# (hue, saturation %) of eleven pastels chosen to be told apart at a glance, not evenly spaced hues
# (at this lightness 90°, 120° and 150° all read as "green"); no red: red marks problems.
COLORS = [(210, 80), (30, 90), (125, 50), (270, 60), (52, 95),
          (180, 60), (320, 75), (85, 65), (240, 55), (15, 45), (295, 50)]  # fmt: skip


class Palette:
    """Speaker keys (merged entity when known, else the normalized name) → styles."""

    def __init__(self, merged: MergeResult | None) -> None:
        self.styles: dict[str, SpeakerStyle] = {}
        self.entity_of: dict[tuple[str, str], str] = {}
        self.entity_name: dict[str, str] = {}
        if merged is not None:
            self.entity_name = {e.id: e.canonical for e in merged.entities}
            for cluster in merged.clusters:
                for ref in cluster.members:
                    if ref.entity_id:
                        self.entity_of[(ref.doc_id, ref.claim_id)] = ref.entity_id

    def assign_hues(self) -> None:
        """Give every non-author speaker a color; call once all claims have been styled.

        A speaker's hash picks its starting slot in ``COLORS``, so it keeps its color from report to
        report unless a more quoted speaker already holds that slot; then it takes the next free one.
        Past eleven speakers the rest get a hue straight from their hash, less saturated.
        """
        free = list(range(len(COLORS)))
        speakers = sorted((s for s in self.styles.values() if s.key != AUTHOR_KEY), key=lambda s: (-s.count, s.key))
        for s in speakers:
            seed = hue_of(s.label.lower() if s.key.startswith("entity:") else s.key)
            if not free:
                s.hue, s.saturation = seed, 40
                continue
            slot = seed % len(COLORS)
            while slot not in free:
                slot = (slot + 1) % len(COLORS)
            free.remove(slot)
            s.hue, s.saturation = COLORS[slot]

    def style(self, doc_id: str, claim: Claim) -> SpeakerStyle:
        if claim.speaker.type == SpeakerType.author:
            key, label = AUTHOR_KEY, "author (the article's own voice)"
        elif (eid := self.entity_of.get((doc_id, claim.id))) and eid in self.entity_name:
            key, label = f"entity:{eid}", self.entity_name[eid]
        else:
            name = (claim.speaker.canonical or claim.speaker.name).strip()
            key, label = f"name:{' '.join(name.lower().split())}", name
        style = self.styles.get(key)
        if style is None:
            style = self.styles[key] = SpeakerStyle(key, label, f"sp-{len(self.styles)}", None)
        style.count += 1
        return style


def build_doc(
    index: int, doc: DocumentResult, text: str | None, palette: Palette, evaluation: EvalReport | None
) -> DocView:
    """One article's view: claims in text order, highlights, misses and problems."""
    view = DocView(index, doc, text, [])
    if text is None:
        view.problems.append(
            f"article text not found ({doc.source.text_path or 'no text_path'}): claims are listed without highlights"
        )
    elif doc.source.length and doc.source.length != len(text):
        view.problems.append(
            f"text is {len(text)} chars but extraction saw {doc.source.length}; offsets may not line up"
        )
    if evaluation is not None:
        view.evaluation = doc_eval(doc, evaluation)
    ordered = sorted(enumerate(doc.claims), key=lambda ic: (ic[1].evidence.start, ic[1].evidence.end, ic[0]))
    for i, claim in ordered:
        cv = ClaimView(f"d{index}-c{i}", claim, palette.style(doc.doc_id, claim), grounded=True)
        problem = evidence_problem(claim, text)
        if problem:
            cv.grounded = False
            cv.flags.append(f"ungrounded: {problem}")
        if claim.evidence.alignment in FLAGGED_ALIGNMENTS:
            cv.flags.append(f"{claim.evidence.alignment.value} alignment: check the span")
        if view.evaluation is not None and claim.id in view.evaluation.status:
            cv.eval_status, cv.eval_note = view.evaluation.status[claim.id]
        view.claims.append(cv)
    spans = [_claim_span(cv) for cv in view.claims if cv.grounded]
    if view.evaluation is not None:
        for j, miss in enumerate(view.evaluation.misses):
            mv = MissView(
                f"d{index}-m{j}",
                miss.start,
                miss.end,
                miss.text,
                miss.speaker,
                miss.cue,
                in_text=text is not None and 0 <= miss.start < miss.end <= len(text),
            )
            view.misses.append(mv)
            if mv.in_text:
                title = f"missed gold claim — {miss.speaker or 'no speaker'} — {miss.cue or 'no cue'}\n{miss.text}"
                spans.append(Span(miss.start, miss.end, "span", f"s-{mv.anchor}", ("miss",), (("title", title),)))
    if text is not None:
        view.html = highlight(text, spans)
    return view


def _claim_span(cv: ClaimView) -> Span:
    ev = cv.claim.evidence
    classes = ["ev", cv.speaker.css, f"al-{ev.alignment.value}"]
    if cv.flags:
        classes.append("flagged")
    if cv.eval_status:
        classes.append(f"ev-{cv.eval_status}")
    return Span(
        ev.start, ev.end, "mark", f"s-{cv.anchor}", tuple(classes), (("data-claim", cv.claim.id), ("title", cv.tooltip))
    )
