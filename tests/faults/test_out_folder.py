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

    out = _extracted(tmp_path, {"a.txt": article("Castellan"), "b.txt": article("Castellan")}, "two-names")
    merged = CliRunner().invoke(app, ["merge", str(out), "--out", str(tmp_path / "merged")])
    assert merged.exit_code == 0, merged.output
    m = MergeResult.model_validate_json((tmp_path / "merged" / "merged.json").read_text(encoding="utf-8"))
    assert m.stats.documents == 1 and m.stats.multi_source_clusters == 0
    assert all(c.sources == 1 for c in m.clusters)
    assert "(0 reported by several articles)" in (tmp_path / "merged" / "summary.md").read_text(encoding="utf-8")


def test_a_second_run_into_the_same_out_waits_for_nothing_and_touches_nothing(tmp_path: Path) -> None:
    """Two runs into one --out: the second fails at once with one line (it used to delete the
    first run's in-flight temporary files, and both sent every document to the model)."""
    import time

    from .conftest import check_outputs, cli_subprocess, run_report

    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(("Ashby", "Brennock", "Corvale", "Dunmore")):
        (folder / f"{i}.txt").write_text(article(name), encoding="utf-8")
    with StubServer(["ok"], delay=0.6) as server:
        first = cli_subprocess(tmp_path, server.base_url, str(folder), env={"SUMMARIZER_CONCURRENCY": "1"})
        deadline = time.monotonic() + 30
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.requests, "the first run never reached the server"
        second = cli_subprocess(tmp_path, server.base_url, str(folder))
        _, err2 = second.communicate(timeout=60)
        out1, err1 = first.communicate(timeout=120)
        total = len(server.requests)
    assert second.returncode == 2, err2
    lines = [line for line in err2.decode().splitlines() if line.strip()]
    assert len(lines) == 1 and "another summarizer run" in lines[0] and str(first.pid) in lines[0], lines
    assert total == 4  # one request per document: the second run sent nothing
    assert first.returncode == 0, err1 + out1
    assert {d["status"] for d in run_report(tmp_path / "out")["documents"]} == {"ok"}
    assert len(check_outputs(tmp_path / "out")) == 4
    assert b"Traceback" not in err1 + err2


def _extracted(tmp_path: Path, files: dict[str, str], name: str = "in") -> Path:
    """``files`` (name → text) written to ``tmp_path/name`` and extracted against the stub into out/."""
    folder = tmp_path / name
    folder.mkdir()
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    with StubServer([reply_with(claims_from_prompt)]) as server:
        result, out = cli(tmp_path, server.base_url, str(folder), out=tmp_path / "out")
    assert result.exit_code == 0, result.output
    return out


def _run_merge_setup(tmp_path: Path) -> Path:
    return _extracted(tmp_path, {"a.txt": article("Quillmark"), "b.txt": article("Brindle")})


def _merge(out: Path, dest: Path) -> tuple[int, str]:
    from typer.testing import CliRunner

    from summarizer.cli.app import app

    result = CliRunner().invoke(app, ["merge", str(out), "--out", str(dest)], catch_exceptions=False)
    return result.exit_code, result.output


def test_merge_re_verifies_evidence_against_the_saved_article(tmp_path: Path) -> None:
    import json

    from summarizer.models import MergeResult

    out = _run_merge_setup(tmp_path)
    data = json.loads((out / "a.json").read_text(encoding="utf-8"))
    claim = next(c for c in data["claims"] if "budget" in c["evidence"]["text"])
    forged = claim["evidence"]["text"].replace("budget", "bullet")  # same length, not what the article says
    claim["evidence"]["text"] = claim["text"] = forged
    (out / "a.json").write_text(json.dumps(data), encoding="utf-8")
    code, output = _merge(out, tmp_path / "merged")
    assert code == 0 and "Traceback" not in output
    assert f"skipped: a: claim {claim['id']} left out: evidence text differs from the article at its offsets" in (
        output.replace("\n", "")
    )
    merged = (tmp_path / "merged" / "merged.json").read_text(encoding="utf-8")
    assert "bullet" not in merged and "bullet" not in (tmp_path / "merged" / "summary.md").read_text(encoding="utf-8")
    m = MergeResult.model_validate_json(merged)
    assert m.stats.documents == 2 and m.stats.claims == len(data["claims"]) - 1 + len(
        json.loads((out / "b.json").read_text(encoding="utf-8"))["claims"]
    )


def test_merge_counts_a_duplicated_doc_id_once_and_says_so(tmp_path: Path) -> None:
    from summarizer.models import MergeResult

    out = _run_merge_setup(tmp_path)
    assert _merge(out, tmp_path / "once")[0] == 0
    (out / "a-copy.json").write_bytes((out / "a.json").read_bytes())
    code, output = _merge(out, tmp_path / "merged")
    assert code == 0
    assert "skipped: a.json: doc_id 'a' is already used by a-copy.json; left out" in output.replace("\n", "")
    once, twice = (
        MergeResult.model_validate_json((tmp_path / d / "merged.json").read_text(encoding="utf-8"))
        for d in ("once", "merged")
    )
    assert twice.stats.documents == 2 and twice.documents == once.documents
    assert twice.stats.model_copy(update={"seconds": 0}) == once.stats.model_copy(update={"seconds": 0})
    assert [c.sources for c in twice.clusters] == [c.sources for c in once.clusters]


def test_a_truncated_output_is_named_as_cut_short_by_merge_review_and_show(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli.app import app

    out = _run_merge_setup(tmp_path)
    whole = (out / "a.json").read_bytes()
    (out / "a.json").write_bytes(whole[: len(whole) // 2])
    code, output = _merge(out, tmp_path / "merged")
    assert code == 0 and "skipped: a.json: not complete JSON" in output and "cut short" in output
    assert "validation error" not in output
    review = CliRunner().invoke(app, ["review", str(out), "--output", str(tmp_path / "r.html")])
    assert review.exit_code == 0 and "note: a.json: not complete JSON" in review.output.replace("\n", "")
    show = CliRunner().invoke(app, ["show", str(out / "a.json")])
    assert show.exit_code == 1 and "Traceback" not in show.output
    lines = [line for line in show.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {out / 'a.json'}: not complete JSON"), lines


def test_gold_ids_that_are_reserved_output_names_are_still_scored(tmp_path: Path) -> None:
    """A gold document called "run" or "merged" is extracted under another id (its output must not
    overwrite run.json); eval used to score it as missing. It is matched by its text now."""
    import json

    from typer.testing import CliRunner

    from summarizer.cli.app import app
    from summarizer.models import EvalReport

    from .conftest import CLEAN_ENV

    gold = tmp_path / "gold.jsonl"
    rows = []
    for doc_id, marker in (("run", "Quillmark"), ("merged", "Brindle"), ("plain", "Castellan")):
        text = article(marker)
        piece = f"the {marker} budget protects schools"
        start = text.index(piece)
        claim = {"claim": piece, "quote": piece, "speaker": "Mayor Ana Ruiz", "cue": "said", "start": start,
                 "end": start + len(piece), "content_spans": [[start, start + len(piece)]],
                 "attribution_type": "Attribution"}  # fmt: skip
        rows.append(json.dumps({"doc_id": doc_id, "text": text, "claims": [claim]}))
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "extracted"
    with StubServer([reply_with(claims_from_prompt)]) as server:
        result = CliRunner().invoke(
            app,
            ["eval", "--gold", str(gold), "--extract-out", str(out), "--base-url", server.base_url, "--model", "stub",
             "--cache", str(tmp_path / "c.sqlite")],
            env=CLEAN_ENV,
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = EvalReport.model_validate_json((out / "eval.json").read_text(encoding="utf-8"))
    assert report.missing == [] and report.overall is not None and report.overall.soft.recall == 1.0
    assert (out / "run.json").is_file() and json.loads((out / "run.json").read_text())["documents"]


def test_no_cache_re_extracts_unchanged_outputs(tmp_path: Path) -> None:
    """``--no-cache`` used to bypass the call log but still keep unchanged outputs, so nothing was
    re-extracted: it now means a fresh extraction of every document."""
    from .conftest import run_report

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article("Quillmark"), encoding="utf-8")
    with StubServer([reply_with(claims_from_prompt)]) as server:
        cli(tmp_path, server.base_url, str(folder))
        again, out = cli(tmp_path, server.base_url, str(folder))
        assert [d["status"] for d in run_report(out)["documents"]] == ["skipped"] and len(server.requests) == 1
        fresh, out = cli(tmp_path, server.base_url, str(folder), extra=("--no-cache",))
        sent = len(server.requests)
    assert again.exit_code == 0 and fresh.exit_code == 0
    assert sent == 2 and [d["status"] for d in run_report(out)["documents"]] == ["ok"]


def test_two_articles_of_one_outlet_corroborate_as_one_source() -> None:
    """Issue 13: corroboration counts distinct texts, "or better, distinct outlets"."""
    from summarizer.backends.openai_compat import OpenAIBackend
    from summarizer.calllog import CallLog
    from summarizer.extract.engine import Extractor
    from summarizer.ingest.reader import make_article
    from summarizer.merge import merge_documents
    from summarizer.models import DocumentResult, Publication

    with StubServer(["ok"]) as server:
        extractor = Extractor(OpenAIBackend(model="stub", base_url=server.base_url), calllog=CallLog(None))

        def doc(doc_id: str, who: str, outlet: str) -> DocumentResult:
            text = article("Quillmark") + f"{who} said the bridge would open on Monday.\n"
            return extractor.extract(
                make_article(text, path=f"{doc_id}.txt", doc_id=doc_id, publication=Publication(outlet=outlet))
            )

        a, b, c = (
            doc("a", "The mayor", "Daily Example"),
            doc("b", "Workers", "daily example"),
            doc("c", "Engineers", "Wire"),
        )
    assert max(k.sources for k in merge_documents([a, b]).clusters) == 1  # one outlet, however written
    assert max(k.sources for k in merge_documents([a, c]).clusters) == 2
