"""In-process llama.cpp (llama-cpp-python): the default backend when no server or key is given.

The model is loaded once per backend object and reused for every document; llama.cpp reuses the
KV cache of the longest common prompt prefix, so the fixed system prompt is evaluated once.
Decoding is constrained with the JSON Schema (``json_object`` + schema: in-process,
``json_schema`` is silently ignored by llama-cpp-python 0.3.x).

Every llama.cpp call runs on one thread owned by the backend. llama.cpp's CPU build uses OpenMP,
whose worker team belongs to the thread that starts a parallel region: once two threads have
decoded (say the main thread for a warm-up, then the runner's worker threads), the idle team keeps
competing for the two cores and decoding gets ~20% slower (measured: 16.1 s on one thread vs 19.3 s
on a second thread for the same 593-token prompt and 120 output tokens). One model thread keeps the
cost the same whichever thread of the pipeline asks. Greedy grammar-constrained decoding checks
the grammar on the chosen token only (:mod:`grammar_first`): the same tokens, ~20 ms less per token.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from summarizer.backends.base import ChatRequest, Completion, OutputMode
from summarizer.backends.runaway import RunawayGuard
from summarizer.errors import ConfigError, PermanentBackendError

T = TypeVar("T")


class EmbeddedBackend:
    name = "embedded"
    max_concurrency = 1
    grammar_constrained = True  # llama.cpp compiles the schema into a grammar
    batch_requests = False
    output_modes: tuple[OutputMode, ...] = (OutputMode.json_object,)

    def __init__(
        self,
        model_path: Path,
        *,
        model_name: str,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        prefix_cache: bool = True,
        guard: RunawayGuard | None = None,
    ) -> None:
        self.model = model_name
        self.model_path = Path(model_path)
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.prefix_cache = prefix_cache
        self.guard = guard or RunawayGuard()
        self._llm: Any = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llama")  # also serializes calls

    @property
    def mode(self) -> OutputMode:
        return OutputMode.json_object

    def on_model_thread(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(llm)`` on the backend's model thread (loading the model first) and return its result."""
        return self._thread.submit(lambda: fn(self._load())).result()

    def _load(self) -> Any:
        if self._llm is None:
            try:
                from summarizer.backends.grammar_first import GrammarFirstLlama
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise ConfigError("llama-cpp-python is not installed; run `make install`") from exc
            if not self.model_path.exists():
                raise ConfigError(f"model file not found: {self.model_path}")
            self._llm = GrammarFirstLlama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                verbose=False,
                seed=0,
            )
        return self._llm

    def count_tokens(self, text: str) -> int:
        data = text.encode("utf-8")
        return self.on_model_thread(lambda llm: len(llm.tokenize(data, add_bos=False, special=True)))

    def complete(self, request: ChatRequest) -> Completion:
        return self.on_model_thread(lambda llm: self._complete(llm, request))

    def _complete(self, llm: Any, request: ChatRequest) -> Completion:
        """Streamed so a runaway (see :mod:`runaway`) is cut short instead of decoded to max_tokens."""
        if not self.prefix_cache:
            llm.reset()
        started = time.perf_counter()
        pieces: list[str] = []
        decoded = 0  # one streamed delta per decoded token
        finish: str | None = None
        try:
            stream = llm.create_chat_completion(
                messages=request.messages,
                response_format={"type": "json_object", "schema": request.json_schema},
                max_tokens=request.max_tokens,
                temperature=request.temperature,
                seed=request.seed,
                stream=True,
            )
            for chunk in stream:
                choice = chunk["choices"][0]
                delta = choice.get("delta") or {}
                if "content" in delta:
                    decoded += 1
                    pieces.append(delta["content"] or "")
                    if decoded % self.guard.check_every == 0 and self.guard.repeating_tail("".join(pieces)):
                        finish = "repetition"
                        stream.close()
                        break
                finish = choice.get("finish_reason") or finish
        except ValueError as exc:  # e.g. prompt longer than the context window
            raise PermanentBackendError(f"llama.cpp rejected the request: {exc}") from None
        return Completion(
            text="".join(pieces),
            finish_reason=finish,
            prompt_tokens=max(0, int(llm.n_tokens) - decoded),
            completion_tokens=decoded,
            model=self.model,
            seconds=time.perf_counter() - started,
            mode=self.mode,
        )
