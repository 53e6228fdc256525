"""In-process llama.cpp (llama-cpp-python): the default backend when no server or key is given.

The model is loaded once per backend object and reused for every document; llama.cpp reuses the
KV cache of the longest common prompt prefix, so the fixed system prompt is evaluated once.
Decoding is constrained with the JSON Schema (``json_object`` + schema: in-process,
``json_schema`` is silently ignored by llama-cpp-python 0.3.x).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from summarizer.backends.base import ChatRequest, Completion
from summarizer.errors import ConfigError, PermanentBackendError


class EmbeddedBackend:
    name = "embedded"
    max_concurrency = 1

    def __init__(
        self,
        model_path: Path,
        *,
        model_name: str,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        prefix_cache: bool = True,
    ) -> None:
        self.model = model_name
        self.model_path = Path(model_path)
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.prefix_cache = prefix_cache
        self._llm: Any = None
        self._lock = threading.Lock()

    @property
    def mode(self) -> str:
        return "json_object"

    def load(self) -> Any:
        if self._llm is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise ConfigError("llama-cpp-python is not installed; run `make install`") from exc
            if not self.model_path.exists():
                raise ConfigError(f"model file not found: {self.model_path}")
            self._llm = Llama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                verbose=False,
                seed=0,
            )
        return self._llm

    def count_tokens(self, text: str) -> int:
        return len(self.load().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def complete(self, request: ChatRequest) -> Completion:
        with self._lock:
            llm = self.load()
            if not self.prefix_cache:
                llm.reset()
            started = time.perf_counter()
            try:
                resp = llm.create_chat_completion(
                    messages=request.messages,
                    response_format={"type": "json_object", "schema": request.json_schema},
                    max_tokens=request.max_tokens,
                    temperature=request.temperature,
                    seed=request.seed,
                )
            except ValueError as exc:  # e.g. prompt longer than the context window
                raise PermanentBackendError(f"llama.cpp rejected the request: {exc}") from None
            seconds = time.perf_counter() - started
        choice = resp["choices"][0]
        usage = resp.get("usage") or {}
        return Completion(
            text=choice["message"].get("content") or "",
            finish_reason=choice.get("finish_reason"),
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            model=self.model,
            seconds=seconds,
            mode=self.mode,
        )
