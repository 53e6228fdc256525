"""SQLite call log: every model call with its request hash, reply, tokens and timing.

It is also the cache (an identical request is answered from the log, so re-running an unchanged
corpus makes no model call) and the cost report. WAL mode keeps it consistent when a run is
killed mid-write; schemas are stored once under the hash of their canonical JSON; migrations are
an append-only list. Credentials are never part of a request and so never reach the log.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from summarizer.backends.base import ChatRequest, Completion
from summarizer.backends.schemas import canonical_hash
from summarizer.errors import ConfigError

MIGRATIONS = [
    """
    CREATE TABLE schemas (sha256 TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        created REAL NOT NULL,
        request_hash TEXT NOT NULL,
        doc_id TEXT,
        backend TEXT NOT NULL,
        model TEXT NOT NULL,
        mode TEXT NOT NULL,
        prompt_sha256 TEXT,
        schema_sha256 TEXT REFERENCES schemas(sha256),
        messages TEXT NOT NULL,
        reply TEXT,
        finish_reason TEXT,
        refusal TEXT,
        parsed TEXT,
        status TEXT NOT NULL,
        error TEXT,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        attempt INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX calls_request ON calls(request_hash);
    CREATE INDEX calls_doc ON calls(doc_id);
    """,
]


MAX_STORED_REPLY = 64 * 1024  # characters of one reply kept in the log (a reply is a few hundred tokens)


def _open(path: str) -> sqlite3.Connection:
    """A connection in WAL mode with the schema migrated to the latest version."""
    db = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for i, script in enumerate(MIGRATIONS[version:], start=version + 1):
        db.executescript(f"BEGIN; {script}; PRAGMA user_version={i}; COMMIT;")
    return db


def _create(path: Path) -> None:
    """A new log is made beside its place and renamed into it, so a run killed while creating it
    leaves no log (at most a stray ``.new`` file) rather than one without WAL or schema; the next
    run makes it again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    tmp.unlink(missing_ok=True)
    _open(str(tmp)).close()
    os.replace(tmp, path)


class CallLog:
    """Thread-safe append-only log with cache lookups. ``path=None`` keeps it in memory."""

    def __init__(self, path: Path | str | None) -> None:
        in_memory = not path or str(path) == ":memory:"  # SQLite's own name for no file
        self.path = ":memory:" if in_memory else str(path)
        self._lock = threading.Lock()
        try:
            if not in_memory and not Path(self.path).exists():
                _create(Path(self.path))
            self._db = _open(self.path)
        except (sqlite3.Error, OSError) as exc:
            reason = "it is a folder" if Path(self.path).is_dir() else str(exc)
            raise ConfigError(f"call log {self.path}: cannot open it as an SQLite database ({reason})") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def lookup(self, request_hash: str) -> Completion | None:
        """The latest completed reply for this exact request, if any."""
        with self._lock:
            row = self._db.execute(
                "SELECT reply, finish_reason, refusal, prompt_tokens, completion_tokens, model, mode, seconds "
                "FROM calls WHERE request_hash=? AND status IN ('ok','invalid','truncated','refused') "
                "ORDER BY id DESC LIMIT 1",
                (request_hash,),
            ).fetchone()
        if row is None:
            return None
        return Completion(
            text=row[0] or "",
            finish_reason=row[1],
            refusal=row[2],
            prompt_tokens=row[3],
            completion_tokens=row[4],
            model=row[5],
            mode=row[6],
            seconds=row[7],
            cached=True,
        )

    def record(
        self,
        *,
        request_hash: str,
        request: ChatRequest,
        backend: str,
        model: str,
        mode: str,
        prompt_sha256: str,
        doc_id: str | None,
        completion: Completion | None,
        status: str,
        error: str | None = None,
        parsed: Any = None,
        attempt: int = 1,
    ) -> None:
        sha = canonical_hash(request.json_schema)
        c = completion or Completion(text="")
        reply = completion.text if completion else None
        if reply is not None and len(reply) > MAX_STORED_REPLY:  # a runaway reply: keep its head, never reuse it
            reply = reply[:MAX_STORED_REPLY] + f"…[cut: {MAX_STORED_REPLY} of {len(reply)} characters stored]"
            status = "cut"
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT OR IGNORE INTO schemas VALUES (?, ?)", (sha, json.dumps(request.json_schema, sort_keys=True))
            )
            self._db.execute(
                "INSERT INTO calls (created, request_hash, doc_id, backend, model, mode, prompt_sha256, "
                "schema_sha256, messages, reply, finish_reason, refusal, parsed, status, error, prompt_tokens, "
                "completion_tokens, seconds, attempt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    time.time(),
                    request_hash,
                    doc_id,
                    backend,
                    model,
                    mode,
                    prompt_sha256,
                    sha,
                    json.dumps(request.messages, ensure_ascii=False),
                    reply,
                    c.finish_reason,
                    c.refusal,
                    json.dumps(parsed, ensure_ascii=False) if parsed is not None else None,
                    status,
                    error,
                    c.prompt_tokens,
                    c.completion_tokens,
                    c.seconds,
                    attempt,
                ),
            )
            self._db.execute("COMMIT")

    def usage(self, doc_id: str | None = None) -> dict[str, float]:
        """Totals for a cost report: calls, tokens and seconds (optionally for one document)."""
        where, args = ("WHERE doc_id=?", (doc_id,)) if doc_id else ("", ())
        with self._lock:
            row = self._db.execute(
                f"SELECT COUNT(*), COALESCE(SUM(prompt_tokens),0), COALESCE(SUM(completion_tokens),0), "
                f"COALESCE(SUM(seconds),0) FROM calls {where}",
                args,
            ).fetchone()
        return {"calls": row[0], "prompt_tokens": row[1], "completion_tokens": row[2], "seconds": row[3]}
