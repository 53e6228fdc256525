"""Load an output folder of ``<doc_id>.json`` files (``DocumentResult``) and a merged.json.

Why lenient: an output folder also holds run.json, merged/, eval.json and maybe half-written or
older-schema files. Anything that does not validate is skipped *and listed* in the report, so a
broken file cannot silently raise or lower a score.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from summarizer.models import DocumentResult, MergeResult

_NOT_DOCUMENTS = {"run.json", "eval.json", "merged.json"}


@dataclass
class Predictions:
    docs: dict[str, DocumentResult] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def _read_json(path: Path) -> object:
    # strict=False: llama.cpp JSON may carry raw control characters inside strings.
    return json.loads(path.read_text(encoding="utf-8"), strict=False)


def load_predictions(folder: str | Path) -> Predictions:
    """Every ``*.json`` in ``folder`` (not recursive) that validates as a ``DocumentResult``."""
    folder = Path(folder)
    out = Predictions()
    for path in sorted(folder.glob("*.json")):
        if path.name in _NOT_DOCUMENTS or path.name.startswith("."):
            continue
        try:
            doc = DocumentResult.model_validate(_read_json(path))
        except (OSError, ValueError, ValidationError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            out.skipped.append(f"{path.name}: {first}")
            continue
        if doc.doc_id in out.docs:
            out.skipped.append(f"{path.name}: duplicate doc_id {doc.doc_id}")
            continue
        out.docs[doc.doc_id] = doc
    return out


def load_merged(path: str | Path) -> MergeResult:
    """A merged.json (or a folder holding one)."""
    path = Path(path)
    if path.is_dir():
        path = path / "merged.json"
    return MergeResult.model_validate(_read_json(path))


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
