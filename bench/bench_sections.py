"""The benchmark sections: warm re-run, concurrency, merge scaling (no model) and the embedded
model's overhead and prompt reuse."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # stub_server: the real OpenAI-compatible server of the tests
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_merge

from bench_common import (  # noqa: E402
    ROOT,
    STUB_DELAY,
    Bench,
    log,
    long_article,
    run_docs,
    seed_docs,
    settings,
    short_docs,
    stub,
    stub_extractor,
)

from summarizer.backends.base import ChatRequest, Completion  # noqa: E402
from summarizer.cli.common import build_extractor  # noqa: E402
from summarizer.extract.engine import Extractor  # noqa: E402


def section_warm(b: Bench, tmp: Path, quick: bool) -> None:
    n = 30 if quick else 100
    docs = short_docs(tmp / "warm-docs", n)
    out, cache = tmp / "warm-out", tmp / "warm.sqlite"
    with stub(STUB_DELAY) as server:
        first, first_s = run_docs(stub_extractor(server, cache, 8), docs, out, 8)
        calls_first = len(server.requests)
        # unchanged outputs kept: a new run (new extractor, new log connection, as a new command would)
        again, again_s = run_docs(stub_extractor(server, cache, 8), docs, out, 8)
        calls_again = len(server.requests) - calls_first
        # outputs removed, call log kept: every document re-extracted from the log
        before = len(server.requests)
        logged, logged_s = run_docs(stub_extractor(server, cache, 8), docs, tmp / "warm-out-2", 8)
        calls_logged = len(server.requests) - before
        # the same warm re-run as a user types it: a fresh `summarizer extract` process
        before = len(server.requests)
        script = Path(sys.executable).with_name("summarizer")
        entry = (
            [str(script)] if script.exists() else [sys.executable, "-c", "from summarizer.cli.app import main; main()"]
        )
        cli = [
            *entry,
            "extract",
            *docs,
            "--out",
            str(out),
            "--base-url",
            server.base_url,
            "--model",
            "stub",
            "--cache",
            str(cache),
            "--concurrency",
            "8",
        ]
        started = time.perf_counter()
        proc = subprocess.run(cli, capture_output=True, text=True, env={**os.environ, "OPENAI_API_KEY": ""})
        cli_s = time.perf_counter() - started
        calls_cli = len(server.requests) - before
    statuses = sorted({d.status for d in again.documents})
    b.add("2 warm re-run", f"first run: {n} docs, model calls", calls_first, note=f"{first_s:.2f} s at concurrency 8")
    b.add(
        "2 warm re-run",
        "re-run (outputs kept): model calls",
        calls_again,
        "= 0",
        calls_again == 0,
        f"statuses {statuses}",
    )
    b.add("2 warm re-run", "re-run (outputs kept): wall s", round(again_s, 3), note=f"{again_s / n * 1000:.1f} ms/doc")
    b.add(
        "2 warm re-run",
        "re-run from call log only: model calls",
        calls_logged,
        "= 0",
        calls_logged == 0,
        "outputs deleted; every reply from SQLite",
    )
    b.add(
        "2 warm re-run",
        "re-run from call log only: wall s",
        round(logged_s, 3),
        note=f"{logged_s / n * 1000:.1f} ms/doc",
    )
    b.add(
        "2 warm re-run",
        "re-run as a CLI process: model calls",
        calls_cli,
        "= 0",
        calls_cli == 0 and proc.returncode == 0,
        f"exit {proc.returncode}",
    )
    b.add("2 warm re-run", "re-run as a CLI process: wall s", round(cli_s, 3), note="includes interpreter + imports")
    b.details["warm"] = {
        "docs": n,
        "first_s": first_s,
        "again_s": again_s,
        "logged_s": logged_s,
        "cli_s": cli_s,
        "calls": [calls_first, calls_again, calls_logged, calls_cli],
        "first_failed": len(first.failed),
        "logged_failed": len(logged.failed),
    }


# -- section 6: runaway input --------------------------------------------------------------------
def section_runaway(b: Bench, tmp: Path, quick: bool) -> None:
    """One huge article (1 MB, then 5 MB) against the stub server: extraction must grow linearly
    (an earlier pairing of every attribution with every sentence made 5 MB take 191 s)."""
    sizes = (200_000, 1_000_000) if quick else (1_000_000, 5_000_000)
    seconds: dict[int, float] = {}
    with stub(0.0) as server:
        for size in sizes:
            path = long_article(tmp / f"runaway-{size}" / "long.txt", size)
            extractor = stub_extractor(server, tmp / f"runaway-{size}.sqlite", 1)
            report, wall = run_docs(extractor, [str(path)], tmp / f"runaway-out-{size}", 1)
            seconds[size] = wall
            d = report.documents[0]
            b.add(
                "6 runaway",
                f"{size / 1e6:g} MB article: wall s",
                round(wall, 2),
                note=f"{d.status}, {d.claims} claims, {d.calls} calls",
            )
    small, big = sizes
    ratio = seconds[big] / seconds[small]
    b.add(
        "6 runaway",
        f"time ratio {big / 1e6:g} MB / {small / 1e6:g} MB",
        round(ratio, 2),
        "<= 6",
        ratio <= 6,
        "5 = linear",
    )


# -- section 3: concurrency ----------------------------------------------------------------------------
def section_concurrency(b: Bench, tmp: Path, quick: bool) -> None:
    n = 24 if quick else 50
    docs = seed_docs(tmp / "conc-docs", n)
    levels = (1, 4, 8)
    results: dict[int, dict[str, float]] = {}
    with stub(STUB_DELAY) as server:
        for c in levels:
            before = len(server.requests)
            report, wall = run_docs(stub_extractor(server, tmp / f"conc-{c}.sqlite", c), docs, tmp / f"conc-{c}", c)
            requests = len(server.requests) - before
            ideal = math.ceil(requests / c) * STUB_DELAY
            results[c] = {
                "seconds": wall,
                "docs_per_s": n / wall,
                "requests": requests,
                "ideal_s": ideal,
                "failed": len(report.failed),
            }
    base = results[1]["docs_per_s"]
    for c in levels:
        r = results[c]
        b.add(
            "3 concurrency",
            f"{n} docs at concurrency {c}: docs/s",
            round(r["docs_per_s"], 2),
            note=f"{r['seconds']:.2f} s, {int(r['requests'])} requests, ideal {r['ideal_s']:.2f} s, "
            f"{int(r['failed'])} failed",
        )
    ratio4 = results[4]["docs_per_s"] / base
    ratio8 = results[8]["docs_per_s"] / base
    b.add("3 concurrency", "throughput ratio 4 / 1", round(ratio4, 2), note="ideal 4.0")
    b.add(
        "3 concurrency",
        "throughput ratio 8 / 1",
        round(ratio8, 2),
        ">= 6",
        ratio8 >= 6,
        f"ideal {results[1]['ideal_s'] / results[8]['ideal_s']:.1f} with {int(results[8]['requests'])} requests",
    )
    overhead = (results[1]["seconds"] - results[1]["ideal_s"]) / n * 1000
    b.add(
        "3 concurrency",
        "pipeline overhead per doc at 1 (ms)",
        round(overhead, 1),
        note="wall minus the server's 200 ms per request",
    )
    b.details["concurrency"] = {str(k): v for k, v in results.items()}


# -- section 4: merge ----------------------------------------------------------------------------------
def section_merge(b: Bench, quick: bool) -> None:
    import bench_merge

    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000]
    rows = bench_merge.run(sizes)
    for r in rows:
        target, met = ("< 60 s", float(r["seconds"]) < 60) if int(r["claims"]) >= 100_000 else ("", None)
        b.add(
            "4 merge",
            f"{r['claims']} claims: seconds",
            r["seconds"],
            target,
            met,
            f"cpu {r['cpu_seconds']} s, peak +{r['peak_mb']} MB, {r['pairs_per_claim']} pairs/claim",
        )
    if len(rows) >= 2:
        a, z = rows[0], rows[-1]
        exponent = math.log(max(float(z["cpu_seconds"]), 1e-9) / max(float(a["cpu_seconds"]), 1e-9)) / math.log(
            float(z["claims"]) / float(a["claims"])
        )
        b.add(
            "4 merge",
            f"growth exponent {a['claims']}→{z['claims']} (cpu)",
            round(exponent, 2),
            "< 2",
            exponent < 2,
            "1 = linear, 2 = quadratic",
        )
        y, z2 = rows[-2], rows[-1]  # peak RSS of the smallest size is mostly interpreter noise
        mem = math.log(max(float(z2["peak_mb"]), 0.1) / max(float(y["peak_mb"]), 0.1)) / math.log(
            float(z2["claims"]) / float(y["claims"])
        )
        b.add(
            "4 merge",
            f"peak memory growth exponent {y['claims']}→{z2['claims']}",
            round(mem, 2),
            "< 2",
            mem < 2,
            "1 = linear",
        )
    b.details["merge"] = rows


# -- embedded sections (1 and 5) ---------------------------------------------------------------------------
class Recorder:
    """Wraps the embedded backend: same name/model/mode, records every request and its reply."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.model: str = inner.model
        self.max_concurrency: int = 1
        self.calls: list[tuple[ChatRequest, Completion]] = []

    @property
    def mode(self) -> str:
        return str(self.inner.mode)

    def complete(self, request: ChatRequest) -> Completion:
        completion: Completion = self.inner.complete(request)
        self.calls.append((request, completion))
        return completion


def embedded_extractor(model: str, tmp: Path) -> tuple[Extractor, Any, Recorder]:
    extractor = build_extractor(settings(backend="embedded", model=model, cache=str(tmp / "emb.sqlite"), no_cache=True))
    backend = extractor.backend
    recorder = Recorder(backend)
    extractor.backend = recorder
    return extractor, backend, recorder


def raw_replay(llm: Any, calls: list[tuple[ChatRequest, Completion]]) -> tuple[float, int]:
    """The physical limit: the same calls straight to llama.cpp, each forced to the output length
    the pipeline got (same messages, response_format, model, threads, context)."""
    started = time.perf_counter()
    tokens = 0
    for request, completion in calls:
        resp = llm.create_chat_completion(
            messages=request.messages,
            response_format={"type": "json_object", "schema": request.json_schema},
            max_tokens=max(1, completion.completion_tokens),
            temperature=request.temperature,
            seed=request.seed,
        )
        tokens += int((resp.get("usage") or {}).get("completion_tokens", 0))
    return time.perf_counter() - started, tokens


def reset(llm: Any) -> None:
    llm.reset()


def warm_up(llm: Any) -> None:
    llm.create_chat_completion(messages=[{"role": "user", "content": "Say OK."}], max_tokens=4, temperature=0.0)
    llm.reset()


def section_overhead(
    b: Bench, tmp: Path, extractor: Extractor, backend: Any, recorder: Recorder, seeds: list[Path]
) -> None:
    # Both arms run on the backend's model thread (see EmbeddedBackend: llama.cpp's OpenMP team is
    # per calling thread, so the raw arm must not decode from a thread the pipeline never uses).
    backend.on_model_thread(warm_up)
    per_seed = []
    for seed in seeds:
        recorder.calls.clear()
        backend.on_model_thread(reset)  # the same cold KV cache for both arms
        report, pipeline_s = run_docs(extractor, [str(seed)], tmp / f"ovh-{seed.stem}", 1)
        calls = list(recorder.calls)
        backend.on_model_thread(reset)
        raw_s, raw_tokens = backend.on_model_thread(lambda llm, calls=calls: raw_replay(llm, calls))
        d = report.documents[0]
        out_tokens = sum(c.completion_tokens for _, c in calls)
        row = {
            "seed": seed.stem,
            "pipeline_s": pipeline_s,
            "raw_s": raw_s,
            "ratio": pipeline_s / raw_s,
            "calls": len(calls),
            "prompt_tokens": d.tokens.prompt,
            "output_tokens": d.tokens.completion,
            "raw_output_tokens": raw_tokens,
            "claims": d.claims,
            "status": d.status,
            "out_tokens_per_claim": out_tokens / d.claims if d.claims else None,
        }
        per_seed.append(row)
        log(
            f"  {seed.stem}: pipeline {pipeline_s:.2f} s, raw {raw_s:.2f} s, {len(calls)} call(s), "
            f"{d.tokens.completion} output tokens"
        )
        b.add(
            "1 overhead",
            f"{seed.stem[:12]}: pipeline / raw llama.cpp",
            round(row["ratio"], 3),
            "<= 1.10",
            row["ratio"] <= 1.10,
            f"{pipeline_s:.2f} s vs {raw_s:.2f} s, {len(calls)} call(s), {d.tokens.prompt} in / "
            f"{d.tokens.completion} out tokens, {d.claims} claims, {d.status}",
        )
    total_p = sum(r["pipeline_s"] for r in per_seed)
    total_r = sum(r["raw_s"] for r in per_seed)
    claims = sum(r["claims"] for r in per_seed)
    n = len(per_seed)
    b.add(
        "1 overhead",
        "all seeds: pipeline / raw",
        round(total_p / total_r, 3),
        "<= 1.10",
        total_p / total_r <= 1.10,
        f"{total_p / n:.2f} s/doc vs {total_r / n:.2f} s/doc",
    )
    b.add("1 overhead", "prompt tokens per doc", round(sum(r["prompt_tokens"] for r in per_seed) / n, 1))
    b.add("1 overhead", "output tokens per doc", round(sum(r["output_tokens"] for r in per_seed) / n, 1))
    b.add(
        "1 overhead",
        "output tokens per claim",
        round(sum(r["output_tokens"] for r in per_seed) / claims, 1) if claims else "n/a",
        note=f"{claims} claims; evidence style {extractor.options.evidence_style}",
    )
    b.details["overhead"] = per_seed


def section_reuse(b: Bench, tmp: Path, extractor: Extractor, backend: Any, seeds: list[Path]) -> None:
    arms: dict[str, dict[str, Any]] = {}
    for arm, reuse in (("with reuse", True), ("without reuse", False)):
        backend.prefix_cache = reuse  # False: EmbeddedBackend resets the KV cache before every call
        backend.on_model_thread(reset)
        seconds = []
        for seed in seeds:
            _report, s = run_docs(extractor, [str(seed)], tmp / f"reuse-{reuse}-{seed.stem}", 1)
            seconds.append(s)
            log(f"  {arm}: {seed.stem} {s:.2f} s")
        arms[arm] = {"seconds": sum(seconds), "per_doc": seconds}
    backend.prefix_cache = True
    w, wo = arms["with reuse"]["seconds"], arms["without reuse"]["seconds"]
    n = len(seeds)
    b.add(
        "5 prompt reuse",
        f"{n} docs with prefix reuse: s",
        round(w, 2),
        note=" ".join(f"{s:.1f}" for s in arms["with reuse"]["per_doc"]),
    )
    b.add(
        "5 prompt reuse",
        f"{n} docs without reuse: s",
        round(wo, 2),
        note=" ".join(f"{s:.1f}" for s in arms["without reuse"]["per_doc"]),
    )
    b.add(
        "5 prompt reuse",
        "speed-up from reuse",
        round(wo / w, 3),
        "> 1",
        wo / w > 1,
        f"{(wo - w) / n:.2f} s saved per doc",
    )
    b.details["reuse"] = arms


# -- table --------------------------------------------------------------------------------------------------
