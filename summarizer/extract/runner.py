"""Run extraction over many inputs: stream them, skip finished work, isolate failures.

- inputs stream from ``iter_articles`` (thousands of files, or corpus rows, are never loaded up front);
- an output whose text hash, model, prompt, schema and code fingerprint are unchanged is kept
  (resume; no call);
- the same text under two names is extracted once and written under both names;
- a bad input or a failed document is reported on one line and the run goes on;
- every output is written to a temporary file and renamed, so none is ever half-written.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError

from summarizer.atomic import atomic_write
from summarizer.errors import ExtractionFailed, InputError
from summarizer.extract.engine import Extractor
from summarizer.ingest import iter_articles
from summarizer.models import Article, DocumentResult, DocumentStatus, RunReport
from summarizer.outdir import DocIds, locked, remove_stale_temps

SCHEMA_REF = "../schemas/document.schema.json"
Event = Callable[[DocumentStatus], None]


def write_model(path: Path, model: BaseModel) -> None:
    atomic_write(path, model.model_dump_json(indent=2, by_alias=True, exclude_none=False) + "\n")


def _unchanged(path: Path, article: Article, extractor: Extractor) -> DocumentResult | None:
    if not path.exists():
        return None
    try:
        old = DocumentResult.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, OSError, ValueError):
        return None
    same = (
        old.source.sha256 == article.sha256
        and old.meta.model == extractor.backend.model
        and old.meta.prompt_sha256 == extractor.prompts().sha256
        and old.meta.schema_sha256 == extractor.schema_sha256
        and old.meta.code_sha256 == extractor.code_sha256
    )
    return old if same else None


def _holds(path: Path, text: str) -> bool:
    """Whether ``path`` already holds exactly ``text``."""
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _relabel(result: DocumentResult, article: Article) -> DocumentResult:
    """A copy of ``result`` for a duplicate article under another name."""
    data = json.loads(result.model_dump_json(by_alias=True))
    data["doc_id"] = article.doc_id
    data["source"]["path"] = article.path
    for claim in data["claims"]:
        claim["id"] = f"{article.doc_id}#{claim['id'].split('#', 1)[1]}"
    return DocumentResult.model_validate(data)


class Runner:
    def __init__(
        self, extractor: Extractor, out_dir: Path, *, concurrency: int = 1, on_event: Event | None = None
    ) -> None:
        self.extractor = extractor
        self.out_dir = Path(out_dir)
        self.concurrency = max(1, min(concurrency, extractor.backend.max_concurrency))
        self.on_event = on_event or (lambda status: None)
        self._doc_id = DocIds()
        self._by_sha: dict[str, tuple[str, Future[DocumentResult]]] = {}
        self._lock = threading.Lock()

    def run(self, inputs: Iterable[str]) -> RunReport:
        """Extract every input; raises :class:`FolderLocked` when another run writes to the folder."""
        with locked(self.out_dir):
            return self._run(inputs)

    def _run(self, inputs: Iterable[str]) -> RunReport:
        report = RunReport(
            started=datetime.now(UTC).isoformat(timespec="seconds"),
            backend=self.extractor.backend.name,
            model=self.extractor.backend.model,
        )
        started = time.perf_counter()
        remove_stale_temps(self.out_dir)
        statuses: list[Future[DocumentStatus]] = []
        slots = threading.BoundedSemaphore(self.concurrency * 2)
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="extract") as pool:
            for article in iter_articles(inputs, self._doc_id):
                if isinstance(article, InputError):
                    report.documents.append(
                        self._emit(
                            DocumentStatus(
                                path=article.path, status="failed", reason=article.reason, error_type="InputError"
                            )
                        )
                    )
                    continue
                slots.acquire()
                fut = pool.submit(self._one, article, pool)
                fut.add_done_callback(lambda _f: slots.release())
                statuses.append(fut)
            for fut in statuses:
                report.documents.append(fut.result())
        for d in report.documents:
            report.tokens = report.tokens.add(d.tokens)
        report.seconds = round(time.perf_counter() - started, 3)
        report.finished = datetime.now(UTC).isoformat(timespec="seconds")
        write_model(self.out_dir / "run.json", report)
        return report

    def _emit(self, status: DocumentStatus) -> DocumentStatus:
        self.on_event(status)
        return status

    def _one(self, article: Article, pool: ThreadPoolExecutor) -> DocumentStatus:
        """One document, guarded: whatever goes wrong (the model, the disk) fails this document alone."""
        with self._lock:
            first = self._by_sha.get(article.sha256)
            mine: Future[DocumentResult] = Future()
            if first is None:
                self._by_sha[article.sha256] = (article.doc_id, mine)
        try:
            return self._emit(self._extract_and_write(article, first, mine))
        except Exception as exc:
            if not mine.done():  # duplicates waiting on this text fail with the same reason
                mine.set_exception(exc)
            return self._emit(self._failed(article, exc))
        finally:
            if not mine.done():  # interrupted: waiting duplicates must not hang
                mine.cancel()

    def _failed(self, article: Article, exc: Exception) -> DocumentStatus:
        if isinstance(exc, ExtractionFailed):
            return DocumentStatus(
                path=article.path,
                doc_id=article.doc_id,
                status="failed",
                reason=exc.reason,
                error_type=exc.cause_type or "ExtractionFailed",
                attempts=exc.attempts,
                tokens={"prompt": exc.prompt_tokens, "completion": exc.completion_tokens},
            )
        if isinstance(exc, OSError):
            return DocumentStatus(
                path=article.path,
                doc_id=article.doc_id,
                status="failed",
                reason=f"cannot write its output in {self.out_dir}: {exc.strerror or exc}",
                error_type=type(exc).__name__,
            )
        return DocumentStatus(  # one document never kills the run
            path=article.path,
            doc_id=article.doc_id,
            status="failed",
            reason=f"internal error: {type(exc).__name__}: {exc}"[:300],
            error_type=type(exc).__name__,
        )

    def _extract_and_write(
        self, article: Article, first: tuple[str, Future[DocumentResult]] | None, mine: Future[DocumentResult]
    ) -> DocumentStatus:
        out = self.out_dir / f"{article.doc_id}.json"
        text_file = self.out_dir / f"{article.doc_id}.txt"
        if not _holds(text_file, article.text):  # unchanged reruns rewrite (and fsync) nothing
            atomic_write(text_file, article.text)
        if first is not None:
            result = _relabel(first[1].result(), article)
            status = "duplicate"
        elif self.extractor.options.use_cache and (old := _unchanged(out, article, self.extractor)) is not None:
            result, status = old, "skipped"
        else:
            result, status = self.extractor.extract(article), "ok"
            result.schema_ref = SCHEMA_REF
        if status != "skipped":
            result.source.text_path = text_file.name
            write_model(out, result)
        if first is None:
            mine.set_result(result)
        meta = result.meta
        return DocumentStatus(
            path=article.path,
            doc_id=article.doc_id,
            status=status,
            output=str(out),
            claims=len(result.claims),
            dropped_ungrounded=meta.dropped_ungrounded,
            attempts=meta.attempts if status == "ok" else 0,
            calls=meta.calls if status == "ok" else 0,
            tokens=meta.tokens if status == "ok" else {"prompt": 0, "completion": 0},
            seconds=meta.seconds if status == "ok" else 0.0,
            duplicate_of=first[0] if first is not None else None,
            reason="unchanged since the last run" if status == "skipped" else None,
        )
