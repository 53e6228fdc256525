"""Typed errors that carry what a user needs to act: the file, the attempt count, the tokens.

Each class maps to one retry policy (see ``summarizer.extract.retry``): transient errors are
retried with backoff, validation errors are re-asked with the error text, the rest fail the
document with a one-line reason.
"""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class; ``str(err)`` is a one-line, user-facing message."""


class InputError(SummarizerError):
    """An input file cannot be used (empty, binary, undecodable, unreadable, missing)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(SummarizerError):
    """Configuration or model set-up problem (unknown model, bad hash, missing package)."""


class BackendError(SummarizerError):
    """A model call failed. ``retryable`` decides whether backoff-and-retry may help."""

    retryable = False

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class TransientBackendError(BackendError):
    """429, 5xx, timeouts, dropped connections: back off (honouring Retry-After) and retry."""

    retryable = True

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class PermanentBackendError(BackendError):
    """4xx other than 408/409/429, schema or mode rejected: retrying the same call cannot help."""


class ReplyError(SummarizerError):
    """A reply came back but cannot be used as it is."""


class InvalidReply(ReplyError):
    """Malformed JSON, schema violation, or evidence that cannot be grounded: re-ask with this text."""

    def __init__(self, message: str, *, reply: str = "") -> None:
        super().__init__(message)
        self.reply = reply


class TruncatedReply(ReplyError):
    """finish_reason 'length' or 'repetition': never re-asked blindly; split the input (after raising
    max_tokens once for 'length')."""

    def __init__(self, max_tokens: int, *, runaway: bool = False) -> None:
        why = "cut short: the model kept repeating itself" if runaway else f"reply truncated at max_tokens={max_tokens}"
        super().__init__(why)
        self.max_tokens = max_tokens
        self.runaway = runaway


class RefusedReply(ReplyError):
    """The model refused (refusal field, content filter, or empty choices)."""


class ExtractionFailed(SummarizerError):
    """A document could not be extracted; carries attempts and tokens summed over all of them."""

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        attempts: int,
        prompt_tokens: int,
        completion_tokens: int,
        last_reply: str = "",
        cause_type: str = "",
    ) -> None:
        super().__init__(f"{path}: {reason} (after {attempts} attempt(s), {prompt_tokens}+{completion_tokens} tokens)")
        self.path = path
        self.reason = reason
        self.attempts = attempts
        self.prompt_tokens = prompt_tokens
        self.completion_tokens = completion_tokens
        self.last_reply = last_reply
        self.cause_type = cause_type
