"""Properties on arbitrary input (hypothesis), filling gaps left by tests/test_ground.py: the
ingest stage on arbitrary bytes and the whole extraction pipeline on arbitrary Unicode text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stub_server import claims_from_prompt

from summarizer.backends.base import Completion
from summarizer.calllog import CallLog
from summarizer.errors import InputError
from summarizer.extract.engine import Extractor
from summarizer.ingest.decode import DecodeRefused, decode_text
from summarizer.ingest.reader import read_bytes_as_article

pytestmark = pytest.mark.faults

ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except DecodeRefused as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert encoding and "\x00" not in text  # NUL bytes mean binary: refused, never decoded
    if encoding in ("utf-8", "utf-8-sig"):
        assert text.encode("utf-8") == data.removeprefix(b"\xef\xbb\xbf")  # UTF-8 decodes exactly, BOM dropped


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), ENCODINGS, st.sampled_from(["a.txt", "a.html", "a.md"]))
def test_any_text_in_any_encoding_becomes_an_article_or_an_input_error(text: str, encoding: str, name: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        art = read_bytes_as_article(data, path=name, doc_id="a")
    except InputError as exc:
        assert exc.path == name and exc.reason and "\n" not in exc.reason
        return
    assert art.text.strip() and "\r" not in art.text
    if encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32") and name == "a.txt":
        assert art.text == text.replace("\r\n", "\n").replace("\r", "\n")  # a BOM or UTF-8 is decoded exactly


class _EchoBackend:
    """Answers like the stub's "ok": one author claim per numbered sentence."""

    name, model, max_concurrency, mode = "echo", "echo", 1, "json_schema"

    def complete(self, request):
        reply = claims_from_prompt({"messages": request.messages})
        return Completion(text=json.dumps(reply), finish_reason="stop", prompt_tokens=1, completion_tokens=1)


EXTRACTOR = Extractor(_EchoBackend(), calllog=CallLog(None))
WORDS = st.sampled_from(
    [
        "said",
        "according to",
        "The",
        "minister",
        "Ana Ruiz",
        "he",
        "police",
        "“",
        "”",
        '"',
        ".",
        "!",
        "?",
        "\n",
        "\n\n",
        " ",
        "Dr.",
        "U.S.",
        "é",
        "😀",
        "\u200b",
        "\u00a0",
        "[3]",
        "</article>",
        "12",
        "%",
        ",",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join)))
def test_pipeline_on_arbitrary_text_keeps_every_span_exact(text: str) -> None:
    try:
        art = read_bytes_as_article(text.encode(), path="p.txt", doc_id="p")
    except InputError:
        return
    result = EXTRACTOR.extract(art)
    for c in result.claims:
        assert 0 <= c.evidence.start <= c.evidence.end <= len(art.text)
        assert art.text[c.evidence.start : c.evidence.end] == c.evidence.text
