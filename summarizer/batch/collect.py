"""``collect``: a Batch output file → completions in the call log, keyed as the online path keys them.

Output lines (OpenAI Batch API and vLLM ``run_batch`` write the same shape)::

    {"id": ..., "custom_id": "doc#chunk0", "response": {"status_code": 200, "body": <chat.completion>},
     "error": null}

For each line the request is read back from the requests file by ``custom_id``, rebuilt as the
``ChatRequest`` it was written from, and checked: its body must be byte-for-byte what the
collecting backend would send now (same model, mode, prompt, schema). Only then is the reply
recorded under ``request.cache_key(backend.name, backend.model, backend.mode)``: the key the
extractor looks up for that chunk's first request. Failed lines are not recorded, so those chunks
are asked online (or, offline, written to a follow-up batch file).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.backends.base import ChatRequest, Completion, OutputMode
from summarizer.batch.manifest import Manifest, dump_line, manifest_path_for
from summarizer.batch.prepare import URL, body_writer
from summarizer.errors import ConfigError, PermanentBackendError
from summarizer.extract.engine import Extractor


@dataclass
class BatchResult:
    """One line of a Batch output (or error) file."""

    custom_id: str
    status_code: int | None
    body: dict[str, Any] | None
    error: str | None


@dataclass
class CollectStats:
    results: int = 0
    recorded: int = 0
    already: int = 0  # the same reply was already in the log (collect run twice)
    invalid: int = 0  # recorded, but not valid JSON for the schema: the extraction re-asks
    truncated: int = 0
    refused: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (custom_id, reason): not recorded
    unknown: list[str] = field(default_factory=list)  # custom_ids not in the requests file
    stale: list[str] = field(default_factory=list)  # requests that this run would not send as written
    doc_of_chunk: dict[str, str] = field(default_factory=dict)  # names follow-up requests after their document


def read_results(path: Path | str) -> Iterator[BatchResult]:
    """Stream a Batch output or error file."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                custom_id = str(rec["custom_id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ConfigError(f"{path}:{n}: not a Batch output line") from None
            response = rec.get("response") or {}
            body = response.get("body")
            if isinstance(body, str):  # some servers store the body as text
                try:
                    body = json.loads(body)
                except json.JSONDecodeError:
                    body = None
            error = rec.get("error")
            if isinstance(error, dict):
                error = error.get("message") or error.get("code") or json.dumps(error)
            yield BatchResult(
                custom_id=custom_id,
                status_code=response.get("status_code"),
                body=body if isinstance(body, dict) else None,
                error=str(error) if error else None,
            )


def completion_from_body(body: dict[str, Any], mode: str) -> Completion:
    """A ``chat.completion`` body as the online backend turns it into a ``Completion``."""
    usage = body.get("usage") or {}
    prompt_tokens = int(usage.get("prompt_tokens") or 0)
    completion_tokens = int(usage.get("completion_tokens") or 0)
    model = body.get("model") or ""
    choices = body.get("choices") or []
    if not choices:
        return Completion(
            text="",
            finish_reason="no_choices",
            model=model,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            refusal="server returned no choices",
            mode=mode,
        )
    choice = choices[0]
    message = choice.get("message") or {}
    refusal = message.get("refusal")
    finish = choice.get("finish_reason")
    if finish == "content_filter":
        refusal = refusal or "content filter"
    return Completion(
        text=message.get("content") or "",
        finish_reason=finish,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        model=model,
        refusal=refusal,
        mode=mode,
    )


def _chunk_key(messages: list[dict[str, str]]) -> str:
    """Identifies a chunk across its requests: re-asks keep the first two messages."""
    return hashlib.sha256(json.dumps(messages[:2], sort_keys=True).encode()).hexdigest()


def doc_id_of(custom_id: str) -> str:
    """``doc#chunk0`` / ``doc#1a2b3c…`` → ``doc``."""
    return custom_id.rsplit("#", 1)[0]


class RequestsFile:
    """Random access to a requests JSONL by ``custom_id`` (offsets only: a million lines fit)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.offsets: dict[str, int] = {}
        self.doc_of_chunk: dict[str, str] = {}
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 - kept open for seeks, closed in close()
        except FileNotFoundError:
            raise ConfigError(f"batch requests file not found: {self.path}") from None
        self._fh = fh
        offset = 0
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    rec = json.loads(line)
                    custom_id = str(rec["custom_id"])
                    messages = rec["body"]["messages"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise ConfigError(f"{self.path}:{n}: not a Batch request line") from None
                self.offsets[custom_id] = offset
                self.doc_of_chunk.setdefault(_chunk_key(messages), doc_id_of(custom_id))
            offset += len(line)

    def body(self, custom_id: str) -> dict[str, Any] | None:
        offset = self.offsets.get(custom_id)
        if offset is None:
            return None
        self._fh.seek(offset)
        body: dict[str, Any] = json.loads(self._fh.readline())["body"]
        return body

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> RequestsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def record_results(
    extractor: Extractor, manifest: Manifest, manifest_path: Path | str, results: Iterable[BatchResult]
) -> CollectStats:
    """Record every usable reply in ``extractor.calllog`` under its request's cache key."""
    backend = extractor.backend
    manifest.check(
        backend=backend.name,
        model=backend.model,
        mode=backend.mode,
        prompt_sha256=extractor.prompts().sha256,
        schema_sha256=extractor.schema_sha256,
    )
    request_body = body_writer(extractor)
    stats = CollectStats()
    with RequestsFile(manifest.requests_path(manifest_path)) as requests:
        stats.doc_of_chunk = requests.doc_of_chunk
        for r in results:
            stats.results += 1
            body = requests.body(r.custom_id)
            if body is None:
                stats.unknown.append(r.custom_id)
                continue
            if r.error or r.status_code != 200 or r.body is None:
                if r.error:
                    reason = r.error
                elif r.status_code != 200:
                    reason = f"HTTP {r.status_code}"
                else:
                    reason = "no response body"
                stats.failed.append((r.custom_id, reason))
                continue
            request = manifest.request_from_body(body)
            if request_body(request) != body:
                stats.stale.append(r.custom_id)
                continue
            completion = completion_from_body(r.body, backend.mode)
            status, error, parsed = extractor.classify(completion)
            key = request.cache_key(backend.name, backend.model, backend.mode)
            hit = extractor.calllog.lookup(key)
            if hit is not None and hit.text == completion.text and hit.finish_reason == completion.finish_reason:
                stats.already += 1
                continue
            extractor.calllog.record(
                request_hash=key,
                request=request,
                backend=backend.name,
                model=backend.model,
                mode=backend.mode,
                prompt_sha256=manifest.prompt_sha256,
                doc_id=doc_id_of(r.custom_id),
                completion=completion,
                status=status,
                error=error,
                parsed=parsed,
            )
            stats.recorded += 1
            if status != "ok":
                setattr(stats, status, getattr(stats, status) + 1)
    return stats


class BatchOnlyBackend:
    """Stands in for the server when collecting offline.

    Same name, model and mode as the wrapped OpenAI-compatible backend, so the extractor computes
    the same cache keys; a request the log cannot answer (a re-ask, a raised ``max_tokens``, a
    failed batch line) is kept as pending and fails its document, to be sent in a follow-up batch.
    """

    def __init__(self, backend: Any) -> None:
        self._backend = backend
        self.name: str = backend.name
        self.model: str = backend.model
        self.max_concurrency: int = backend.max_concurrency
        self.grammar_constrained: bool = backend.grammar_constrained
        self.batch_requests: bool = backend.batch_requests
        self.output_modes: tuple[OutputMode, ...] = backend.output_modes
        self.pending: dict[str, ChatRequest] = {}
        self._lock = threading.Lock()

    @property
    def mode(self) -> OutputMode:
        return OutputMode(self._backend.mode)

    def request_body(self, request: ChatRequest, mode: Any = None) -> dict[str, Any]:
        body: dict[str, Any] = self._backend.request_body(request, mode)
        return body

    def complete(self, request: ChatRequest) -> Completion:
        key = request.cache_key(self.name, self.model, self.mode)
        with self._lock:
            self.pending.setdefault(key, request)
        raise PermanentBackendError(
            "needs a model call that is not in the batch results (a re-ask, a longer reply "
            "or a failed batch line); it is in the follow-up batch file"
        )


def write_pending(
    backend: BatchOnlyBackend, manifest: Manifest, requests_path: Path | str, doc_of_chunk: dict[str, str] | None = None
) -> Manifest | None:
    """Write the pending requests as a follow-up batch file (and its manifest); None if none."""
    if not backend.pending:
        return None
    path = Path(requests_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    docs: set[str] = set()
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for key, request in backend.pending.items():
            doc = (doc_of_chunk or {}).get(_chunk_key(request.messages), "request")
            docs.add(doc)
            fh.write(
                dump_line(
                    {
                        "custom_id": f"{doc}#{key[:12]}",
                        "method": "POST",
                        "url": URL,
                        "body": backend.request_body(request),
                    }
                )
            )
    follow = manifest.model_copy(
        update={
            "round": manifest.round + 1,
            "requests_file": path.name,
            "requests": len(backend.pending),
            "documents": len(docs),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    follow.save(manifest_path_for(path))
    return follow
