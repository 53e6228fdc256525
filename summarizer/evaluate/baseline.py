"""Non-LLM baseline: reporting-verb rules over sentences, scored by the same code as the pipeline.

Why: an LLM pipeline that does not clearly beat cheap rules is not worth minutes per article
(DESIGN-NOTES, "The baseline to beat"). The spaCy version there needs a parser model; this one is
plain regular expressions, so it runs everywhere (CI included) in milliseconds per article.

The rules themselves live in ``summarizer.rules`` (the extractor uses them too).
"""

from __future__ import annotations

import time

from summarizer.evaluate.gold import GoldSet
from summarizer.evaluate.predictions import text_sha256
from summarizer.models import (
    Claim,
    ClaimOrigin,
    DocumentResult,
    ExtractionMeta,
    Modality,
    SourceInfo,
)
from summarizer.rules import ArticleFrames
from summarizer.rules.cuemodel import DEFAULT, CueModel
from summarizer.text.sentences import split_sentences


def baseline_document(
    doc_id: str, text: str, *, author_voice: bool = False, learned: CueModel = DEFAULT
) -> DocumentResult:
    """A ``DocumentResult`` for ``text`` framed by the same rules as the pipeline, without a model.

    ``author_voice`` also emits every sentence without an attribution as an author claim, for gold
    that labels the author's own assertions (our seeds do; PolNeAR does not).
    """
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    framed = ArticleFrames(text, learned=learned).frame(sentences, {}, author=author_voice)
    claims = [
        Claim(
            id=f"{doc_id}#c{n}",
            text=f.evidence.text,
            speaker=f.speaker,
            cue=f.cue,
            cue_span=f.cue_span,
            inner_source=f.inner_source,
            modality=Modality.reported if f.cue else Modality.asserted,
            evidence=f.evidence,
            origin=ClaimOrigin.rules,
        )
        for n, f in enumerate(sorted(framed, key=lambda f: (f.evidence.start, f.evidence.end)), 1)
    ]
    meta = ExtractionMeta(
        backend="baseline",
        model="cue-verb-rules" + ("+author" if author_voice else ""),
        output_mode="none",
        evidence_style="quote",
        prompt_sha256="",
        schema_sha256="",
        seconds=time.perf_counter() - t0,
    )
    source = SourceInfo(path=f"{doc_id}.txt", sha256=text_sha256(text), length=len(text))
    return DocumentResult(doc_id=doc_id, source=source, claims=claims, meta=meta)


def run_baseline(
    gold: GoldSet, author_voice: bool | None = None, *, learned: CueModel = DEFAULT
) -> dict[str, DocumentResult]:
    """The baseline over every gold text; by default with author sentences only when the gold labels
    the author's voice (our seeds do, PolNeAR does not), so both systems answer the same task."""
    if author_voice is None:
        author_voice = any(c.attribution_type == "Author" for d in gold.docs for c in d.claims)
    return {
        d.doc_id: baseline_document(d.doc_id, d.text, author_voice=author_voice, learned=learned) for d in gold.docs
    }
