"""Corpus files (issue 15): a JSONL and a CSV export of 50+ rows, with bad rows among them, run end
to end against the stub server. Good rows land, each bad row has its one line naming the file
and the row, the exit code says some failed, and a re-run makes no model call."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from stub_server import StubServer

from .conftest import article, check_outputs, cli, run_report

pytestmark = [pytest.mark.faults, pytest.mark.timeout(180)]

GOOD = 52


def _good_rows() -> list[dict[str, str]]:
    rows = []
    for i in range(GOOD):
        row = {
            "id": f"wire-{i:03d}",
            "text": article(f"Town{i:03d}"),
            "url": f"https://wire.example/{i}",
            "outlet": "Wire Service" if i % 2 else "Daily Example",
            "date": "2016-10-05" if i % 3 else "5 October 2016",
            "title": f"Budget talks in Town{i:03d}",
        }
        if i == 7:
            del row["id"]  # no id: a stable one from the content
        rows.append(row)
    return rows


BAD = {  # what is wrong → the reason the one line must give
    "empty": "no text (the text and html fields are empty or missing)",
    "bad date": "date 'sometime soonish' is not a date",
    "duplicate id": "duplicate id 'wire-003'",
    "binary": "holds binary data, not text",
}


def _bad_rows() -> list[dict[str, str]]:
    return [
        {"id": "empty-1", "text": "   ", "outlet": "X"},
        {"id": "late-1", "text": article("Latetown"), "date": "sometime soonish"},
        {"id": "wire-003", "text": article("Copytown")},
        {"id": "bin-1", "text": article("Bintown"), "title": "ok\x00\x01\x02"},
    ]


def _jsonl(path: Path) -> None:
    """The corpus as JSONL: good rows with the bad ones among them, plus a line that is not JSON."""
    rows = _good_rows()
    bad = _bad_rows()
    lines = [json.dumps(r) for r in rows[:10]] + [json.dumps(r) for r in bad] + [json.dumps(r) for r in rows[10:]]
    lines.insert(30, '{"id": "cut-1", "text": "half a row')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _csv(path: Path) -> None:
    rows = _good_rows()
    bad = _bad_rows()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text", "url", "outlet", "date", "title"], restval="")
        writer.writeheader()
        writer.writerows([*rows[:20], *bad[:3], *rows[20:]])
    raw = path.read_bytes().replace(b"Budget talks in Town030", b"Budget talks \xff\xfe in Town030")  # not UTF-8
    path.write_bytes(raw)


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_a_corpus_file_runs_row_by_row(tmp_path: Path, kind: str) -> None:
    corpus = tmp_path / f"export.{kind}"
    if kind == "jsonl":
        _jsonl(corpus)
        # rows 1-10 good, 11-14 the bad ones, then good rows with a cut line as row 31
        expected_bad = {11: BAD["empty"], 12: BAD["bad date"], 13: BAD["duplicate id"], 14: BAD["binary"]}
        expected_bad[31] = "not a JSON object"
        good = GOOD
    else:
        _csv(corpus)
        expected_bad = {21: BAD["empty"], 22: BAD["bad date"], 23: BAD["duplicate id"], 34: BAD["binary"]}
        good = GOOD - 1  # Town030's title holds bytes that are not UTF-8
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(corpus))
        first = len(server.requests)
        again, _ = cli(tmp_path, server.base_url, str(corpus))
        second = len(server.requests) - first
    assert result.exit_code == 1 and again.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == len(expected_bad), result.output
    for row, why in expected_bad.items():
        line = next((e for e in errors if f"{corpus} row {row}: " in e), None)
        assert line is not None and why in line, (row, why, errors)
    docs = check_outputs(out)
    assert len(docs) == good and first == good and second == 0  # re-run: every row unchanged, no call
    statuses = {d["doc_id"]: d for d in run_report(out)["documents"] if d["status"] != "failed"}
    assert len(statuses) == good
    one = docs["wire-001"]
    assert one.source.outlet == "Wire Service" and one.source.url == "https://wire.example/1"
    assert one.source.published == "2016-10-05" and one.title == "Budget talks in Town001"
    assert docs["wire-003"].source.path == f"{corpus} row 4"  # the first wire-003 keeps its id
    no_id = [d for d in docs.values() if d.source.title == "Budget talks in Town007"]
    assert len(no_id) == 1 and no_id[0].doc_id.startswith("export-") and len(no_id[0].doc_id) == len("export-") + 12


def test_a_row_with_html_is_stripped_and_its_page_metadata_kept(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Gazette"><title>Bridge</title></head>'
        "<body><nav>NAV-LINKS</nav><article><h1>Bridge reopens</h1><p>Engineer Tom Beck said the bridge is safe."
        "</p></article></body></html>"
    )
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text(json.dumps({"id": "p1", "html": page, "date": "2016-10-05"}) + "\n", encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(corpus))
    assert result.exit_code == 0, result.output
    doc = check_outputs(out)["p1"]
    text = (out / "p1.txt").read_text(encoding="utf-8")
    assert "Tom Beck said the bridge is safe." in text and "NAV-LINKS" not in text
    assert doc.source.outlet == "Gazette" and doc.source.published == "2016-10-05"
