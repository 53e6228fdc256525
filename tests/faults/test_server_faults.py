"""What an adversarial OpenAI-compatible server found (issue 13), against the real stub server on
127.0.0.1: a trickling body, a 429 storm under -j 4, HTTP 200 that is not a completion, runaway
replies, credentials echoed back, fenced JSON after prose, a reply without its summary.

Each test checks what the user sees: one line per failed document naming the file and the real
cause, the other documents finished, the exit code, and nothing secret or unbounded stored."""

from __future__ import annotations

import base64
import sqlite3
import time
from pathlib import Path

import pytest
from stub_server import StubServer

from summarizer.backends.base import ChatRequest, Completion
from summarizer.calllog import MAX_STORED_REPLY, CallLog
from summarizer.extract.retry import RateGate

from .conftest import article, by_doc, check_outputs, cli, error_line, run_report

pytestmark = [pytest.mark.faults, pytest.mark.timeout(120)]


def _write(in_dir: Path, *markers: str) -> None:
    for marker in markers:
        (in_dir / f"{marker}.txt").write_text(article(marker), encoding="utf-8")


def test_a_trickling_server_hits_the_wall_clock_deadline(tmp_path: Path, in_dir: Path) -> None:
    _write(in_dir, "Dripping", "Steady")
    with StubServer(["ok"], routes={"Dripping": ["trickle"]}) as server:
        started = time.monotonic()
        result, out = cli(
            tmp_path, server.base_url, str(in_dir), env={"SUMMARIZER_TIMEOUT": "1", "SUMMARIZER_MAX_RETRIES": "2"}
        )
        elapsed = time.monotonic() - started
    # the body takes a minute at one byte per 0.25 s; each try is cut at 1 s, two tries in all
    assert elapsed < 15
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = error_line(result.output, "Dripping.txt")
    assert "request timed out (no complete reply within 1s)" in line
    docs = by_doc(run_report(out))
    assert docs["Dripping.txt"]["attempts"] == 2 and docs["Steady.txt"]["status"] == "ok"


def test_a_429_storm_under_j4_slows_the_run_and_fails_nothing(tmp_path: Path, in_dir: Path) -> None:
    markers = [f"Storm{c}" for c in "ABCDEFGH"]
    _write(in_dir, *markers)
    storm = ["429:0.3"] * 16 + ["ok"]  # the first 16 requests, whichever document sends them
    with StubServer(storm) as server:
        result, out = cli(
            tmp_path,
            server.base_url,
            str(in_dir),
            # two retries would have failed most documents before; 429s now spend a wait budget instead
            env={"SUMMARIZER_MAX_RETRIES": "2", "SUMMARIZER_CONCURRENCY": "4"},
            extra=("-j", "4"),
        )
        requests = len(server.requests)
        times = list(server.times)
    assert result.exit_code == 0, result.output
    assert {d["status"] for d in run_report(out)["documents"]} == {"ok"}
    assert requests == 16 + len(markers) and len(check_outputs(out)) == len(markers)
    # the shared gate spaced the storm out: every retry waited the server's Retry-After
    assert times[-1] - times[0] >= 0.3 * 16 / 4


def test_a_429_storm_past_the_wait_budget_fails_with_the_time_waited(tmp_path: Path, in_dir: Path) -> None:
    _write(in_dir, "Throttled")
    with StubServer(["429:0.4"]) as server:
        result, _ = cli(tmp_path, server.base_url, str(in_dir), env={"SUMMARIZER_RATE_BUDGET": "1"})
        sent = len(server.requests)
    assert result.exit_code == 1
    line = error_line(result.output, "Throttled.txt")
    assert "rate limited (429)" in line and "gave up after waiting 1s in all" in line
    assert sent == 4  # waits of 0.4 s until a second was spent, then the budget ran out


def test_the_gate_halves_calls_in_flight_after_a_429_and_widens_again() -> None:
    gate = RateGate(sleep=lambda s: None)
    slots = [gate.slot() for _ in range(4)]
    for s in slots:
        s.__enter__()
    for s in slots:
        s.__exit__(None, None, None)
    assert gate.limit is None  # no limit before the first 429
    gate.block(0.0)
    assert gate.limit == 2
    gate.block(0.0)
    assert gate.limit == 1
    gate.succeeded()
    assert gate.limit == 2
    for _ in range(2):
        gate.succeeded()
    assert gate.limit == 3
    for _ in range(3):
        gate.succeeded()
    assert gate.limit == 4
    for _ in range(4):
        gate.succeeded()
    assert gate.limit is None  # back to the run's own concurrency


MESSAGES = {  # marker: (script, fragment of the one error line; None = recovers)
    "Nginxpage": (["html_body"], "the server answered HTTP 200 with an HTML page, not a chat completion"),
    "Errorbody": (["error_body"], "the server answered HTTP 200 with an error: model is loading, try again later"),
    "Nullreply": (["null_content"], "the server sent a completion with no content (message.content is null)"),
    "Listreply": (["list_content"], None),
    "Huge": (["huge"], "reply larger than 8 MB: refused, not stored"),
    "Loading": (["error_body", "ok"], None),
}


def test_http_200_that_is_not_a_completion_is_named_as_what_it_is(tmp_path: Path, in_dir: Path) -> None:
    _write(in_dir, *MESSAGES)
    routes = {m: script for m, (script, _) in MESSAGES.items()}
    with StubServer(["ok"], routes=routes) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir), env={"SUMMARIZER_MAX_RETRIES": "2"})
    assert result.exit_code == 1 and "Traceback" not in result.output
    docs = by_doc(run_report(out))
    for marker, (_, fragment) in MESSAGES.items():
        if fragment is None:
            assert docs[f"{marker}.txt"]["status"] == "ok", marker
        else:
            assert fragment in error_line(result.output, f"{marker}.txt"), marker
            assert "internal error" not in docs[f"{marker}.txt"]["reason"]
    assert "AttributeError" not in result.output and "model refused" not in result.output
    with sqlite3.connect(tmp_path / "calls.sqlite") as db:
        longest = db.execute("SELECT MAX(LENGTH(reply)) FROM calls").fetchone()[0]
    assert longest <= MAX_STORED_REPLY + 100


def test_the_call_log_stores_a_bounded_head_of_a_runaway_reply_and_never_serves_it() -> None:
    log = CallLog(None)
    request = ChatRequest(messages=[{"role": "user", "content": "hi"}], schema_name="r", json_schema={"type": "object"})
    log.record(
        request_hash="h",
        request=request,
        backend="openai",
        model="stub",
        mode="json_schema",
        prompt_sha256="p",
        doc_id="d",
        completion=Completion(text="y" * 3_000_000),
        status="ok",
    )
    stored, status = log._db.execute("SELECT reply, status FROM calls").fetchone()
    assert len(stored) < MAX_STORED_REPLY + 100 and stored.endswith("of 3000000 characters stored]")
    assert status == "cut" and log.lookup("h") is None


def test_fenced_json_after_prose_is_read_on_the_first_reply(tmp_path: Path, in_dir: Path) -> None:
    _write(in_dir, "Chatty")
    with StubServer(["prose_then_fence"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir))
        sent = len(server.requests)
    assert result.exit_code == 0, result.output
    assert sent == 1 and by_doc(run_report(out))["Chatty.txt"]["attempts"] == 1


def test_a_reply_missing_only_its_summary_keeps_its_cues(tmp_path: Path, in_dir: Path) -> None:
    _write(in_dir, "Terse")
    with StubServer(["no_summary"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir), extra=("--model-cues",))
        sent = len(server.requests)
    assert result.exit_code == 0, result.output
    doc = check_outputs(out)["Terse"]
    assert sent == 1 and doc.claims and any("Ana Ruiz" in c.speaker.name for c in doc.claims)


@pytest.mark.parametrize("key", ["k9", "sk-7f3"])
def test_a_short_api_key_echoed_by_the_server_is_never_stored_or_printed(
    tmp_path: Path, in_dir: Path, key: str
) -> None:
    _write(in_dir, "Echo")
    with StubServer(["401"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir), env={"OPENAI_API_KEY": key})
        sent = [h.get("authorization") for h in server.headers]
    assert sent == [f"Bearer {key}"]  # the key was in play and the server echoed it
    assert result.exit_code == 1 and "[redacted]" in error_line(result.output, "Echo.txt")
    assert f"Bearer {key}" not in result.output
    for path in [*out.rglob("*"), tmp_path / "calls.sqlite"]:
        if path.is_file():
            assert f"Bearer {key}".encode() not in path.read_bytes(), path


def test_credentials_in_the_base_url_never_come_back(tmp_path: Path, in_dir: Path) -> None:
    _write(in_dir, "Proxied")
    user, password = "alice", "pa%3As-w0rd"  # percent-encoded ':' in the password
    with StubServer(["401"]) as server:
        url = server.base_url.replace("http://", f"http://{user}:{password}@")
        result, out = cli(tmp_path, url, str(in_dir))
        sent = [h.get("authorization") for h in server.headers]
    token = base64.b64encode(b"alice:pa:s-w0rd").decode()
    assert sent == [f"Basic {token}"]  # what httpx sends for user:password in the URL
    assert result.exit_code == 1 and "[redacted]" in error_line(result.output, "Proxied.txt")
    needles = [token, "pa:s-w0rd", password, "alice:pa"]
    assert not [n for n in needles if n in result.output]
    for path in [*out.rglob("*"), tmp_path / "calls.sqlite"]:
        if path.is_file():
            data = path.read_bytes()
            assert not [n for n in needles if n.encode() in data], path


@pytest.mark.timeout(300)
def test_a_5_mb_article_finishes_with_every_span_grounded(tmp_path: Path, in_dir: Path) -> None:
    """The runaway input: one 5 MB article (linear time is measured in bench/ section 6; here the
    contract: it finishes, every span is exact, the call log holds a bounded reply)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from bench_common import long_article

    long_article(in_dir / "book.txt", 5_000_000)
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir))
    assert result.exit_code == 0, result.output
    doc = check_outputs(out)["book"]
    assert doc.source.length == 5_000_000 and len(doc.claims) > 10_000
