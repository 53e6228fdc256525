"""`summarizer run`: extract → merge → review report in one go (what most users want)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import common as c
from summarizer.cli.merge_cmd import write_merge
from summarizer.cli.review_cmd import write_report


def register(app: typer.Typer) -> None:
    @app.command()
    def run(
        inputs: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
        out: Annotated[Path, typer.Option("--out", "-o", help="per-article outputs")] = Path("out"),
        merged: Annotated[Path | None, typer.Option("--merged", help="merge folder (default: OUT/merged)")] = None,
        report: Annotated[Path | None, typer.Option("--report", help="HTML report (default: OUT/report.html)")] = None,
        backend: c.Backend_ = None,
        model: c.Model_ = None,
        base_url: c.BaseUrl_ = None,
        output_mode: c.Mode_ = None,
        evidence_style: c.Style_ = None,
        concurrency: c.Conc_ = None,
        cache: c.Cache_ = None,
        no_cache: c.NoCache_ = False,
    ) -> None:
        """Extract every article, merge across them, and write the review report."""
        c.read_stdin_hint(inputs)
        settings = c.settings_from(
            backend=backend,
            model=model,
            base_url=base_url,
            output_mode=output_mode,
            evidence_style=evidence_style,
            concurrency=concurrency,
            cache=cache,
            no_cache=no_cache,
        )
        result = c.run_extract_command(inputs, out, settings)
        merged_dir = merged or out / "merged"
        merge = write_merge(out, merged_dir)
        html = write_report(out, merged_dir, None, report or out / "report.html")
        c.err_console.print(
            f"merged: {len(merge.entities)} entities, {len(merge.clusters)} clusters, {len(merge.conflicts)} conflicts "
            f"→ {merged_dir / 'merged.json'}, {merged_dir / 'summary.md'}\nreport: {html}",
            highlight=False,
        )
        if result.failed:
            raise typer.Exit(1)
