"""Claim tables for spreadsheets and pandas: one row per claim, plus the merged entities and the
conflicts (one row per value and source), as CSV or JSONL.

Why these columns: an analyst filters claims by outlet, date and speaker, and needs to get from a
row back to the article (doc id, evidence offsets and text) and to the merge (canonical entity,
cluster and conflict ids). CSV is UTF-8 with a BOM (Excel reads it as UTF-8), RFC 4180 quoting
(a newline inside a cell stays in its cell) and CRLF line ends. A text cell that a spreadsheet
would run as a formula (it starts with ``= + - @``) is written with a leading apostrophe, which
spreadsheets hide; :func:`read_cell` undoes exactly that.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.atomic import atomic_write
from summarizer.models import DocumentResult, MergeResult

CLAIM_COLUMNS = (
    "doc_id", "outlet", "published", "title", "claim_id", "speaker", "entity", "entity_id", "cue", "modality",
    "claim", "evidence_start", "evidence_end", "evidence_text", "cluster_ids", "conflict_ids",
)  # fmt: skip
ENTITY_COLUMNS = ("entity_id", "canonical", "type", "aliases", "doc_ids", "claims", "mentioned_only")
CONFLICT_COLUMNS = (
    "conflict_id", "kind", "about", "value", "doc_id", "claim_id", "speaker", "evidence_start", "evidence_end",
    "evidence_text",
)  # fmt: skip
LIST_SEPARATOR = ";"  # between ids in one CSV cell (ids never hold it); JSONL keeps real lists
_FORMULA = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]


def claim_rows(docs: Iterable[DocumentResult], merged: MergeResult | None) -> list[dict[str, Any]]:
    clusters_of: dict[str, list[str]] = {}
    conflicts_of: dict[str, list[str]] = {}
    entity_of: dict[str, tuple[str, str]] = {}
    if merged is not None:
        names = {e.id: e.canonical for e in merged.entities}
        for cluster in merged.clusters:
            for ref in cluster.members:
                clusters_of.setdefault(ref.claim_id, []).append(cluster.id)
                if ref.entity_id:
                    entity_of[ref.claim_id] = (ref.entity_id, names.get(ref.entity_id, ""))
        for conflict in merged.conflicts:
            for value in conflict.values:
                for ref in value.members:
                    if conflict.id not in conflicts_of.setdefault(ref.claim_id, []):
                        conflicts_of[ref.claim_id].append(conflict.id)
    rows = []
    for doc in docs:
        for claim in doc.claims:
            entity_id, entity = entity_of.get(claim.id, ("", claim.speaker.canonical or ""))
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "outlet": doc.source.outlet or "",
                    "published": doc.source.published or "",
                    "title": doc.title or "",
                    "claim_id": claim.id,
                    "speaker": claim.speaker.name,
                    "entity": entity,
                    "entity_id": entity_id,
                    "cue": claim.cue or "",
                    "modality": claim.modality.value,
                    "claim": claim.text,
                    "evidence_start": claim.evidence.start,
                    "evidence_end": claim.evidence.end,
                    "evidence_text": claim.evidence.text,
                    "cluster_ids": clusters_of.get(claim.id, []),
                    "conflict_ids": conflicts_of.get(claim.id, []),
                }
            )
    return rows


def entity_rows(merged: MergeResult) -> list[dict[str, Any]]:
    claims: dict[str, int] = {}
    for cluster in merged.clusters:
        for ref in cluster.members:
            if ref.entity_id:
                claims[ref.entity_id] = claims.get(ref.entity_id, 0) + 1
    return [
        {
            "entity_id": e.id,
            "canonical": e.canonical,
            "type": e.type.value,
            "aliases": [a.alias for a in e.aliases],
            "doc_ids": sorted({d for a in e.aliases for d in a.doc_ids}),
            "claims": claims.get(e.id, 0),
            "mentioned_only": e.mentioned_only,
        }
        for e in merged.entities
    ]


def conflict_rows(merged: MergeResult) -> list[dict[str, Any]]:
    return [
        {
            "conflict_id": x.id,
            "kind": x.kind.value,
            "about": x.about,
            "value": value.value,
            "doc_id": ref.doc_id,
            "claim_id": ref.claim_id,
            "speaker": ref.speaker,
            "evidence_start": ref.start,
            "evidence_end": ref.end,
            "evidence_text": ref.evidence,
        }
        for x in merged.conflicts
        for value in x.values
        for ref in value.members
    ]


def tables(docs: list[DocumentResult], merged: MergeResult | None) -> list[Table]:
    out = [Table("claims", CLAIM_COLUMNS, claim_rows(docs, merged))]
    if merged is not None:
        out += [
            Table("entities", ENTITY_COLUMNS, entity_rows(merged)),
            Table("conflicts", CONFLICT_COLUMNS, conflict_rows(merged)),
        ]
    return out


def csv_cell(value: Any) -> str:
    """One CSV cell: lists joined, booleans as true/false, formula-like text defused."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return str(value)


def read_cell(text: str) -> str:
    """A text cell as written by :func:`csv_cell` back to its value (the apostrophe removed)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA) else text


def _csv_lines(table: Table) -> Iterator[str]:
    class _Line:
        def __init__(self) -> None:
            self.text = ""

        def write(self, s: str) -> None:
            self.text += s

    line = _Line()
    writer = csv.writer(line, lineterminator="\r\n")
    writer.writerow(table.columns)
    yield line.text
    for row in table.rows:
        line.text = ""
        writer.writerow([csv_cell(row[c]) for c in table.columns])
        yield line.text


def write_tables(tables_: list[Table], folder: Path, fmt: str) -> list[Path]:
    """Write each table as ``folder/<name>.csv`` or ``.jsonl`` (atomically); return the paths."""
    written = []
    for table in tables_:
        if fmt == "csv":
            body = "\ufeff" + "".join(_csv_lines(table))
        else:
            body = "".join(
                json.dumps({c: row[c] for c in table.columns}, ensure_ascii=False) + "\n" for row in table.rows
            )
        written.append(atomic_write(folder / f"{table.name}.{fmt}", body))
    return written
