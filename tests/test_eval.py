"""Tests for `summarizer eval`: matching rules, speaker rules, baseline, scoring, merge scores, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summarizer.cli.eval_cmd import register
from summarizer.evaluate.api import check_floor, evaluate
from summarizer.evaluate.baseline import baseline_document
from summarizer.evaluate.gold import GoldDoc, GoldSet, load_gold, parse_gold_doc
from summarizer.evaluate.matching import DocIndex, soft_match, strict_match
from summarizer.evaluate.merge_scores import bcubed, bind_merge_gold, entity_scores, score_merge
from summarizer.evaluate.predictions import load_predictions, text_sha256
from summarizer.evaluate.report import write_report
from summarizer.evaluate.scoring import score_document, score_system
from summarizer.evaluate.speakers import AliasIndex, cue_correct, is_pronoun, same_speaker, speaker_correct
from summarizer.models import (
    Alignment,
    Claim,
    ClaimCluster,
    ClaimRef,
    Conflict,
    ConflictKind,
    ConflictValue,
    DocumentResult,
    DocumentStatus,
    EntityAlias,
    EvalReport,
    Evidence,
    ExtractionMeta,
    MergedEntity,
    MergeResult,
    RunReport,
    SourceInfo,
    Speaker,
    SpeakerType,
)
from summarizer.rules import find_attributions

ROOT = Path(__file__).resolve().parents[1]
SEEDS_GOLD = ROOT / "evals" / "gold" / "seeds.jsonl"
SEEDS_MERGE = ROOT / "evals" / "gold" / "seeds-merge.json"

TEXT = (
    "The mayor said the bridge will reopen in May. Critics disagree. "
    "The council, according to its chair, approved the budget on Tuesday night. Nothing else happened here."
)


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _gold_claim(
    text: str, piece: str, speaker: str | None = "the mayor", cue: str | None = "said", **extra: object
) -> dict:
    s, e = _span(text, piece)
    return {
        "claim": piece,
        "quote": piece,
        "speaker": speaker,
        "cue": cue,
        "start": s,
        "end": e,
        "content_spans": [[s, e]],
        "attribution_type": "Attribution",
        **extra,
    }


def _doc(text: str, claims: list[dict], doc_id: str = "d1") -> GoldDoc:
    return parse_gold_doc({"doc_id": doc_id, "text": text, "claims": claims})


def _prediction(doc_id: str, text: str, items: list[tuple[int, int, str | None, str | None]]) -> DocumentResult:
    claims = []
    for n, (s, e, speaker, cue) in enumerate(items, 1):
        spk = Speaker(name="author", type=SpeakerType.author) if speaker is None else Speaker(name=speaker)
        claims.append(
            Claim(
                id=f"{doc_id}#c{n}",
                text=text[s:e],
                speaker=spk,
                cue=cue,
                evidence=Evidence(start=s, end=e, text=text[s:e], alignment=Alignment.exact),
            )
        )
    meta = ExtractionMeta(
        backend="fake",
        model="fake-1",
        output_mode="json_object",
        evidence_style="quote",
        prompt_sha256="p",
        schema_sha256="s",
        seconds=2.0,
    )
    return DocumentResult(
        doc_id=doc_id,
        source=SourceInfo(path=f"{doc_id}.txt", sha256=text_sha256(text), length=len(text)),
        claims=claims,
        meta=meta,
    )


def _perfect(doc: GoldDoc) -> DocumentResult:
    return _prediction(doc.doc_id, doc.text, [(c.start, c.end, c.speaker, c.cue) for c in doc.claims])


# ------------------------------------------------------------------------------------- matching


def test_soft_match_coverage_threshold_counts_word_characters_only() -> None:
    doc = _doc(TEXT, [_gold_claim(TEXT, "the bridge will reopen in May")])
    s, e = _span(TEXT, "the bridge will reopen in May")
    words = sum(ch.isalnum() for ch in TEXT[s:e])  # 24 letters and digits
    index = DocIndex(doc)
    assert index.content_words(doc.claims[0]) == words
    half = s
    while index.words(s, half) < words / 2:
        half += 1
    assert soft_match(doc, [(s, half)]).pairs  # exactly half: a match
    assert not soft_match(doc, [(s, half - 1)]).pairs  # one letter less: no match
    assert soft_match(doc, [(0, e + 1)]).pairs  # a longer span covering it all also matches


def test_soft_match_uses_every_content_span() -> None:
    text = '"We will win," she said, "and soon." Then she left.'
    a, b = _span(text, "We will win"), _span(text, "and soon")
    claim = {
        "claim": "We will win and soon",
        "speaker": "she",
        "cue": "said",
        "start": a[0],
        "end": b[1],
        "content_spans": [list(a), list(b)],
    }
    doc = _doc(text, [claim])
    assert DocIndex(doc).coverage(doc.claims[0], *a) == pytest.approx(9 / 16)
    assert soft_match(doc, [a]).pairs and not soft_match(doc, [b]).pairs


def test_soft_match_sentence_window() -> None:
    text = "One one one. Two two two. The mayor said the bridge is safe. Four four four. Five five five."
    doc = _doc(text, [_gold_claim(text, "the bridge is safe")])
    assert soft_match(doc, [_span(text, "Two two two. The mayor said the bridge is safe. Four four four")]).pairs
    result = soft_match(doc, [(0, len(text))])
    assert not result.pairs
    assert result.notes_gold[0] == "covers the content but runs outside its sentence window"


def test_soft_match_is_one_to_one_and_greedy_by_coverage() -> None:
    text = "The mayor said the bridge will reopen in May and the road in June. Critics disagree strongly."
    bridge, road = "the bridge will reopen in May", "the road in June"
    doc = _doc(text, [_gold_claim(text, bridge), _gold_claim(text, road)])
    whole = _span(text, f"{bridge} and {road}")
    result = soft_match(doc, [whole, _span(text, bridge)])
    # both predictions cover the bridge fully; the road is covered only by the whole span
    assert {(p.gold, p.pred) for p in result.pairs} == {(0, 1), (1, 0)}
    dup = soft_match(doc, [_span(text, bridge), _span(text, bridge)])
    assert len(dup.pairs) == 1 and dup.unmatched_pred == [1]
    assert dup.notes_pred[1].startswith("duplicate")


def test_strict_match_needs_exact_offsets() -> None:
    doc = _doc(TEXT, [_gold_claim(TEXT, "the bridge will reopen in May")])
    s, e = _span(TEXT, "the bridge will reopen in May")
    assert len(strict_match(doc, [(s, e), (s, e)])) == 1
    assert not strict_match(doc, [(s, e + 1)])


# ------------------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("Sen. Ben Sasse", "Sasse"),
        ("the State Department", "State Department"),
        ("NCRI", "National Council of Resistance of Iran"),
        ("PMOI", "People’s Mojahedin Organization of Iran"),
        ("Strauan Stevenson", "Struan Stevenson"),
        ("Mr. Obama", "President Barack Obama"),
        ("Dana Cole", "City Hall spokeswoman Dana Cole"),
        ("THE NEW YORK TIMES", "New York Times"),
        ("Cruz himself", "Sen. Ted Cruz"),
    ],
)
def test_same_speaker(pred: str, gold: str) -> None:
    assert same_speaker(pred, gold) and same_speaker(gold, pred)


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("Trump", "Clinton"),
        ("City Hall", "City Hall spokeswoman Dana Cole"),
        ("Clinton campaign", "Clinton"),
        ("he", "Trump"),
        ("author", "MEK"),
    ],
)
def test_different_speakers(pred: str, gold: str) -> None:
    assert not same_speaker(pred, gold)


def test_alias_list_and_appositive_and_inner_source() -> None:
    aliases = AliasIndex([["People's Mojahedin Organization of Iran", "MEK", "MKO", "Mujahedin-e Khalq"]])
    assert same_speaker("Mujahedin-e Khalq", "MEK", aliases) and not same_speaker("Mujahedin-e Khalq", "MEK")
    assert speaker_correct("Ana Ruiz", "Ana Ruiz, a housing scholar at the Urban Institute")
    assert speaker_correct("Jason Sims", "Jason Sims — a teacher from Mount Pleasant —")
    assert speaker_correct("Victoria Nuland", "AFP", inner_source="Victoria Nuland")
    assert not speaker_correct("Reuters", "AFP", inner_source="Victoria Nuland")
    assert speaker_correct(None, None) and not speaker_correct("MEK", None)


def test_pronoun_speakers_accept_the_pronoun_or_a_near_antecedent() -> None:
    assert is_pronoun("He") and is_pronoun("who") and not is_pronoun("Trump")
    assert speaker_correct("he", "He")
    assert speaker_correct("Donald Trump", "he", antecedents=["Trump"])
    assert not speaker_correct("Clinton", "he", antecedents=["Trump"])


def test_cue_equivalence() -> None:
    assert cue_correct("said", "says") and cue_correct("has said", "said")
    assert cue_correct("according to", "According to")
    assert cue_correct(None, None) and cue_correct(None, ":") and not cue_correct("said", "told")


def test_pronoun_gold_speakers_are_reported_apart() -> None:
    text = "Trump said the wall will be built. He said Mexico will pay for it. Clinton said no."
    doc = _doc(
        text,
        [
            _gold_claim(text, "the wall will be built", "Trump"),
            _gold_claim(text, "Mexico will pay for it", "He"),
            _gold_claim(text, "no", "Clinton"),
        ],
    )
    pred = _prediction("d1", text, [(c.start, c.end, "Donald Trump", "said") for c in doc.claims])
    speaker = score_document(doc, pred).row().speaker
    assert (speaker.named.correct, speaker.named.total) == (1, 2)  # Clinton is wrong
    assert (speaker.pronoun.correct, speaker.pronoun.total) == (1, 1)  # "He" → Trump
    assert (speaker.overall.correct, speaker.overall.total) == (1, 2)  # pronouns excluded


# ------------------------------------------------------------------------------------- baseline

ARTICLE = (
    'Senator Ben Sasse said on Monday that the bill would fail. "We will not support it," he said. '
    "According to the State Department, the talks collapsed in May. The economy grew 2 percent last year, "
    "the Commerce Department reported. Officials told reporters that the plan was dead. "
    "The city was quiet on Sunday.\n"
    '"It is over," said Jane Doe, a spokeswoman for the group. "We are done."\n'
)


def test_baseline_finds_the_expected_attributions() -> None:
    got = [(a.speaker, a.cue, ARTICLE[a.start : a.end]) for a in find_attributions(ARTICLE)]
    assert got[:5] == [
        ("Senator Ben Sasse", "said", "the bill would fail"),
        ("he", "said", "We will not support it"),
        ("the State Department", "According to", "the talks collapsed in May"),
        ("the Commerce Department", "reported", "The economy grew 2 percent last year"),
        ("Officials", "told", "the plan was dead"),
    ]
    speaker, cue, content = got[5]  # a quote split by its cue is taken whole, through its continuation
    assert (speaker, cue) == ("Jane Doe", "said")
    assert content.startswith('"It is over') and content.endswith('We are done."')
    assert len(got) == 6


def test_baseline_document_is_grounded_and_optionally_adds_the_author_voice() -> None:
    doc = baseline_document("a1", ARTICLE)
    assert all(
        c.evidence.alignment == Alignment.sentence and ARTICLE[c.evidence.start : c.evidence.end] == c.evidence.text
        for c in doc.claims
    )
    with_author = baseline_document("a1", ARTICLE, author_voice=True)
    authors = [c for c in with_author.claims if c.speaker.type == SpeakerType.author]
    assert [c.evidence.text for c in authors] == ["The city was quiet on Sunday"]


def test_baseline_ignores_cues_inside_quotations() -> None:
    text = '"I always tell my students to check every number," Rivera said.'
    got = find_attributions(text)
    assert [(a.speaker, a.cue) for a in got] == [("Rivera", "said")]


# ------------------------------------------------------------------------------------- scoring


def test_perfect_prediction_from_the_seed_gold_scores_one() -> None:
    gold = load_gold(SEEDS_GOLD)
    preds = {d.doc_id: _perfect(d) for d in gold.docs}
    score = score_system("pipeline", gold, preds).score
    assert score.soft.f1 == 1.0 and score.strict.f1 == 1.0
    assert score.speaker.overall.value == 1.0 and score.speaker.pronoun.value == 1.0
    assert score.cue.value == 1.0 and score.grounded.value == 1.0
    assert score.seconds_per_doc == pytest.approx(2.0)


def test_missing_prediction_counts_as_empty_and_is_listed() -> None:
    gold = GoldSet("g.jsonl", [_doc(TEXT, [_gold_claim(TEXT, "the bridge will reopen in May")])])
    report = evaluate(gold, load_predictions(Path("/nonexistent")), baseline=False)
    assert report.missing == ["d1"] and report.overall is not None
    assert report.overall.soft.recall == 0.0 and report.worst_misses[0].note == "no overlap"


def test_gold_loader_is_tolerant(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    good = _gold_claim(TEXT, "the bridge will reopen in May", polnear_event="E1")
    del good["content_spans"]
    bad = {**good, "start": 5, "end": 10_000}
    path.write_text(
        json.dumps({"doc_id": "d1", "text": TEXT, "claims": [good, bad], "annotator": "x"}) + "\n\n", encoding="utf-8"
    )
    gold = load_gold(path)
    assert len(gold.docs[0].claims) == 1 and gold.docs[0].claims[0].content_spans == ((good["start"], good["end"]),)
    assert gold.warnings and "unusable offsets" in gold.warnings[0]


def test_floor_check() -> None:
    gold = load_gold(SEEDS_GOLD, limit=1)
    report = evaluate(gold, None, baseline=True)
    assert report.overall is None and report.baseline is not None
    assert check_floor(report, {"claim_f1": 0.1})  # no pipeline scores: below any floor


# ------------------------------------------------------------------------------------- merge


def _ref(doc: GoldDoc, i: int, claim_id: str = "x") -> ClaimRef:
    c = doc.claims[i]
    return ClaimRef(
        doc_id=doc.doc_id,
        claim_id=claim_id,
        speaker="s",
        start=c.start,
        end=c.end,
        evidence=doc.text[c.start : c.end],
        text=c.claim,
    )


def _conflict(cid: str, about: str, kind: ConflictKind, *values: tuple[str, list[ClaimRef]]) -> Conflict:
    return Conflict(id=cid, about=about, kind=kind, values=[ConflictValue(value=v, members=refs) for v, refs in values])


def test_bcubed_known_values() -> None:
    a, b, c = ("d", 0), ("d", 1), ("d", 2)
    gold = {a: {"g1"}, b: {"g1"}, c: {"g2"}}
    merged_all = bcubed([a, b, c], gold, {a: {"p"}, b: {"p"}, c: {"p"}})
    assert merged_all.precision == pytest.approx(5 / 9) and merged_all.recall == 1.0
    perfect = bcubed([a, b, c], gold, {a: {"p1"}, b: {"p1"}})
    assert perfect.f1 == 1.0


def test_merge_scores_on_tiny_inputs() -> None:
    t1 = "The MEK said six people died in the attack. The PMOI said the regime did it."
    t2 = "Officials said eight people died in the attack. The MKO, Iraq and the Iraqi government said no more."
    d1 = _doc(
        t1, [_gold_claim(t1, "six people died in the attack", "MEK"), _gold_claim(t1, "the regime did it", "PMOI")], "a"
    )
    d2 = _doc(t2, [_gold_claim(t2, "eight people died in the attack", "Officials")], "b")
    gold = GoldSet("g", [d1, d2])
    merge_gold = {
        "entities": [
            {"id": "mek", "canonical": "MEK", "aliases": ["MEK", "PMOI", "MKO"]},
            {"id": "iraq", "canonical": "Iraq", "aliases": ["Iraq", "Iraqi government", "Government of Iraq (label)"]},
        ],
        "clusters": [
            {
                "id": "deaths",
                "members": [
                    {"doc_id": "a", "quote": "six people died in the attack"},
                    {"doc_id": "b", "quote": "eight people died in the attack"},
                ],
            }
        ],
        "conflicts": [
            {
                "id": "toll",
                "values": [
                    {"value": "6", "sources": [{"doc_id": "a", "quote": "six people died in the attack"}]},
                    {"value": "8", "sources": [{"doc_id": "b", "quote": "eight people died in the attack"}]},
                ],
            }
        ],
    }
    merged = MergeResult(
        entities=[
            MergedEntity(id="e1", canonical="MEK", aliases=[EntityAlias(alias="PMOI"), EntityAlias(alias="the group")]),
            MergedEntity(id="e2", canonical="Iraq", aliases=[EntityAlias(alias="MKO")]),
        ],
        clusters=[
            ClaimCluster(id="k1", proposition="deaths", members=[_ref(d1, 0), _ref(d2, 0)]),
            ClaimCluster(id="k2", proposition="culprit", members=[_ref(d1, 1)]),
        ],
        conflicts=[_conflict("x1", "deaths", ConflictKind.number, ("six", [_ref(d1, 0)]), ("eight", [_ref(d2, 0)]))],
    )
    scores = score_merge(gold, merge_gold, merged)
    pairs = scores.entities.pairwise
    # gold pairs: MEK-PMOI, MEK-MKO, PMOI-MKO, Iraq-Iraqi government; predicted: MEK-PMOI (ok), Iraq-MKO (wrong)
    assert (pairs.tp, pairs.predicted, pairs.gold) == (1, 2, 4) and scores.entities.unknown_aliases == 1
    # a gold label that no article contains is no pair anyone could find: left out, and counted
    assert scores.entities.unreachable_aliases == 1
    assert scores.clusters.f1 == 1.0 and scores.clusters_gold_only.f1 == 1.0
    assert scores.conflicts.value == 1.0 and scores.conflict_details[0].by == "x1"
    lumped = merged.model_copy(
        update={"conflicts": [_conflict("x2", "d", ConflictKind.number, ("6 or 8", [_ref(d1, 0), _ref(d2, 0)]))]}
    )
    assert score_merge(gold, merge_gold, lumped).conflicts.value == 0.0  # one value cannot hold both
    assert score_merge(gold, merge_gold, lumped).false_conflicts == ["x2"]  # and so it is about nothing gold holds
    assert scores.false_conflicts == []
    unrelated = merged.model_copy(
        update={
            "conflicts": [
                *merged.conflicts,
                _conflict(
                    "x3",
                    "a denial that answers nothing",
                    ConflictKind.assertion_denial,
                    ("asserted", [_ref(d1, 1)]),
                    ("denied", [_ref(d2, 0)]),
                ),
            ]
        }
    )
    assert score_merge(gold, merge_gold, unrelated).false_conflicts == ["x3"]
    assert entity_scores(merge_gold["entities"], MergeResult()).pairwise.recall == 0.0


def test_merge_gold_by_offsets_scores_like_quotes() -> None:
    """Gold over text it may not quote names its documents and refers to spans by offsets."""
    t1 = "The MEK said six people died in the attack. The PMOI said the regime did it."
    t2 = "Officials said eight people died in the attack. The MKO, Iraq and the Iraqi government said no more."
    t3 = "An unrelated article that the merge gold leaves out said nothing."
    six = _gold_claim(t1, "six people died in the attack", "MEK")
    d1, d2 = _doc(t1, [six], "a"), _doc(t2, [_gold_claim(t2, "eight people died in the attack", "Officials")], "b")
    gold = GoldSet("g.jsonl", [d1, d2, _doc(t3, [], "c")])

    def ref(doc_id: str, start: int, end: int) -> dict:
        return {"doc_id": doc_id, "start": start, "end": end}

    six_ref, eight_ref = ref("a", six["start"], six["end"]), ref("b", 15, 46)
    by_offsets = {
        "documents": ["a", "b"],
        "entities": [{"id": "mek", "aliases": [ref("a", 4, 7), ref("a", 48, 52)]}],
        "clusters": [{"id": "k", "members": [six_ref, eight_ref]}],
        "conflicts": [
            {"id": "toll", "values": [{"value": "6", "sources": [six_ref]}, {"value": "8", "sources": [eight_ref]}]}
        ],
    }
    cut, bound = bind_merge_gold(by_offsets, gold, where="m.json")
    assert [d.doc_id for d in cut.docs] == ["a", "b"]
    assert bound["entities"][0]["aliases"] == ["MEK", "PMOI"]
    assert bound["clusters"][0]["members"] == [
        {"doc_id": "a", "quote": "six people died in the attack"},
        {"doc_id": "b", "quote": "eight people died in the attack"},
    ]
    assert bound["conflicts"][0]["values"][1]["sources"] == [
        {"doc_id": "b", "quote": "eight people died in the attack"}
    ]
    assert bind_merge_gold({"entities": [{"aliases": ["MEK"]}]}, gold)[1]["entities"][0]["aliases"] == ["MEK"]
    off_by_one = {"clusters": [{"id": "k", "members": [{"doc_id": "a", "start": six["start"] + 1, "end": six["end"]}]}]}
    with pytest.raises(ValueError, match=r"m.json: no gold claim of a spans"):
        bind_merge_gold(off_by_one, gold, where="m.json")
    with pytest.raises(ValueError, match=r"m.json: 1 documents are not in g.jsonl: z"):
        bind_merge_gold({"documents": ["a", "z"]}, gold, where="m.json")
    with pytest.raises(ValueError, match="does not fit"):
        bind_merge_gold({"entities": [{"aliases": [{"doc_id": "a", "start": 70, "end": 700}]}]}, gold)


# ------------------------------------------------------------------------------------- CLI


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command()
    def noop() -> None:  # a second command keeps typer from collapsing the app into `eval`
        pass

    return app


def _write_preds(folder: Path, preds: list[DocumentResult]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for p in preds:
        (folder / f"{p.doc_id}.json").write_text(p.model_dump_json(by_alias=True), encoding="utf-8")
    (folder / "run.json").write_text("{}", encoding="utf-8")
    (folder / "bad.json").write_text("{not json", encoding="utf-8")


def test_cli_scores_a_folder_of_predictions(tmp_path: Path) -> None:
    gold = load_gold(SEEDS_GOLD)
    pred = tmp_path / "out"
    _write_preds(pred, [_perfect(d) for d in gold.docs[:2]])
    floor = tmp_path / "floor.json"
    floor.write_text(json.dumps({"claim_f1": 0.9, "speaker_accuracy": 0.9}), encoding="utf-8")
    result = CliRunner().invoke(
        _app(), ["eval", "--gold", str(SEEDS_GOLD), "--pred", str(pred), "--limit", "2", "--floor", str(floor)]
    )
    assert result.exit_code == 0, result.output
    report = EvalReport.model_validate_json((pred / "eval.json").read_text(encoding="utf-8"))
    assert report.claim_f1 == 1.0 and report.speaker_accuracy == 1.0 and len(report.documents) == 2
    assert report.baseline is not None and report.baseline.soft.f1 is not None
    assert report.skipped and report.skipped[0].startswith("bad.json")
    assert report.overall is not None and report.overall.model == "fake-1"

    out = tmp_path / "e.json"  # all five gold documents: three are missing → below the floor, exit 1
    result = CliRunner().invoke(
        _app(),
        [
            "eval",
            "--gold",
            str(SEEDS_GOLD),
            "--pred",
            str(pred),
            "--no-baseline",
            "--out",
            str(out),
            "--floor",
            str(floor),
            "--summary",
        ],
    )
    assert result.exit_code == 1, result.output
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    assert report.baseline is None and len(report.missing) == 3


def test_cli_scores_merge_when_merged_json_exists(tmp_path: Path) -> None:
    gold = load_gold(SEEDS_GOLD)
    pred = tmp_path / "out"
    _write_preds(pred, [_perfect(d) for d in gold.docs])
    merged_dir = tmp_path / "merged"
    merged_dir.mkdir()
    (merged_dir / "merged.json").write_text(MergeResult().model_dump_json(), encoding="utf-8")
    result = CliRunner().invoke(
        _app(),
        ["eval", "--gold", str(SEEDS_GOLD), "--pred", str(pred), "--no-baseline", "--merge-gold", str(SEEDS_MERGE)],
    )
    assert result.exit_code == 0, result.output
    report = EvalReport.model_validate_json((pred / "eval.json").read_text(encoding="utf-8"))
    assert report.merge is not None and report.merge.conflicts.total == 6 and report.merge.conflicts.correct == 0
    assert report.merge.clusters.precision == 1.0  # nothing merged: every claim a singleton


def test_write_report_is_atomic_json(tmp_path: Path) -> None:
    report = EvalReport(gold="g", created="2026-01-01T00:00:00+00:00")
    path = write_report(report, tmp_path / "sub" / "eval.json")
    assert EvalReport.model_validate_json(path.read_text(encoding="utf-8")) == report
    assert [p.name for p in path.parent.iterdir()] == ["eval.json"]


def test_cli_without_pred_extracts_the_gold_texts_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.cli import common

    gold = load_gold(SEEDS_GOLD, limit=2)
    seen: dict[str, str] = {}

    def fake_extract(inputs: list[str], out: Path, settings: object, console: object = None) -> RunReport:
        for path in sorted(Path(inputs[0]).glob("*.txt")):
            seen[path.stem] = path.read_bytes().decode("utf-8")
        _write_preds(out, [_perfect(d) for d in gold.docs])
        return RunReport(backend="fake", model="fake", started="", documents=[])

    monkeypatch.setattr(common, "run_extract_command", fake_extract)
    out = tmp_path / "extracted"
    result = CliRunner().invoke(
        _app(), ["eval", "--gold", str(SEEDS_GOLD), "--limit", "2", "--extract-out", str(out), "--backend", "embedded"]
    )
    assert result.exit_code == 0, result.output
    assert seen == {d.doc_id: d.text for d in gold.docs}  # byte-exact texts, so offsets line up
    report = EvalReport.model_validate_json((out / "eval.json").read_text(encoding="utf-8"))
    assert report.claim_f1 == 1.0 and report.joint_f1 == 1.0 and not report.warnings


def test_cli_exits_non_zero_when_extraction_failed_for_gold_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import common

    def failing_extract(inputs: list[str], out: Path, settings: object, console: object = None) -> RunReport:
        out.mkdir(parents=True, exist_ok=True)
        docs = [DocumentStatus(path=str(p), status="failed", reason="HTTP 500") for p in Path(inputs[0]).glob("*.txt")]
        return RunReport(backend="fake", model="fake", started="", documents=docs)

    monkeypatch.setattr(common, "run_extract_command", failing_extract)
    out = tmp_path / "extracted"
    result = CliRunner().invoke(
        _app(), ["eval", "--gold", str(SEEDS_GOLD), "--limit", "2", "--extract-out", str(out), "--backend", "embedded"]
    )
    assert result.exit_code == 1
    assert "extraction failed for 2 of 2 gold documents" in result.output
    assert (out / "eval.json").exists()  # the scores (all missing) are still written


def test_merge_scoring_maps_claims_by_the_list_the_match_indexes() -> None:
    """On gold without author claims (PolNeAR) the author-voice predictions are left out of the match;
    merge scoring must map a matched claim id through that shorter list (it read the full one, so
    every cluster member after an author claim was taken for its neighbour)."""
    text = "It rained all day in town. The mayor said the roads will reopen on Monday."
    gold = _doc(text, [_gold_claim(text, "the roads will reopen on Monday")], "m1")
    author = (0, text.index("."), None, None)
    said = (text.index("the roads"), len(text) - 1, "The mayor", "said")
    ev = score_document(gold, _prediction("m1", text, [author, said]), author_voice=False)
    (pair,) = ev.match.pairs
    assert ev.pred is not None and ev.pred.claims[pair.pred].id == "m1#c2"


def test_a_gold_pronoun_written_with_its_verb_is_a_pronoun() -> None:
    from summarizer.evaluate.speakers import is_pronoun

    assert is_pronoun("We’ve") and is_pronoun("he's") and is_pronoun("They're")
    assert not is_pronoun("Weaver") and not is_pronoun("Shell's")
