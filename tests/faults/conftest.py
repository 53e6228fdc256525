"""Shared helpers for the fault suite: articles with unique markers, a CLI runner pointed at the
stub server, and checks that every output folder is complete and grounded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from summarizer.models import DocumentResult

# Keep the real environment (SUMMARIZER_*, OPENAI_*) from steering the suite.
CLEAN_ENV = {
    "OPENAI_API_KEY": "",
    "OPENAI_BASE_URL": "",
    "SUMMARIZER_MAX_RETRIES": "2",
    "SUMMARIZER_TIMEOUT": "5",
    "SUMMARIZER_CONCURRENCY": "",
    "SUMMARIZER_BACKEND": "",
    "SUMMARIZER_MODEL": "",
    "SUMMARIZER_CACHE": "",
    "SUMMARIZER_NO_CACHE": "",
    "SUMMARIZER_MAX_REASKS": "",
}


def article(marker: str) -> str:
    """A short news article that names ``marker`` (so the stub can route faults to it)."""
    return (
        f"Officials in {marker} met on Monday to discuss the budget.\n"
        f"Mayor Ana Ruiz said the {marker} budget protects schools.\n"
        "Critics disagreed with the plan, according to a statement.\n"
    )


def cli(
    tmp_path: Path,
    base_url: str,
    *inputs: str,
    env: dict[str, str] | None = None,
    extra: tuple[str, ...] = (),
    out: Path | None = None,
) -> tuple[Result, Path]:
    """``summarizer extract`` in-process (CliRunner) against ``base_url``; returns (result, out)."""
    out = out or tmp_path / "out"
    result = CliRunner().invoke(
        _app(),
        [
            "extract",
            *inputs,
            "--out",
            str(out),
            "--base-url",
            base_url,
            "--model",
            "stub",
            "--cache",
            str(tmp_path / "calls.sqlite"),
            *extra,
        ],
        env={**CLEAN_ENV, **(env or {})},
        catch_exceptions=False,
    )
    return result, out


# The extract command on its own app (the full ``summarizer.cli.app`` imports every other command,
# which are edited concurrently; a broken import there must not mask the results of this suite).
_APP_SOURCE = """
import typer
from summarizer.cli import extract_cmd
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
@app.callback()
def _root() -> None:
    pass
extract_cmd.register(app)
"""


def _app() -> Any:
    scope: dict[str, Any] = {}
    exec(_APP_SOURCE, scope)
    return scope["app"]


def cli_subprocess(
    tmp_path: Path,
    base_url: str,
    *inputs: str,
    env: dict[str, str] | None = None,
    out: Path | None = None,
    extra: tuple[str, ...] = (),
    **popen: Any,
) -> subprocess.Popen[bytes]:
    """``summarizer extract`` in a child process (for SIGKILL and for capturing real stdio)."""
    out = out or tmp_path / "out"
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    child_env.update({k: v for k, v in {**CLEAN_ENV, **(env or {})}.items() if v})
    cmd = [
        sys.executable,
        "-c",
        _APP_SOURCE + "app()",
        "extract",
        *inputs,
        "--out",
        str(out),
        "--base-url",
        base_url,
        "--model",
        "stub",
        "--cache",
        str(tmp_path / "calls.sqlite"),
        *extra,
    ]
    return subprocess.Popen(cmd, cwd=tmp_path, env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def run_report(out: Path) -> dict[str, Any]:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def by_doc(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(d["path"]).name: d for d in report["documents"]}


def error_line(output: str, name: str) -> str:
    """The single console line reporting ``name``; fails unless exactly one exists."""
    lines = [
        line
        for line in output.splitlines()
        if line.startswith("error:") and (f"/{name}: " in line or line.startswith(f"error: {name}: "))
    ]
    assert len(lines) == 1, f"expected one error line for {name!r} in:\n{output}"
    return lines[0]


def check_outputs(out: Path) -> dict[str, DocumentResult]:
    """Every document output parses against the contract and every evidence span is exact."""
    docs: dict[str, DocumentResult] = {}
    for path in sorted(out.glob("*.json")):
        if path.name == "run.json":
            continue
        doc = DocumentResult.model_validate_json(path.read_text(encoding="utf-8"))
        text = (out / doc.source.text_path).read_text(encoding="utf-8") if doc.source.text_path else None
        assert text is not None and len(text) == doc.source.length, path
        for c in doc.claims:
            assert 0 <= c.evidence.start <= c.evidence.end <= len(text)
            assert text[c.evidence.start : c.evidence.end] == c.evidence.text, (path, c.id)
            assert c.id.startswith(f"{doc.doc_id}#")
        docs[doc.doc_id] = doc
    assert not list(out.glob(".*.tmp")), "temporary files left behind"
    return docs


@pytest.fixture
def in_dir(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path
