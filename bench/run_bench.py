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
  6  runaway input: one 1 MB and one 5 MB article against the stub server, time ratio

Run it alone: on a shared machine another busy process collapses llama.cpp's decode speed and
the GIL-bound parts of the concurrency section. The load average is printed with the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # stub_server: the real OpenAI-compatible server of the tests
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_merge

from bench_common import (  # noqa: E402
    ROOT,
    SEEDS,
    Bench,
    log,
    machine_info,
)
from bench_sections import (  # noqa: E402
    embedded_extractor,
    section_concurrency,
    section_merge,
    section_overhead,
    section_reuse,
    section_runaway,
    section_warm,
)


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
    ap.add_argument("--sections", default="1,2,3,4,5,6", help="comma-separated subset of 1,2,3,4,5,6")
    ap.add_argument("--quick", action="store_true", help="2 seeds, fewer documents, merge up to 10k")
    ap.add_argument("--json", type=Path, help="also save every figure as JSON here")
    args = ap.parse_args(argv)
    sections = {int(s) for s in args.sections.split(",") if s.strip()}
    if not sections <= {1, 2, 3, 4, 5, 6}:
        ap.error("sections are 1..6")
    b = Bench(machine=machine_info())
    seeds = SEEDS[:2] if args.quick else SEEDS[:5]
    tmp = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    signal.signal(signal.SIGTERM, _interrupt)
    current, interrupted = 0, False
    steps: list[tuple[int, Callable[[], None]]] = [
        (2, lambda: section_warm(b, tmp, args.quick)),
        (3, lambda: section_concurrency(b, tmp, args.quick)),
        (4, lambda: section_merge(b, args.quick)),
        (6, lambda: section_runaway(b, tmp, args.quick)),
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
