"""`summarizer eval`: score extraction (and merge) output against hand-labeled gold.

Why it can run extraction itself: ``summarizer eval --gold evals/gold/seeds.jsonl`` is the one
command CI and people run after any change; the gold file holds the article texts, so the command
writes them out as <doc_id>.txt, extracts them with the same options as ``extract`` (resumable,
cached), then scores. With ``--pred`` it only scores existing output.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from summarizer.cli import common as c
from summarizer.cli.options import BackendFlags, backend_options, not_a_folder
from summarizer.evaluate.api import check_floor, evaluate, load_floor
from summarizer.evaluate.gold import GoldSet, load_gold
from summarizer.evaluate.merge_scores import bind_merge_gold, load_merge_gold
from summarizer.evaluate.predictions import load_merged, load_predictions
from summarizer.evaluate.report import print_report, write_report
from summarizer.merge import write_merge
from summarizer.models import MergeResult, RunReport


def _extract_gold(gold: GoldSet, out: Path, settings: object) -> RunReport:
    """Write each gold text to a temp folder as <doc_id>.txt and run the extract command on it."""
    with tempfile.TemporaryDirectory(prefix="summarizer-eval-") as tmp:
        folder = Path(tmp)
        for doc in gold.docs:
            if "/" in doc.doc_id or "\\" in doc.doc_id or doc.doc_id.startswith("."):
                c.fail(f"gold doc_id {doc.doc_id!r} cannot be a file name; use --pred with existing output")
            with (folder / f"{doc.doc_id}.txt").open("w", encoding="utf-8", newline="") as f:
                f.write(doc.text)
        return c.run_extract_command([str(folder)], out, settings)  # type: ignore[arg-type]


def _merged_dir(pred: Path, merged: Path | None) -> Path:
    if merged is not None:
        return merged
    inside = pred / "merged"
    beside = pred.parent / "merged"
    return inside if (inside / "merged.json").exists() or not (beside / "merged.json").exists() else beside


def _load_or_run_merge(pred: Path, merged_dir: Path, console: Console, warnings: list[str]) -> MergeResult | None:
    path = merged_dir / "merged.json"
    if path.exists():
        try:
            return load_merged(path)
        except (OSError, ValueError) as exc:
            warnings.append(f"{path}: not a valid merged.json ({str(exc).splitlines()[0]}); merge not scored")
            return None
    # no merged.json yet: merge the predictions the same way `summarizer merge` does
    c.say(f"no {path}: merging {pred} first", console=console)
    return write_merge(pred, merged_dir)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    @backend_options
    def eval_(
        gold: Annotated[Path, typer.Option("--gold", help="gold JSONL (PolNeAR-style)", exists=True, dir_okay=False)],
        pred: Annotated[
            Path | None,
            typer.Option(
                "--pred",
                help="score existing output (<doc_id>.json files); without it, extraction runs on the gold texts first",
                file_okay=False,
            ),
        ] = None,
        merge_gold: Annotated[
            Path | None,
            typer.Option(
                "--merge-gold",
                help="merge gold JSON (entities, clusters, conflicts); one that names its documents scores those only",
                exists=True,
                dir_okay=False,
            ),
        ] = None,
        merged: Annotated[
            Path | None,
            typer.Option("--merged", help="folder holding merged.json [default: <pred>/merged or <pred>/../merged]"),
        ] = None,
        out: Annotated[
            Path | None,
            typer.Option("--out", "-o", help="eval.json path [default: <pred>/eval.json]", callback=not_a_folder),
        ] = None,
        floor: Annotated[
            Path | None,
            typer.Option(
                "--floor",
                help="JSON with claim_f1 / speaker_accuracy minimums; exit 1 when below",
                exists=True,
                dir_okay=False,
            ),
        ] = None,
        limit: Annotated[
            int | None, typer.Option("--limit", min=1, help="score only the first N gold documents")
        ] = None,
        baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="add the non-LLM baseline row")] = True,
        extract_out: Annotated[
            Path | None,
            typer.Option(
                "--extract-out", help="where extraction writes when --pred is absent [default: out/eval/<gold name>]"
            ),
        ] = None,
        details: Annotated[bool, typer.Option("--details/--summary", help="per-document rows and errors")] = True,
        *,
        flags: BackendFlags,
    ) -> None:
        """Score claims (P/R/F1, speakers, cues, grounding) and merges against gold; write eval.json."""
        console = Console()
        try:
            gold_set = load_gold(gold, limit=limit)
            merge_data = None
            if merge_gold:
                gold_set, merge_data = bind_merge_gold(load_merge_gold(merge_gold), gold_set, where=str(merge_gold))
            floor_values = load_floor(floor) if floor else None
        except (OSError, ValueError) as exc:
            c.fail(str(exc))
            return
        if not gold_set.docs:
            c.fail(f"{gold}: no gold documents")
        failed: list[str] = []
        if pred is None:
            pred = extract_out or Path("out") / "eval" / gold.stem
            failed = [d.path for d in _extract_gold(gold_set, pred, flags.settings()).failed]
        elif not pred.is_dir():
            c.fail(f"{pred} is not a folder of predictions")
        predictions = load_predictions(pred)
        warnings: list[str] = []
        merged_result = None
        if merge_data is not None:
            merged_result = _load_or_run_merge(pred, _merged_dir(pred, merged), console, warnings)
        report = evaluate(
            gold_set,
            predictions,
            pred_path=str(pred),
            baseline=baseline,
            merge_gold=merge_data,
            merged=merged_result,
            warnings=warnings,
        )
        print_report(report, console, details=details)
        path = write_report(report, out or pred / "eval.json")
        c.say(f"wrote {path}", console=console)
        below = check_floor(report, floor_values) if floor_values else []
        for line in below:
            c.say(line, "below floor", "red")
        if failed:  # scored as missing above; the exit code must say so
            c.say(f"extraction failed for {len(failed)} of {len(gold_set.docs)} gold documents", "error", "red")
        if below or failed:
            raise typer.Exit(1)
