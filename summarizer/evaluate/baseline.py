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
from summarizer.evaluate.speakers import is_pronoun
from summarizer.ingest.segment import split_sentences
from summarizer.models import (
    Alignment,
    Claim,
    DocumentResult,
    Evidence,
    ExtractionMeta,
    Modality,
    SourceInfo,
    Speaker,
    SpeakerType,
)
from summarizer.rules import author_sentences, find_attributions


def baseline_document(doc_id: str, text: str, *, author_voice: bool = False) -> DocumentResult:
    """A ``DocumentResult`` for ``text`` with exact-aligned evidence, like the pipeline's output.

    ``author_voice`` also emits every sentence without an attribution as an author claim, for gold
    that labels the author's own assertions (our seeds do; PolNeAR does not).
    """
    t0 = time.perf_counter()
    sentences = [(s.id, s.start, s.end) for s in split_sentences(text)]
    found = find_attributions(text)
    items: list[tuple[int, int, Speaker, str | None]] = []
    for att in found:
        kind = SpeakerType.unnamed if is_pronoun(att.speaker) else SpeakerType.person
        items.append((att.start, att.end, Speaker(name=att.speaker, type=kind), att.cue))
    if author_voice:
        author = Speaker(name="author", type=SpeakerType.author)
        items += [(s, e, author, None) for s, e in author_sentences(text, found)]
    items.sort(key=lambda x: (x[0], x[1]))
    claims: list[Claim] = []
    for n, (start, end, speaker, cue) in enumerate(items, 1):
        ids = [sid for sid, s, e in sentences if s < end and e > start]
        evidence = Evidence(start=start, end=end, text=text[start:end], alignment=Alignment.exact, sentence_ids=ids)
        claims.append(
            Claim(
                id=f"{doc_id}#c{n}",
                text=evidence.text,
                speaker=speaker,
                cue=cue,
                modality=Modality.reported if cue else Modality.asserted,
                evidence=evidence,
            )
        )
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


def run_baseline(gold: GoldSet, author_voice: bool | None = None) -> dict[str, DocumentResult]:
    """The baseline over every gold text; by default with author sentences only when the gold labels
    the author's voice (our seeds do, PolNeAR does not), so both systems answer the same task."""
    if author_voice is None:
        author_voice = any(c.attribution_type == "Author" for d in gold.docs for c in d.claims)
    return {d.doc_id: baseline_document(d.doc_id, d.text, author_voice=author_voice) for d in gold.docs}
