"""`summarizer gold export` (outputs → gold JSONL) and `summarizer gold merge` (review sessions → one gold)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.atomic import atomic_write
from summarizer.cli import common as c
from summarizer.cli.options import not_a_folder
from summarizer.evaluate.goldfile import gold_from_outputs, jsonl, merge_gold
from summarizer.outdir import load_folder


def register(app: typer.Typer) -> None:
    gold = typer.Typer(help="Make gold of your own articles: export outputs as gold, merge review sessions.")
    app.add_typer(gold, name="gold")

    @gold.command("export")
    def export_cmd(
        folder: Annotated[Path, typer.Argument(help="folder of per-article results (out/)")],
        out: Annotated[Path, typer.Option("--out", "-o", help="gold JSONL to write", callback=not_a_folder)] = Path(
            "gold.jsonl"
        ),
    ) -> None:
        """Write the outputs' claims as gold JSONL (the project's gold format), to correct and score against."""
        if not folder.is_dir():
            c.fail(f"{folder} is not a folder", 2)
        loaded = load_folder(folder)
        records, skipped = gold_from_outputs(loaded)
        for reason in [*loaded.skipped, *skipped]:
            c.say(reason, "skipped", "yellow")
        if not records:
            c.fail(f"no article results with their saved text in {folder}", 1)
        atomic_write(out, jsonl(records))
        c.say(f"{len(records)} documents, {sum(len(r['claims']) for r in records)} gold claims → {out}")

    @gold.command("merge")
    def merge_cmd(
        files: Annotated[
            list[Path], typer.Argument(help="gold JSONL files, oldest first", exists=True, dir_okay=False)
        ],
        out: Annotated[Path, typer.Option("--out", "-o", help="merged gold JSONL", callback=not_a_folder)] = Path(
            "gold.jsonl"
        ),
    ) -> None:
        """Merge gold files; for each document the latest file that has it wins."""
        try:
            records = merge_gold(files)
        except (OSError, ValueError) as exc:
            c.fail(str(exc), 1)
            return
        atomic_write(out, jsonl(records))
        c.say(f"{len(records)} documents from {len(files)} files → {out}")
