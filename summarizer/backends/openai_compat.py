"""OpenAI and OpenAI-compatible servers (vLLM, llama.cpp, Ollama, LM Studio) over HTTP.

The SDK's own retries are off (``max_retries=0``): retries belong to ``extract.retry`` where each
kind of failure has its own policy and every attempt's tokens are counted. SDK exceptions are
translated into the typed errors of ``summarizer.errors``; the API key never appears in them.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import openai

from summarizer.backends.base import ChatRequest, Completion, OutputMode
from summarizer.backends.http import DeadlineTransport, ReplyTooLarge, redact, secrets_in
from summarizer.errors import PermanentBackendError, TransientBackendError

_FALLBACK: dict[OutputMode, OutputMode] = {
    OutputMode.json_schema: OutputMode.json_object,
    OutputMode.json_object: OutputMode.prompt,
}


def _retry_after(headers: Any) -> float | None:
    """Seconds to wait from Retry-After / retry-after-ms / x-ratelimit-reset-* headers."""
    if headers is None:
        return None
    for key, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(key)
        if value:
            try:
                return max(0.0, float(value) * scale)
            except ValueError:
                continue
    for key in ("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"):
        value = headers.get(key)
        if value and headers.get(key.replace("reset", "remaining")) in ("0", 0):
            text = str(value).rstrip("s")
            try:
                return float(text[:-1]) / 1000 if text.endswith("m") else float(text)
            except ValueError:
                continue
    return None


class OpenAIBackend:
    """Chat completions with an explicit structured-output mode (or ``auto`` with fallback)."""

    name = "openai"
    grammar_constrained = False  # OpenAI strict mode rejects length bounds; servers differ
    batch_requests = True
    output_modes: tuple[OutputMode, ...] = (OutputMode.json_schema, OutputMode.json_object, OutputMode.prompt)

    def __init__(
        self,
        *,
        model: str,
        api_key: str | None = None,
        base_url: str | None = None,
        mode: OutputMode = OutputMode.auto,
        timeout: float = 120.0,
        concurrency: int = 4,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.max_concurrency = max(1, concurrency)
        self._requested = mode
        self._mode: OutputMode = mode if mode != OutputMode.auto else OutputMode.json_schema
        self._lock = threading.Lock()
        self._secrets = secrets_in(api_key, base_url)
        self.timeout = timeout
        self._client = openai.OpenAI(
            api_key=api_key or "not-needed",
            base_url=base_url,
            max_retries=0,
            timeout=timeout,
            http_client=openai.DefaultHttpxClient(transport=DeadlineTransport(timeout), timeout=timeout),
        )

    @property
    def mode(self) -> OutputMode:
        return self._mode

    def response_format(self, request: ChatRequest, mode: OutputMode) -> dict[str, Any] | None:
        if mode == OutputMode.json_schema:
            return {
                "type": "json_schema",
                "json_schema": {"name": request.schema_name, "schema": request.json_schema, "strict": True},
            }
        if mode == OutputMode.json_object:
            return {"type": "json_object", "schema": request.json_schema}
        return None

    def request_body(self, request: ChatRequest, mode: OutputMode | None = None) -> dict[str, Any]:
        """The exact body sent to /v1/chat/completions (also used for Batch API files)."""
        mode = mode or self._mode
        body: dict[str, Any] = {
            "model": self.model,
            "messages": request.messages,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
        }
        if request.seed is not None:
            body["seed"] = request.seed
        fmt = self.response_format(request, mode)
        if fmt is not None:
            body["response_format"] = fmt
        return body

    def complete(self, request: ChatRequest) -> Completion:
        while True:
            mode = self._mode
            try:
                return self._call(request, mode)
            except PermanentBackendError as exc:
                nxt = _FALLBACK.get(mode)
                if self._requested != OutputMode.auto or nxt is None or not _mode_rejected(exc):
                    raise
                with self._lock:
                    if self._mode == mode:
                        self._mode = nxt

    def _short(self, exc: Exception) -> str:
        """The server's error message, with every credential masked (some servers echo them back)."""
        return _short(exc, self._secrets)

    def _call(self, request: ChatRequest, mode: OutputMode) -> Completion:
        body = self.request_body(request, mode)
        started = time.perf_counter()
        try:
            resp = self._client.chat.completions.create(**body)
        except openai.RateLimitError as exc:
            raise TransientBackendError(
                f"rate limited (429): {self._short(exc)}", status=429, retry_after=_retry_after(exc.response.headers)
            ) from None
        except openai.APITimeoutError:
            raise TransientBackendError(f"request timed out (no complete reply within {self.timeout:g}s)") from None
        except openai.APIConnectionError as exc:
            if isinstance(exc.__cause__, ReplyTooLarge):
                raise PermanentBackendError(f"{exc.__cause__}: refused, not stored") from None
            raise TransientBackendError(
                f"connection error: {type(exc.__cause__).__name__ if exc.__cause__ else 'dropped'}"
            ) from None
        except openai.APIStatusError as exc:
            status = exc.status_code
            msg = f"HTTP {status}: {self._short(exc)}"
            if status in (408, 409, 429) or status >= 500:
                # llama-cpp-python answers an unsupported response_format with a 500.
                if status == 500 and "response_format" in msg and self._requested == OutputMode.auto:
                    raise PermanentBackendError(msg, status=status) from None
                raise TransientBackendError(
                    msg, status=status, retry_after=_retry_after(exc.response.headers)
                ) from None
            raise PermanentBackendError(msg, status=status) from None
        except openai.APIResponseValidationError as exc:
            raise TransientBackendError(f"malformed response from server: {self._short(exc)}") from None
        except json.JSONDecodeError:
            raise TransientBackendError("malformed JSON from server") from None
        seconds = time.perf_counter() - started
        _check_is_completion(resp, self._secrets)
        usage = resp.usage
        if not resp.choices:
            return Completion(
                text="",
                finish_reason="no_choices",
                model=resp.model or self.model,
                prompt_tokens=usage.prompt_tokens if usage else 0,
                completion_tokens=usage.completion_tokens if usage else 0,
                seconds=seconds,
                refusal="server returned no choices",
                mode=mode.value,
            )
        choice = resp.choices[0]
        refusal = getattr(choice.message, "refusal", None)
        if choice.finish_reason == "content_filter":
            refusal = refusal or "content filter"
        content = _content_text(choice.message.content)
        if content is None and not refusal:
            raise TransientBackendError("the server sent a completion with no content (message.content is null)")
        return Completion(
            text=content or "",
            finish_reason=choice.finish_reason,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            model=resp.model or self.model,
            seconds=seconds,
            refusal=refusal,
            mode=mode.value,
        )


def _mode_rejected(exc: PermanentBackendError) -> bool:
    text = str(exc).lower()
    return exc.status in (400, 422, 500) and any(
        word in text for word in ("response_format", "json_schema", "json_object", "schema", "format")
    )


def _check_is_completion(resp: Any, secrets: list[str]) -> None:
    """HTTP 200 is not proof of a completion: a proxy's HTML page or an ``{"error": …}`` body comes
    back as a string or an object without choices. Name what came instead."""
    if isinstance(resp, str | bytes):
        head = resp[:200].decode("utf-8", "replace") if isinstance(resp, bytes) else resp[:200]
        kind = "an HTML page" if "<html" in head.lower() or "<!doctype" in head.lower() else "text"
        raise PermanentBackendError(
            f"the server answered HTTP 200 with {kind}, not a chat completion: is --base-url the API's /v1 address?"
        )
    error = getattr(resp, "error", None) or (getattr(resp, "model_extra", None) or {}).get("error")
    if error and not getattr(resp, "choices", None):
        message = error.get("message", error) if isinstance(error, dict) else error
        raise TransientBackendError(
            "the server answered HTTP 200 with an error: " + " ".join(redact(str(message), secrets).split())[:300]
        )
    if not hasattr(resp, "choices"):
        raise PermanentBackendError(f"the server answered HTTP 200 with {type(resp).__name__}, not a chat completion")


def _content_text(content: Any) -> str | None:
    """The message content as text: a string, or the text parts of a list (some servers send
    ``[{"type": "text", "text": …}]``); None when there is none."""
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text", "") if isinstance(p, dict) else getattr(p, "text", "") for p in content]
        return "".join(str(p) for p in parts if p)
    return str(content)


def _short(exc: Exception, secrets: list[str] | None = None) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        err = body.get("error", body)
        message = err.get("message") if isinstance(err, dict) else str(err)
    else:
        message = getattr(exc, "message", None) or str(exc)
    return " ".join(redact(str(message), secrets or []).split())[:300]
