"""A learned cue detector for the words the lexicon lacks: logistic weights over a word's context.

Why: PolNeAR's attributions run on a long tail of cue words ("backed", "made clear", "pushed
for", "wants", "polls show") that are cues in some contexts and plain verbs in others, so no word
list can take them whole (the lexicon keeps a word only when it is a cue in half of its
occurrences). The detector scores a candidate token by its word, its neighbours and the shape of
the sentence around it (a subject before it, a quotation, "that" after it), with weights learned
from PolNeAR **train** by ``evals/learn_cue_model.py`` and stored as data in ``cue_model.tsv``
(feature → weight; no article text). Scoring is a dictionary sum and a logistic, microseconds per
token, so the non-LLM baseline and the pipeline both run it.

The features are defined here once: the learner imports ``features`` so what it fits is what runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.rules.lexicon import (
    AUX,
    CUE_SKIP,
    CUES,
    DETERMINERS,
    PASSIVE,
    PUNCT,
)
from summarizer.rules.phrases import subject_phrase
from summarizer.text.tokens import Tok, region_at
from summarizer.text.words import SUBJECT_PRONOUNS

MODEL_PATH = Path(__file__).with_name("cue_model.tsv")


def candidate(toks: list[Tok], i: int, regions: list[tuple[int, int]]) -> bool:
    """A token the detector may turn into a cue: a lowercase content word outside quotations, not a
    lexicon cue (the lexicon's own rules decide those) nor right before one, not a noun after a
    determiner and not a passive participle ("was signed by", "were provided by": the subject is no source)."""
    t = toks[i]
    low = t.low
    if not low.isalpha() or len(low) < 3 or low in CUE_SKIP or low in CUES or low in SUBJECT_PRONOUNS:
        return False
    if low.endswith("ly"):
        return False
    if t.text[0].isupper() and i > 0:
        return False
    if i > 0 and (toks[i - 1].low in DETERMINERS or (toks[i - 1].low in PASSIVE and not low.endswith("ing"))):
        return False
    if i + 1 < len(toks) and toks[i + 1].low in CUES:  # "has always maintained": the lexicon cue decides
        return False
    return region_at(regions, t.start) is None


def _stem(low: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            return low[: -len(suffix)]
    return low


def _shape(tok: Tok | None) -> str:
    if tok is None:
        return "none"
    if tok.low in SUBJECT_PRONOUNS:
        return "pron"
    if tok.text in PUNCT or not tok.text[0].isalnum():
        return "punct:" + tok.text
    if tok.text[0].isupper():
        return "cap"
    if tok.text[0].isdigit():
        return "num"
    return "low"


def features(toks: list[Tok], i: int, regions: list[tuple[int, int]]) -> list[str]:
    """The context of candidate ``toks[i]`` as feature names (one weight each); ``regions`` are the
    quotations of its sentence (``text.tokens.regions_within``)."""
    low = toks[i].low
    prev = toks[i - 1] if i > 0 else None
    prev2 = toks[i - 2] if i > 1 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    nxt2 = toks[i + 2] if i + 2 < len(toks) else None
    p1 = prev.low if prev else "^"
    n1 = nxt.low if nxt else "$"
    n2 = nxt2.low if nxt2 else "$"
    out = [
        "bias",
        "w=" + low,
        "stem=" + _stem(low),
        "p1=" + p1,
        "n1=" + n1,
        "n2=" + n2,
        "w|n1=" + low + "|" + n1,
        "p1|w=" + p1 + "|" + low,
        "stem|n1=" + _stem(low) + "|" + n1,
        "p1shape=" + _shape(prev),
        "p2shape=" + _shape(prev2),
        "n1shape=" + _shape(nxt),
        "pos=" + ("0" if i == 0 else "1-3" if i <= 3 else "4+"),
    ]
    if prev is not None and prev.low in AUX:
        out.append("aux_before")
    subject = subject_phrase(toks, i)
    if subject is not None:
        head = toks[subject[1] - 1]
        out.append("subject=" + _shape(head))
        out.append("subject|w=" + _shape(head) + "|" + _stem(low))
        out.append("subject_head=" + head.low)
    if regions:
        out.append("quote_in_sentence")
        if any(r[0] > toks[i].start for r in regions):
            out.append("quote_after")
        if any(r[1] <= toks[i].start for r in regions):
            out.append("quote_before")
    if any(t.low == "that" for t in toks[i + 1 : i + 4]):
        out.append("that_soon")
    if any(t.text == ":" for t in toks[i + 1 : i + 4]):
        out.append("colon_soon")
    if low.endswith("ing") and prev is not None and prev.text == ",":
        out.append("comma_participle")
    return out


@dataclass(frozen=True)
class CueModel:
    """Learned weights and the probability above which a candidate counts as a cue."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 1.0  # no weights, no cues

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CueModel:
        weights: dict[str, float] = {}
        threshold = 1.0
        if not path.exists():
            return cls()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            name, value = line.rsplit("\t", 1)
            if name == "@threshold":
                threshold = float(value)
            else:
                weights[name] = float(value)
        return cls(weights, threshold)

    def probability(self, toks: list[Tok], i: int, regions: list[tuple[int, int]]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features(toks, i, regions))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def fires(self, toks: list[Tok], i: int, regions: list[tuple[int, int]]) -> bool:
        return candidate(toks, i, regions) and self.probability(toks, i, regions) >= self.threshold


DEFAULT = CueModel.load()
