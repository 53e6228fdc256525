"""Settings from defaults < [tool.summarizer] in pyproject.toml or summarizer.toml < environment
(OPENAI_API_KEY, OPENAI_BASE_URL, SUMMARIZER_*) < command-line flags. No global state: the CLI
builds one ``Settings`` per command and passes it down.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, SecretStr

from summarizer.errors import ConfigError


class Settings(BaseModel):
    backend: str = Field(default="auto", description="auto | embedded | openai")
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    output_mode: str = Field(default="auto", description="auto | json_schema | json_object | prompt")
    evidence_style: str = Field(default="sentence", description="sentence | quote")
    model_cues: bool = Field(
        default=False,
        description="the model also names cue words the lexicon lacks (off: the rules frame every claim, "
        "the model writes the summary)",
    )
    concurrency: int = 4
    max_tokens: int = 2048
    max_reasks: int = 2
    max_retries: int = 5
    timeout: float = 120.0
    chunk_chars: int = 6000
    n_ctx: int = 8192
    n_threads: int | None = None
    model_path: str | None = None
    models_dir: str | None = None
    cache: str = Field(default=".summarizer/calls.sqlite", description="SQLite call log and cache")
    no_cache: bool = False

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
    for var, key in _ENV.items():
        if env.get(var):
            values[key] = env[var]
    for field in Settings.model_fields:
        var = f"SUMMARIZER_{field.upper()}"
        if env.get(var):
            values[field] = env[var]
    values.update({k: v for k, v in (flags or {}).items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValueError as exc:
        raise ConfigError(f"invalid settings: {exc}".splitlines()[0]) from None
