"""``prepare``: articles → one OpenAI Batch API requests file + its manifest.

Each line is ``{"custom_id": "<doc_id>#chunk<k>", "method": "POST", "url": "/v1/chat/completions",
"body": ...}`` where the body is exactly what the online path sends for the chunk's first request
(``OpenAIBackend.request_body(Extractor.request_for(article, chunk))``). Identical requests (the
same article under two names) are written once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.batch.manifest import Manifest, dump_line, manifest_path_for
from summarizer.errors import ConfigError, InputError
from summarizer.extract.engine import Extractor
from summarizer.ingest import iter_articles, split_sentences
from summarizer.outdir import DocIds

URL = "/v1/chat/completions"


@dataclass
class PrepareReport:
    requests_path: Path
    manifest_path: Path
    documents: int = 0
    requests: int = 0
    duplicates: int = 0  # requests identical to one already written (not written again)
    failed: list[InputError] = field(default_factory=list)


def body_writer(extractor: Extractor) -> Callable[[Any], dict[str, Any]]:
    """``request → body`` for the extractor's backend (an OpenAI-compatible one)."""
    backend = extractor.backend
    if not backend.batch_requests:
        raise ConfigError(
            f"batch mode writes OpenAI-compatible requests: the {backend.name} backend cannot; use the openai backend"
        )
    request_body: Callable[[Any], dict[str, Any]] = backend.request_body  # type: ignore[attr-defined]
    return request_body


def prepare(
    extractor: Extractor, inputs: Iterable[str], out: Path | str, on_error: Callable[[InputError], None] | None = None
) -> PrepareReport:
    """Write ``out`` (requests JSONL) and its manifest; return counts and the inputs that failed."""
    inputs = list(inputs)
    if "-" in inputs:
        raise ConfigError("batch mode needs files (collect reads them again), not stdin")
    request_body = body_writer(extractor)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = PrepareReport(requests_path=out, manifest_path=manifest_path_for(out))
    doc_id = DocIds()
    seen: set[str] = set()
    schema_name = "claims"
    backend = extractor.backend
    tmp = out.with_name(f".{out.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for article in iter_articles((os.path.abspath(i) for i in inputs), doc_id):
            if isinstance(article, InputError):
                report.failed.append(article)
                if on_error:
                    on_error(article)
                continue
            report.documents += 1
            sentences = split_sentences(article.text)
            for chunk in extractor.model_chunks(sentences):
                request = extractor.request_for(article, chunk)
                key = request.cache_key(backend.name, backend.model, backend.mode)
                if key in seen:
                    report.duplicates += 1
                    continue
                seen.add(key)
                schema_name = request.schema_name
                fh.write(
                    dump_line(
                        {
                            "custom_id": f"{article.doc_id}#chunk{chunk.index}",
                            "method": "POST",
                            "url": URL,
                            "body": request_body(request),
                        }
                    )
                )
                report.requests += 1
    os.replace(tmp, out)
    prompts = extractor.prompts()
    Manifest(
        requests_file=out.name,
        backend=backend.name,
        model=backend.model,
        output_mode=backend.mode,
        evidence_style=extractor.options.evidence_style,
        max_tokens=extractor.options.max_tokens,
        max_reasks=extractor.options.max_reasks,
        chunk_chars=extractor.options.chunk_chars,
        prompt_sha256=prompts.sha256,
        schema_sha256=extractor.schema_sha256,
        schema_name=schema_name,
        json_schema=extractor.schema,
        inputs=[os.path.abspath(i) for i in inputs],
        documents=report.documents,
        requests=report.requests,
    ).save(report.manifest_path)
    return report
