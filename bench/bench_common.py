"""Shared pieces of the benchmark: result rows, machine info, the stub server and document makers."""

from __future__ import annotations

import os
import platform
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # stub_server: the real OpenAI-compatible server of the tests
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_merge

from stub_server import StubServer  # noqa: E402

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


def long_article(path: Path, size: int, seed: int = 11) -> Path:
    """One synthetic article of ``size`` characters: paragraphs of attributed claims, quotes,
    pronoun speakers and figures, as a runaway input (a whole book pasted as one file) would be."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        who, verb, what = rng.choice(_NAMES), rng.choice(_VERBS), rng.choice(_THINGS)
        para = (
            f"{who[0].upper() + who[1:]} {verb} that {what} would cost {rng.randint(2, 900)} million dollars. "
            f'"We will not accept {rng.choice(_THINGS)}," {rng.choice(_NAMES)} said. He added that '
            f"{rng.randint(2, 90)} people were hurt on day {i}, according to a statement.\n"
        )
        parts.append(para)
        length += len(para)
        i += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts)[:size], encoding="utf-8")
    return path


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
