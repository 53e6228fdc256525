"""A fingerprint of the code that frames claims, so an output written by other code is not kept.

Why: a re-run keeps an article's output when its text, model, prompt and schema are unchanged
(resume without a model call). Claims, speakers and spans come from the rules as much as from the
model, so after an upgrade of the rules those outputs were stale: session 11 found `make
eval-seeds` scoring the seeds with the previous rules (joint 0.851 against 0.861 fresh). The
fingerprint is a hash of the package's code and rule data; a changed one re-frames the article,
and the model's replies still come from the call log, so it costs no model call.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
_SUFFIXES = (".py", ".tsv")


def code_fingerprint(root: Path = PACKAGE) -> str:
    """SHA-256 over the relative paths and bytes of the package's Python files and rule tables."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _SUFFIXES and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
