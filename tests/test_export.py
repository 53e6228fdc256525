"""`summarizer export` (issue 15): the claim, entity and conflict tables read back with the csv
module (and json) equal the JSON outputs, offsets included; cells survive a spreadsheet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from stub_server import StubServer
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import DocumentResult, MergeResult
from summarizer.report.tables import LIST_SEPARATOR, Table, read_cell, write_tables

ENV = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "SUMMARIZER_CACHE": "", "SUMMARIZER_BACKEND": ""}


def _corpus(path: Path) -> None:
    rows = []
    for i, (town, toll) in enumerate([("Ashby", 6), ("Brennock", 7), ("Corvale", 8)]):
        text = (
            "Rockets hit Camp Liberty on February 9, 2013.\n"
            f"The group said {toll} residents were killed in the rocket attack on Camp Liberty.\n"
            f"Mayor Ana Ruiz said the {town} shelter would stay open.\n"
        )
        rows.append({"id": f"r{i}", "text": text, "outlet": f"Outlet {i}", "date": "2013-02-09", "title": town})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def _run(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus)
    out = tmp_path / "out"
    with StubServer(["ok"]) as server:
        result = CliRunner().invoke(
            app,
            ["run", str(corpus), "--out", str(out), "--base-url", server.base_url, "--model", "stub",
             "--cache", str(tmp_path / "c.sqlite")],
            env=ENV,
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def test_export_round_trips_claims_entities_and_conflicts(tmp_path: Path) -> None:
    out = _run(tmp_path)
    docs = {p.stem: DocumentResult.model_validate_json(p.read_text()) for p in out.glob("r[0-9].json")}
    merged = MergeResult.model_validate_json((out / "merged" / "merged.json").read_text())
    assert merged.conflicts, "the fixture's 6 / 7 / 8 death tolls should conflict"
    for fmt in ("csv", "jsonl"):
        result = CliRunner().invoke(app, ["export", str(out), "--format", fmt, "--out", str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
        if fmt == "csv":
            raw = (tmp_path / "csv" / "claims.csv").read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
            with (tmp_path / "csv" / "claims.csv").open(encoding="utf-8-sig", newline="") as fh:
                rows = [{k: read_cell(v) for k, v in r.items()} for r in csv.DictReader(fh)]
        else:
            rows = [json.loads(line) for line in (tmp_path / "jsonl" / "claims.jsonl").read_text().splitlines()]
        expected = [(d.doc_id, c) for d in sorted(docs.values(), key=lambda d: d.doc_id) for c in d.claims]
        assert len(rows) == len(expected)
        for row, (doc_id, claim) in zip(rows, expected, strict=True):
            doc = docs[doc_id]
            assert (row["doc_id"], row["claim_id"], row["speaker"], row["claim"]) == (
                doc_id, claim.id, claim.speaker.name, claim.text
            )  # fmt: skip
            assert (int(row["evidence_start"]), int(row["evidence_end"]), row["evidence_text"]) == (
                claim.evidence.start, claim.evidence.end, claim.evidence.text
            )  # fmt: skip
            assert row["outlet"] == doc.source.outlet and row["published"] == "2013-02-09" and row["title"] == doc.title
            clusters = [k.id for k in merged.clusters if any(m.claim_id == claim.id for m in k.members)]
            got = row["cluster_ids"] if fmt == "jsonl" else [x for x in row["cluster_ids"].split(LIST_SEPARATOR) if x]
            assert got == clusters
        disputed = [r for r in rows if r["conflict_ids"]]
        assert {r["doc_id"] for r in disputed} == set(docs)  # every outlet's toll is a side of the conflict
        if fmt == "csv":
            with (tmp_path / "csv" / "conflicts.csv").open(encoding="utf-8-sig", newline="") as fh:
                sides = list(csv.DictReader(fh))
            with (tmp_path / "csv" / "entities.csv").open(encoding="utf-8-sig", newline="") as fh:
                entities = list(csv.DictReader(fh))
            assert len(entities) == len(merged.entities)
            assert len(sides) == sum(len(v.members) for x in merged.conflicts for v in x.values)
            for side in sides:
                text = docs[side["doc_id"]]
                claim = next(c for c in text.claims if c.id == side["claim_id"])
                assert (int(side["evidence_start"]), int(side["evidence_end"])) == (
                    claim.evidence.start, claim.evidence.end
                )  # fmt: skip


def test_csv_cells_survive_newlines_quotes_formulas_and_non_ascii(tmp_path: Path) -> None:
    values = ['line one\nline two', 'say "hi", then go', "=HYPERLINK(\"http://evil\")", "+1 555", "-5 °C", "@cmd",
              "Ça va, Mr. Núñez", "'quoted", ""]  # fmt: skip
    table = Table("t", ("n", "text", "ids"), [{"n": i, "text": v, "ids": ["k1", "k2"]} for i, v in enumerate(values)])
    (path,) = write_tables([table], tmp_path, "csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [read_cell(r["text"]) for r in rows] == values
    assert [r["text"][0] for r in rows if r["text"][:1] == "'"] == ["'"] * 4 + ["'"]  # four defused + one real
    assert all(r["ids"] == "k1;k2" for r in rows)
