"""`summarizer review` (HTML report of all articles) and `summarizer show` (one article in the terminal).

The writer itself is ``summarizer.report.write_report``, shared with ``summarizer run``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console

from summarizer.atomic import atomic_write
from summarizer.cli import common as c
from summarizer.cli.options import not_a_file, not_a_folder
from summarizer.models import DocumentResult
from summarizer.outdir import why_unreadable
from summarizer.report import load_for_report, read_article_text, render_report
from summarizer.report.terminal import render_document


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        out_dir: Annotated[Path, typer.Argument(help="folder of per-article results (out/)")],
        merged: Annotated[
            Path | None, typer.Option("--merged", help="merge output folder (merged/)", callback=not_a_file)
        ] = None,
        eval_path: Annotated[Path | None, typer.Option("--eval", help="eval.json from `summarizer eval`")] = None,
        output: Annotated[
            Path, typer.Option("--output", "-o", help="HTML file to write", callback=not_a_folder)
        ] = Path("report.html"),
    ) -> None:
        """Write one self-contained HTML page: every article with its evidence highlighted, plus conflicts."""
        if not out_dir.is_dir():
            c.fail(f"{out_dir} is not a folder", 2)
        data = load_for_report(out_dir, merged, eval_path)
        if not data.docs:
            c.fail(f"no article results (*.json) in {out_dir}", 1)
        atomic_write(output, render_report(*data))
        for note in data.notes:
            c.say(note, "note", "yellow")
        claims = sum(len(d.claims) for d in data.docs)
        c.say(f"{len(data.docs)} articles, {claims} claims → {output}")

    @app.command()
    def show(
        file: Annotated[Path, typer.Argument(help="one article result, e.g. out/001_….json")],
        as_json: Annotated[bool, typer.Option("--json", help="print the JSON unchanged (for piping)")] = False,
    ) -> None:
        """Print one article's claims grouped by speaker, with their evidence."""
        try:
            raw = file.read_bytes()
        except OSError as exc:
            c.fail(f"{file}: {exc.strerror or exc}", 2)
        try:
            doc = DocumentResult.model_validate_json(raw)
        except (ValidationError, ValueError) as exc:
            c.fail(f"{file}: {why_unreadable(exc)}", 1)
        if as_json:
            sys.stdout.buffer.write(raw)
            sys.stdout.flush()
            return
        render_document(doc, read_article_text(file.parent, doc), Console())
