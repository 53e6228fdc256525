"""The backend option set (--backend, --model, --base-url, …) declared once for extract, run and eval.

``@backend_options`` appends the options to a command's signature, which is what typer reads, and
hands the command one :class:`BackendFlags` instead of eight parameters; ``flags.settings()`` then
merges them with the environment and summarizer.toml (flags > env > toml).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from summarizer.cli.common import fail, settings_from
from summarizer.config import Settings

F = TypeVar("F", bound=Callable[..., Any])

# Typer option types, also used one by one by the batch commands.
Backend_ = Annotated[str | None, typer.Option("--backend", help="auto | embedded | openai")]
Model_ = Annotated[
    str | None, typer.Option("--model", "-m", help="model name (embedded: default, small, or a pinned name)")
]
BaseUrl_ = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1")
]
Mode_ = Annotated[str | None, typer.Option("--output-mode", help="auto | json_schema | json_object | prompt")]
Style_ = Annotated[
    str | None,
    typer.Option(
        "--evidence-style", help="with --model-cues: sentence (confirm marked words by id) | quote (write cue words)"
    ),
]
Cues_ = Annotated[
    bool,
    typer.Option(
        "--model-cues",
        help="the model also names cue words the lexicon lacks (measured: the default 1.5B confirms nearly every "
        "candidate, which lowers joint F1; for stronger models)",
    ),
]
Conc_ = Annotated[int | None, typer.Option("--concurrency", "-j", help="parallel requests (remote backends)")]


def not_a_folder(param: typer.CallbackParam, value: Any) -> Any:
    """A file option (``--cache``, ``--report``, ``--output``) naming an existing folder is refused here,
    with one line, before any work starts."""
    if value is not None and Path(value).is_dir():
        fail(f"{param.opts[0]} {value} is a folder; give a file path")
    return value


def not_a_file(param: typer.CallbackParam, value: Any) -> Any:
    """A folder option (``--out``) naming an existing file is refused here."""
    if value is not None and Path(value).exists() and not Path(value).is_dir():
        fail(f"{param.opts[0]} {value} is a file; give a folder")
    return value


Cache_ = Annotated[str | None, typer.Option("--cache", help="SQLite call log / cache path", callback=not_a_folder)]
NoCache_ = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="re-extract everything: no reply is taken from the call log and no unchanged output is kept "
        "(every call is still logged)",
    ),
]

_OPTIONS: dict[str, tuple[Any, Any]] = {  # name -> (annotation, default), in --help order
    "backend": (Backend_, None),
    "model": (Model_, None),
    "base_url": (BaseUrl_, None),
    "output_mode": (Mode_, None),
    "evidence_style": (Style_, None),
    "model_cues": (Cues_, False),
    "concurrency": (Conc_, None),
    "cache": (Cache_, None),
    "no_cache": (NoCache_, False),
}


@dataclass(frozen=True)
class BackendFlags:
    """The backend flags as given on the command line (None / False = not given)."""

    values: dict[str, Any]

    def settings(self) -> Settings:
        return settings_from(**self.values)


def backend_options(fn: F) -> F:
    """Give ``fn`` (which takes ``flags: BackendFlags``) the shared backend options."""
    sig = inspect.signature(fn, eval_str=True)  # typer reads the signature as given
    own = [p for p in sig.parameters.values() if p.name != "flags"]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, (annotation, default) in _OPTIONS.items()
    ]

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name, default) for name, (_a, default) in _OPTIONS.items()}
        return fn(*args, flags=BackendFlags(values), **kwargs)

    wrapper.__signature__ = sig.replace(parameters=[*own, *extra])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in [*own, *extra]}
    return wrapper  # type: ignore[return-value]
