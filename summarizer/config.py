"""Settings from defaults < [tool.summarizer] in pyproject.toml or summarizer.toml < environment
(OPENAI_API_KEY, OPENAI_BASE_URL, SUMMARIZER_*) < command-line flags. No global state: the CLI
builds one ``Settings`` per command and passes it down.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from summarizer.errors import ConfigError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt key in summarizer.toml is named, not ignored

    backend: Literal["auto", "embedded", "openai"] = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    output_mode: Literal["auto", "json_schema", "json_object", "prompt"] = "auto"
    evidence_style: Literal["sentence", "quote"] = "sentence"
    model_cues: bool = Field(
        default=False,
        description="the model also names cue words the lexicon lacks (off: the rules frame every claim, "
        "the model writes the summary)",
    )
    concurrency: int = Field(default=4, ge=1, le=64)
    max_tokens: int = Field(default=2048, ge=16)
    max_reasks: int = Field(default=2, ge=0)
    max_retries: int = Field(default=5, ge=1)
    timeout: float = Field(default=120.0, gt=0, description="seconds: the wall-clock deadline of one request")
    rate_budget: float = Field(
        default=900.0, ge=0, description="seconds one request may spend waiting out 429s before its document fails"
    )
    chunk_chars: int = Field(default=6000, ge=500)
    n_ctx: int = Field(default=8192, ge=512)
    n_threads: int | None = None
    model_path: str | None = None
    models_dir: str | None = None
    cache: str = Field(default=".summarizer/calls.sqlite", description="SQLite call log and cache")
    no_cache: bool = False

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:8080/v1")
        return value

    def resolved_backend(self) -> str:
        if self.backend != "auto":
            return self.backend
        return "openai" if (self.base_url or self.api_key) else "embedded"

    def redacted(self) -> dict[str, Any]:
        """Settings safe to print or store (the key is never included)."""
        data = self.model_dump(exclude={"api_key"})
        data["api_key"] = "set" if self.api_key else None
        return data


_ENV = {
    "OPENAI_API_KEY": "api_key",
    "OPENAI_BASE_URL": "base_url",
}


def _from_toml(cwd: Path) -> dict[str, Any]:
    for name, getter in (
        ("summarizer.toml", lambda d: d),
        ("pyproject.toml", lambda d: d.get("tool", {}).get("summarizer", {})),
    ):
        path = cwd / name
        if path.exists():
            try:
                data = getter(tomllib.loads(path.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{path}: invalid TOML: {exc}") from None
            if data:
                return {k.replace("-", "_"): v for k, v in data.items()}
    return {}


def load_settings(
    flags: Mapping[str, Any] | None = None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Settings:
    env = os.environ if env is None else env
    values: dict[str, Any] = _from_toml(cwd or Path.cwd())
    origin = dict.fromkeys(values, "the TOML settings")
    for var, key in _ENV.items():
        if env.get(var):
            values[key], origin[key] = env[var], var
    for field in Settings.model_fields:
        var = f"SUMMARIZER_{field.upper()}"
        if env.get(var):
            values[field], origin[field] = env[var], var
    for key, value in (flags or {}).items():
        if value is not None:
            values[key], origin[key] = value, "--" + key.replace("_", "-")
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        raise ConfigError(_first_problem(exc, values, origin)) from None


def _first_problem(exc: ValidationError, values: Mapping[str, Any], origin: Mapping[str, str]) -> str:
    """One line naming the setting, where its value came from, the value and what is expected."""
    problem = exc.errors()[0]
    field = str(problem["loc"][0]) if problem["loc"] else "?"
    if field not in Settings.model_fields:
        return f"unknown setting {field!r} in {origin.get(field, 'the settings')}"
    shown = "(hidden)" if field == "api_key" else repr(values.get(field))[:80]
    where = origin.get(field, field)
    return f"invalid {field} {shown} (from {where}): {problem['msg'].removeprefix('Value error, ')}"
