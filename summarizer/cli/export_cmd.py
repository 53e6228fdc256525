"""`summarizer export`: out/ → claims, entities and conflicts as CSV or JSONL tables."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import common as c
from summarizer.cli.options import not_a_file
from summarizer.evaluate.predictions import load_merged
from summarizer.merge import article_texts, merge_documents
from summarizer.models import DocumentResult, MergeResult
from summarizer.outdir import why_unreadable
from summarizer.report.tables import tables, write_tables


class TableFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


def _merged(folder: Path, merged: Path | None, docs: list[DocumentResult]) -> MergeResult:
    path = (merged or folder / "merged") / "merged.json"
    if merged is None and not path.is_file():
        c.say(f"no {path}: merging {folder} for the cluster and conflict columns")
        return merge_documents(docs, texts=article_texts(folder, docs))
    try:
        return load_merged(path)
    except (OSError, ValueError) as exc:
        c.fail(f"{path}: {why_unreadable(exc)}", 1)
        raise


def register(app: typer.Typer) -> None:
    @app.command()
    def export(
        folder: Annotated[Path, typer.Argument(help="folder of per-article results (out/)")],
        fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="csv (spreadsheets) or jsonl (pandas)")] = (
            TableFormat.csv
        ),
        merged: Annotated[
            Path | None,
            typer.Option("--merged", help="merge folder [default: FOLDER/merged, or merge now]", callback=not_a_file),
        ] = None,
        out: Annotated[
            Path | None,
            typer.Option("--out", "-o", help="where the tables go [default: FOLDER/export]", callback=not_a_file),
        ] = None,
    ) -> None:
        """Write one row per claim (claims.csv) and the merged entities and conflicts as tables."""
        docs = c.results_in(folder)
        result = _merged(folder, merged, docs)
        written = write_tables(tables(docs, result), out or folder / "export", fmt.value)
        rows = sum(len(d.claims) for d in docs)
        c.say(
            f"{rows} claims, {len(result.entities)} entities, {len(result.conflicts)} conflicts → "
            + ", ".join(map(str, written))
        )
