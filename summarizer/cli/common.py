"""Wiring shared by commands: settings → backend → extractor → runner, plus console output.

The CLI is the only layer that knows every stage and every backend (import-linter checks it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from summarizer.backends.base import Backend, OutputMode
from summarizer.backends.embedded import EmbeddedBackend
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.calllog import CallLog
from summarizer.config import Settings, load_settings
from summarizer.errors import ConfigError
from summarizer.extract.engine import ExtractOptions, Extractor
from summarizer.extract.retry import TransientPolicy
from summarizer.extract.runner import Runner
from summarizer.merge import load_documents
from summarizer.models import DocumentResult, DocumentStatus, RunReport
from summarizer.outdir import FolderLocked
from summarizer.text.safe import printable

err_console = Console(stderr=True)
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


def settings_from(**flags: Any) -> Settings:
    try:
        return load_settings({k: v for k, v in flags.items() if v is not None and v is not False})
    except ConfigError as exc:
        fail(str(exc))
        raise


def plain(text: str) -> str:
    """Untrusted text (file names, server messages) for the console: no Rich markup, no terminal
    control sequences, one line."""
    return escape(printable(text, newlines=False))


def say(message: str, tag: str = "", style: str = "", console: Console | None = None) -> None:
    """One line on stderr: an optional coloured tag ("error", "skipped"), then ``message``, which
    may hold file names or server text and so is never read as Rich markup."""
    line = Text()
    if tag:
        line.append(f"{tag}: ", style=style)
    line.append(printable(message, newlines=False))
    (console or err_console).print(line, highlight=False, soft_wrap=True)


def results_in(folder: Path) -> list[DocumentResult]:
    """The article results a command builds on (merge, export): what was left out is listed, and an
    empty or missing folder is an error."""
    if not folder.is_dir():
        fail(f"{folder} is not a folder", 2)
    skipped: list[str] = []
    docs = load_documents(folder, skipped)
    for reason in skipped:
        say(reason, "skipped", "yellow")
    if not docs:
        fail(f"no article results (*.json) in {folder}", 1)
    return docs


def fail(message: str, code: int = 2) -> None:
    say(message, "error", "red")
    raise typer.Exit(code)


def build_backend(settings: Settings, console: Console | None = None) -> Backend:
    kind = settings.resolved_backend()
    if kind == "openai":
        key = settings.api_key.get_secret_value() if settings.api_key else None
        return OpenAIBackend(
            model=settings.model or DEFAULT_OPENAI_MODEL,
            api_key=key,
            base_url=settings.base_url,
            mode=OutputMode(settings.output_mode),  # a Literal in Settings: always a valid mode
            timeout=settings.timeout,
            concurrency=settings.concurrency,
        )
    if kind != "embedded":
        raise ConfigError(f"unknown backend {kind!r} (auto, embedded or openai)")
    from summarizer.backends import modelstore

    if settings.model_path:
        return EmbeddedBackend(
            Path(settings.model_path),
            model_name=Path(settings.model_path).stem,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
        )
    pinned = modelstore.resolve(settings.model)
    directory = modelstore.models_dir(settings.models_dir)
    path = directory / pinned.filename
    if not path.exists():
        path = pull_with_progress(pinned, directory, console or err_console)
    return EmbeddedBackend(path, model_name=pinned.name, n_ctx=settings.n_ctx, n_threads=settings.n_threads)


def pull_with_progress(pinned: Any, directory: Path, console: Console) -> Path:
    from summarizer.backends import modelstore

    with Progress(
        TextColumn(f"pulling {pinned.name}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("pull", total=pinned.size)
        return modelstore.pull(pinned, directory, lambda done, total: progress.update(task, completed=done))


def build_extractor(
    settings: Settings, console: Console | None = None, wrap: Callable[[Backend], Backend] | None = None
) -> Extractor:
    """The extractor for ``settings``; ``wrap`` stands a backend in front of the real one (batch
    collection answers from the call log alone)."""
    cache = CallLog(settings.cache)  # a bad --cache fails before a model is loaded
    backend = build_backend(settings, console)
    if wrap is not None:
        backend = wrap(backend)
    options = ExtractOptions(
        evidence_style=settings.evidence_style,
        model_cues=settings.model_cues,
        max_tokens=settings.max_tokens,
        max_reasks=settings.max_reasks,
        chunk_chars=settings.chunk_chars,
        use_cache=not settings.no_cache,
        bounded_schema=backend.grammar_constrained,
    )
    return Extractor(
        backend,
        options=options,
        calllog=cache,
        policy=TransientPolicy(attempts=settings.max_retries, rate_budget=settings.rate_budget),
    )


def out_folder_conflict(inputs: list[str], out: Path) -> str | None:
    """Why ``out`` must not be used with these inputs, or None.

    The run writes ``<doc_id>.txt`` copies, ``report.html`` and ``merged/summary.md`` into ``out``:
    in the folder of an input file they overwrite articles of the same name, and inside a folder
    (or recursive glob) that is read as input they come back as articles on the next run.
    """
    target = Path(os.path.realpath(out))  # realpath: a symlink loop in an input is the reader's error to name
    for item in inputs:
        if item == "-":
            continue
        path = Path(item)
        if any(ch in item for ch in "*?["):
            parts = path.parts
            base = Path(*parts[: next(i for i, p in enumerate(parts) if any(ch in p for ch in "*?["))] or ["."])
            scanned, folder = "**" in item, Path(os.path.realpath(base))
        elif path.is_dir():
            scanned, folder = True, Path(os.path.realpath(path))
        else:
            scanned, folder = False, Path(os.path.realpath(path)).parent
        if target == folder or (scanned and folder in target.parents):
            where = "is" if target == folder else "is inside"
            return (
                f"--out {out} {where} the input folder {folder}: the outputs would overwrite articles "
                "or be read back as articles on the next run; choose a folder outside the inputs"
            )
    return None


def run_extract_command(inputs: list[str], out: Path, settings: Settings, console: Console | None = None) -> RunReport:
    """Extract every input into ``out``; print one line per failure and a summary table."""
    console = console or err_console
    conflict = out_folder_conflict(inputs, out)
    if conflict is not None:
        fail(conflict)
    try:
        extractor = build_extractor(settings, console)
    except ConfigError as exc:
        fail(str(exc))
        raise
    with Progress(
        TextColumn("[bold]extract[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("", total=None)

        def on_event(status: DocumentStatus) -> None:
            progress.update(task, advance=1, description=plain(status.doc_id or status.path))
            if status.status == "failed":
                say(f"{status.path}: {status.reason or ''}", "error", "red")

        runner = Runner(extractor, out, concurrency=settings.concurrency, on_event=on_event)
        try:
            report = runner.run(inputs)
        except FolderLocked as exc:
            fail(str(exc))
            raise
        except OSError as exc:  # the folder itself cannot be made or locked (permissions, read-only disk)
            fail(f"--out {out}: cannot write there: {exc.strerror or exc}")
            raise
    print_run_summary(report, console)
    return report


def print_run_summary(report: RunReport, console: Console) -> None:
    table = Table(title=f"run: {report.backend} / {report.model}", show_lines=False)
    for col in ("document", "status", "claims", "dropped", "attempts", "tokens in/out", "seconds"):
        table.add_column(col, justify="left" if col in ("document", "status") else "right")
    for d in report.documents:
        table.add_row(
            plain(d.doc_id or d.path),
            d.status,
            str(d.claims),
            str(d.dropped_ungrounded),
            str(d.attempts),
            f"{d.tokens.prompt}/{d.tokens.completion}",
            f"{d.seconds:.1f}",
        )
    ok = sum(d.status in ("ok", "skipped", "duplicate") for d in report.documents)
    claims = sum(d.claims for d in report.documents)
    dropped = sum(d.dropped_ungrounded for d in report.documents)
    grounded = claims / (claims + dropped) if claims + dropped else 1.0
    table.caption = (
        f"{ok} ok, {len(report.failed)} failed · {claims} claims · grounded {grounded:.0%} · "
        f"{report.tokens.prompt}+{report.tokens.completion} tokens · {report.seconds:.1f}s"
    )
    console.print(table)


def read_stdin_hint(inputs: list[str]) -> None:
    if inputs == ["-"] and sys.stdin.isatty():
        fail("reading from stdin but it is a terminal; pipe an article in")
