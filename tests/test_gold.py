"""Consistency checks for the hand-labeled gold in evals/gold/ (stdlib + pytest only)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "evals" / "gold" / "seeds.jsonl"
MERGE = ROOT / "evals" / "gold" / "seeds-merge.json"

TYPES = {"Attribution", "Attribution-no-source", "Author"}
KINDS = {"number", "culprit", "assertion-denial"}
CLAIM_KEYS = {
    "claim",
    "speaker",
    "cue",
    "quote",
    "start",
    "end",
    "content_spans",
    "speaker_spans",
    "cue_spans",
    "attribution_type",
    "inner_source",
}


def _load_gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


GOLD_DOCS = _load_gold()
BY_ID = {d["doc_id"]: d for d in GOLD_DOCS}
SEED_TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
MERGE_GOLD = json.loads(MERGE.read_text(encoding="utf-8"))


def _in_bounds(span, n):
    return isinstance(span, list) and len(span) == 2 and 0 <= span[0] < span[1] <= n


def test_one_record_per_seed_in_order():
    assert [d["doc_id"] for d in GOLD_DOCS] == sorted(SEED_TEXTS)


@pytest.mark.parametrize("doc", GOLD_DOCS, ids=lambda d: d["doc_id"])
def test_text_is_seed_file(doc):
    with open(SEEDS / f"{doc['doc_id']}.txt", encoding="utf-8") as f:
        assert doc["text"] == f.read()


@pytest.mark.parametrize("doc", GOLD_DOCS, ids=lambda d: d["doc_id"])
def test_claim_count(doc):
    assert 15 <= len(doc["claims"]) <= 40


@pytest.mark.parametrize("doc", GOLD_DOCS, ids=lambda d: d["doc_id"])
def test_claim_spans(doc):
    text, n = doc["text"], len(doc["text"])
    for c in doc["claims"]:
        assert set(c) == CLAIM_KEYS, c
        s, e = c["start"], c["end"]
        assert 0 <= s < e <= n
        assert text[s:e] == c["quote"] == c["claim"]
        assert c["content_spans"], c["quote"]
        for span in c["content_spans"]:
            assert _in_bounds(span, n)
            assert s <= span[0] and span[1] <= e
        for key in ("speaker_spans", "cue_spans"):
            for span in c[key]:
                assert _in_bounds(span, n), (key, c["quote"])
        assert c["attribution_type"] in TYPES
        if c["attribution_type"] == "Author":
            assert c["speaker"] is None and c["cue"] is None
            assert c["speaker_spans"] == [] and c["cue_spans"] == [] and c["inner_source"] is None
        if c["attribution_type"] == "Attribution":
            assert c["speaker"] and c["speaker_spans"]
        if c["attribution_type"] == "Attribution-no-source":
            assert c["speaker"] is None and c["speaker_spans"] == [] and c["cue"]
        if c["speaker_spans"]:
            assert text[slice(*c["speaker_spans"][0])] == c["speaker"]
        if c["cue_spans"]:
            assert text[slice(*c["cue_spans"][0])] == c["cue"]
        else:
            assert c["cue"] is None


@pytest.mark.parametrize("doc", GOLD_DOCS, ids=lambda d: d["doc_id"])
def test_no_duplicate_or_overlapping_claims(doc):
    envelopes = [(c["start"], c["end"]) for c in doc["claims"]]
    assert len(envelopes) == len(set(envelopes))
    pieces = sorted(tuple(sp) for c in doc["claims"] for sp in c["content_spans"])
    for (_, e1), (s2, _) in itertools.pairwise(pieces):
        assert e1 <= s2, "overlapping content spans"


def _gold_quotes(doc_id):
    return {c["quote"] for c in BY_ID[doc_id]["claims"]}


def test_merge_ids_unique():
    for key in ("entities", "clusters", "conflicts"):
        ids = [x["id"] for x in MERGE_GOLD[key]]
        assert len(ids) == len(set(ids)), key


def test_cluster_members_are_gold_claims():
    for cl in MERGE_GOLD["clusters"]:
        assert cl["proposition"]
        docs = {m["doc_id"] for m in cl["members"]}
        assert len(docs) >= 2, cl["id"]
        for m in cl["members"]:
            assert m["quote"] in _gold_quotes(m["doc_id"]), (cl["id"], m)


def test_conflict_sources_are_gold_claims():
    for cf in MERGE_GOLD["conflicts"]:
        assert cf["kind"] in KINDS and cf["about"]
        assert len(cf["values"]) >= 2, cf["id"]
        assert len({v["value"] for v in cf["values"]}) == len(cf["values"])
        for v in cf["values"]:
            assert v["sources"], (cf["id"], v["value"])
            for src in v["sources"]:
                assert src["quote"] in _gold_quotes(src["doc_id"]), (cf["id"], src)


def test_required_conflicts():
    def values(cid):
        cf = next(c for c in MERGE_GOLD["conflicts"] if c["id"] == cid)
        return {v["value"]: {s["doc_id"][:3] for s in v["sources"]} for v in cf["values"]}

    liberty = values("liberty-2013-deaths")
    assert liberty == {"6": {"001"}, "7": {"004"}, "8": {"000"}}
    ashraf = values("ashraf-2013-deaths")
    assert set(ashraf) == {"52", "50"}


def test_entity_aliases():
    texts = list(SEED_TEXTS.values())
    owner: dict[str, str] = {}
    for ent in MERGE_GOLD["entities"]:
        assert ent["canonical"] and ent["type"] and ent["aliases"]
        for alias in ent["aliases"]:
            assert any(alias in t for t in texts), alias
            key = alias.casefold()
            assert owner.setdefault(key, ent["id"]) == ent["id"], f"{alias!r} in two entities"


# --------------------------------------------------- merge gold over polnear-dev (by doc id and offsets)
TAXES = ROOT / "evals" / "gold" / "polnear-taxes-merge.json"
POLNEAR_DEV = ROOT.parent / "shared" / "eval-data" / "polnear-dev.jsonl"
TAXES_GOLD = json.loads(TAXES.read_text(encoding="utf-8"))


def _refs(data):
    for ent in data["entities"]:
        yield from ent["aliases"]
    for cl in data["clusters"]:
        yield from cl["members"]
    for cf in data["conflicts"]:
        for v in cf["values"]:
            yield from v["sources"]


def test_taxes_gold_quotes_no_article_text():
    """PolNeAR is copyrighted: the file refers to it by doc id and offsets only."""
    refs = list(_refs(TAXES_GOLD))
    assert len(refs) > 100
    for ref in refs:
        assert set(ref) == {"doc_id", "start", "end"} and ref["doc_id"] in TAXES_GOLD["documents"], ref
    assert 5 <= len(TAXES_GOLD["documents"]) <= 8


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="needs ../shared/eval-data/polnear-dev.jsonl")
def test_taxes_gold_resolves_against_polnear_dev():
    from summarizer.evaluate.gold import load_gold
    from summarizer.evaluate.merge_scores import bind_merge_gold

    docs, bound = bind_merge_gold(TAXES_GOLD, load_gold(POLNEAR_DEV))
    assert [d.doc_id for d in docs.docs] == TAXES_GOLD["documents"]
    owner: dict[str, str] = {}
    for ent in bound["entities"]:
        assert ent["type"] in {"person", "organization", "government", "media", "place"}
        for alias in ent["aliases"]:
            assert alias[0].isupper(), alias  # a name as written, never a clause fragment
            assert owner.setdefault(alias.casefold(), ent["id"]) == ent["id"], f"{alias!r} in two entities"
    for cl in bound["clusters"]:
        assert len({m["doc_id"] for m in cl["members"]}) >= 2, cl["id"]
    for cf in bound["conflicts"]:
        assert cf["kind"] in KINDS and cf["about"] and len(cf["values"]) >= 2
