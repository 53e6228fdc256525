"""Issue 16's data side: outputs exported as gold score F1 1.0 against themselves (so a reviewer's
corrections are the only thing that moves a score), and merged gold keeps the latest review."""

from __future__ import annotations

import json
from pathlib import Path

from faults.conftest import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stub_server import StubServer
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.evaluate.api import evaluate
from summarizer.evaluate.gold import load_gold
from summarizer.evaluate.predictions import load_predictions
from summarizer.models import EvalReport

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _extract(tmp: Path, inputs: list[str]) -> Path:
    """``summarizer extract`` against the stub server, through the fault suite's one helper."""
    with StubServer(["ok"]) as server:
        result, out = cli(tmp, server.base_url, *inputs)
    assert result.exit_code == 0, result.output
    return out


def test_seed_outputs_exported_as_gold_score_one_against_themselves(tmp_path: Path) -> None:
    out = _extract(tmp_path, [str(SEEDS)])
    exported = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(app, ["gold", "export", str(out), "--out", str(exported)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and {c["attribution_type"] for r in records for c in r["claims"]} >= {
        "Author",
        "Attribution",
    }
    for r in records:
        for c in r["claims"]:
            assert r["text"][c["start"] : c["end"]] == c["claim"]
            for s, e in c["speaker_spans"]:
                assert r["text"][s:e] == c["speaker"]
    scored = CliRunner().invoke(
        app,
        ["eval", "--gold", str(exported), "--pred", str(out), "--out", str(tmp_path / "eval.json"), "--no-baseline"],
    )
    assert scored.exit_code == 0, scored.output
    report = EvalReport.model_validate_json((tmp_path / "eval.json").read_text(encoding="utf-8"))
    assert report.claim_f1 == 1.0 and report.joint_f1 == 1.0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(["said", "told reporters", "according to", "claimed", "wrote"]), min_size=1, max_size=6)
)
def test_any_uncorrected_export_scores_one(tmp_path_factory, cues: list[str]) -> None:
    tmp = tmp_path_factory.mktemp("g")
    (tmp / "in").mkdir()
    lines = [
        f"Official {chr(65 + i)} {cue} the plan number {i} would pass." if cue != "according to"
        else f"The plan number {i} would pass, according to Official {chr(65 + i)}."
        for i, cue in enumerate(cues)
    ]  # fmt: skip
    (tmp / "in" / "a.txt").write_text("The council met.\n" + "\n".join(lines) + "\n", encoding="utf-8")
    out = _extract(tmp, [str(tmp / "in")])
    exported = tmp / "gold.jsonl"
    assert CliRunner().invoke(app, ["gold", "export", str(out), "--out", str(exported)]).exit_code == 0
    report = evaluate(load_gold(exported), load_predictions(out), baseline=False)
    assert report.overall is not None and report.overall.soft.f1 == 1.0 and report.overall.joint.f1 == 1.0


def test_gold_merge_keeps_the_latest_review_of_each_document(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(
        json.dumps({"doc_id": "x", "text": "T", "claims": [], "v": 1})
        + "\n"
        + json.dumps({"doc_id": "y", "text": "U", "claims": []})
        + "\n",
        encoding="utf-8",
    )
    second.write_text(json.dumps({"doc_id": "x", "text": "T", "claims": [], "v": 2}) + "\n", encoding="utf-8")
    merged = tmp_path / "m.jsonl"
    result = CliRunner().invoke(app, ["gold", "merge", str(first), str(second), "--out", str(merged)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in merged.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r.get("v")) for r in records] == [("x", 2), ("y", None)]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "z"}\nnot json\n', encoding="utf-8")
    failed = CliRunner().invoke(app, ["gold", "merge", str(bad), "--out", str(merged)])
    assert failed.exit_code == 1 and f"{bad}:2: not JSON" in failed.output and "Traceback" not in failed.output
