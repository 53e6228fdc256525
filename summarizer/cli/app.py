"""The typer application: each command lives in its own module and registers itself here."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="summarizer",
    help="Turn news articles into checkable claims: who claims what, where it says so, where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_COMMAND_MODULES = ("extract_cmd", "merge_cmd", "run_cmd", "eval_cmd", "review_cmd", "batch_cmd", "model_cmd")
for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"summarizer.cli.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"summarizer.cli.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    app()
