"""``--out`` that would overwrite the user's articles or feed the tool's outputs back in (issue 13):
refused at the CLI boundary with one line, before any file is written, originals byte-identical."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from stub_server import StubServer, claims_from_prompt, reply_with

from .conftest import article, cli


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*")}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes(article("Quillmark").replace("\n", "\r\n").encode("latin-1"))
    (folder / "a.html").write_text(f"<html><body><article><p>{article('Brindle')}</p></article></body></html>")
    return folder


@pytest.mark.parametrize("where", ["same", "inside"])
def test_out_in_or_under_a_scanned_input_folder_is_refused_and_nothing_is_touched(
    tmp_path: Path, corpus: Path, where: str
) -> None:
    before = _hashes(corpus)
    out = corpus if where == "same" else corpus / "results"
    with StubServer([reply_with(claims_from_prompt)]) as server:
        result, _ = cli(tmp_path, server.base_url, str(corpus), out=out)
        sent = list(server.requests)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "input folder" in lines[0] and str(corpus.resolve()) in result.output.replace("\n", "")
    assert "Traceback" not in result.output
    assert sent == [] and _hashes(corpus) == before and not (corpus / "results").exists()


def test_out_beside_an_input_file_is_refused(tmp_path: Path, corpus: Path) -> None:
    before = _hashes(corpus)
    with StubServer([reply_with(claims_from_prompt)]) as server:
        result, _ = cli(tmp_path, server.base_url, str(corpus / "a.txt"), out=corpus)
    assert result.exit_code == 2 and "is the input folder" in result.output
    assert _hashes(corpus) == before


def test_out_next_to_the_inputs_is_fine(tmp_path: Path, corpus: Path) -> None:
    before = _hashes(corpus)
    with StubServer([reply_with(claims_from_prompt)]) as server:
        result, out = cli(tmp_path, server.base_url, str(corpus), out=tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert _hashes(corpus) == before and len(list(out.glob("*.json"))) >= 2


def test_one_article_under_two_names_is_one_source_in_the_merge(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli.app import app
    from summarizer.models import MergeResult

    folder = tmp_path / "two-names"
    folder.mkdir()
    (folder / "a.txt").write_text(article("Castellan"), encoding="utf-8")
    (folder / "b.txt").write_text(article("Castellan"), encoding="utf-8")
    with StubServer([reply_with(claims_from_prompt)]) as server:
        result, out = cli(tmp_path, server.base_url, str(folder), out=tmp_path / "out")
    assert result.exit_code == 0, result.output
    merged = CliRunner().invoke(app, ["merge", str(out), "--out", str(tmp_path / "merged")])
    assert merged.exit_code == 0, merged.output
    m = MergeResult.model_validate_json((tmp_path / "merged" / "merged.json").read_text(encoding="utf-8"))
    assert m.stats.documents == 1 and m.stats.multi_source_clusters == 0
    assert all(c.sources == 1 for c in m.clusters)
    assert "(0 reported by several articles)" in (tmp_path / "merged" / "summary.md").read_text(encoding="utf-8")
