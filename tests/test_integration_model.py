"""Real parts: the embedded llama.cpp model in-process, and llama-cpp-python's OpenAI-compatible
server on 127.0.0.1 driven through the openai backend (json_object and prompt-only modes).

Uses the small pinned model (0.5B) on a short article; `make test` pulls it first.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends import modelstore
from summarizer.backends.base import OutputMode
from summarizer.backends.embedded import EmbeddedBackend
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.calllog import CallLog
from summarizer.extract.chunking import make_chunks
from summarizer.extract.engine import ExtractOptions, Extractor
from summarizer.ingest.reader import read_bytes_as_article
from summarizer.text.sentences import split_sentences

pytestmark = pytest.mark.model

ARTICLE = (
    "Camp Liberty was hit by a barrage of missiles on February 9, 2013, killing six residents. "
    "The National Council of Resistance of Iran said the attack was ordered by Iranian officials. "
    "Iraqi spokesman Ali al-Mousavi denied that his government had any role in the attack."
)


def _model_path() -> Path:
    pinned = modelstore.resolve("small")
    path = modelstore.models_dir() / pinned.filename
    if not path.exists():
        pytest.skip("small model not installed: run `summarizer model pull small` (make test does)")
    return path


def _article():
    return read_bytes_as_article(ARTICLE.encode(), path="short.txt", doc_id="short")


def _check(result) -> None:
    assert result.claims, "no claims"
    for c in result.claims:
        assert ARTICLE[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.speaker.name
    speakers = {c.speaker.name for c in result.claims}
    assert speakers & {
        "The National Council of Resistance of Iran",
        "National Council of Resistance of Iran",
        "Iraqi spokesman Ali al-Mousavi",
        "Ali al-Mousavi",
    }, speakers
    assert result.meta.tokens.completion > 0 and result.meta.attempts >= 1
    assert result.summary.strip(), "the model writes the summary"


def test_embedded_model_gives_grounded_attributed_claims() -> None:
    backend = EmbeddedBackend(_model_path(), model_name="small", n_ctx=2048)
    extractor = Extractor(backend, options=ExtractOptions(max_tokens=400, bounded_schema=True), calllog=CallLog(None))
    result = extractor.extract(_article())
    _check(result)
    assert result.meta.output_mode == "json_object"


def test_embedded_model_confirms_marked_cue_words_by_number() -> None:
    text = ARTICLE + " Critics have been pushing for an inquiry into the attack for months."
    article = read_bytes_as_article(text.encode(), path="short.txt", doc_id="short")
    backend = EmbeddedBackend(_model_path(), model_name="small", n_ctx=2048)
    options = ExtractOptions(max_tokens=400, bounded_schema=True, model_cues=True)
    extractor = Extractor(backend, options=options, calllog=CallLog(None))
    chunk = make_chunks(split_sentences(text), max_chars=6000)[0]
    prompt = extractor.request_for(article, chunk).messages[1]["content"]
    marks = {int(k) for k in re.findall(r"\{(\d+)\}", prompt)}
    assert re.search(r"pushing\{\d+\}", prompt)
    replies: list[str] = []
    complete = backend.complete
    backend.complete = lambda request: _kept(complete(request), replies)  # type: ignore[method-assign]
    result = extractor.extract(article)
    for c in result.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    cues = json.loads(replies[-1])["cues"]  # the reply that was kept: its numbers that mark no word are dropped
    unmarked = [k for k in cues if k not in marks]
    assert result.meta.evidence_style == "sentence" and result.meta.dropped_ungrounded == len(unmarked)


def _kept(completion: Any, replies: list[str]) -> Any:
    replies.append(completion.text)
    return completion


def test_embedded_backend_cuts_a_looping_reply_short() -> None:
    from summarizer.backends.base import ChatRequest

    backend = EmbeddedBackend(_model_path(), model_name="small", n_ctx=1024)
    request = ChatRequest(
        messages=[{"role": "user", "content": 'Write the word spam 300 times, as JSON {"a": "spam spam ..."}.'}],
        schema_name="loop",
        json_schema={"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
        max_tokens=600,
    )
    completion = backend.complete(request)
    assert completion.finish_reason == "repetition"
    assert completion.completion_tokens < 200  # stopped long before max_tokens
    assert completion.text.count("spam") >= 3 and completion.prompt_tokens > 0


def test_grammar_first_sampling_picks_the_same_tokens_as_llama_cpp_python() -> None:
    from llama_cpp import Llama

    from summarizer.backends.grammar_first import GrammarFirstLlama

    schema = {
        "type": "object",
        "properties": {"speaker": {"type": "string"}, "cue": {"type": "string"}, "sentence": {"type": "integer"}},
        "required": ["speaker", "cue", "sentence"],
    }
    messages = [{"role": "user", "content": "Who says what, with which cue and sentence number? JSON.\n" + ARTICLE}]
    replies = []
    for cls in (GrammarFirstLlama, Llama):
        llm = cls(model_path=str(_model_path()), n_ctx=1024, verbose=False, seed=0)
        resp = llm.create_chat_completion(
            messages=messages,
            response_format={"type": "json_object", "schema": schema},
            max_tokens=80,
            temperature=0.0,
        )
        replies.append(resp["choices"][0]["message"]["content"])
        if cls is GrammarFirstLlama:
            sampler = llm.last_sampler
            assert sampler is not None and sampler.tokens > 5  # the fast sampler did the decoding
            assert sampler.full_checks < sampler.tokens / 2
        del llm
    assert replies[0] == replies[1]
    assert set(json.loads(replies[0])) == {"speaker", "cue", "sentence"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    path = _model_path()
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            "--n_threads",
            str(os.cpu_count() or 2),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("llama_cpp.server exited at start-up")
            time.sleep(0.5)
    time.sleep(1.0)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.server
@pytest.mark.parametrize("mode", [OutputMode.json_object, OutputMode.prompt])
def test_openai_backend_against_llama_cpp_server(llama_server: str, mode: OutputMode) -> None:
    backend = OpenAIBackend(model="local", base_url=llama_server, mode=mode, timeout=300)
    extractor = Extractor(backend, options=ExtractOptions(max_tokens=400), calllog=CallLog(None))
    result = extractor.extract(_article())
    _check(result)
    assert result.meta.output_mode == mode.value and result.meta.backend == "openai"


@pytest.mark.server
def test_auto_mode_falls_back_when_the_server_rejects_json_schema(llama_server: str) -> None:
    backend = OpenAIBackend(model="local", base_url=llama_server, mode=OutputMode.auto, timeout=300)
    result = Extractor(backend, options=ExtractOptions(max_tokens=400), calllog=CallLog(None)).extract(_article())
    _check(result)
    assert backend.mode in ("json_object", "prompt")
