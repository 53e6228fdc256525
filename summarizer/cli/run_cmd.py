"""`summarizer run`: extract → merge → review report in one go (what most users want)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import common as c
from summarizer.cli.options import BackendFlags, backend_options, not_a_file, not_a_folder
from summarizer.merge import write_merge
from summarizer.report import write_report


def register(app: typer.Typer) -> None:
    @app.command()
    @backend_options
    def run(
        inputs: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
        out: Annotated[Path, typer.Option("--out", "-o", help="per-article outputs", callback=not_a_file)] = Path(
            "out"
        ),
        merged: Annotated[
            Path | None, typer.Option("--merged", help="merge folder (default: OUT/merged)", callback=not_a_file)
        ] = None,
        report: Annotated[
            Path | None, typer.Option("--report", help="HTML report (default: OUT/report.html)", callback=not_a_folder)
        ] = None,
        *,
        flags: BackendFlags,
    ) -> None:
        """Extract every article, merge across them, and write the review report."""
        c.read_stdin_hint(inputs)
        result = c.run_extract_command(inputs, out, flags.settings())
        merged_dir = merged or out / "merged"
        merge = write_merge(out, merged_dir)
        html = write_report(out, merged_dir, None, report or out / "report.html")
        c.say(
            f"merged: {len(merge.entities)} entities, {len(merge.clusters)} clusters, {len(merge.conflicts)} conflicts "
            f"→ {merged_dir / 'merged.json'}, {merged_dir / 'summary.md'}"
        )
        c.say(f"report: {html}")
        if result.failed:
            raise typer.Exit(1)
