"""The Backend protocol and the request/reply types every backend speaks."""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, Field


class OutputMode(StrEnum):
    """How the JSON Schema reaches the server.

    json_schema  OpenAI structured outputs (strict): OpenAI, vLLM, llama.cpp's C++ server, LM Studio.
    json_object  ``{"type": "json_object", "schema": ...}``: llama-cpp-python (server and in-process).
    prompt       schema only in the prompt, reply validated afterwards: anything else.
    auto         try the best mode the server accepts, falling back on rejection.
    """

    auto = "auto"
    json_schema = "json_schema"
    json_object = "json_object"
    prompt = "prompt"


class ChatRequest(BaseModel):
    messages: list[dict[str, str]]
    schema_name: str
    json_schema: dict[str, Any] = Field(description="the response schema (strict form)")
    max_tokens: int = 1024
    temperature: float = 0.0
    seed: int | None = 0

    def cache_key(self, backend: str, model: str, mode: str) -> str:
        """Hash of everything that changes the reply (never includes credentials)."""
        payload = {"backend": backend, "model": model, "mode": mode, **self.model_dump()}
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


class Completion(BaseModel):
    text: str
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str = ""
    seconds: float = 0.0
    refusal: str | None = None
    mode: str = ""
    cached: bool = False


@runtime_checkable
class Backend(Protocol):
    """Anything that answers chat requests. ``name``/``model`` go into metadata and cache keys.

    What a backend can do is said by its attributes, never guessed from its name:
    ``grammar_constrained``  the decoder enforces the JSON Schema, length bounds included (llama.cpp
                             grammars), so the bounded schema may be sent;
    ``batch_requests``       it can write the body of a Batch API request (``request_body``);
    ``output_modes``         the structured-output modes it speaks; ``mode`` is the one in use.
    """

    name: str
    model: str
    max_concurrency: int
    grammar_constrained: bool
    batch_requests: bool
    output_modes: tuple[OutputMode, ...]

    @property
    def mode(self) -> OutputMode: ...

    def complete(self, request: ChatRequest) -> Completion: ...
