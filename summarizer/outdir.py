"""The output folder, in one place: its reserved names, document ids, the run lock, and the one
lenient loader that merge, evaluate and report read it with.

Why one module: the folder is the contract between ``extract`` and every later command. When each
stage read it its own way, a duplicated doc_id counted twice in the merge but once in eval, and a
hand-edited evidence text was flagged by ``review`` yet flowed into merged.json.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import InputError, SummarizerError
from summarizer.ground import evidence_problem
from summarizer.models import DocumentResult

# Files the commands write beside the article outputs; an article must never take these names.
RESERVED_NAMES = frozenset({"run", "eval", "merged"})
LOCK_NAME = ".summarizer.lock"
# File names are limited to 255 bytes; an id keeps room for ".json" and a temporary-file suffix.
MAX_ID_BYTES = 120


class FolderLocked(SummarizerError):
    """Another run is writing into the same output folder."""


class DocIds:
    """Document ids for one run: the file stem, shortened to fit a file name, made unique, never a
    reserved name. Extraction and batch preparation both use this, so their ids agree."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._rows: dict[str, str] = {}  # corpus row id → the row that gave it first

    def __call__(self, path: str) -> str:
        """The id of an input file: its stem."""
        return self._claim("stdin" if path == "-" else Path(path).stem, path)

    def row(self, name: str, where: str, *, given: bool = True) -> str:
        """The id of a corpus row: its ``id`` field made a safe file name. An id given twice is an
        error of the second row (both would otherwise be written to one file)."""
        if given:
            if name in self._rows:
                raise InputError(where, f"duplicate id {name!r} (also {self._rows[name]}); give each row its own id")
            self._rows[name] = where
        safe = re.sub(r"[^\w.-]+", "_", name).lstrip(".") or "row"
        return self._claim(safe, where)

    def _claim(self, stem: str, key: str) -> str:
        tag = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        doc_id = stem
        if len(stem.encode("utf-8", "surrogateescape")) > MAX_ID_BYTES:
            doc_id = stem.encode("utf-8", "surrogateescape")[: MAX_ID_BYTES - 9].decode("utf-8", "ignore") + "-" + tag
        if doc_id in self._ids or doc_id.lower() in RESERVED_NAMES:
            doc_id = f"{doc_id}-{tag}"
        self._ids.add(doc_id)
        return doc_id


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the output folder for one run. A second run into it fails at once with one line
    (instead of deleting the first run's temporary files and extracting everything twice)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
            raise FolderLocked(
                f"{folder}: another summarizer run (pid {holder}) is writing here; wait for it to finish "
                "or choose another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock; the file stays (removing it would race a waiting run)


def remove_stale_temps(folder: Path) -> int:
    """Delete temporary files that a killed run left behind (``atomic_write`` names them
    ``.<name>.<random>.tmp``); the files they were meant to replace are intact. Call it only while
    holding :func:`locked`, or it may delete a running run's file."""
    removed = 0
    if folder.is_dir():
        for tmp in folder.glob(".*.tmp"):
            if tmp.is_file():
                tmp.unlink(missing_ok=True)
                removed += 1
    return removed


def is_document_file(path: Path) -> bool:
    """Whether ``path`` in an output folder is meant to be an article result."""
    return path.suffix == ".json" and path.stem not in RESERVED_NAMES and not path.name.startswith(".")


def read_article_text(folder: Path, doc: DocumentResult) -> str | None:
    """The article text saved beside the output; a ``text_path`` leaving ``folder`` is refused."""
    name = doc.source.text_path or f"{doc.doc_id}.txt"
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        return None
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return fh.read()


def why_unreadable(exc: Exception) -> str:
    """One line for a result file that does not load: truncated JSON is named as such, a schema
    problem names its field, instead of pydantic's "1 validation error for DocumentResult"."""
    if isinstance(exc, json.JSONDecodeError):
        return f"not complete JSON ({exc.msg} at line {exc.lineno}); was the file cut short?"
    if isinstance(exc, ValidationError):
        problem = exc.errors()[0]
        if problem["type"].startswith("json"):
            return f"not complete JSON ({problem['msg']}); was the file cut short?"
        where = ".".join(str(p) for p in problem["loc"]) or "the document"
        return f"not an article result: {where}: {problem['msg']}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"


@dataclass
class Loaded:
    """What an output folder holds: article results by doc_id, their saved texts, and a one-line
    reason for every file or claim that was left out."""

    docs: dict[str, DocumentResult] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def load_folder(folder: str | Path) -> Loaded:
    """Every article result in ``folder`` (not recursive), lenient: a file that does not validate
    or repeats a doc_id is left out and listed in ``skipped``; nothing raises."""
    folder = Path(folder)
    out = Loaded()
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        if not is_document_file(path):
            continue
        try:
            doc = DocumentResult.model_validate(json.loads(path.read_text(encoding="utf-8"), strict=False))
        except (OSError, ValueError, ValidationError) as exc:
            out.skipped.append(f"{path.name}: {why_unreadable(exc)}")
            continue
        if doc.doc_id in seen:
            out.skipped.append(f"{path.name}: doc_id {doc.doc_id!r} is already used by {seen[doc.doc_id]}; left out")
            continue
        seen[doc.doc_id] = path.name
        out.docs[doc.doc_id] = doc
        text = read_article_text(folder, doc)
        if text is not None:
            out.texts[doc.doc_id] = text
    return out


def verified(loaded: Loaded) -> Loaded:
    """``loaded`` with every claim whose evidence is not the saved article text at its offsets left
    out (and listed): what the merge builds on is what the articles say."""
    out = Loaded(texts=loaded.texts, skipped=list(loaded.skipped))
    for doc_id, doc in loaded.docs.items():
        text = loaded.texts.get(doc_id)
        if text is None:
            out.skipped.append(f"{doc_id}: saved article text not found; its evidence is not re-verified")
            out.docs[doc_id] = doc
            continue
        keep = []
        for claim in doc.claims:
            problem = evidence_problem(claim, text)
            if problem is None:
                keep.append(claim)
            else:
                out.skipped.append(f"{doc_id}: claim {claim.id} left out: {problem}")
        out.docs[doc_id] = doc if len(keep) == len(doc.claims) else doc.model_copy(update={"claims": keep})
    return out
