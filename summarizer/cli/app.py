"""The typer application: each command lives in its own module and registers itself here."""

from __future__ import annotations

import typer

from summarizer.cli import (
    batch_cmd,
    eval_cmd,
    export_cmd,
    extract_cmd,
    gold_cmd,
    merge_cmd,
    model_cmd,
    review_cmd,
    run_cmd,
)

app = typer.Typer(
    name="summarizer",
    help="Turn news articles into checkable claims: who claims what, where it says so, where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (extract_cmd, run_cmd, merge_cmd, review_cmd, export_cmd, eval_cmd, gold_cmd, batch_cmd, model_cmd):
    _module.register(app)


def main() -> None:
    app()
