"""One call from gold + predictions to an ``EvalReport``, and the CI floor check.

Why here and not in the CLI: tests, CI scripts and notebooks score the same way the command does,
and the command stays a thin layer of options and output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summarizer.evaluate.baseline import run_baseline
from summarizer.evaluate.gold import GoldSet
from summarizer.evaluate.matching import DocIndex
from summarizer.evaluate.merge_scores import score_merge
from summarizer.evaluate.predictions import Predictions
from summarizer.evaluate.scoring import build_report, score_system
from summarizer.evaluate.speakers import AliasIndex
from summarizer.models import EvalReport, MergeResult

FLOOR_KEYS = ("claim_f1", "joint_f1", "speaker_accuracy")


def alias_index(merge_gold: Mapping[str, Any] | None) -> AliasIndex | None:
    """Gold entity aliases make "NCRI" = "National Council of Resistance of Iran" for speaker scoring."""
    if not merge_gold:
        return None
    return AliasIndex([e.get("canonical", ""), *e.get("aliases", [])] for e in merge_gold.get("entities", []))


def evaluate(
    gold: GoldSet,
    predictions: Predictions | None,
    *,
    pred_path: str | None = None,
    baseline: bool = True,
    merge_gold: Mapping[str, Any] | None = None,
    merged: MergeResult | None = None,
    warnings: list[str] | None = None,
) -> EvalReport:
    """Score ``predictions`` (None: the baseline alone) and the baseline on ``gold``; merge scores
    when both ``merge_gold`` and ``merged`` are given."""
    aliases = alias_index(merge_gold)
    indexes = {d.doc_id: DocIndex(d) for d in gold.docs}  # shared by both systems
    system = (
        score_system("pipeline", gold, predictions.docs, aliases=aliases, indexes=indexes)
        if predictions is not None
        else None
    )
    base = None
    if baseline:
        t0 = time.perf_counter()
        preds = run_baseline(gold)
        base = score_system("baseline", gold, preds, aliases=aliases, indexes=indexes)
        base.score.seconds = round(time.perf_counter() - t0, 3)
        base.score.seconds_per_doc = base.score.seconds / len(gold.docs) if gold.docs else None
    report = build_report(
        gold,
        system,
        base,
        pred_path=pred_path,
        skipped=predictions.skipped if predictions else [],
        extra_warnings=warnings or [],
    )
    if merge_gold is not None and merged is not None:
        doc_evals = {d.doc_id: d for d in system.docs} if system else None
        report.merge = score_merge(gold, merge_gold, merged, doc_evals)
    return report


def load_floor(path: str | Path) -> dict[str, float]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f'{path}: expected a JSON object like {{"claim_f1": 0.4, "speaker_accuracy": 0.7}}')
    return {k: float(v) for k, v in data.items() if k in FLOOR_KEYS and v is not None}


def check_floor(report: EvalReport, floor: Mapping[str, float]) -> list[str]:
    """The floor values the pipeline's scores fall below (an unmeasured score counts as below)."""
    values = {"claim_f1": report.claim_f1, "joint_f1": report.joint_f1, "speaker_accuracy": report.speaker_accuracy}
    failures = []
    for key, minimum in floor.items():
        value = values.get(key)
        if value is None or value + 1e-9 < minimum:
            failures.append(f"{key} {'—' if value is None else f'{value:.3f}'} is below the floor {minimum:.3f}")
    return failures
