"""`summarizer extract`: articles → out/<doc_id>.json and out/run.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import common as c
from summarizer.cli.options import BackendFlags, backend_options, not_a_file


def register(app: typer.Typer) -> None:
    @app.command()
    @backend_options
    def extract(
        inputs: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
        out: Annotated[Path, typer.Option("--out", "-o", help="output folder", callback=not_a_file)] = Path("out"),
        *,
        flags: BackendFlags,
    ) -> None:
        """Extract grounded, attributed claims from each article."""
        c.read_stdin_hint(inputs)
        report = c.run_extract_command(inputs, out, flags.settings())
        if report.failed:
            raise typer.Exit(1)
