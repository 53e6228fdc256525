"""`summarizer merge`: out/*.json → merged/merged.json and merged/summary.md.

Why its own module with ``write_merge``: ``summarizer run`` chains extract → merge and reuses the
same writer. Files are written atomically (temp file in the target folder, then ``os.replace``) so
an interrupted merge never leaves a half-written merged.json for the report to read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.atomic import atomic_write
from summarizer.cli import common as c
from summarizer.cli.options import not_a_file
from summarizer.merge import load_documents, merge_documents, render_markdown
from summarizer.models import DocumentResult, MergeResult


def write_merge(folder: Path, out: Path, docs: list[DocumentResult] | None = None) -> MergeResult:
    """Merge every DocumentResult in ``folder`` (or ``docs``); write ``out``/merged.json and summary.md."""
    result = merge_documents(load_documents(folder) if docs is None else docs)
    atomic_write(out / "merged.json", result.model_dump_json(indent=2))
    atomic_write(out / "summary.md", render_markdown(result))
    return result


def register(app: typer.Typer) -> None:
    @app.command()
    def merge(
        folder: Annotated[Path, typer.Argument(help="folder of per-article results (out/)")],
        out: Annotated[Path, typer.Option("--out", "-o", help="output folder", callback=not_a_file)] = Path("merged"),
    ) -> None:
        """Merge per-article claims: entities with aliases, claim clusters, conflicts, corpus summary."""
        docs = c.results_in(folder)
        result = write_merge(folder, out, docs)
        s = result.stats
        c.say(
            f"merged {s.documents} articles, {s.claims} claims → {s.entities} entities, {s.clusters} clusters "
            f"({s.multi_source_clusters} multi-source), {s.conflicts} conflicts in {s.seconds:.2f}s → "
            f"{out / 'merged.json'}, {out / 'summary.md'}"
        )
