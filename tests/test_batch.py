"""Batch mode round trip against a real OpenAI-compatible stub server on 127.0.0.1.

prepare → send each request body to the server → write a Batch output file → collect → the
outputs equal those of an online ``extract`` run on the same server; and the prepared bodies are
exactly what the online path sends.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from stub_server import StubServer
from typer.testing import CliRunner

from summarizer.batch import Manifest, manifest_path_for, read_results, remote
from summarizer.cli.app import app

pytestmark = pytest.mark.server
runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ENV = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""}


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    return result


def extract_online(tmp: Path, server: StubServer, env: dict[str, str] | None = None) -> Path:
    out = tmp / "online"
    r = invoke(
        "extract",
        str(SEEDS),
        "--out",
        str(out),
        "--base-url",
        server.base_url,
        "--model",
        "stub",
        "--cache",
        str(tmp / "online.sqlite"),
        env=env,
    )
    assert r.exit_code == 0, r.output
    return out


def prepare(tmp: Path, env: dict[str, str] | None = None) -> Path:
    requests = tmp / "batch" / "requests.jsonl"
    r = invoke("batch", "prepare", str(SEEDS), "--out", str(requests), "--model", "stub", env=env)
    assert r.exit_code == 0, r.output
    return requests


def collect(results: Path, requests: Path, out: Path | str, cache: Path | str, *extra: str) -> Any:
    """``summarizer batch collect`` of ``results`` with the manifest written beside ``requests``."""
    manifest = manifest_path_for(requests)
    return invoke(
        "batch", "collect", str(results), "--manifest", str(manifest), "--out", str(out), "--cache", str(cache), *extra
    )


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def post(server: StubServer, body: dict[str, Any]) -> dict[str, Any]:
    req = urllib.request.Request(
        server.base_url + "/chat/completions",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def run_batch(
    server: StubServer, requests: Path, results: Path, override: dict[str, dict[str, Any]] | None = None
) -> None:
    """What the Batch API / vLLM run_batch do: answer each line, write the output format."""
    with results.open("w", encoding="utf-8") as fh:
        for n, line in enumerate(lines(requests)):
            assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
            reply = (override or {}).get(line["custom_id"]) or post(server, line["body"])
            record = {
                "id": f"batch_req_{n}",
                "custom_id": line["custom_id"],
                "response": {"status_code": 200, "request_id": f"req_{n}", "body": reply},
                "error": None,
            }
            if reply.get("_error"):
                record = {
                    "id": f"batch_req_{n}",
                    "custom_id": line["custom_id"],
                    "response": None,
                    "error": {"code": "server_error", "message": reply["_error"]},
                }
            fh.write(json.dumps(record) + "\n")


def claims_of(folder: Path) -> dict[str, Any]:
    docs = {}
    for path in sorted(folder.glob("*.json")):
        if path.stem in ("run", "eval", "merged"):
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs[path.stem] = (
            doc["summary"],
            [(c["id"], c["text"], c["speaker"], c["cue"], c["evidence"]) for c in doc["claims"]],
        )
    return docs


def canon(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True)


@pytest.mark.parametrize("chunk_chars", ["6000", "1200"])
def test_prepared_bodies_are_exactly_what_the_online_path_sends(tmp_path: Path, chunk_chars: str) -> None:
    # several chunks per article only when the model is asked about every chunk (not just the lead)
    env = {"SUMMARIZER_CHUNK_CHARS": chunk_chars, "SUMMARIZER_MODEL_CUES": "1"}
    with StubServer(["ok"]) as server:
        extract_online(tmp_path, server, env)
    prepared = lines(prepare(tmp_path, env))
    # each chunk's first request (re-asks append the reply and the error: the stub's naive reply can
    # cite a footnote "[7]" of the context, which the online path re-asks)
    first = [b for b in server.requests if len(b["messages"]) == 2]
    assert sorted(canon(p["body"]) for p in prepared) == sorted(canon(b) for b in first)
    ids = [p["custom_id"] for p in prepared]
    assert len(ids) == len(set(ids)) == len(first)
    assert all("#chunk" in i for i in ids)
    if chunk_chars == "1200":
        assert any(i.endswith("#chunk1") for i in ids)  # several chunks per article
    m = Manifest.load(manifest_path_for(tmp_path / "batch" / "requests.jsonl"))
    assert (m.model, m.output_mode, m.backend, m.requests) == ("stub", "json_schema", "openai", len(prepared))
    assert [Path(p).name for p in m.inputs] == ["seeds"]


def test_round_trip_outputs_equal_the_online_run_and_the_cache_keys_agree(tmp_path: Path) -> None:
    with StubServer(["ok"]) as server:
        online = extract_online(tmp_path, server)
        requests = prepare(tmp_path)
        results = tmp_path / "batch" / "results.jsonl"
        run_batch(server, requests, results)
        sent = len(server.requests)
        cache = str(tmp_path / "batch.sqlite")

        r = collect(results, requests, tmp_path / "collected", cache, "--base-url", server.base_url)
        assert r.exit_code == 0, r.output
        assert len(server.requests) == sent  # every answer came from the batch
        assert "5 replies recorded" in r.output
        assert claims_of(tmp_path / "collected") == claims_of(online)
        run = json.loads((tmp_path / "collected" / "run.json").read_text())
        assert [(d["status"], d["calls"]) for d in run["documents"]] == [("ok", 0)] * 5
        # the online extract with the batch's cache makes no call either: the keys are the online keys
        r = invoke(
            "extract",
            str(SEEDS),
            "--out",
            str(tmp_path / "again"),
            "--base-url",
            server.base_url,
            "--model",
            "stub",
            "--cache",
            cache,
        )
        assert r.exit_code == 0, r.output
        assert len(server.requests) == sent
        assert claims_of(tmp_path / "again") == claims_of(online)
        # collecting the same file twice records nothing new
        r = collect(results, requests, tmp_path / "collected", cache, "--base-url", server.base_url)
        assert r.exit_code == 0 and "0 replies recorded" in r.output and "5 already" in r.output


def test_failed_line_and_invalid_reply_go_online_when_a_server_is_given(tmp_path: Path) -> None:
    with StubServer(["ok"]) as server:
        requests = prepare(tmp_path)
        ids = [line["custom_id"] for line in lines(requests)]
        bad = {
            "id": "x",
            "object": "chat.completion",
            "model": "stub",
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": '{"summary": 3}'}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 9, "completion_tokens": 3},
        }
        results = tmp_path / "results.jsonl"
        run_batch(server, requests, results, {ids[0]: {"_error": "expired"}, ids[1]: bad})
        sent = len(server.requests)
        r = collect(results, requests, tmp_path / "out", tmp_path / "c.sqlite", "--base-url", server.base_url)
        assert r.exit_code == 0, r.output
        assert "1 failed lines" in r.output and "1 invalid" in r.output
        online = server.requests[sent:]
        assert len(online) == 2  # the failed line's request, and one re-ask of the invalid reply
        reask = [b for b in online if len(b["messages"]) == 4]
        assert reask and reask[0]["messages"][2]["content"] == '{"summary": 3}'


def test_offline_collect_writes_a_follow_up_batch_that_completes_the_run(tmp_path: Path) -> None:
    with StubServer(["ok"]) as server:
        requests = prepare(tmp_path)
        ids = [line["custom_id"] for line in lines(requests)]
        truncated = {
            "id": "x",
            "object": "chat.completion",
            "model": "stub",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": '{"summary": "x", '},
                    "finish_reason": "length",
                }
            ],
            "usage": {"prompt_tokens": 9, "completion_tokens": 3},
        }
        results = tmp_path / "batch" / "results.jsonl"
        run_batch(server, requests, results, {ids[2]: truncated})
        sent = len(server.requests)
        cache = str(tmp_path / "c.sqlite")
        out = str(tmp_path / "out")
        r = collect(results, requests, out, cache, "--offline")
        assert r.exit_code == 1
        assert len(server.requests) == sent
        follow = tmp_path / "batch" / "requests.round2.jsonl"
        pending = lines(follow)
        assert len(pending) == 1 and pending[0]["custom_id"].startswith(ids[2].split("#")[0] + "#")
        assert pending[0]["body"]["max_tokens"] == 4096  # the engine's raised limit, as online
        results2 = tmp_path / "batch" / "results.round2.jsonl"
        run_batch(server, follow, results2)
        r = collect(results2, follow, out, cache, "--offline")
        assert r.exit_code == 0, r.output
        run = json.loads((tmp_path / "out" / "run.json").read_text())
        assert sorted(d["status"] for d in run["documents"]) == ["ok"] + ["skipped"] * 4


def test_collect_runs_with_the_manifest_settings_and_refuses_others(tmp_path: Path) -> None:
    requests = prepare(tmp_path)
    manifest = manifest_path_for(requests)
    (tmp_path / "r.jsonl").write_text("")
    common = ("--out", str(tmp_path / "o"), "--cache", str(tmp_path / "c.sqlite"), "--offline")
    r = invoke("batch", "collect", str(tmp_path / "r.jsonl"), "--manifest", str(manifest), "--model", "other", *common)
    assert r.exit_code == 2 and "prepared for model 'stub'" in r.output
    # the manifest's settings win over the environment: no mismatch, the (empty) batch is collected
    r = invoke(
        "batch",
        "collect",
        str(tmp_path / "r.jsonl"),
        "--manifest",
        str(manifest),
        *common,
        env={"SUMMARIZER_EVIDENCE_STYLE": "quote", "SUMMARIZER_MAX_TOKENS": "99"},
    )
    assert r.exit_code == 1 and "5 requests need another round" in r.output
    # prompts edited since prepare: refused before anything is recorded
    m = Manifest.load(manifest)
    m.model_copy(update={"prompt_sha256": "0" * 64}).save(manifest)
    r = invoke("batch", "collect", str(tmp_path / "r.jsonl"), "--manifest", str(manifest), *common)
    assert r.exit_code == 2 and "prepared with other settings or prompts" in r.output


def test_read_results_accepts_string_bodies_and_error_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"custom_id": "a#chunk0", "response": {"status_code": 200, "body": '{"choices": []}'}})
        + "\n\n"
        + json.dumps({"custom_id": "b#chunk0", "response": None, "error": {"code": "x", "message": "boom"}})
        + "\n"
    )
    got = list(read_results(path))
    assert [(g.custom_id, g.status_code, g.body, g.error) for g in got] == [
        ("a#chunk0", 200, {"choices": []}, None),
        ("b#chunk0", None, None, "boom"),
    ]


class FakeClient:
    """Records the SDK calls submit/status/download make."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        batch = SimpleNamespace(
            id="batch_1",
            status="completed",
            input_file_id="file_in",
            output_file_id="file_out",
            error_file_id=None,
            request_counts=SimpleNamespace(total=5, completed=5, failed=0),
        )
        self.files = SimpleNamespace(
            create=lambda **kw: (
                self.calls.append(("files.create", {**kw, "file": kw["file"].read()})),
                SimpleNamespace(id="file_in"),
            )[1],
            content=lambda file_id: (
                self.calls.append(("files.content", {"file_id": file_id})),
                SimpleNamespace(content=b'{"custom_id": "a#chunk0"}\n'),
            )[1],
        )
        self.batches = SimpleNamespace(
            create=lambda **kw: (self.calls.append(("batches.create", kw)), batch)[1],
            retrieve=lambda batch_id: (self.calls.append(("batches.retrieve", {"id": batch_id})), batch)[1],
        )


def test_submit_status_download_make_the_documented_sdk_calls(tmp_path: Path) -> None:
    requests = tmp_path / "requests.jsonl"
    requests.write_text('{"custom_id": "a#chunk0"}\n')
    client = FakeClient()
    batch = remote.submit(client, requests)
    assert client.calls[0] == ("files.create", {"file": requests.read_bytes(), "purpose": "batch"})
    name, kw = client.calls[1]
    assert name == "batches.create" and kw["input_file_id"] == "file_in"
    assert kw["endpoint"] == "/v1/chat/completions" and kw["completion_window"] == "24h"
    remote.register(tmp_path / "reg", batch, requests)
    assert remote.manifest_for(tmp_path / "reg", "batch_1") == manifest_path_for(requests.resolve())
    assert remote.manifest_for(tmp_path / "reg", "batch_2") is None
    assert remote.status(client, "batch_1").status == "completed"
    _, files = remote.download(client, "batch_1", tmp_path / "dl")
    assert [f.name for f in files] == ["batch_1.output.jsonl"]
    assert files[0].read_bytes() == b'{"custom_id": "a#chunk0"}\n'
