"""Show an ``EvalReport`` on the console and write it as eval.json.

Why atomic: CI and later runs read eval.json; a run killed mid-write must leave the previous file
intact rather than half a JSON document. Why rich tables: the numbers people compare (P/R/F1,
speaker accuracy, seconds per document) belong side by side with the baseline row.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from summarizer.atomic import atomic_write
from summarizer.models import Accuracy, ErrorItem, EvalReport, SystemScore

MAX_DOC_ROWS = 30
MAX_ERROR_ROWS = 8


def write_report(report: EvalReport, path: str | Path) -> Path:
    """Write ``report`` to ``path`` atomically (temp file in the same folder, then rename)."""
    text = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    return atomic_write(Path(path), text)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _acc(acc: Accuracy) -> str:
    return "—" if acc.value is None else f"{acc.value:.2f} ({acc.correct}/{acc.total})"


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if value >= 1 else f"{value:.2g}"


def _system_row(s: SystemScore) -> list[str]:
    name = s.label if not s.model else f"{s.label}: {s.backend}/{s.model}"
    return [
        name,
        _pct(s.soft.precision),
        _pct(s.soft.recall),
        _pct(s.soft.f1),
        _pct(s.joint.f1),
        _pct(s.strict.f1),
        _acc(s.speaker.overall),
        _acc(s.speaker.pronoun),
        _acc(s.cue),
        _pct(s.grounded.value),
        _seconds(s.seconds_per_doc),
        f"{s.tokens_per_doc:.0f}" if s.tokens_per_doc is not None else "—",
    ]


def summary_table(report: EvalReport) -> Table:
    gold = sum(d.gold for d in report.documents)
    table = Table(title=f"eval: {Path(report.gold).name} ({len(report.documents)} docs, {gold} gold claims)")
    for col in (
        "system",
        "P",
        "R",
        "F1",
        "joint F1",
        "strict F1",
        "speaker",
        "pronoun spk",
        "cue",
        "grounded",
        "s/doc",
        "tokens/doc",
    ):
        table.add_column(col, justify="left" if col == "system" else "right")
    for system in (report.overall, report.baseline):
        if system is not None:
            table.add_row(*_system_row(system))
    table.caption = (
        "soft match: evidence covers >= 50% of the gold content, within its sentences ± 1; "
        "joint: soft match and the right speaker"
    )
    return table


def documents_table(report: EvalReport) -> Table:
    table = Table(title="per document")
    for col in ("document", "gold", "pred", "P", "R", "F1", "joint F1", "baseline F1", "speaker", "s", "tokens"):
        table.add_column(col, justify="left" if col == "document" else "right")
    for d in report.documents[:MAX_DOC_ROWS]:
        table.add_row(
            d.doc_id + (" (missing)" if d.missing else ""),
            str(d.gold),
            str(d.predicted),
            _pct(d.soft.precision),
            _pct(d.soft.recall),
            _pct(d.soft.f1),
            _pct(d.joint.f1),
            _pct(d.baseline_f1),
            _acc(d.speaker.overall),
            _seconds(d.seconds),
            str(d.tokens.total),
        )
    if len(report.documents) > MAX_DOC_ROWS:
        table.caption = f"first {MAX_DOC_ROWS} of {len(report.documents)}; all rows are in eval.json"
    return table


def _errors_table(title: str, items: list[ErrorItem]) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("document", "speaker", "cue", "cov", "text"):
        table.add_column(col, overflow="fold")
    for e in items[:MAX_ERROR_ROWS]:
        speaker = e.speaker or "—"
        if e.other_speaker is not None:
            speaker = f"{speaker} ≠ {e.other_speaker}"
        text = e.text if len(e.text) <= 110 else e.text[:107] + "..."
        table.add_row(e.doc_id[:24], speaker, e.cue or "—", f"{e.best_coverage:.2f}", text)
    return table


def print_report(report: EvalReport, console: Console, *, details: bool = True) -> None:
    """The summary table always; per-document rows, errors and merge scores when ``details``."""
    console.print(summary_table(report))
    for system in (report.overall, report.baseline):
        if system is not None and len(system.recall_by_type) > 1:
            parts = ", ".join(f"{t} {_acc(a)}" for t, a in system.recall_by_type.items())
            console.print(f"{system.label} recall by gold type: {parts}", highlight=False)
    if details and report.documents:
        console.print(documents_table(report))
        if report.worst_misses:
            console.print(_errors_table("worst misses (gold claims nobody matched)", report.worst_misses))
        if report.false_positives:
            console.print(_errors_table("false positives (predictions matching no gold claim)", report.false_positives))
    if report.merge is not None:
        m = report.merge
        table = Table(title="merge")
        for col in ("measure", "P", "R", "F1", "note"):
            table.add_column(col, justify="left" if col in ("measure", "note") else "right")
        e = m.entities.pairwise
        table.add_row(
            "entity alias pairs",
            _pct(e.precision),
            _pct(e.recall),
            _pct(e.f1),
            f"{m.entities.unknown_aliases} predicted aliases unknown to gold, "
            f"{m.entities.unreachable_aliases} gold aliases in no article",
        )
        for name, b in (
            ("clusters (B-cubed, all claims)", m.clusters),
            ("clusters (B-cubed, gold-clustered)", m.clusters_gold_only),
        ):
            table.add_row(name, _pct(b.precision), _pct(b.recall), _pct(b.f1), f"{b.items} claims")
        found = ", ".join(c.id for c in m.conflict_details if c.found) or "none"
        table.add_row("conflicts found", "", _acc(m.conflicts), "", f"found: {found}")
        table.add_row("false conflicts", "", str(len(m.false_conflicts)), "", ", ".join(m.false_conflicts) or "none")
        console.print(table)
    for line in [*(f"missing prediction: {d}" for d in report.missing), *report.skipped, *report.warnings][:20]:
        console.print(f"[yellow]warning:[/yellow] {line}", highlight=False, soft_wrap=True)
