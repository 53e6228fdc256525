"""SIGKILL mid-run, then the same command again: only unfinished documents reach the model, no
output is ever half-written, and the SQLite call log survives (WAL, integrity_check ok)."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from stub_server import StubServer

from summarizer.models import DocumentResult

from .conftest import article, check_outputs, cli_subprocess, run_report

pytestmark = [pytest.mark.faults, pytest.mark.timeout(120)]

MARKERS = [
    "Ashgrove",
    "Brimley",
    "Corvath",
    "Dellmoor",
    "Eastwick",
    "Fenhollow",
    "Galeport",
    "Harrowby",
    "Ivydale",
    "Jesmond",
]


def _check_db(path: Path) -> None:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.execute("SELECT COUNT(*) FROM calls").fetchone()
    finally:
        db.close()


def _done(out: Path) -> set[str]:
    return {p.stem for p in out.glob("*.json") if p.name != "run.json"}


def test_sigkill_then_rerun_finishes_only_the_rest(tmp_path: Path, in_dir: Path) -> None:
    for marker in MARKERS:
        (in_dir / f"{marker}.txt").write_text(article(marker), encoding="utf-8")
    out = tmp_path / "out"
    env = {"SUMMARIZER_CONCURRENCY": "2"}
    with StubServer(["ok"], delay=0.3) as server:
        proc = cli_subprocess(tmp_path, server.base_url, str(in_dir), env=env)
        deadline = time.monotonic() + 60
        while len(_done(out)) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        first_calls = len(server.requests)

        # After the kill: whatever is there is whole; the call log opens clean.
        finished = _done(out)
        assert 3 <= len(finished) < len(MARKERS)
        assert not (out / "run.json").exists()
        for name in finished:
            DocumentResult.model_validate_json((out / f"{name}.json").read_text(encoding="utf-8"))
        _check_db(tmp_path / "calls.sqlite")
        # A kill inside atomic_write leaves at most a temp file (never a half-written output); plant
        # one to prove the next run clears it.
        (out / f".{MARKERS[-1]}.json.k1ll3d.tmp").write_text('{"doc_id": "half', encoding="utf-8")

        proc = cli_subprocess(tmp_path, server.base_url, str(in_dir), env=env)
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr.decode()
        second = server.requests[first_calls:]

    def asked(marker: str) -> int:
        return sum(any(marker in (m.get("content") or "") for m in b["messages"]) for b in second)

    for marker in MARKERS:
        if marker in finished:
            assert asked(marker) == 0, f"{marker} was finished but reached the model again"
        else:
            assert asked(marker) <= 1, marker
    assert len(second) <= len(MARKERS) - len(finished)
    docs = check_outputs(out)  # every output parses, every span is exact, no temp file is left
    assert set(docs) == set(MARKERS)
    statuses = {d["doc_id"]: d["status"] for d in run_report(out)["documents"]}
    assert {m for m, s in statuses.items() if s == "skipped"} == finished
    assert all(statuses[m] == "ok" for m in MARKERS if m not in finished)
    _check_db(tmp_path / "calls.sqlite")
    with sqlite3.connect(tmp_path / "calls.sqlite") as db:
        ok_calls = db.execute("SELECT COUNT(DISTINCT doc_id) FROM calls WHERE status='ok'").fetchone()[0]
    assert ok_calls == len(MARKERS)
    json.loads((out / "run.json").read_text(encoding="utf-8"))


def test_repeated_kills_never_corrupt_the_log_or_outputs(tmp_path: Path, in_dir: Path) -> None:
    """Kill at several points (including during start-up and call-log writes), then finish."""
    for marker in MARKERS:
        (in_dir / f"{marker}.txt").write_text(article(marker), encoding="utf-8")
    out = tmp_path / "out"
    with StubServer(["ok"], delay=0.05) as server:
        for wait in (0.6, 1.2, 1.5):
            proc = cli_subprocess(tmp_path, server.base_url, str(in_dir), env={"SUMMARIZER_CONCURRENCY": "4"})
            time.sleep(wait)
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
            if (tmp_path / "calls.sqlite").exists():
                _check_db(tmp_path / "calls.sqlite")
            for name in _done(out):
                DocumentResult.model_validate_json((out / f"{name}.json").read_text(encoding="utf-8"))
        proc = cli_subprocess(tmp_path, server.base_url, str(in_dir))
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr.decode()
        # each document reached the model once, plus at most once per kill that caught it in flight
        for marker in MARKERS:
            assert 1 <= len(server.requests_with(marker)) <= 4
    assert set(check_outputs(out)) == set(MARKERS)
    _check_db(tmp_path / "calls.sqlite")
