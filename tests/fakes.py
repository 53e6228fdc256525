"""A fake backend that replays queued replies: for unit tests of retry, re-ask and validation."""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from summarizer.backends.base import ChatRequest, Completion


def reply(claims: list[dict[str, Any]], summary: str = "A summary.", **kw: Any) -> Completion:
    return Completion(
        text=json.dumps({"summary": summary, "claims": claims}),
        finish_reason="stop",
        prompt_tokens=kw.pop("prompt_tokens", 100),
        completion_tokens=kw.pop("completion_tokens", 20),
        **kw,
    )


def reply_cues(cues: list[int], summary: str = "A summary.") -> Completion:
    """A reply of the ``sentence`` style: the numbers of the marked cue words the model confirms."""
    return Completion(text=json.dumps({"cues": cues, "summary": summary}), finish_reason="stop", completion_tokens=8)


def claim(sentence: int, cue: str = "said") -> dict[str, Any]:
    """One reply item: the sentence the model cites and the cue word it names there."""
    return {"sentence": sentence, "cue": cue}


class FakeBackend:
    name = "fake"
    model = "fake-model"
    max_concurrency = 4

    def __init__(self, *items: Completion | Exception, mode: str = "json_schema") -> None:
        self.queue: deque[Completion | Exception] = deque(items)
        self.requests: list[ChatRequest] = []
        self._mode = mode

    @property
    def mode(self) -> str:
        return self._mode

    def complete(self, request: ChatRequest) -> Completion:
        self.requests.append(request)
        if not self.queue:
            raise AssertionError("FakeBackend: no reply queued")
        item = self.queue.popleft()
        if isinstance(item, Exception):
            raise item
        return item
