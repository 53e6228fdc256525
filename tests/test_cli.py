"""CLI tests with typer's CliRunner against a real OpenAI-compatible stub server on 127.0.0.1."""

import json
from pathlib import Path

from stub_server import StubServer
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.extract.fingerprint import code_fingerprint

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _extract(tmp_path: Path, server: StubServer, *inputs: str, extra: tuple[str, ...] = ()):
    return runner.invoke(
        app,
        [
            "extract",
            *inputs,
            "--out",
            str(tmp_path / "out"),
            "--base-url",
            server.base_url,
            "--model",
            "stub",
            "--cache",
            str(tmp_path / "calls.sqlite"),
            *extra,
        ],
        env={"OPENAI_API_KEY": ""},
    )


def test_extract_writes_outputs_run_report_and_text(tmp_path: Path) -> None:
    with StubServer(["ok"]) as server:
        result = _extract(tmp_path, server, str(SEEDS))
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    docs = sorted(p.stem for p in out.glob("0*.json"))
    assert docs == sorted(p.stem for p in SEEDS.glob("*.txt"))
    run = json.loads((out / "run.json").read_text())
    assert [d["status"] for d in run["documents"]] == ["ok"] * 5
    doc = json.loads((out / f"{docs[0]}.json").read_text())
    text = (out / f"{docs[0]}.txt").read_text()
    assert doc["$schema"].endswith("document.schema.json") and doc["claims"]
    for c in doc["claims"]:
        assert text[c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"]


def test_bad_inputs_fail_alone_with_one_line_errors_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("The council met. The mayor said it went well.")
    with StubServer(["ok"]) as server:
        result = _extract(
            tmp_path, server, str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "good.txt")
        )
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "missing.txt: no such file or directory" in result.output
    assert (tmp_path / "out" / "good.json").exists()


def test_rerun_makes_no_model_call(tmp_path: Path) -> None:
    with StubServer(["ok"]) as server:
        assert _extract(tmp_path, server, str(SEEDS)).exit_code == 0
        first = len(server.requests)
        assert _extract(tmp_path, server, str(SEEDS)).exit_code == 0
        assert len(server.requests) == first
        run = json.loads((tmp_path / "out" / "run.json").read_text())
        assert {d["status"] for d in run["documents"]} == {"skipped"}


def test_model_list_shows_pinned_models() -> None:
    result = runner.invoke(app, ["model", "list"])
    assert result.exit_code == 0
    assert "qwen2.5-coder-1.5b" in result.output and "qwen2.5-coder-0.5b" in result.output


def test_an_output_framed_by_other_code_is_framed_again_without_a_model_call(tmp_path: Path) -> None:
    with StubServer(["ok"]) as server:
        assert _extract(tmp_path, server, str(SEEDS)).exit_code == 0
        first = len(server.requests)
        kept = sorted((tmp_path / "out").glob("0*.json"))[0]
        doc = json.loads(kept.read_text())
        assert doc["meta"]["code_sha256"] == code_fingerprint()
        doc["meta"]["code_sha256"] = "older rules"  # as written before an upgrade
        kept.write_text(json.dumps(doc))
        assert _extract(tmp_path, server, str(SEEDS)).exit_code == 0
        assert len(server.requests) == first  # the replies come from the call log
        run = json.loads((tmp_path / "out" / "run.json").read_text())
        statuses = {d["doc_id"]: d["status"] for d in run["documents"]}
        assert statuses.pop(kept.stem) == "ok" and set(statuses.values()) == {"skipped"}
        assert json.loads(kept.read_text())["meta"]["code_sha256"] == code_fingerprint()
