"""Options, names and paths that used to crash with a traceback (issue 13): each now gives one line
naming the option or file and the cause, before any model call, and the exit code says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from stub_server import StubServer
from typer.testing import CliRunner, Result

from summarizer.cli.app import app
from summarizer.models import MergeResult

from .conftest import CLEAN_ENV, article, check_outputs, cli, run_report

pytestmark = pytest.mark.faults


def _summarizer(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**CLEAN_ENV, **(env or {})}, catch_exceptions=False)


def _one_error_line(output: str) -> str:
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    return lines[0]


@pytest.mark.parametrize(
    ("extra", "env", "needles"),
    [
        (("--evidence-style", "bogus"), {}, ("evidence_style", "'bogus'", "--evidence-style", "'sentence' or 'quote'")),
        (("--output-mode", "jsn"), {}, ("output_mode", "'jsn'", "--output-mode", "json_schema")),
        (("--concurrency", "0"), {}, ("concurrency", "--concurrency", "greater than or equal to 1")),
        ((), {"SUMMARIZER_TIMEOUT": "soon"}, ("timeout", "'soon'", "SUMMARIZER_TIMEOUT", "valid number")),
    ],
)
def test_an_invalid_setting_is_named_with_where_it_came_from(
    tmp_path: Path, in_dir: Path, extra: tuple[str, ...], env: dict[str, str], needles: tuple[str, ...]
) -> None:
    (in_dir / "a.txt").write_text(article("Orrin"), encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir), env=env, extra=extra)
        sent = list(server.requests)
    assert result.exit_code == 2
    line = _one_error_line(result.output)
    assert all(n in line for n in needles), line
    assert sent == [] and not out.exists()


@pytest.mark.parametrize("url", ["notaurl", "ftp://127.0.0.1/v1", "http://"])
def test_a_base_url_that_is_not_http_is_refused(tmp_path: Path, in_dir: Path, url: str) -> None:
    (in_dir / "a.txt").write_text(article("Orrin"), encoding="utf-8")
    result, out = cli(tmp_path, url, str(in_dir))
    assert result.exit_code == 2
    line = _one_error_line(result.output)
    assert "base_url" in line and "--base-url" in line and "http://" in line
    assert not out.exists()


def test_a_misspelt_key_in_summarizer_toml_is_named(
    tmp_path: Path, in_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_dir / "a.txt").write_text(article("Orrin"), encoding="utf-8")
    (tmp_path / "summarizer.toml").write_text("concurrancy = 4\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with StubServer(["ok"]) as server:
        result, _ = cli(tmp_path, server.base_url, str(in_dir))
    assert result.exit_code == 2
    assert "concurrancy" in _one_error_line(result.output)


def test_file_and_folder_options_pointing_at_the_wrong_kind_of_path(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "a.txt").write_text(article("Orrin"), encoding="utf-8")
    a_file = tmp_path / "plain-file"
    a_file.write_text("keep me", encoding="utf-8")
    a_folder = tmp_path / "a-folder"
    a_folder.mkdir()
    with StubServer(["ok"]) as server:
        cases = [
            (("extract", str(in_dir), "--out", str(a_file)), "--out", "is a file"),
            (
                ("extract", str(in_dir), "--out", str(tmp_path / "o1"), "--cache", str(a_folder)),
                "--cache",
                "is a folder",
            ),
            (("run", str(in_dir), "--out", str(tmp_path / "o2"), "--report", str(a_folder)), "--report", "is a folder"),
            (("merge", str(in_dir), "--out", str(a_file)), "--out", "is a file"),
            (("review", str(in_dir), "--output", str(a_folder)), "--output", "is a folder"),
        ]
        for args, option, why in cases:
            result = (
                _summarizer(*args, "--base-url", server.base_url)
                if args[0] in ("extract", "run")
                else (_summarizer(*args))
            )
            assert result.exit_code == 2, (args, result.output)
            line = _one_error_line(result.output)
            assert option in line and why in line, line
        assert server.requests == []
    assert a_file.read_text(encoding="utf-8") == "keep me" and list(a_folder.iterdir()) == []
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists()


def test_a_symlink_loop_given_directly_is_named_as_one(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "good.txt").write_text(article("Orrin"), encoding="utf-8")
    loop = tmp_path / "loop-a"
    os.symlink(tmp_path / "loop-b", loop)
    os.symlink(loop, tmp_path / "loop-b")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(loop), str(in_dir / "good.txt"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {loop}: symbolic link loop (the link points back at itself)"]
    assert run_report(out)["documents"][1]["status"] == "ok"


def test_a_legal_but_long_file_name_is_extracted_and_the_run_report_written(tmp_path: Path, in_dir: Path) -> None:
    long_stem = "Ashraf-" + "x" * 240  # 247 bytes + ".txt": legal; the temp name beside it was not
    (in_dir / f"{long_stem}.txt").write_text(article("Orrin"), encoding="utf-8")
    (in_dir / "short.txt").write_text(article("Pellam"), encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    statuses = {Path(d["path"]).name: d for d in run_report(out)["documents"]}
    assert {d["status"] for d in statuses.values()} == {"ok"}
    long_id = statuses[f"{long_stem}.txt"]["doc_id"]
    assert long_id.startswith("Ashraf-xxx") and len(long_id.encode()) <= 120
    docs = check_outputs(out)
    assert set(docs) == {long_id, "short"} and docs[long_id].source.path.endswith(f"{long_stem}.txt")


def test_rich_markup_in_paths_and_names_is_printed_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "in[/x]"  # the folder "x]" inside "in[": a closing tag no open tag matches
    folder.mkdir(parents=True)
    (folder / "[bold]one[red].txt").write_text(article("Orrin"), encoding="utf-8")
    (folder / "two[red].txt").write_text(article("Pellam"), encoding="utf-8")
    out, merged, html = tmp_path / "out[/b]", tmp_path / "merged[/i]", tmp_path / "r[/x].html"
    html.parent.mkdir()
    with StubServer(["ok"]) as server:
        ran = _summarizer(
            "run", str(folder), "--out", str(out), "--base-url", server.base_url, "--model", "stub",
            "--cache", str(tmp_path / "c.sqlite"),
        )  # fmt: skip
    assert ran.exit_code == 0 and "Traceback" not in ran.output, ran.output
    assert f"report: {out}/report.html" in ran.output.replace("\n", "")
    merge = _summarizer("merge", str(out), "--out", str(merged))
    review = _summarizer("review", str(out), "--output", str(html))
    show = _summarizer("show", str(out / "[bold]one[red].json"))
    for result in (merge, review, show):
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert str(merged) in merge.output.replace("\n", "") and str(html) in review.output.replace("\n", "")
    assert "[bold]one[red].txt" in show.output.replace("\n", "")  # the name as written, not as styling
    assert MergeResult.model_validate_json((merged / "merged.json").read_text(encoding="utf-8")).stats.documents == 2
    assert html.is_file() and "[bold]one[red]" in html.read_text(encoding="utf-8")
    missing = _summarizer("merge", str(tmp_path / "no[/such]"), "--out", str(merged))
    assert missing.exit_code == 2 and f"{tmp_path / 'no[/such]'} is not a folder" in _one_error_line(missing.output)


def test_an_out_folder_that_cannot_be_made_is_one_line(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "a.txt").write_text(article("Orrin"), encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, _ = cli(tmp_path, server.base_url, str(in_dir), out=blocker / "out")
        sent = list(server.requests)
    assert result.exit_code == 2 and sent == []
    assert f"--out {blocker / 'out'}: cannot write there" in _one_error_line(result.output)
