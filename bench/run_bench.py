"""One command, one table of ratios measured in one run (issue 7).

    .venv/bin/python bench/run_bench.py                       # all sections, default model
    .venv/bin/python bench/run_bench.py --model small --quick  # 2 seeds, fewer documents
    .venv/bin/python bench/run_bench.py --sections 2,3,4      # no model needed
    .venv/bin/python bench/run_bench.py --json bench.json     # also save every figure

Sections (see bench/README.md for what each one measures and why):
  1  overhead of the pipeline over a raw llama.cpp call, per seed (embedded model)
  2  warm re-run of 100 unchanged documents (stub server): model calls and seconds
  3  concurrency against an OpenAI-compatible stub server answering after 200 ms: 1, 4, 8
  4  merge scaling at 1k, 10k, 100k synthetic claims (bench/bench_merge.py)
  5  embedded prompt reuse: 5 seeds with and without the KV-cache prefix reuse

Run it alone: on a shared machine another busy process collapses llama.cpp's decode speed and
the GIL-bound parts of the concurrency section. The load average is printed with the machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # stub_server: the real OpenAI-compatible server of the tests
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_merge

from stub_server import StubServer  # noqa: E402

from summarizer.backends.base import ChatRequest, Completion  # noqa: E402
from summarizer.cli.common import build_extractor  # noqa: E402
from summarizer.config import Settings, load_settings  # noqa: E402
from summarizer.extract.engine import Extractor  # noqa: E402
from summarizer.extract.runner import Runner  # noqa: E402
from summarizer.models import RunReport  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
STUB_DELAY = 0.2


@dataclass
class Row:
    section: str
    metric: str
    value: float | int | str
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Bench:
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)

    def add(self, *args: Any, **kw: Any) -> None:
        self.rows.append(Row(*args, **kw))


# -- machine -------------------------------------------------------------------------------------
def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    physical: set[tuple[str, str]] = set()
    try:
        phys = core = ""
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = (part.strip() for part in line.partition(":"))
            if key == "model name":
                cpu = value
            elif key == "physical id":
                phys = value
            elif key == "core id":
                core = value
                physical.add((phys, core))
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    try:
        import llama_cpp

        llama = llama_cpp.__version__
    except ImportError:
        llama = "not installed"
    return {
        "cpu": cpu,
        "logical_cores": os.cpu_count(),
        "physical_cores": len(physical) or None,
        "usable_cores": usable,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "llama_cpp_python": llama,
        "platform": platform.platform(terse=True),
    }


# -- helpers ------------------------------------------------------------------------------------------
def log(message: str) -> None:
    """Progress on stderr (the table goes to stdout)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def settings(**flags: Any) -> Settings:
    """Settings as the CLI builds them (flags over environment over defaults)."""
    return load_settings({k: v for k, v in flags.items() if v is not None}, cwd=ROOT)


def stub(delay: float) -> StubServer:
    """The tests' OpenAI-compatible server, with Nagle's algorithm off as real servers (uvicorn,
    vLLM, llama.cpp) have it: the stub writes headers and body separately, and on a kept-alive
    connection the body then waits for the client's delayed ACK (~40 ms per request here)."""
    server = StubServer(["ok"], delay=delay)
    server.httpd.RequestHandlerClass.disable_nagle_algorithm = True  # type: ignore[attr-defined]
    return server


def stub_extractor(server: StubServer, cache: Path, concurrency: int) -> Extractor:
    return build_extractor(
        settings(backend="openai", base_url=server.base_url, model="stub", cache=str(cache), concurrency=concurrency)
    )


def run_docs(extractor: Extractor, inputs: list[str], out: Path, concurrency: int) -> tuple[RunReport, float]:
    started = time.perf_counter()
    report = Runner(extractor, out, concurrency=concurrency).run(inputs)
    return report, time.perf_counter() - started


_NAMES = ["Ana Ruiz", "the ministry", "Dr. Lena Okafor", "police", "the mayor", "Omar Haddad", "the union", "UNICEF"]
_VERBS = ["said", "told reporters", "claimed", "warned", "announced", "denied"]
_THINGS = ["the budget", "the new bridge", "school meals", "the water supply", "the strike", "the ceasefire"]


def short_docs(folder: Path, n: int, seed: int = 7) -> list[str]:
    """``n`` short news-like articles (5–7 sentences, attributed claims with figures), all distinct."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        parts = [f"Report {i}: the city council met on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."]
        for _ in range(rng.randint(4, 6)):
            who, verb, what = rng.choice(_NAMES), rng.choice(_VERBS), rng.choice(_THINGS)
            parts.append(
                f"{who[0].upper() + who[1:]} {verb} that {what} would cost {rng.randint(2, 900)} million "
                f"dollars by {rng.randint(2025, 2031)}."
            )
        parts.append(f'"We will not accept {rng.choice(_THINGS)}," {rng.choice(_NAMES)} said.')
        (folder / f"short_{i:03d}.txt").write_text(" ".join(parts) + "\n", encoding="utf-8")
    return [str(folder)]


def seed_docs(folder: Path, n: int) -> list[str]:
    """``n`` distinct real-length articles: the seeds in turn, each with its own first line (the
    runner extracts identical texts once, which would hide the work)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
        (folder / f"doc_{i:03d}.txt").write_text(f"Dispatch {i} was filed on day {i}.\n{text}", encoding="utf-8")
    return [str(folder)]


# -- section 2: warm re-run ---------------------------------------------------------------------------
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


def warm_up(llm: Any) -> None:
    llm.create_chat_completion(messages=[{"role": "user", "content": "Say OK."}], max_tokens=4, temperature=0.0)
    llm.reset()


def section_overhead(
    b: Bench, tmp: Path, extractor: Extractor, backend: Any, recorder: Recorder, seeds: list[Path]
) -> None:
    llm = backend.load()
    warm_up(llm)
    per_seed = []
    for seed in seeds:
        recorder.calls.clear()
        llm.reset()  # the same cold KV cache for both arms
        report, pipeline_s = run_docs(extractor, [str(seed)], tmp / f"ovh-{seed.stem}", 1)
        calls = list(recorder.calls)
        llm.reset()
        raw_s, raw_tokens = raw_replay(llm, calls)
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
    llm = backend.load()
    arms: dict[str, dict[str, Any]] = {}
    for arm, reuse in (("with reuse", True), ("without reuse", False)):
        backend.prefix_cache = reuse  # False: EmbeddedBackend resets the KV cache before every call
        llm.reset()
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
def render(b: Bench) -> str:
    m = b.machine
    head = (
        f"machine: {m['cpu']} · {m['usable_cores']} usable cores ({m['logical_cores']} logical, "
        f"{m['physical_cores'] or '?'} physical) · load {m['load_average']} · python {m['python']} · "
        f"llama-cpp-python {m['llama_cpp_python']}"
    )
    if "model" in m:
        head += f"\nmodel: {m['model']} · threads {m['threads']} · n_ctx {m['n_ctx']}"
    cols = ("section", "metric", "value", "target", "met", "note")
    cells = [
        [r.section, r.metric, str(r.value), r.target, "" if r.met is None else ("yes" if r.met else "NO"), r.note]
        for r in b.rows
    ]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(cols[:-1])]
    lines = [head, ""]
    lines.append(" | ".join(c.ljust(w) for c, w in zip(cols[:-1], widths, strict=True)) + " | note")
    lines.append("-+-".join("-" * w for w in widths) + "-+-----")
    for row in cells:
        lines.append(" | ".join(v.ljust(w) for v, w in zip(row[:-1], widths, strict=True)) + " | " + row[-1])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", default="default", help="embedded model: default, small, or a pinned name")
    ap.add_argument("--sections", default="1,2,3,4,5", help="comma-separated subset of 1,2,3,4,5")
    ap.add_argument("--quick", action="store_true", help="2 seeds, fewer documents, merge up to 10k")
    ap.add_argument("--json", type=Path, help="also save every figure as JSON here")
    args = ap.parse_args(argv)
    sections = {int(s) for s in args.sections.split(",") if s.strip()}
    if not sections <= {1, 2, 3, 4, 5}:
        ap.error("sections are 1..5")
    b = Bench(machine=machine_info())
    seeds = SEEDS[:2] if args.quick else SEEDS[:5]
    tmp = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    signal.signal(signal.SIGTERM, _interrupt)
    current, interrupted = 0, False
    steps: list[tuple[int, Callable[[], None]]] = [
        (2, lambda: section_warm(b, tmp, args.quick)),
        (3, lambda: section_concurrency(b, tmp, args.quick)),
        (4, lambda: section_merge(b, args.quick)),
    ]
    try:
        if sections & {1, 5}:
            extractor, backend, recorder = embedded_extractor(args.model, tmp)
            b.machine.update(
                model=backend.model, model_file=str(backend.model_path), threads=backend.n_threads, n_ctx=backend.n_ctx
            )
            if 1 in sections:
                steps.append((1, lambda: section_overhead(b, tmp, extractor, backend, recorder, seeds)))
            if 5 in sections:
                steps.append((5, lambda: section_reuse(b, tmp, extractor, backend, seeds)))
        for number, step in sorted(steps, key=lambda s: s[0]):
            if number in sections:
                current = number
                started = time.perf_counter()
                log(f"section {number} …")
                step()
                log(f"section {number} done in {time.perf_counter() - started:.1f} s")
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM (timeout): still print what was measured
        interrupted = True
        b.add(f"{current} interrupted", "run stopped before this section finished", "-", note="rows above are complete")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    b.machine["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    table = render(b)
    print(table)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"machine": b.machine, "rows": [asdict(r) for r in b.rows], "details": b.details, "table": table},
                indent=1,
                default=str,
            )
            + "\n"
        )
    if interrupted:
        return 130
    return 1 if any(r.met is False for r in b.rows) else 0


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
