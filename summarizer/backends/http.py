"""The HTTP layer under the OpenAI SDK: a wall-clock deadline per request, a bound on reply size,
and the secrets a server might echo back.

Why a transport: httpx's timeout is per read, so a server that trickles one byte a second never
times out; and a runaway server can send any number of bytes. The transport reads each reply body
itself, against a deadline and a size limit, before the SDK sees it.
"""

from __future__ import annotations

import base64
import time
from urllib.parse import unquote, urlsplit

try:  # the OpenAI SDK's own HTTP library: httpx2 since openai 3, httpx before
    import httpx2 as httpx
except ImportError:  # pragma: no cover - older openai
    import httpx  # type: ignore[no-redef]

MAX_REPLY_BYTES = 8 * 1024 * 1024  # a reply of a few hundred tokens is a few KB; 8 MB is a runaway


class ReplyTooLarge(httpx.TransportError):
    """The server sent more than ``MAX_REPLY_BYTES``; the rest is not read."""


class DeadlineTransport(httpx.HTTPTransport):
    """An HTTP transport that gives each request ``deadline`` seconds in all, headers and body."""

    def __init__(self, deadline: float, max_bytes: int = MAX_REPLY_BYTES) -> None:
        super().__init__()
        self.deadline = deadline
        self.max_bytes = max_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        ends = time.monotonic() + self.deadline
        response = super().handle_request(request)
        body = bytearray()
        try:
            for chunk in response.stream:  # type: ignore[union-attr]
                body += chunk
                if len(body) > self.max_bytes:
                    raise ReplyTooLarge(f"reply larger than {self.max_bytes // (1024 * 1024)} MB", request=request)
                if time.monotonic() > ends:
                    raise httpx.ReadTimeout(f"no complete reply within {self.deadline:g}s", request=request)
        finally:
            response.close()
        return httpx.Response(
            response.status_code, headers=response.headers, content=bytes(body), extensions=response.extensions
        )


def secrets_in(api_key: str | None, base_url: str | None) -> list[str]:
    """Every form in which a credential could come back in a server's message: the key, and the
    user:password of a base URL as written, decoded and as the Basic-auth token httpx sends."""
    found = [api_key] if api_key else []
    parts = urlsplit(base_url or "")
    if parts.password or parts.username:
        user, password = unquote(parts.username or ""), unquote(parts.password or "")
        pair = f"{user}:{password}"
        found += [pair, f"{parts.username}:{parts.password}", base64.b64encode(pair.encode()).decode()]
        if password:
            found += [password, parts.password or ""]
    return sorted({s for s in found if s}, key=len, reverse=True)


def redact(text: str, secrets: list[str]) -> str:
    """``text`` with every secret replaced, whatever its length (a short key is still a key)."""
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return text


def public_url(base_url: str | None) -> str | None:
    """The base URL without its user:password, for messages."""
    if not base_url:
        return base_url
    parts = urlsplit(base_url)
    if not (parts.username or parts.password):
        return base_url
    host = parts.hostname or ""
    netloc = f"[redacted]@{host}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()
