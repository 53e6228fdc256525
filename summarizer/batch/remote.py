"""The OpenAI Batch API over the openai SDK: upload + create, retrieve, download. Kept thin: every
function takes the client, so tests hand in a fake one and nothing here knows about claims.

A small local registry (``<cache folder>/batches/<batch_id>.json``) remembers which manifest a
submitted batch belongs to, so ``collect BATCH_ID`` finds its requests and inputs again.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.batch.manifest import manifest_path_for
from summarizer.batch.prepare import URL
from summarizer.errors import ConfigError

DONE = {"completed", "expired", "cancelled", "failed"}


def make_client(api_key: str | None, base_url: str | None, timeout: float = 120.0) -> Any:
    """An SDK client with its default retries (uploads and polls are idempotent enough)."""
    import openai

    return openai.OpenAI(api_key=api_key or "not-needed", base_url=base_url, timeout=timeout)


def submit(
    client: Any, requests_path: Path | str, *, completion_window: str = "24h", metadata: dict[str, str] | None = None
) -> Any:
    """Upload the requests file (purpose ``batch``) and create the batch; returns the SDK Batch."""
    path = Path(requests_path)
    if not path.is_file():
        raise ConfigError(f"batch requests file not found: {path}")
    with open(path, "rb") as fh:
        uploaded = client.files.create(file=fh, purpose="batch")
    return client.batches.create(
        input_file_id=uploaded.id,
        endpoint=URL,
        completion_window=completion_window,
        metadata=metadata or {"tool": "summarizer", "requests": path.name[:500]},
    )


def status(client: Any, batch_id: str) -> Any:
    return client.batches.retrieve(batch_id)


def download(client: Any, batch_id: str, folder: Path | str) -> tuple[Any, list[Path]]:
    """Save the batch's output and error files into ``folder``; returns the Batch and the files
    (output first). An unfinished batch with nothing to download is an error."""
    batch = client.batches.retrieve(batch_id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for kind, file_id in (("output", batch.output_file_id), ("errors", batch.error_file_id)):
        if file_id:
            target = folder / f"{batch_id}.{kind}.jsonl"
            target.write_bytes(client.files.content(file_id).content)
            files.append(target)
    if not files:
        raise ConfigError(f"batch {batch_id} is {batch.status}: no results to collect yet")
    return batch, files


# -- registry: batch id → manifest ------------------------------------------------------------------
def register(registry: Path | str, batch: Any, requests_path: Path | str) -> Path:
    folder = Path(registry)
    folder.mkdir(parents=True, exist_ok=True)
    entry = {
        "batch_id": batch.id,
        "input_file_id": getattr(batch, "input_file_id", None),
        "requests": str(Path(requests_path).resolve()),
        "manifest": str(manifest_path_for(Path(requests_path).resolve())),
        "submitted": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path = folder / f"{_safe(batch.id)}.json"
    path.write_text(json.dumps(entry, indent=1) + "\n", encoding="utf-8")
    return path


def manifest_for(registry: Path | str, batch_id: str) -> Path | None:
    path = Path(registry) / f"{_safe(batch_id)}.json"
    if not path.is_file():
        return None
    return Path(json.loads(path.read_text(encoding="utf-8"))["manifest"])


def _safe(batch_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in batch_id)[:200]
