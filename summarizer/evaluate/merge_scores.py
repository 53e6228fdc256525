"""Score a merge (merged.json) against merge gold (evals/gold/seeds-merge.json).

Why these three measures:
  * entity aliases — pairwise F1 over alias pairs: "MEK ~ PMOI" is one decision, and a system is
    rewarded for each correct pair and penalised for each wrong one, however entities are split.
    Only aliases the gold lists are scored (descriptions like "the group" are not aliases there);
    how many predicted aliases gold does not know is reported beside it.
  * claim clusters — extended B-cubed (Amigó et al. 2009), because gold lets one claim sit in
    several clusters (a claim stating the attack, the toll and the culprit). Predicted members
    are mapped to gold claims through the same soft match as extraction scoring; a gold claim no
    predicted cluster holds counts as its own singleton. Reported over every gold claim and over
    the gold-clustered claims only (the first rewards keeping unrelated claims apart, the second
    isolates finding the cross-article propositions).
  * conflicts — recall: a gold conflict is found when one predicted conflict holds every gold
    value, each by a different predicted value (its members include a source of that value, or
    the value text is the same); and false conflicts: a predicted conflict none of whose pairs of
    values stands for two values of any gold conflict.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

from summarizer.evaluate.gold import GoldDoc, GoldSet
from summarizer.evaluate.matching import MIN_COVERAGE, DocIndex
from summarizer.evaluate.scoring import DocEval
from summarizer.evaluate.speakers import fold
from summarizer.models import PRF, Accuracy, AliasScores, BCubed, ClaimRef, ConflictFound, MergeResult, MergeScores

Item = tuple[str, int]  # (doc_id, gold claim index)


def load_merge_gold(path: str | Path) -> dict[str, Any]:
    with Path(path).open(encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: merge gold must be a JSON object with entities, clusters, conflicts")
    return data


def bind_merge_gold(
    data: Mapping[str, Any], gold: GoldSet, *, where: str = "merge gold"
) -> tuple[GoldSet, dict[str, Any]]:
    """The gold documents a merge gold is about, and the merge gold with every reference as text.

    Why: gold over copyrighted articles (PolNeAR) may not quote them, so it refers to the shared file
    by doc id and offsets: ``documents`` names the articles (the extraction gold is cut to them),
    an alias may be ``{doc_id, start, end}`` (the surface form there) and a cluster member or a
    conflict source ``{doc_id, start, end}`` (the gold claim with exactly that content span). The
    scorer then compares strings, as for gold that quotes its text (the seeds)."""
    by_id = gold.by_id()
    wanted = data.get("documents")
    if wanted:
        missing = [d for d in wanted if d not in by_id]
        if missing:
            raise ValueError(f"{where}: {len(missing)} documents are not in {gold.path}: {', '.join(missing[:3])}")
        gold = replace(gold, docs=[by_id[d] for d in wanted])

    def span_text(ref: Mapping[str, Any]) -> tuple[GoldDoc, int, int]:
        doc = by_id.get(str(ref.get("doc_id")))
        start, end = ref.get("start"), ref.get("end")
        if (
            doc is None
            or not isinstance(start, int)
            or not isinstance(end, int)
            or not 0 <= start < end <= len(doc.text)
        ):
            raise ValueError(f"{where}: reference {dict(ref)} does not fit a gold document")
        return doc, start, end

    def alias(value: Any) -> str:
        if isinstance(value, Mapping):
            doc, start, end = span_text(value)
            return doc.text[start:end]
        return str(value)

    def claim_ref(ref: Mapping[str, Any]) -> dict[str, Any]:
        if "quote" in ref or "start" not in ref:
            return dict(ref)
        doc, start, end = span_text(ref)
        claim = next((c for c in doc.claims if (c.start, c.end) == (start, end)), None)
        if claim is None:
            raise ValueError(f"{where}: no gold claim of {doc.doc_id} spans [{start}, {end})")
        return {"doc_id": doc.doc_id, "quote": claim.claim}

    bound = dict(data)
    bound["entities"] = [{**e, "aliases": [alias(a) for a in e.get("aliases", [])]} for e in data.get("entities", [])]
    bound["clusters"] = [
        {**c, "members": [claim_ref(m) for m in c.get("members", [])]} for c in data.get("clusters", [])
    ]
    bound["conflicts"] = [
        {**c, "values": [{**v, "sources": [claim_ref(s) for s in v.get("sources", [])]} for v in c.get("values", [])]}
        for c in data.get("conflicts", [])
    ]
    return gold, bound


def alias_key(alias: str) -> str:
    """Alias identity for scoring: case, quotes, leading article and edge punctuation ignored."""
    key = fold(alias).strip(" .,;:'\"()")
    return re.sub(r"^(the|a|an) ", "", key)


def entity_scores(
    gold_entities: Iterable[Mapping[str, Any]], merged: MergeResult, texts: Iterable[str] | None = None
) -> AliasScores:
    """Same-entity alias pairs, predicted against gold. With ``texts`` (the scored articles), a gold
    alias that none of them contains ("Interior Ministry (Iraq)", a label the annotator wrote; a
    spelling the articles do not use) is left out of the pairs and counted in ``unreachable_aliases``:
    a merge can only join the names its articles hold."""
    folded = [alias_key(t) for t in texts] if texts is not None else None
    universe: dict[str, str] = {}
    unreachable: set[str] = set()
    for gold_ent in gold_entities:
        for alias in [gold_ent.get("canonical", ""), *gold_ent.get("aliases", [])]:
            key = alias_key(alias)
            if not key:
                continue
            if folded is not None and not any(_contains(t, key) for t in folded):
                unreachable.add(key)
                continue
            universe.setdefault(key, str(gold_ent.get("id")))
    gold_pairs = {frozenset(p) for p in combinations(sorted(universe), 2) if universe[p[0]] == universe[p[1]]}
    pred_pairs: set[frozenset[str]] = set()
    unknown: set[str] = set()
    for ent in merged.entities:
        keys = {alias_key(a.alias) for a in ent.aliases} | {alias_key(ent.canonical)}
        keys.discard("")
        unknown |= keys - universe.keys()
        pred_pairs |= {frozenset(p) for p in combinations(sorted(keys & universe.keys()), 2)}
    tp = len(pred_pairs & gold_pairs)
    return AliasScores(
        pairwise=PRF.from_counts(tp, len(pred_pairs), len(gold_pairs)),
        unknown_aliases=len(unknown - unreachable),
        unreachable_aliases=len(unreachable),
    )


def _contains(text: str, key: str) -> bool:
    """``key`` occurs in ``text`` as whole words (both folded by ``alias_key``)."""
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text) is not None


class ClaimMapper:
    """Predicted claim references → gold claims, through the extraction soft match when available."""

    def __init__(self, gold: GoldSet, doc_evals: Mapping[str, DocEval] | None = None) -> None:
        self.gold = gold.by_id()
        self.by_quote: dict[tuple[str, str], int] = {}
        for doc in gold.docs:
            for i, claim in enumerate(doc.claims):
                self.by_quote.setdefault((doc.doc_id, claim.claim), i)
                self.by_quote.setdefault((doc.doc_id, doc.text[claim.start : claim.end]), i)
        self.by_claim_id: dict[tuple[str, str], int] = {}
        for doc_id, ev in (doc_evals or {}).items():
            if ev.pred is not None:
                for pi, gi in ev.match.gold_for_pred().items():
                    self.by_claim_id[(doc_id, ev.pred.claims[pi].id)] = gi
        self._indexes: dict[str, DocIndex] = {}

    def gold_item(self, doc_id: str, quote: str) -> Item | None:
        i = self.by_quote.get((doc_id, quote))
        return (doc_id, i) if i is not None else None

    def pred_item(self, ref: ClaimRef) -> Item | None:
        if (ref.doc_id, ref.claim_id) in self.by_claim_id:
            return ref.doc_id, self.by_claim_id[(ref.doc_id, ref.claim_id)]
        doc = self.gold.get(ref.doc_id)
        if doc is None:
            return None
        index = self._indexes.setdefault(ref.doc_id, DocIndex(doc))
        best: tuple[float, int] | None = None
        for gi, claim in enumerate(doc.claims):
            lo, hi = index.window(claim)
            cov = index.coverage(claim, ref.start, ref.end)
            if cov + 1e-9 >= MIN_COVERAGE and lo <= ref.start and ref.end <= hi and (best is None or cov > best[0]):
                best = (cov, gi)
        return (ref.doc_id, best[1]) if best else None


def bcubed(items: list[Item], gold_of: Mapping[Item, set[Any]], pred_of: Mapping[Item, set[Any]]) -> BCubed:
    """Extended B-cubed for overlapping clusters; an item missing from a mapping is a singleton."""
    if not items:
        return BCubed()

    def cats(mapping: Mapping[Item, set[Any]], e: Item) -> set[Any]:
        return mapping.get(e) or {("singleton", e)}

    gold_sets = {e: cats(gold_of, e) for e in items}
    pred_sets = {e: cats(pred_of, e) for e in items}
    p_sum = r_sum = 0.0
    for e in items:
        p_vals, r_vals = [], []
        for e2 in items:
            c, l_ = len(pred_sets[e] & pred_sets[e2]), len(gold_sets[e] & gold_sets[e2])
            if c:
                p_vals.append(min(c, l_) / c)
            if l_:
                r_vals.append(min(c, l_) / l_)
        p_sum += sum(p_vals) / len(p_vals)
        r_sum += sum(r_vals) / len(r_vals)
    p, r = p_sum / len(items), r_sum / len(items)
    return BCubed(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0, items=len(items))


def _value_key(value: str) -> str:
    return re.sub(r"[^\w.]+", " ", fold(value)).strip()


def _assign(needs: list[set[int]]) -> bool:
    """Can every gold value get its own predicted value? (bipartite matching, tiny inputs)."""
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for p in needs[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or place(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    return all(place(g, set()) for g in range(len(needs)))


def score_merge(
    gold: GoldSet, merge_gold: Mapping[str, Any], merged: MergeResult, doc_evals: Mapping[str, DocEval] | None = None
) -> MergeScores:
    """All merge scores; ``doc_evals`` (the pipeline's extraction scoring) maps claim ids to gold."""
    mapper = ClaimMapper(gold, doc_evals)
    texts = [d.text for d in gold.docs]
    scores = MergeScores(entities=entity_scores(merge_gold.get("entities", []), merged, texts))

    items = [(d.doc_id, i) for d in gold.docs for i in range(len(d.claims))]
    gold_of: dict[Item, set[Any]] = {}
    for cluster in merge_gold.get("clusters", []):
        for m in cluster.get("members", []):
            item = mapper.gold_item(m.get("doc_id", ""), m.get("quote", ""))
            if item is not None:
                gold_of.setdefault(item, set()).add(cluster.get("id"))
    pred_of: dict[Item, set[Any]] = {}
    for cluster in merged.clusters:
        for ref in cluster.members:
            item = mapper.pred_item(ref)
            if item is None:
                scores.unmapped_members += 1
            else:
                pred_of.setdefault(item, set()).add(cluster.id)
    scores.clusters = bcubed(items, gold_of, pred_of)
    clustered = [e for e in items if e in gold_of]
    scores.clusters_gold_only = bcubed(clustered, gold_of, {e: pred_of[e] for e in clustered if e in pred_of})

    predicted = [
        [(_value_key(v.value), {mapper.pred_item(r) for r in v.members} - {None}) for v in c.values]
        for c in merged.conflicts
    ]
    found = 0
    gold_values = []
    for conflict in merge_gold.get("conflicts", []):
        values = [
            (
                _value_key(str(v.get("value", ""))),
                {mapper.gold_item(s.get("doc_id", ""), s.get("quote", "")) for s in v.get("sources", [])} - {None},
            )
            for v in conflict.get("values", [])
        ]
        gold_values.append(values)
        by = None
        for pc, pvalues in zip(merged.conflicts, predicted, strict=True):
            needs = [
                {j for j, (pkey, pitems) in enumerate(pvalues) if pitems & gitems or pkey == gkey}
                for gkey, gitems in values
            ]
            if values and _assign(needs):
                by = pc.id
                break
        found += by is not None
        scores.conflict_details.append(ConflictFound(id=str(conflict.get("id")), found=by is not None, by=by))
    scores.conflicts = Accuracy.from_counts(found, len(merge_gold.get("conflicts", [])))
    scores.false_conflicts = [pc.id for pc, pvalues in zip(merged.conflicts, predicted, strict=True)
                              if not any(_answers(pvalues, g) for g in gold_values)]  # fmt: skip
    return scores


def _answers(pvalues: list[tuple[str, set[Any]]], gvalues: list[tuple[str, set[Any]]]) -> bool:
    """Whether a predicted conflict is about a gold one: two of its values stand for two different
    values of that gold conflict (by a shared source claim or the same value)."""
    needs = [
        {g for g, (gkey, gitems) in enumerate(gvalues) if pitems & gitems or pkey == gkey} for pkey, pitems in pvalues
    ]
    matched = [n for n in needs if n]
    return len(matched) >= 2 and len(set().union(*matched)) >= 2 and _assign(matched[:2])
