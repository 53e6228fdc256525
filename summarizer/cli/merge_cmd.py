"""`summarizer merge`: out/*.json → out/merged/merged.json and out/merged/summary.md.

The writer itself is ``summarizer.merge.write_merge``, shared with ``summarizer run`` and ``eval``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import common as c
from summarizer.cli.options import not_a_file
from summarizer.merge import write_merge


def register(app: typer.Typer) -> None:
    @app.command()
    def merge(
        folder: Annotated[Path, typer.Argument(help="folder of per-article results (out/)")],
        out: Annotated[
            Path | None,
            typer.Option(
                "--out", "-o", help="output folder (default: FOLDER/merged, as `run` writes it)", callback=not_a_file
            ),
        ] = None,
    ) -> None:
        """Merge per-article claims: entities with aliases, claim clusters, conflicts, corpus summary."""
        out = out or folder / "merged"
        docs = c.results_in(folder)
        result = write_merge(folder, out, docs)
        s = result.stats
        c.say(
            f"merged {s.documents} articles, {s.claims} claims → {s.entities} entities, {s.clusters} clusters "
            f"({s.multi_source_clusters} multi-source), {s.conflicts} conflicts in {s.seconds:.2f}s → "
            f"{out / 'merged.json'}, {out / 'summary.md'}"
        )
