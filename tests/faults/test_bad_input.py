"""Bad input → one clear line naming the file and the reason; the run goes on; exit code 1."""

from __future__ import annotations

import builtins
import codecs
import inspect
import json
import os
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from stub_server import StubServer, claims_from_prompt

from summarizer import atomic as atomic_mod
from summarizer.backends.base import Completion, OutputMode
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.calllog import CallLog
from summarizer.extract.engine import ExtractOptions, Extractor
from summarizer.extract.retry import TransientPolicy
from summarizer.extract.runner import Runner
from summarizer.ingest import inputs as inputs_mod
from summarizer.ingest import reader
from summarizer.ingest.decode import decode_text

from .conftest import article, by_doc, check_outputs, cli, error_line, run_report

pytestmark = pytest.mark.faults

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
LATIN1 = "Café owner José Núñez said the café would reopen in the spring.\nThe town council agreed."
UTF16 = "Der Bürgermeister sagte, die Brücke werde im Mai eröffnet.\nKritiker widersprachen."
HTML = """<!doctype html><html><head><title>Site | Bridge reopens</title>
<script>var trackingSecret = "SCRIPT-TEXT-42"; function trackUser() {}</script>
<style>.x { color: red }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/sport">NAVIGATION-SPORT</a></nav>
<div id="cookie-banner" class="consent">We use COOKIES-BANNER to improve your experience. <button>Accept</button></div>
<header>SITE-HEADER-LOGO</header>
<article>
  <h1>Bridge reopens after repairs</h1>
  <p>The Elm Street bridge reopened on Friday after six months of repairs.</p>
  <p>City engineer Maria Lopez said the bridge is safe for heavy trucks.</p>
  <script>document.write("INLINE-SCRIPT-TEXT")</script>
  <div class="share-buttons">SHARE-ON-SOCIAL</div>
</article>
<aside class="related">RELATED-STORIES</aside>
<footer>FOOTER-COPYRIGHT</footer>
</body></html>"""


def _bad_inputs(in_dir: Path) -> None:
    (in_dir / "good.txt").write_text(article("Alderon"), encoding="utf-8")
    (in_dir / "empty.txt").write_bytes(b"")
    (in_dir / "blank.txt").write_text("   \n\t\n  \r\n", encoding="utf-8")
    (in_dir / "photo.txt").write_bytes(PNG)
    (in_dir / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (in_dir / "utf16.txt").write_bytes(UTF16.encode("utf-16"))  # with a BOM
    (in_dir / "utf16_nobom.txt").write_bytes(UTF16.encode("utf-16-le"))
    (in_dir / "undecodable.txt").write_bytes(b"Caf\x81 \x8d\x8f\x90 \x9d bytes that are neither UTF-8 nor cp1252")
    (in_dir / "page.html").write_text(HTML, encoding="utf-8")


def test_bad_inputs_fail_alone_with_one_line_reasons(tmp_path: Path, in_dir: Path, monkeypatch) -> None:
    _bad_inputs(in_dir)
    (tmp_path / "image.png").write_bytes(PNG)
    locked = tmp_path / "locked.txt"
    locked.write_text(article("Locked"), encoding="utf-8")
    # Tests run as root, where chmod 000 does not stop a read: simulate the EACCES the OS would give.
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader, "open", guarded_open, raising=False)
    with StubServer(["ok"]) as server:
        result, out = cli(
            tmp_path,
            server.base_url,
            str(in_dir),
            str(tmp_path / "missing.txt"),
            str(tmp_path / "image.png"),
            str(locked),
        )
    text = result.output
    assert result.exit_code == 1, text
    expected = {
        "empty.txt": "empty file",
        "blank.txt": "no text (empty or whitespace only)",
        "photo.txt": "binary file (PNG image), not text",
        "image.png": "binary file (PNG image), not text",
        "utf16_nobom.txt": "binary file (NUL bytes and no UTF-16 byte-order mark), not text",
        "undecodable.txt": "not UTF-8 and not Windows-1252/Latin-1 text; re-save it as UTF-8",
        "missing.txt": "no such file or directory",
        "locked.txt": "permission denied (unreadable file)",
    }
    for name, reason in expected.items():
        line = error_line(text, name)
        assert reason in line, line
    report = run_report(out)
    docs = by_doc(report)
    for name, reason in expected.items():
        assert docs[name]["status"] == "failed" and docs[name]["reason"] == reason
        assert docs[name]["error_type"] == "InputError"
    # The good inputs (and the decodable non-UTF-8 ones) all completed.
    assert {n for n, d in docs.items() if d["status"] == "ok"} == {"good.txt", "latin1.txt", "utf16.txt", "page.html"}
    results = check_outputs(out)
    assert set(results) == {"good", "latin1", "utf16", "page"}
    assert "decoded as cp1252" in results["latin1"].meta.warnings
    assert (out / "latin1.txt").read_text(encoding="utf-8") == LATIN1
    assert "decoded as utf-16" in results["utf16"].meta.warnings
    assert (out / "utf16.txt").read_text(encoding="utf-8") == UTF16
    assert results["good"].meta.warnings == []


def test_html_keeps_the_article_and_drops_scripts_navigation_and_banners(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "page.html").write_text(HTML, encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir / "page.html"))
        prompt = server.requests[0]["messages"][1]["content"]
    assert result.exit_code == 0, result.output
    text = (out / "page.txt").read_text(encoding="utf-8")
    assert "The Elm Street bridge reopened on Friday after six months of repairs." in text
    assert "City engineer Maria Lopez said the bridge is safe for heavy trucks." in text
    for junk in (
        "SCRIPT-TEXT",
        "trackUser",
        "INLINE-SCRIPT-TEXT",
        "color: red",
        "NAVIGATION-SPORT",
        "COOKIES-BANNER",
        "Accept",
        "SITE-HEADER-LOGO",
        "SHARE-ON-SOCIAL",
        "RELATED-STORIES",
        "FOOTER-COPYRIGHT",
    ):
        assert junk not in text and junk not in prompt, junk
    doc = check_outputs(out)["page"]
    assert doc.title == "Bridge reopens after repairs"
    claim = next(c for c in doc.claims if "bridge is safe" in c.evidence.text)  # the claim, with its right speaker
    assert claim.speaker.name in ("City engineer Maria Lopez", "Maria Lopez"), claim.speaker
    mention = claim.speaker.mention
    assert claim.cue == "said" and mention is not None and text[mention.start : mention.end] == claim.speaker.name


def test_decoder_refuses_clearly_and_decodes_what_it_can_detect() -> None:
    assert decode_text(codecs.BOM_UTF16_BE + UTF16.encode("utf-16-be")) == (UTF16, "utf-16")
    assert decode_text(b"\xef\xbb\xbf" + "naïve".encode()) == ("naïve", "utf-8-sig")
    assert decode_text(LATIN1.encode("cp1252")) == (LATIN1, "cp1252")
    for data, reason in (
        (b"", "empty file"),
        (b"%PDF-1.7\n...", "PDF document"),
        (b"\xff\xfe\x00\xd8", "not valid utf-16"),
        (b"\x00\x01\x02" * 50, "NUL bytes"),
    ):
        with pytest.raises(ValueError, match=reason):
            decode_text(data)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files; the EACCES path is simulated above")
def test_chmod_000_file_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(article("Locked"), encoding="utf-8")
    locked.chmod(0)
    with StubServer(["ok"]) as server:
        result, _ = cli(tmp_path, server.base_url, str(locked))
    assert result.exit_code == 1
    assert "permission denied" in error_line(result.output, "locked.txt")


@pytest.mark.timeout(30)
def test_fifo_empty_folder_and_oversized_file_do_not_hang_or_vanish(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "good.txt").write_text(article("Borvale"), encoding="utf-8")
    os.mkfifo(in_dir / "pipe.txt")  # opening it would block forever waiting for a writer
    os.symlink(in_dir / "gone.txt", in_dir / "dangling.txt")
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: 21 MiB of NULs past a text head, costs no disk
        fh.write(b"A huge article. ")
        fh.truncate(21 * 1024 * 1024)
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir), str(empty), str(big), str(tmp_path / "nomatch*.txt"))
    assert result.exit_code == 1, result.output
    assert "not a regular file" in error_line(result.output, "pipe.txt")
    assert "broken symbolic link" in error_line(result.output, "dangling.txt")
    assert "folder holds no .txt, .md or .html files" in error_line(result.output, "empty_folder")
    assert "larger than 20 MiB" in error_line(result.output, "huge.txt")
    assert "glob matched no files" in error_line(result.output, "nomatch*.txt")
    assert set(check_outputs(out)) == {"good"}


def test_long_article_is_chunked_with_exact_offsets_and_bounded_memory(tmp_path: Path) -> None:
    words = [
        "council",
        "budget",
        "school",
        "bridge",
        "river",
        "police",
        "hospital",
        "election",
        "minister",
        "court",
        "report",
        "union",
        "strike",
        "harbour",
        "railway",
        "tariff",
        "drought",
        "vaccine",
        "museum",
        "festival",
    ]
    paragraphs, n = [], 0
    while sum(map(len, paragraphs)) < 200_000:
        sents = []
        for _ in range(5):
            n += 1
            w = [words[(n * 7 + k * 3) % len(words)] for k in range(22)]
            sents.append(f"Spokesperson {n} said the {' '.join(w)} plan number {n} would be reviewed.")
        paragraphs.append(" ".join(sents) + "\n\n")
    text = "".join(paragraphs)[:200_000].rsplit(".", 1)[0] + "."
    assert len(text) > 199_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    with StubServer(["ok"]) as server:
        backend = OpenAIBackend(model="stub", base_url=server.base_url, mode=OutputMode.json_schema, timeout=10)
        extractor = Extractor(
            backend,
            options=ExtractOptions(model_cues=True),  # the model is asked about every chunk
            calllog=CallLog(tmp_path / "calls.sqlite"),
            policy=TransientPolicy(attempts=2, sleep=lambda s: None),
        )
        tracemalloc.start()
        try:
            report = Runner(extractor, tmp_path / "out", concurrency=4).run([str(tmp_path / "long.txt")])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        prompts = [m["content"] for b in server.requests for m in b["messages"] if m["role"] == "user"]
    assert [d.status for d in report.documents] == ["ok"]
    assert peak < 200 * 1024 * 1024, f"peak {peak / 2**20:.0f} MiB"
    print(f"200k-character article: peak traced memory {peak / 2**20:.1f} MiB")
    doc = check_outputs(tmp_path / "out")["long"]
    saved = (tmp_path / "out" / "long.txt").read_text(encoding="utf-8")
    assert saved == text
    assert doc.meta.chunks >= 20 and len(prompts) == doc.meta.chunks  # one call per chunk, no re-asks
    assert max(len(p) for p in prompts) < 8_000  # no prompt carries the whole article
    assert len({c.id for c in doc.claims}) == len(doc.claims)
    assert min(c.evidence.start for c in doc.claims) < 200
    assert max(c.evidence.end for c in doc.claims) > len(text) - 500  # the tail was extracted too
    chunks_seen = {c.chunk for c in doc.claims}
    assert len(chunks_seen) == doc.meta.chunks
    assert doc.meta.tokens.prompt == 100 * doc.meta.chunks


def test_same_article_under_two_names_is_extracted_once_and_written_twice(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "a.txt").write_text(article("Castellan"), encoding="utf-8")
    (in_dir / "b.txt").write_text(article("Castellan"), encoding="utf-8")
    (in_dir / "c.txt").write_text(article("Dunmore"), encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir))
        assert result.exit_code == 0, result.output
        assert len(server.requests_with("Castellan")) == 1 and len(server.requests_with("Dunmore")) == 1
        docs = check_outputs(out)
        assert set(docs) == {"a", "b", "c"}
        statuses = {n: d["status"] for n, d in by_doc(run_report(out)).items()}
        assert sorted(statuses.values()) == ["duplicate", "ok", "ok"]
        dup, orig = ("b", "a") if statuses["b.txt"] == "duplicate" else ("a", "b")
        assert by_doc(run_report(out))[f"{dup}.txt"]["duplicate_of"] == orig
        assert docs[dup].source.path.endswith(f"{dup}.txt") and docs[dup].claims
        assert [c.evidence for c in docs[dup].claims] == [c.evidence for c in docs[orig].claims]
        # and a second run is answered without a single model call
        calls = len(server.requests)
        result, out = cli(tmp_path, server.base_url, str(in_dir))
        assert result.exit_code == 0 and len(server.requests) == calls
        assert set(check_outputs(out)) == {"a", "b", "c"}


class _FastBackend:
    """In-process backend answering like the stub's "ok" (no HTTP, so thousands of files stay quick)."""

    name, model, max_concurrency, mode = "fast", "fast", 4, "json_schema"

    def complete(self, request):
        return Completion(
            text=json.dumps(claims_from_prompt({"messages": request.messages})),
            finish_reason="stop",
            prompt_tokens=10,
            completion_tokens=5,
        )


def test_discover_is_lazy() -> None:
    assert inspect.isgeneratorfunction(reader.discover)


def test_thousands_of_files_stream_with_bounded_lookahead(tmp_path: Path, in_dir: Path, monkeypatch) -> None:
    n_files = 3000
    for i in range(n_files):
        sub = in_dir / f"d{i // 500}"
        sub.mkdir(exist_ok=True)
        (sub / f"f{i:05d}.txt").write_text(f"Item {i} was filed on time. The clerk said it was fine.\n")
    monkeypatch.setattr(atomic_mod.os, "fsync", lambda fd: None)  # durability is not under test here
    lock = threading.Lock()
    state = {"read": 0, "done": 0, "max_ahead": 0, "discovery_done_at": None, "first_output_at": None}
    real_discover, real_read = inputs_mod.discover, inputs_mod.read_article

    def discover(inputs):
        yield from real_discover(inputs)
        state["discovery_done_at"] = time.monotonic()

    def read_article(path, doc_id=None):
        with lock:
            state["read"] += 1
            state["max_ahead"] = max(state["max_ahead"], state["read"] - state["done"])
        return real_read(path, doc_id=doc_id)

    def on_event(status):
        with lock:
            state["done"] += 1
            if state["first_output_at"] is None and status.status == "ok":
                assert Path(status.output).exists()
                state["first_output_at"] = time.monotonic()

    monkeypatch.setattr(inputs_mod, "discover", discover)
    monkeypatch.setattr(inputs_mod, "read_article", read_article)
    started = time.monotonic()
    report = Runner(
        Extractor(_FastBackend(), calllog=CallLog(None)), tmp_path / "out", concurrency=2, on_event=on_event
    ).run([str(in_dir)])
    assert len(report.documents) == n_files and not report.failed
    assert state["first_output_at"] < state["discovery_done_at"]
    assert state["first_output_at"] - started < 2.0  # the first output does not wait for the listing
    assert state["max_ahead"] <= 2 * 2 + 2  # never more than a few articles read ahead of the workers
    assert len(list((tmp_path / "out").glob("f*.json"))) == n_files


def test_the_boilerplate_filter_matches_whole_class_words_not_substrings(tmp_path: Path, in_dir: Path) -> None:
    """``has-sidebar`` around ``<article>`` used to empty the page; ``commentary-body``,
    ``shareholder-letter`` and ``promotion-news`` paragraphs were dropped silently."""
    page = """<html><body><div class="layout has-sidebar">
      <article><h1>Board meets</h1>
        <p>Chair Lena Ostrova said the board approved the merger.</p>
        <div class="commentary-body"><p>Analyst Tom Beck said COMMENTARY-KEPT.</p></div>
        <p class="shareholder-letter">The letter said SHAREHOLDER-KEPT.</p>
        <p class="promotion-news">Staff said PROMOTION-KEPT.</p>
        <div class="share-buttons">SHARE-DROPPED</div><section id="comments">COMMENTS-DROPPED</section>
      </article>
      <div class="sidebar-widget">SIDEBAR-DROPPED</div></div></body></html>"""
    (in_dir / "page.html").write_text(page, encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir))
    assert result.exit_code == 0, result.output
    text = (out / "page.txt").read_text(encoding="utf-8")
    assert "Chair Lena Ostrova said the board approved the merger." in text
    assert all(kept in text for kept in ("COMMENTARY-KEPT", "SHAREHOLDER-KEPT", "PROMOTION-KEPT"))
    assert not any(dropped in text for dropped in ("SHARE-DROPPED", "COMMENTS-DROPPED", "SIDEBAR-DROPPED"))
