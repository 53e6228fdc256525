"""Learn the context cue detector (``summarizer/rules/cuemodel.py``) from PolNeAR train.

    python evals/learn_cue_model.py ../shared/eval-data/polnear-train.jsonl > summarizer/rules/cue_model.tsv

Every candidate token of train (a lowercase content word the lexicon lacks, outside quotations) is
an example; it is positive when it heads a gold cue. A logistic regression (scikit-learn, only
here: the runtime reads the weights as a table) is fitted on four fifths of the articles, and the
probability threshold and the regularisation are chosen by **joint attribution F1** of the whole
rules pipeline on the held-back fifth: a cue that the frames cannot use is worth nothing, so the
detector is judged by what the rules make of it. The final weights are then refitted on all of
train. polnear-dev is never read: it is for measuring.

Only feature names and weights are written (word and word-pair features, never a sentence).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from summarizer.evaluate.baseline import run_baseline
from summarizer.evaluate.gold import GoldDoc, GoldSet, load_gold
from summarizer.evaluate.matching import DocIndex
from summarizer.evaluate.scoring import score_system
from summarizer.rules.cuemodel import CueModel, candidate, features
from summarizer.rules.lexicon import cue_head
from summarizer.text.sentences import split_sentences
from summarizer.text.tokens import quote_regions, regions_within, tokens


def examples(doc: GoldDoc) -> Iterator[tuple[list[str], int]]:
    """(features, label) for every candidate token of ``doc``."""
    heads: set[int] = set()  # start offsets of the tokens that head a gold cue
    for claim in doc.claims:
        for s, e in claim.cue_spans or []:
            head = cue_head(doc.text[s:e])
            for t in tokens(doc.text, s, e):
                if t.low == head:
                    heads.add(t.start)
                    break
    regions = quote_regions(doc.text)
    for sent in split_sentences(doc.text):
        toks = tokens(doc.text, sent.start, sent.end)
        local = regions_within(regions, sent.start, sent.end)  # as the finder passes them
        for i in range(len(toks)):
            if candidate(toks, i, local):
                yield features(toks, i, local), int(toks[i].start in heads)


def fit(docs: list[GoldDoc], c: float, min_count: int) -> dict[str, float]:
    """Weights of the features seen at least ``min_count`` times (rarer ones would only memorise)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    data = [(feats, label) for doc in docs for feats, label in examples(doc)]
    counts = Counter(f for feats, _ in data for f in feats)
    rows = [{f: 1.0 for f in feats if counts[f] >= min_count} for feats, _ in data]
    labels = [label for _, label in data]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)  # "bias" is a feature
    model.fit(x, labels)
    names = vec.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-3}


def joint_f1(docs: list[GoldDoc], model: CueModel) -> tuple[float, float]:
    gold = GoldSet(path="train-heldback", docs=docs, warnings=[])
    preds = run_baseline(gold, learned=model)
    score = score_system("rules", gold, preds, indexes={d.doc_id: DocIndex(d) for d in docs}).score
    return score.joint.f1 or 0.0, score.soft.f1 or 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--c", type=float, nargs="+", default=[0.1, 0.3, 1.0])
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.15, 0.2, 0.25, 0.3, 0.4, 0.5])
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--fold", type=int, default=0, choices=range(5), help="which fifth of train is held back")
    ap.add_argument("--save-fold", type=Path, help="also write the four-fifths model here (error analysis)")
    args = ap.parse_args()
    docs = load_gold(args.train).docs
    learn = [d for k, d in enumerate(docs) if k % 5 != args.fold]
    held = [d for k, d in enumerate(docs) if k % 5 == args.fold]
    base_joint, base_span = joint_f1(held, CueModel())
    print(f"held-back fifth, lexicon alone: joint {base_joint:.4f} span {base_span:.4f}", file=sys.stderr)
    best = (base_joint, 0.0, 1.0)
    folds: dict[float, dict[str, float]] = {}
    for c in args.c:
        weights = folds[c] = fit(learn, c, args.min_count)
        for t in args.thresholds:
            joint, span = joint_f1(held, CueModel(weights, t))
            print(f"C {c} threshold {t}: joint {joint:.4f} span {span:.4f}", file=sys.stderr)
            best = max(best, (joint, c, t))
    joint, c, t = best
    if args.save_fold and c:  # the four-fifths model, for error analysis on the held-back fifth
        rows = [f"@threshold\t{t}"] + [f"{n}\t{w:.4f}" for n, w in folds[c].items()]
        args.save_fold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"chosen: C {c} threshold {t} (held-back joint {joint:.4f})", file=sys.stderr)
    weights = fit(docs, c, args.min_count) if c else {}
    print(
        f"# feature\tweight — learned from PolNeAR train by evals/learn_cue_model.py"
        f" (C {c}, held-back joint {joint:.4f})"
    )
    print(f"@threshold\t{t}")
    for name, w in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
        print(f"{name}\t{w:.4f}")


if __name__ == "__main__":
    main()
