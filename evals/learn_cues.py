"""Learn the long tail of the cue lexicon from PolNeAR train: which words head a gold cue, and
how often a word that heads a cue somewhere is a cue wherever it occurs (its precision).

    python evals/learn_cues.py ../shared/eval-data/polnear-train.jsonl > summarizer/rules/learned_cues.tsv

Only word statistics are written (a word, its count as a cue head, its lowercase occurrences),
never article text. Train only: polnear-dev is for measuring. ``summarizer/rules/lexicon.py``
reads the table and decides there what a row is worth: a word that is a cue in most of its
occurrences joins the lexicon; a rarer one is only a candidate that the model may confirm.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from summarizer.rules.lexicon import CUE_SKIP


def head(cue: str) -> str | None:
    """The first content word of a gold cue (not ``cue_head``: that one prefers words already learned)."""
    words = [w for w in re.findall(r"[a-z]+", cue.lower()) if w not in CUE_SKIP and not w.endswith("ly")]
    return words[0] if words else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.0)
    args = ap.parse_args()
    heads: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for line in args.train.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        seen.update(w.lower() for w in re.findall(r"[A-Za-z]+", text) if w[0].islower())
        for claim in doc["claims"]:
            cue = " ".join(text[s:e] for s, e in claim.get("cue_spans") or [])
            h = head(cue)
            if h:
                heads[h] += 1
    print("# word\tcue_heads\toccurrences (lowercase)\t— learned from PolNeAR train by evals/learn_cues.py")
    for word, n in sorted(heads.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= args.min_count and seen[word] and n / seen[word] >= args.min_precision:
            print(f"{word}\t{n}\t{seen[word]}")


if __name__ == "__main__":
    main()
