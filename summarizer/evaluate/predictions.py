"""Load an output folder of ``<doc_id>.json`` files (``DocumentResult``) and a merged.json.

Why lenient: an output folder also holds run.json, merged/, eval.json and maybe half-written or
older-schema files. Anything that does not validate is skipped *and listed* in the report, so a
broken file cannot silently raise or lower a score. The folder's one loader (``summarizer.outdir``)
does the reading; a duplicated doc_id is left out there, as in the merge.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from summarizer.models import MergeResult
from summarizer.outdir import Loaded, load_folder

Predictions = Loaded


def _read_json(path: Path) -> object:
    # strict=False: llama.cpp JSON may carry raw control characters inside strings.
    return json.loads(path.read_text(encoding="utf-8"), strict=False)


def load_predictions(folder: str | Path) -> Predictions:
    """Every article result in ``folder`` (not recursive), with what was left out and why."""
    return load_folder(folder)


def load_merged(path: str | Path) -> MergeResult:
    """A merged.json (or a folder holding one)."""
    path = Path(path)
    if path.is_dir():
        path = path / "merged.json"
    return MergeResult.model_validate(_read_json(path))


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
