"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks.

It answers /v1/chat/completions from a script of behaviours (one per request, the last one
repeating): a valid reply built from the prompt's numbered sentences, or a fault — 429 with
Retry-After, 500/503, a hang, a dropped connection, malformed JSON, schema-violating JSON,
truncation, a refusal, empty choices, a 401; and the adversarial ones: an HTML page or an error
object with HTTP 200, null or list content, a 10 MB reply, a body trickled one byte at a time,
JSON fenced after prose, a reply without its summary. Every request body is recorded for assertions.

``routes`` gives documents their own scripts: a request whose messages contain a route's marker
string follows that route's script (with its own counter), so faults can be pinned to one
document while others run concurrently.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = str | Callable[[dict[str, Any]], tuple[int, dict[str, str], bytes]]


def claims_from_prompt(body: dict[str, Any]) -> dict[str, Any]:
    """A plausible valid reply for any reply style: the summary; every marked cue word confirmed
    (``cues``); and a ``said`` item for each numbered sentence that says "said" (``claims``).
    Pydantic ignores the keys a style does not have."""
    user = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user" and "<article>" in m["content"])
    said = [int(i) for i, line in re.findall(r"^\[(\d+)\] (.*)$", user, re.M) if re.search(r"\bsaid\b", line)]
    marked = [int(k) for k in re.findall(r"\{(\d+)\}", user)]
    claims = [{"sentence": i, "cue": "said"} for i in said]
    return {"summary": "A stub summary.", "claims": claims, "cues": marked}


def _completion(content: str | None, finish: str = "stop", refusal: str | None = None, choices: bool = True) -> bytes:
    msg: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal:
        msg["refusal"] = refusal
    out = {
        "id": "stub-1",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "stub",
        "choices": [{"index": 0, "message": msg, "finish_reason": finish}] if choices else [],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }
    return json.dumps(out).encode()


def reply_with(payload: dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]) -> Behaviour:
    """A behaviour answering 200 with ``payload`` (or ``payload(body)``) as the reply content."""

    def behaviour(body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        content = payload(body) if callable(payload) else payload
        return 200, {}, _completion(json.dumps(content))

    return behaviour


class StubServer:
    def __init__(
        self,
        script: list[Behaviour] | None = None,
        *,
        delay: float = 0.0,
        routes: dict[str, list[Behaviour]] | None = None,
    ) -> None:
        self.script = list(script or ["ok"])
        self.delay = delay
        self.routes = {marker: list(steps) for marker, steps in (routes or {}).items()}
        self.requests: list[dict[str, Any]] = []
        self.times: list[float] = []
        self.headers: list[dict[str, str]] = []
        self.route_counts: dict[str, int] = {}
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are separate writes: no delayed-ACK stall

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with stub._lock:
                    stub.requests.append(body)
                    stub.times.append(time.monotonic())
                    stub.headers.append({k.lower(): v for k, v in self.headers.items()})
                    behaviour = stub._next(body)
                if stub.delay:
                    time.sleep(stub.delay)
                seen = {**body, "_authorization": self.headers.get("authorization", "")}
                status, headers, payload = stub.respond(behaviour, seen)
                if status == 0:  # drop the connection without answering
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if behaviour == "trickle":  # headers at once, then the body one byte every 0.25 s
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    for i in range(len(payload)):
                        self.wfile.write(payload[i : i + 1])
                        self.wfile.flush()
                        time.sleep(0.25)
                    return
                self.send_response(status)
                for k, v in {"content-type": "application/json", **headers}.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # a hanging handler must not hold up shutdown
        # a client that gave up (timeout) makes the late write fail: expected, not worth a traceback
        self.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _next(self, body: dict[str, Any]) -> Behaviour:
        """The behaviour for this request (called under the lock)."""
        text = "\n".join(str(m.get("content") or "") for m in body.get("messages", []))
        for marker, steps in self.routes.items():
            if marker in text:
                n = self.route_counts.get(marker, 0)
                self.route_counts[marker] = n + 1
                return steps[min(n, len(steps) - 1)]
        n = self.route_counts.get("", 0)
        self.route_counts[""] = n + 1
        return self.script[min(n, len(self.script) - 1)]

    def requests_with(self, marker: str) -> list[dict[str, Any]]:
        """Recorded requests whose messages mention ``marker``."""
        return [b for b in self.requests if any(marker in str(m.get("content") or "") for m in b.get("messages", []))]

    def respond(self, behaviour: Behaviour, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        if callable(behaviour):
            return behaviour(body)
        err = lambda code, msg: json.dumps({"error": {"message": msg, "code": code}}).encode()  # noqa: E731
        if behaviour == "ok":
            return 200, {}, _completion(json.dumps(claims_from_prompt(body)))
        if behaviour.startswith("429"):
            after = behaviour.split(":")[1] if ":" in behaviour else "1"
            return 429, {"retry-after": after}, err(429, "rate limited")
        if behaviour == "401":  # a careless server that echoes the credential it was sent
            sent = body.get("_authorization", "").removeprefix("Bearer ")
            return 401, {}, err(401, f"Incorrect API key provided: {sent}")
        if behaviour in ("500", "503"):
            return int(behaviour), {}, err(int(behaviour), "server error")
        if behaviour.startswith("hang"):
            time.sleep(float(behaviour.split(":")[1]) if ":" in behaviour else 30)
            return 200, {}, _completion(json.dumps(claims_from_prompt(body)))
        if behaviour == "drop":
            return 0, {}, b""
        if behaviour == "trickle":
            return 200, {}, _completion(json.dumps(claims_from_prompt(body)))
        if behaviour == "malformed_body":
            return 200, {}, b'{"id": "x", "choices": [ {'
        if behaviour == "bad_json":
            return 200, {}, _completion('{"summary": "x", "claims": [{"sentence": 1,')
        if behaviour == "schema_violation":
            return 200, {}, _completion('{"summary": 3, "claims": [{"speaker": "x"}]}')
        if behaviour == "truncated":
            return 200, {}, _completion('{"summary": "x", "claims": [', finish="length")
        if behaviour == "refusal":
            return 200, {}, _completion(None, refusal="I cannot help with that.")
        if behaviour == "no_choices":
            return 200, {}, _completion(None, choices=False)
        if behaviour == "html_body":  # a proxy or web server answering in place of the API
            return (
                200,
                {"content-type": "text/html"},
                b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>",
            )
        if behaviour == "error_body":  # HTTP 200 carrying an error object instead of a completion
            return 200, {}, err(503, "model is loading, try again later")
        if behaviour == "null_content":
            return 200, {}, _completion(None)
        if behaviour == "list_content":
            out = json.loads(_completion(None))
            out["choices"][0]["message"]["content"] = [{"type": "text", "text": json.dumps(claims_from_prompt(body))}]
            return 200, {}, json.dumps(out).encode()
        if behaviour == "huge":  # a 10 MB reply
            return 200, {}, _completion(json.dumps({"summary": "x" * 10_000_000, "claims": []}))
        if behaviour == "prose_then_fence":
            text = "Here is the JSON you asked for:\n```json\n" + json.dumps(claims_from_prompt(body)) + "\n```"
            return 200, {}, _completion(text)
        if behaviour == "no_summary":
            reply = claims_from_prompt(body)
            reply.pop("summary")
            return 200, {}, _completion(json.dumps(reply))
        if behaviour == "reject_json_schema":
            fmt = body.get("response_format", {}).get("type")
            if fmt == "json_schema":
                return 500, {}, err(500, "response_format type json_schema is not supported")
            return 200, {}, _completion(json.dumps(claims_from_prompt(body)))
        raise ValueError(f"unknown behaviour {behaviour}")

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
