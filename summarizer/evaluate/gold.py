"""Load gold in the PolNeAR-style JSONL format (see ../shared/eval-data/README.md, evals/README.md).

Why tolerant: the same loader reads our hand-labeled seeds (with ``inner_source`` and the
``Author`` type) and the PolNeAR dev file (with ``polnear_event``, ``annotator`` ...), and must
keep reading future gold files that add fields. Unknown fields are ignored, missing optional ones
get defaults, and a claim whose offsets do not fit its text is dropped with a warning instead of
silently scoring against the wrong span.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from summarizer.models import Sentence
from summarizer.text.sentences import split_sentences


@dataclass(frozen=True)
class GoldClaim:
    """One labeled claim; ``content_spans`` are the exact content pieces, ``start``/``end`` their envelope."""

    index: int
    claim: str
    speaker: str | None
    cue: str | None
    start: int
    end: int
    content_spans: tuple[tuple[int, int], ...]
    attribution_type: str = "Attribution"
    inner_source: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    cue_spans: tuple[tuple[int, int], ...] = ()


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    claims: list[GoldClaim] = field(default_factory=list)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The project's own sentence split, so the window rule matches what extraction sees."""
        return split_sentences(self.text)


@dataclass
class GoldSet:
    path: str
    docs: list[GoldDoc]
    warnings: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, GoldDoc]:
        return {d.doc_id: d for d in self.docs}


def _spans(value: Any, n: int) -> tuple[tuple[int, int], ...]:
    out = []
    for item in value or []:
        if isinstance(item, list | tuple) and len(item) == 2 and all(isinstance(x, int) for x in item):
            s, e = int(item[0]), int(item[1])
            if 0 <= s < e <= n:
                out.append((s, e))
    return tuple(sorted(out))


def _claim(raw: dict[str, Any], index: int, text: str) -> GoldClaim | None:
    start, end = raw.get("start"), raw.get("end")
    n = len(text)
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= n:
        return None
    content = _spans(raw.get("content_spans"), n) or ((start, end),)
    speaker = raw.get("speaker")
    return GoldClaim(
        index=index,
        claim=str(raw.get("claim") or raw.get("quote") or text[start:end]),
        speaker=(speaker.strip() or None) if isinstance(speaker, str) else None,
        cue=raw.get("cue") if isinstance(raw.get("cue"), str) else None,
        start=start,
        end=end,
        content_spans=content,
        attribution_type=str(raw.get("attribution_type") or "Attribution"),
        inner_source=raw.get("inner_source") if isinstance(raw.get("inner_source"), str) else None,
        speaker_spans=_spans(raw.get("speaker_spans"), n),
        cue_spans=_spans(raw.get("cue_spans"), n),
    )


def parse_gold_doc(raw: dict[str, Any], warnings: list[str] | None = None) -> GoldDoc:
    """One JSONL record → ``GoldDoc``; claims sorted by start, bad offsets dropped (with a warning)."""
    text = raw.get("text")
    doc_id = raw.get("doc_id")
    if not isinstance(text, str) or not isinstance(doc_id, str) or not doc_id:
        raise ValueError("gold record needs a string doc_id and text")
    claims: list[GoldClaim] = []
    for i, item in enumerate(raw.get("claims") or []):
        claim = _claim(item, i, text) if isinstance(item, dict) else None
        if claim is None:
            if warnings is not None:
                warnings.append(f"{doc_id}: gold claim {i} has unusable offsets, ignored")
            continue
        claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end))
    claims = [replace(c, index=i) for i, c in enumerate(claims)]
    return GoldDoc(doc_id=doc_id, text=text, claims=claims)


def load_gold(path: str | Path, limit: int | None = None) -> GoldSet:
    """Read a gold JSONL file (first ``limit`` documents when given); blank lines are skipped."""
    path = Path(path)
    warnings: list[str] = []
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            if limit is not None and len(docs) >= limit:
                break
            try:
                doc = parse_gold_doc(json.loads(line), warnings)
            except (ValueError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from exc
            if doc.doc_id in seen:
                warnings.append(f"{doc.doc_id}: duplicate doc_id in gold, later record ignored")
                continue
            seen.add(doc.doc_id)
            docs.append(doc)
    return GoldSet(path=str(path), docs=docs, warnings=warnings)
