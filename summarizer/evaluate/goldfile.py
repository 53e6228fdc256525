"""Gold files made from outputs, and gold files merged: the data side of "review grows the gold".

Why: a corpus of the user's own gets gold of its own when its reviewed outputs can be written in
the project's gold format (PolNeAR-style, offsets into the saved article text; the author's voice
typed "Author", "reportedly"-style claims "Attribution-no-source") and when review sessions
accumulate: ``merge_gold`` keeps, for each document, the version from the latest file that has it.
Exporting outputs nobody corrected gives gold the pipeline scores F1 1.0 against.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summarizer.models import Claim, DocumentResult, SpeakerType
from summarizer.outdir import Loaded
from summarizer.rules.speakers import NO_SOURCE


def _span(m: Any) -> list[list[int]]:
    return [[m.start, m.end]] if m is not None else []


def gold_claim(c: Claim) -> dict[str, Any]:
    """One claim as a gold record (the review page starts from these and applies corrections)."""
    author = c.speaker.type == SpeakerType.author
    no_source = not author and c.speaker.name == NO_SOURCE
    return {
        "claim": c.evidence.text,
        "quote": c.evidence.text,
        "speaker": None if author or no_source else c.speaker.name,
        "cue": None if author else c.cue,
        "start": c.evidence.start,
        "end": c.evidence.end,
        "content_spans": [[c.evidence.start, c.evidence.end]],
        "speaker_spans": [] if author or no_source else _span(c.speaker.mention),
        "cue_spans": _span(c.cue_span),
        "attribution_type": "Author" if author else "Attribution-no-source" if no_source else "Attribution",
        "inner_source": c.inner_source.text if c.inner_source else None,
        "modality": c.modality.value,
    }


def gold_claims(doc: DocumentResult) -> list[dict[str, Any]]:
    return [gold_claim(c) for c in sorted(doc.claims, key=lambda c: (c.evidence.start, c.evidence.end))]


def gold_from_outputs(loaded: Loaded) -> tuple[list[dict[str, Any]], list[str]]:
    """One gold record per output with its saved text, and a reason for each one left out."""
    records, skipped = [], []
    for doc_id, doc in sorted(loaded.docs.items()):
        text = loaded.texts.get(doc_id)
        if text is None:
            skipped.append(f"{doc_id}: saved article text not found; no gold without the text its offsets point into")
            continue
        records.append({"doc_id": doc_id, "text": text, "claims": gold_claims(doc)})
    return records, skipped


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a gold JSONL file; a line that is not a JSON object with a doc_id is an error
    naming the file and line."""
    records = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
                raise ValueError(f"{path}:{lineno}: not a gold record (an object with a doc_id)")
            records.append(record)
    return records


def merge_gold(files: Iterable[Path]) -> list[dict[str, Any]]:
    """Gold records of several files, later files winning per document (the latest review of an
    article replaces the earlier one); documents keep the order they first appeared in."""
    merged: dict[str, dict[str, Any]] = {}
    for path in files:
        for record in read_records(path):
            merged[record["doc_id"]] = record
    return list(merged.values())


def jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
