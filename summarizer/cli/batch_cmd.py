"""`summarizer batch prepare|submit|status|collect`: the online requests as one Batch API file.

summarizer batch prepare seeds/ --out batch/requests.jsonl   # + batch/requests.manifest.json
summarizer batch submit batch/requests.jsonl                 # OpenAI: files + batches
summarizer batch status BATCH_ID
summarizer batch collect BATCH_ID|results.jsonl --out out/   # same validation and grounding
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Annotated

import typer

from summarizer.batch import (
    BatchOnlyBackend,
    Manifest,
    manifest_path_for,
    prepare,
    read_results,
    record_results,
    remote,
)
from summarizer.batch.collect import write_pending
from summarizer.cli import common as c
from summarizer.cli import options as o
from summarizer.cli.options import not_a_file, not_a_folder
from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.extract.runner import Runner
from summarizer.models import DocumentStatus

DEFAULT_REQUESTS = Path("batch/requests.jsonl")


def _registry(settings: Settings) -> Path:
    return Path(settings.cache).parent / "batches"


def _client(settings: Settings) -> object:
    key = settings.api_key.get_secret_value() if settings.api_key else None
    return remote.make_client(key, settings.base_url, settings.timeout)


def _followup_path(manifest_path: Path, manifest: Manifest) -> Path:
    stem = manifest.requests_file.removesuffix(".jsonl")
    stem = stem.rsplit(".round", 1)[0]
    return manifest_path.parent / f"{stem}.round{manifest.round + 1}.jsonl"


def register(app: typer.Typer) -> None:
    batch = typer.Typer(
        help="Batch mode: OpenAI Batch API or vLLM run_batch over the requests the online path "
        "sends; results go through the same cache, validation and grounding.",
        no_args_is_help=True,
    )
    app.add_typer(batch, name="batch")

    @batch.command("prepare")
    def prepare_cmd(
        inputs: Annotated[list[str], typer.Argument(help="files, folders or globs (not stdin)")],
        out: Annotated[
            Path,
            typer.Option(
                "--out", "-o", help="requests JSONL (a .manifest.json is written beside it)", callback=not_a_folder
            ),
        ] = DEFAULT_REQUESTS,
        model: o.Model_ = None,
        output_mode: o.Mode_ = None,
        evidence_style: o.Style_ = None,
    ) -> None:
        """Write one Batch API request per article chunk: exactly the body the online path sends."""
        settings = c.settings_from(
            backend="openai", model=model, output_mode=output_mode, evidence_style=evidence_style, cache=":memory:"
        )
        try:
            extractor = c.build_extractor(settings)
            report = prepare(
                extractor,
                inputs,
                out,
                on_error=lambda exc: c.err_console.print(
                    f"[red]error:[/red] {c.plain(exc.path)}: {c.plain(exc.reason)}", highlight=False, soft_wrap=True
                ),
            )
        except ConfigError as exc:
            c.fail(str(exc))
            raise
        b = extractor.backend
        c.err_console.print(
            f"{report.requests} requests for {report.documents} documents → {c.plain(str(report.requests_path))} "
            f"(model {c.plain(b.model)}, {b.mode}; manifest {c.plain(str(report.manifest_path))})"
            + (f"; {report.duplicates} duplicate requests written once" if report.duplicates else ""),
            highlight=False,
            soft_wrap=True,
        )
        if report.failed:
            raise typer.Exit(1)

    @batch.command("submit")
    def submit_cmd(
        requests: Annotated[Path, typer.Argument(help="requests JSONL written by `batch prepare`")],
        base_url: o.BaseUrl_ = None,
        completion_window: Annotated[str, typer.Option("--completion-window", help="Batch API window")] = "24h",
        cache: o.Cache_ = None,
    ) -> None:
        """Upload the requests file and create an OpenAI batch (needs OPENAI_API_KEY)."""
        settings = c.settings_from(backend="openai", base_url=base_url, cache=cache)
        if not manifest_path_for(requests).is_file():
            c.fail(f"{manifest_path_for(requests)} not found: submit files written by `summarizer batch prepare`")
        try:
            created = remote.submit(_client(settings), requests, completion_window=completion_window)
        except ConfigError as exc:
            c.fail(str(exc))
            raise
        except Exception as exc:  # SDK errors: one line, never a traceback with headers
            c.fail(f"submit failed: {type(exc).__name__}: {exc}")
            raise
        remote.register(_registry(settings), created, requests)
        typer.echo(created.id)
        c.err_console.print(
            f"batch {c.plain(created.id)} {created.status}; then: summarizer batch status "
            f"{c.plain(created.id)} · summarizer batch collect {c.plain(created.id)} --out out/",
            highlight=False,
            soft_wrap=True,
        )

    @batch.command("status")
    def status_cmd(
        batch_id: Annotated[str, typer.Argument(help="id printed by `batch submit`")],
        base_url: o.BaseUrl_ = None,
    ) -> None:
        """Show a batch's status and request counts."""
        settings = c.settings_from(backend="openai", base_url=base_url)
        try:
            b = remote.status(_client(settings), batch_id)
        except Exception as exc:
            c.fail(f"status failed: {type(exc).__name__}: {exc}")
            raise
        counts = b.request_counts
        done = f"{counts.completed}/{counts.total} done, {counts.failed} failed" if counts else "no counts yet"
        typer.echo(
            f"{b.id} {b.status} ({done}); output file {b.output_file_id or '-'}, errors {b.error_file_id or '-'}"
        )

    @batch.command("collect")
    def collect_cmd(
        source: Annotated[
            str,
            typer.Argument(
                help="batch id (downloaded with the SDK) or a Batch output JSONL (OpenAI or vLLM run_batch)"
            ),
        ],
        out: Annotated[Path, typer.Option("--out", "-o", help="output folder", callback=not_a_file)] = Path("out"),
        manifest: Annotated[
            Path | None,
            typer.Option(
                "--manifest",
                help="the prepare manifest (default: found from the batch id, or batch/requests.manifest.json)",
            ),
        ] = None,
        base_url: o.BaseUrl_ = None,
        model: o.Model_ = None,
        output_mode: o.Mode_ = None,
        concurrency: o.Conc_ = None,
        cache: o.Cache_ = None,
        offline: Annotated[
            bool,
            typer.Option(
                "--offline", help="make no model call: requests the results do not answer go to a follow-up batch file"
            ),
        ] = False,
    ) -> None:
        """Record batch replies in the call log, then extract as online: same validation, grounding, outputs."""
        base = c.settings_from(backend="openai", base_url=base_url, cache=cache)
        files: list[Path]
        try:
            if Path(source).is_file():
                files = [Path(source)]
                manifest_path = manifest or manifest_path_for(DEFAULT_REQUESTS)
            else:
                manifest_path = manifest or remote.manifest_for(_registry(base), source)  # type: ignore[assignment]
                if manifest_path is None:
                    c.fail(
                        f"no results file {source!r} and no submitted batch by that id here; "
                        "pass a results file, or --manifest for a batch submitted elsewhere"
                    )
                    return
                _batch, files = remote.download(_client(base), source, manifest_path.parent)
            m = Manifest.load(manifest_path)
        except ConfigError as exc:
            c.fail(str(exc))
            raise
        if model and model != m.model:
            c.fail(f"the batch was prepared for model {m.model!r}, not {model!r}")
        if output_mode and output_mode not in ("auto", m.output_mode):
            c.fail(f"the batch was prepared for output mode {m.output_mode!r}, not {output_mode!r}")
        settings = c.settings_from(**m.settings_flags(), base_url=base_url, cache=cache, concurrency=concurrency)
        try:
            extractor = c.build_extractor(settings, wrap=BatchOnlyBackend if offline else None)
            stats = record_results(
                extractor, m, manifest_path, itertools.chain.from_iterable(read_results(f) for f in files)
            )
        except ConfigError as exc:
            c.fail(str(exc))
            raise
        c.err_console.print(
            f"{stats.recorded} replies recorded ({stats.invalid} invalid, {stats.truncated} truncated, "
            f"{stats.refused} refused; {stats.already} already in the log) · {len(stats.failed)} failed lines"
            + (f" · {len(stats.unknown)} unknown custom_ids" if stats.unknown else "")
            + (f" · {len(stats.stale)} requests this run would not send (skipped)" if stats.stale else ""),
            highlight=False,
            soft_wrap=True,
        )
        for custom_id, reason in stats.failed[:20]:
            c.err_console.print(
                f"[yellow]batch line failed:[/yellow] {c.plain(custom_id)}: {c.plain(reason)}",
                highlight=False,
                soft_wrap=True,
            )

        def on_event(status: DocumentStatus) -> None:
            if status.status == "failed":
                c.err_console.print(
                    f"[red]error:[/red] {c.plain(status.path)}: {c.plain(status.reason or '')}",
                    highlight=False,
                    soft_wrap=True,
                )

        report = Runner(extractor, out, concurrency=settings.concurrency, on_event=on_event).run(m.inputs)
        c.print_run_summary(report, c.err_console)
        if offline and isinstance(extractor.backend, BatchOnlyBackend):
            follow_path = _followup_path(manifest_path, m)
            follow = write_pending(extractor.backend, m, follow_path, stats.doc_of_chunk)
            if follow is not None:
                c.err_console.print(
                    f"{follow.requests} requests need another round → {c.plain(str(follow_path))}: run it like the "
                    f"first, then `summarizer batch collect RESULTS --manifest "
                    f"{c.plain(str(manifest_path_for(follow_path)))}`",
                    highlight=False,
                    soft_wrap=True,
                )
        if report.failed:
            raise typer.Exit(1)
