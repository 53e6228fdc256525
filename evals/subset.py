"""Write a stratified subset of a gold JSONL: per source (the doc_id prefix before the first "_"),
the documents at the given ranks by text length. Used for model runs too slow for the whole set:

    python evals/subset.py ../shared/eval-data/polnear-dev.jsonl /tmp/polnear-s14.jsonl --ranks 3 6

(polnear-dev: 7 sources x 12 documents; ranks 3 and 6 of 0..11 give 14 documents, 53,490 characters
and 280 gold attributions, between the 25th and 55th length percentile of each source). The subset
is written outside the project: PolNeAR text is copyrighted.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--ranks", type=int, nargs="+", default=[3, 6])
    args = ap.parse_args()
    by_source: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            by_source[str(doc["doc_id"]).split("_")[0]].append(doc)
    picked = []
    for docs in by_source.values():
        ordered = sorted(docs, key=lambda d: (len(str(d["text"])), str(d["doc_id"])))
        picked += [ordered[r] for r in args.ranks if r < len(ordered)]
    with args.out.open("w", encoding="utf-8") as fh:
        for doc in picked:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    chars = sum(len(str(d["text"])) for d in picked)
    print(
        f"{args.out}: {len(picked)} documents, {chars} characters, {sum(len(d['claims']) for d in picked)} gold claims"
    )


if __name__ == "__main__":
    main()
