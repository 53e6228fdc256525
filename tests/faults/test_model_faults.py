"""Model and server faults against a real HTTP stub: bounded retries by kind, honoured waits,
tokens summed over attempts, the failing document fails with its reason, the others complete."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from stub_server import StubServer

from summarizer.backends.base import OutputMode
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.calllog import CallLog
from summarizer.errors import ExtractionFailed
from summarizer.extract.engine import ExtractOptions, Extractor
from summarizer.extract.reply import SUMMARY_TOKENS
from summarizer.extract.retry import RateGate, TransientPolicy
from summarizer.ingest.reader import read_bytes_as_article

from .conftest import article, by_doc, check_outputs, cli, error_line, run_report

pytestmark = pytest.mark.faults


@dataclass
class FakeClock:
    """Sleeps are recorded and advance a fake clock: waits are asserted exactly, none is slept."""

    now: float = 0.0
    waits: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 3))
        self.now += seconds

    def monotonic(self) -> float:
        return self.now


def _extractor(server: StubServer, clock: FakeClock, *, attempts: int = 3, timeout: float = 5.0) -> Extractor:
    backend = OpenAIBackend(model="stub", base_url=server.base_url, mode=OutputMode.json_schema, timeout=timeout)
    policy = TransientPolicy(
        attempts=attempts,
        initial=0.5,
        max_wait=5.0,
        rate_budget=2.0,  # two Retry-After: 1 waits, then a 429 fails the document
        sleep=clock.sleep,
        gate=RateGate(sleep=clock.sleep, clock=clock.monotonic),
    )
    return Extractor(backend, options=ExtractOptions(max_reasks=2), calllog=CallLog(None), policy=policy)


def _doc(marker: str = "Quillmark"):
    return read_bytes_as_article(article(marker).encode(), path=f"{marker}.txt", doc_id=marker)


# kind, script, requests made, reason fragment (None: the document succeeds)
FAILING = [
    ("429 forever", ["429:1"], 3, "rate limited (429)"),
    ("500 forever", ["500"], 3, "HTTP 500: server error"),
    ("503 forever", ["503"], 3, "HTTP 503: server error"),
    ("dropped connection", ["drop"], 3, "connection error"),
    ("malformed HTTP body", ["malformed_body"], 3, "malformed"),
    ("malformed JSON reply", ["bad_json"], 3, "not valid JSON"),
    ("schema violation", ["schema_violation"], 3, "does not match the schema"),
    ("truncated", ["truncated"], 4, "reply truncated at max_tokens=4096"),
    ("refusal", ["refusal"], 1, "model refused: I cannot help with that."),
    ("empty choices", ["no_choices"], 1, "server returned no choices"),
    ("401", ["401"], 1, "HTTP 401"),
]


@pytest.mark.parametrize(("kind", "script", "requests", "reason"), FAILING, ids=[f[0] for f in FAILING])
def test_each_fault_kind_is_bounded_and_fails_with_its_reason(kind, script, requests, reason) -> None:
    clock = FakeClock()
    with StubServer(script) as server:
        with pytest.raises(ExtractionFailed) as err:
            _extractor(server, clock).extract(_doc())
        sent = server.requests
    assert len(sent) == requests, kind
    exc = err.value
    assert reason in exc.reason and "Quillmark.txt" in str(exc)
    assert "\n" not in str(exc)
    transient = kind.split()[0] in ("429", "500", "503", "dropped", "malformed") and "JSON" not in kind
    if kind.startswith("429"):
        assert clock.waits == [1.0, 1.0]  # Retry-After: 1, honoured before each retry, nothing more
    elif transient:
        assert len(clock.waits) == 2 and 0.5 <= clock.waits[0] <= 1.0 <= clock.waits[1] <= 1.5  # backoff + jitter
    else:
        assert clock.waits == []  # never retried blindly
    if transient:
        assert exc.attempts == 3 and (exc.prompt_tokens, exc.completion_tokens) == (0, 0)
    elif kind in ("malformed JSON reply", "schema violation"):
        # re-asked twice with the error text; tokens of all three replies are summed
        assert exc.attempts == 3 and (exc.prompt_tokens, exc.completion_tokens) == (300, 60)
        for body in sent[1:]:
            assert body["messages"][-2]["role"] == "assistant"
            assert body["messages"][-1]["role"] == "user" and "could not be used" in body["messages"][-1]["content"]
    elif kind == "truncated":
        # max_tokens raised once, then the chunk split; truncation is never re-asked as such
        # (the default reply is the summary alone: its budget is SUMMARY_TOKENS)
        assert [b["max_tokens"] for b in sent] == [SUMMARY_TOKENS, 4096, SUMMARY_TOKENS, 4096]
        assert all(len(b["messages"]) == 2 for b in sent)
        assert (exc.prompt_tokens, exc.completion_tokens) == (400, 80) and exc.attempts == 4
    elif kind in ("refusal", "empty choices"):
        assert exc.attempts == 1 and (exc.prompt_tokens, exc.completion_tokens) == (100, 20)


def test_permanent_error_counts_as_one_attempt_and_is_logged() -> None:
    log = CallLog(None)
    with StubServer(["401"]) as server:
        ex = _extractor(server, FakeClock())
        ex.calllog = log
        with pytest.raises(ExtractionFailed) as err:
            ex.extract(_doc())
    assert err.value.attempts == 1
    assert log.usage()["calls"] == 1


RECOVERING = [
    ("429 then ok", ["429:1", "ok"], 2, [1.0], (100, 20)),
    ("503 then ok", ["503", "ok"], 2, None, (100, 20)),
    ("drop then ok", ["drop", "ok"], 2, None, (100, 20)),
    ("malformed body then ok", ["malformed_body", "ok"], 2, None, (100, 20)),
    ("bad JSON then ok", ["bad_json", "ok"], 2, [], (200, 40)),
    ("schema violation then ok", ["schema_violation", "ok"], 2, [], (200, 40)),
    ("truncated then ok", ["truncated", "ok"], 2, [], (200, 40)),
]


@pytest.mark.parametrize(("kind", "script", "requests", "waits", "tokens"), RECOVERING, ids=[r[0] for r in RECOVERING])
def test_each_recoverable_fault_recovers_and_sums_tokens(kind, script, requests, waits, tokens) -> None:
    clock = FakeClock()
    with StubServer(script) as server:
        result = _extractor(server, clock).extract(_doc())
        assert len(server.requests) == requests
    assert result.claims and result.meta.attempts == requests
    assert (result.meta.tokens.prompt, result.meta.tokens.completion) == tokens
    if waits is None:
        assert len(clock.waits) == 1 and 0.5 <= clock.waits[0] <= 1.0
    else:
        assert clock.waits == waits


def test_hang_past_the_timeout_is_retried_then_fails() -> None:
    clock = FakeClock()
    with StubServer(["hang:3"]) as server:
        with pytest.raises(ExtractionFailed) as err:
            _extractor(server, clock, attempts=2, timeout=0.3).extract(_doc())
        assert len(server.requests) == 2
    assert "request timed out" in err.value.reason and err.value.attempts == 2
    assert len(clock.waits) == 1


def test_retry_after_is_capped_by_max_wait() -> None:
    clock = FakeClock()
    with StubServer(["429:3600", "ok"]) as server:
        _extractor(server, clock).extract(_doc())
    assert clock.waits == [5.0]


ROUTES = {
    "Okwood": ["ok"],
    "Okfield": ["ok"],
    "Ratelimit": ["429:1", "ok"],
    "Fivehundred": ["500"],
    "Unavailable": ["503", "ok"],
    "Dropped": ["drop", "ok"],
    "Malformed": ["malformed_body", "ok"],
    "Hanging": ["hang:3"],
    "Badjson": ["bad_json", "ok"],
    "Schemabad": ["schema_violation"],
    "Truncated": ["truncated"],
    "Refusing": ["refusal"],
    "Nochoices": ["no_choices"],
}
EXPECTED = {  # marker: (status, requests, attempts, prompt tokens, reason fragment)
    "Okwood": ("ok", 1, 1, 100, None),
    "Okfield": ("ok", 1, 1, 100, None),
    "Ratelimit": ("ok", 2, 2, 100, None),
    "Fivehundred": ("failed", 2, 2, 0, "HTTP 500: server error"),
    "Unavailable": ("ok", 2, 2, 100, None),
    "Dropped": ("ok", 2, 2, 100, None),
    "Malformed": ("ok", 2, 2, 100, None),
    "Hanging": ("failed", 2, 2, 0, "request timed out"),
    "Badjson": ("ok", 2, 2, 200, None),
    "Schemabad": ("failed", 3, 3, 300, "does not match the schema"),
    "Truncated": ("failed", 4, 4, 400, "reply truncated"),
    "Refusing": ("failed", 1, 1, 100, "model refused"),
    "Nochoices": ("failed", 1, 1, 100, "server returned no choices"),
}


def test_cli_run_with_every_fault_at_once(tmp_path: Path, in_dir: Path) -> None:
    for marker in ROUTES:
        (in_dir / f"{marker}.txt").write_text(article(marker), encoding="utf-8")
    with StubServer(["ok"], routes=ROUTES) as server:
        result, out = cli(
            tmp_path,
            server.base_url,
            str(in_dir),
            env={"SUMMARIZER_MAX_RETRIES": "2", "SUMMARIZER_TIMEOUT": "1", "SUMMARIZER_CONCURRENCY": "4"},
        )
        sent = {m: len(server.requests_with(m)) for m in ROUTES}
        times = {
            m: [
                t
                for b, t in zip(server.requests, server.times, strict=True)
                if any(m in (x.get("content") or "") for x in b["messages"])
            ]
            for m in ROUTES
        }
    assert result.exit_code == 1, result.output
    docs = by_doc(run_report(out))
    assert len(docs) == len(ROUTES)
    for marker, (status, requests, attempts, prompt_tokens, reason) in EXPECTED.items():
        d = docs[f"{marker}.txt"]
        assert (d["status"], sent[marker], d["attempts"], d["tokens"]["prompt"]) == (
            status,
            requests,
            attempts,
            prompt_tokens,
        ), marker
        if reason:
            assert reason in d["reason"]
            assert reason in error_line(result.output, f"{marker}.txt")
    # the waits: Retry-After (1 s) honoured; 5xx backed off by at least the initial second
    assert times["Ratelimit"][1] - times["Ratelimit"][0] >= 0.95
    assert times["Fivehundred"][1] - times["Fivehundred"][0] >= 0.95
    assert times["Hanging"][1] - times["Hanging"][0] >= 1.9  # the 1 s timeout, then >= 1 s of backoff
    report = run_report(out)
    assert report["tokens"]["prompt"] == sum(d["tokens"]["prompt"] for d in report["documents"])
    assert report["tokens"]["completion"] == sum(d["tokens"]["completion"] for d in report["documents"])
    # the call log agrees with the run report: every attempt's tokens are there, nothing twice
    with sqlite3.connect(tmp_path / "calls.sqlite") as db:
        logged = db.execute("SELECT SUM(prompt_tokens), SUM(completion_tokens) FROM calls").fetchone()
        errors = db.execute("SELECT COUNT(*) FROM calls WHERE status='error'").fetchone()[0]
    assert logged == (report["tokens"]["prompt"], report["tokens"]["completion"])
    assert errors == sum(n - 1 for n in (2, 2, 2, 2)) + 2 + 2  # retried-then-ok + exhausted transients
    outputs = check_outputs(out)
    assert set(outputs) == {m for m, e in EXPECTED.items() if e[0] == "ok"}


def test_dense_article_with_more_claim_sentences_than_max_claims_is_not_lost() -> None:
    dense = "\n".join(f"Officials said item {i} was approved." for i in range(60))
    art = read_bytes_as_article(dense.encode(), path="dense.txt", doc_id="dense")
    with StubServer(["ok"]) as server:
        result = _extractor(server, FakeClock()).extract(art)
    assert len(result.claims) >= 40
