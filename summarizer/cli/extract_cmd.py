"""`summarizer extract`: articles → out/<doc_id>.json and out/run.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import common as c


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        inputs: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
        out: Annotated[Path, typer.Option("--out", "-o", help="output folder")] = Path("out"),
        backend: c.Backend_ = None,
        model: c.Model_ = None,
        base_url: c.BaseUrl_ = None,
        output_mode: c.Mode_ = None,
        evidence_style: c.Style_ = None,
        concurrency: c.Conc_ = None,
        cache: c.Cache_ = None,
        no_cache: c.NoCache_ = False,
    ) -> None:
        """Extract grounded, attributed claims from each article."""
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
        report = c.run_extract_command(inputs, out, settings)
        if report.failed:
            raise typer.Exit(1)
