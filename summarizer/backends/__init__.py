"""Model backends behind one protocol: an OpenAI-compatible HTTP client and embedded llama.cpp.

Backends know nothing about articles or claims (an import-linter contract keeps stages out):
they turn a ``ChatRequest`` into a ``Completion`` or raise a typed ``BackendError``.
"""

from summarizer.backends.base import Backend, ChatRequest, Completion, OutputMode

__all__ = ["Backend", "ChatRequest", "Completion", "OutputMode"]
