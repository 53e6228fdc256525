"""The manifest written beside a batch requests file: what shaped the bodies, and the inputs.

A Batch output file holds only ``custom_id`` and the reply, so ``collect`` needs the requests file
(for each request's messages) and this manifest (for the inputs to re-read and the settings that
must be the same again). The cache key of a request covers backend name, model and output mode
besides the request itself; the manifest pins all three, plus the prompt and schema hashes, so a
collect with other settings is refused instead of silently missing the cache.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from summarizer.backends.base import ChatRequest
from summarizer.errors import ConfigError

MANIFEST_VERSION = 1


def manifest_path_for(requests_path: Path | str) -> Path:
    """``batch/requests.jsonl`` → ``batch/requests.manifest.json``."""
    path = Path(requests_path)
    stem = path.name.removesuffix(".jsonl").removesuffix(".json")
    return path.with_name(f"{stem}.manifest.json")


class Manifest(BaseModel):
    version: int = MANIFEST_VERSION
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    round: int = Field(default=1, description="1 for prepare; 2, 3, … for follow-up (pending) files")
    requests_file: str = Field(description="the requests JSONL, relative to the manifest's folder")
    backend: str = "openai"
    model: str
    output_mode: str = Field(description="the resolved mode the bodies were written for (never auto)")
    evidence_style: str
    max_tokens: int
    max_reasks: int
    chunk_chars: int
    prompt_sha256: str
    schema_sha256: str
    schema_name: str
    json_schema: dict[str, Any]
    inputs: list[str] = Field(description="absolute input paths, re-read by collect")
    documents: int = 0
    requests: int = 0

    # -- files --------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str) -> Manifest:
        try:
            return cls.model_validate_json(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"batch manifest not found: {path}") from None
        except ValueError as exc:
            raise ConfigError(f"{path}: not a batch manifest ({str(exc).splitlines()[0]})") from None

    def save(self, path: Path | str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")

    def requests_path(self, manifest_path: Path | str) -> Path:
        return Path(manifest_path).parent / self.requests_file

    # -- settings -----------------------------------------------------------------------------
    def settings_flags(self) -> dict[str, Any]:
        """The settings that change request bodies or their handling: collect runs with these."""
        return {
            "backend": self.backend,
            "model": self.model,
            "output_mode": self.output_mode,
            "evidence_style": self.evidence_style,
            "max_tokens": self.max_tokens,
            "max_reasks": self.max_reasks,
            "chunk_chars": self.chunk_chars,
        }

    def check(self, *, backend: str, model: str, mode: str, prompt_sha256: str, schema_sha256: str) -> None:
        """Refuse to collect with an extractor whose requests would not be the prepared ones."""
        mine = {
            "backend": self.backend,
            "model": self.model,
            "output mode": self.output_mode,
            "prompt": self.prompt_sha256,
            "schema": self.schema_sha256,
        }
        theirs = {
            "backend": backend,
            "model": model,
            "output mode": mode,
            "prompt": prompt_sha256,
            "schema": schema_sha256,
        }
        diff = [f"{k} {mine[k][:16]!r} → {theirs[k][:16]!r}" for k in mine if mine[k] != theirs[k]]
        if diff:
            raise ConfigError(
                "the batch was prepared with other settings or prompts ("
                + "; ".join(diff)
                + "): its replies would not match this run's requests; prepare it again"
            )

    def request_from_body(self, body: dict[str, Any]) -> ChatRequest:
        """The ``ChatRequest`` a body was written from (schema and name come from the manifest:
        ``json_object`` and prompt-only bodies do not carry them)."""
        return ChatRequest(
            messages=body["messages"],
            schema_name=self.schema_name,
            json_schema=self.json_schema,
            max_tokens=body["max_tokens"],
            temperature=body.get("temperature", 0.0),
            seed=body.get("seed"),
        )


def dump_line(record: dict[str, Any]) -> str:
    """One JSONL line, UTF-8 as is (the API accepts it; it halves the size of non-Latin text)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
