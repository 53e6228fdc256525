"""Merge benchmark: seconds and peak memory at 1k, 10k and 100k synthetic claims.

Why synthetic and shaped like news: blocking cost depends on how skewed the keys are. The corpus
has ~20 claims per article; entities with Zipf popularity, each known by a long name, an acronym
and a misspelling (so alias resolution has work); events with a place, a date written several ways
and death tolls that differ by source (so conflicts exist); a Zipf vocabulary for the filler words.
A few entities ("the MEK" of this corpus) appear in a large share of claims — the case that makes
naive blocking quadratic.

``seconds`` is wall time and ``cpu_seconds`` the merge's own CPU time (the two differ when other
processes share the cores; the benchmark is single-threaded). Each size runs in a fresh subprocess
so peak RSS is that merge's own: ``peak MB`` is the resident high-water mark during the merge minus
the resident size just before it (documents already built).

    .venv/bin/python bench/bench_merge.py            # 1k, 10k, 100k
    .venv/bin/python bench/bench_merge.py 1000 5000
"""

from __future__ import annotations

import gc
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from summarizer.merge import merge_documents
from summarizer.models import (
    Alignment,
    Claim,
    DocumentEntity,
    DocumentResult,
    Evidence,
    ExtractionMeta,
    NumberMention,
    SourceInfo,
    Speaker,
    SpeakerType,
)

CLAIMS_PER_DOC = 20
_META = ExtractionMeta(
    backend="bench",
    model="synthetic",
    output_mode="json_object",
    evidence_style="quote",
    prompt_sha256="0",
    schema_sha256="0",
)
_SYL = [
    "ka",
    "ri",
    "mo",
    "ja",
    "he",
    "din",
    "khal",
    "la",
    "su",
    "ta",
    "ba",
    "zar",
    "qu",
    "ds",
    "ne",
    "vo",
    "pe",
    "lo",
    "an",
    "ir",
    "ash",
    "raf",
    "li",
    "ber",
    "to",
    "mi",
    "sh",
    "al",
    "dar",
    "om",
]
_ORG_WORDS = [
    "Organization",
    "Council",
    "Front",
    "Force",
    "Brigades",
    "Movement",
    "Party",
    "Ministry",
    "Army",
    "Committee",
    "Mission",
    "Agency",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> list[float]:
    weights = [1 / (k + 1) ** s for k in range(n)]
    rng.shuffle(weights)
    return weights


def _date_text(rng: random.Random, y: int, m: int, d: int) -> str:
    month = _MONTHS[m - 1]
    return rng.choice([f"{month} {d}, {y}", f"{d} {month} {y}", f"{month} {d}", f"{month} {d}th"])


def synthetic_corpus(n_claims: int, seed: int = 0) -> list[DocumentResult]:
    rng = random.Random(seed)
    n_entities = max(30, n_claims // 40)
    entities: list[tuple[str, str, str]] = []  # long name, acronym, misspelling
    for _ in range(n_entities):
        words = [_word(rng, rng.randint(2, 3)) for _ in range(rng.randint(1, 3))] + [rng.choice(_ORG_WORDS)]
        long = " ".join(words)
        acronym = "".join(w[0] for w in words).upper()
        first = words[0]
        cut = rng.randrange(1, len(first) - 1)
        typo = " ".join([first[:cut] + first[cut + 1] + first[cut] + first[cut + 2 :], *words[1:]])
        entities.append((long, acronym, typo))
    ent_w = _zipf(rng, n_entities, 1.2)
    vocab = [_word(rng, rng.randint(2, 4)).lower() for _ in range(max(500, n_claims // 5))]
    voc_w = _zipf(rng, len(vocab), 1.0)
    n_events = max(10, n_claims // 60)
    events = [
        (
            f"Camp {_word(rng, 2)}",
            rng.randint(2005, 2024),
            rng.randint(1, 12),
            rng.randint(1, 28),
            rng.randint(2, 80),
            rng.randint(20, 500),
        )
        for _ in range(n_events)
    ]
    ev_w = _zipf(rng, n_events, 1.0)
    persons = [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(max(20, n_claims // 100))]

    docs: list[DocumentResult] = []
    made = 0
    while made < n_claims:
        doc_id = f"doc{len(docs):06d}"
        k = min(CLAIMS_PER_DOC, n_claims - made)
        texts: list[tuple[str, Speaker, list[NumberMention], list[str]]] = []
        used: dict[int, set[str]] = {}
        for _ in range(k):
            e = rng.choices(range(n_entities), ent_w)[0]
            form = rng.choice(entities[e])
            used.setdefault(e, set()).add(form)
            filler = " ".join(rng.choices(vocab, voc_w, k=rng.randint(5, 12)))
            numbers: list[NumberMention] = []
            dates: list[str] = []
            roll = rng.random()
            if roll < 0.35:
                place, y, m, d, deaths, residents = rng.choices(events, ev_w)[0]
                reported = max(1, deaths + rng.choice([0, 0, 0, -1, 1, 2]))
                dt = _date_text(rng, y, m, d)
                text = f"The attack on {place} on {dt} killed {reported} people, {form} said, {filler}."
                numbers.append(NumberMention(value=reported, counts="deaths", text=f"{reported} people"))
                dates.append(dt)
            elif roll < 0.5:
                place, y, _, _, _, residents = rng.choices(events, ev_w)[0]
                text = f"{place} is home to {residents} refugees in {y} according to {form}, {filler}."
                numbers.append(NumberMention(value=residents, counts="residents", text=f"{residents} refugees"))
                dates.append(f"in {y}")
            else:
                other = entities[rng.choices(range(n_entities), ent_w)[0]][0]
                text = f"{form} accused {other} of {filler}."
            if rng.random() < 0.5:
                speaker = Speaker(name="author", type=SpeakerType.author)
            elif rng.random() < 0.6:
                speaker = Speaker(name=form, type=SpeakerType.organization)
            else:
                speaker = Speaker(name=rng.choice(persons), type=SpeakerType.person)
            texts.append((text, speaker, numbers, dates))
        body = " ".join(t for t, _, _, _ in texts)
        claims: list[Claim] = []
        pos = 0
        for n, (text, speaker, numbers, dates) in enumerate(texts, 1):
            start = body.index(text, pos)
            pos = start + len(text)
            claims.append(
                Claim(
                    id=f"{doc_id}#c{n}",
                    text=text,
                    speaker=speaker,
                    cue=None if speaker.name == "author" else "said",
                    evidence=Evidence(start=start, end=pos, text=text, alignment=Alignment.exact),
                    numbers=numbers,
                    dates=dates,
                )
            )
        doc_entities = [
            DocumentEntity(name=entities[e][0], aliases=[entities[e][1]])
            for e, forms in used.items()
            if entities[e][0] in forms and entities[e][1] in forms
        ]
        docs.append(
            DocumentResult(
                doc_id=doc_id,
                source=SourceInfo(path=doc_id, sha256=hashlib.sha256(body.encode()).hexdigest(), length=len(body)),
                claims=claims,
                entities=doc_entities,
                meta=_META,
            )
        )
        made += k
    return docs


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _hwm_mb() -> float:
    """This process's resident high-water mark. Not ``ru_maxrss``: Linux carries that over from
    before ``exec``, so a child forked by a bench that holds the 2 GB model would report 2 GB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n_claims: int) -> dict[str, float | int]:
    """One size, in this process: build the corpus, then time the merge alone."""
    docs = synthetic_corpus(n_claims)
    gc.collect()
    before = _rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = merge_documents(docs)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = _hwm_mb()
    s = result.stats
    return {
        "claims": s.claims,
        "documents": s.documents,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "peak_mb": round(max(0.0, peak - before), 1),
        "candidate_pairs": s.candidate_pairs,
        "pairs_per_claim": round(s.candidate_pairs / max(1, s.claims), 2),
        "entities": s.entities,
        "clusters": s.clusters,
        "conflicts": s.conflicts,
    }


def run(sizes: list[int]) -> list[dict[str, float | int]]:
    """Measure each size in a fresh interpreter; returns one row per size."""
    rows: list[dict[str, float | int]] = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return rows


def table(rows: list[dict[str, float | int]]) -> str:
    cols = [
        "claims",
        "documents",
        "seconds",
        "cpu_seconds",
        "peak_mb",
        "candidate_pairs",
        "pairs_per_claim",
        "entities",
        "clusters",
        "conflicts",
    ]
    head = " | ".join(f"{c:>15}" for c in cols)
    lines = [head, "-" * len(head)]
    lines += [" | ".join(f"{row[c]:>15}" for c in cols) for row in rows]
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        growth = (float(b["cpu_seconds"]) / max(float(a["cpu_seconds"]), 1e-9)) / (
            float(b["claims"]) / float(a["claims"])
        )
        lines.append(
            f"CPU time grows {growth:.2f}x per unit of claims from {a['claims']} to {b['claims']} "
            f"(1.0 = linear; quadratic would be {float(b['claims']) / float(a['claims']):.0f}x)"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
        print(table(run(sizes)))
