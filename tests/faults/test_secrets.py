"""The API key (from the environment or a config file) never reaches the call log, outputs, run
report, error messages or logs — even when the server echoes it back in an error."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from stub_server import StubServer

from .conftest import article, cli_subprocess

pytestmark = [pytest.mark.faults, pytest.mark.timeout(120)]

ROUTES = {
    "Keyfail": ["401"],
    "Srvfail": ["500"],
    "Badreply": ["schema_violation"],
    "Refuser": ["refusal"],
    "Slowpoke": ["429:1", "ok"],
}


def _inputs(in_dir: Path) -> None:
    for marker in ("Goodwin", *ROUTES):
        (in_dir / f"{marker}.txt").write_text(article(marker), encoding="utf-8")
    (in_dir / "empty.txt").write_bytes(b"")


def _leaks(root: Path, needles: list[bytes], skip: set[Path]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and path not in skip:
            data = path.read_bytes()
            found += [f"{path}: {n[:12]!r}..." for n in needles if n in data]
    return found


def test_api_key_never_leaks_on_success_or_failure(tmp_path: Path, in_dir: Path) -> None:
    token = secrets.token_hex(8)
    env_key = f"sk-test-SECRET-{token}"
    toml_key = f"sk-test-SECRET-toml-{secrets.token_hex(8)}"
    needles = [env_key.encode(), token.encode(), toml_key.encode(), toml_key[-16:].encode()]
    _inputs(in_dir)
    captured: list[bytes] = []
    env = {"SUMMARIZER_MAX_RETRIES": "2", "SUMMARIZER_TIMEOUT": "2"}
    with StubServer(["ok"], routes=ROUTES) as server:
        # 1. key from the environment: successes, 401 (echoed by the server), 500, schema failure,
        #    refusal, rate limit, a bad input
        proc = cli_subprocess(
            tmp_path, server.base_url, str(in_dir), env={**env, "OPENAI_API_KEY": env_key}, out=tmp_path / "out_env"
        )
        captured += proc.communicate(timeout=60)
        assert proc.returncode == 1
        # 2. key from the config file (summarizer.toml in the working directory)
        (tmp_path / "summarizer.toml").write_text(f'api_key = "{toml_key}"\n', encoding="utf-8")
        proc = cli_subprocess(tmp_path, server.base_url, str(in_dir), env=env, out=tmp_path / "out_toml")
        captured += proc.communicate(timeout=60)
        assert proc.returncode == 1
        # 3. a server that cannot be reached, and 4. invalid settings next to the key
        proc = cli_subprocess(
            tmp_path,
            "http://127.0.0.1:9/v1",
            str(in_dir / "Goodwin.txt"),
            env={**env, "OPENAI_API_KEY": env_key},
            out=tmp_path / "out_down",
            extra=("--no-cache",),
        )
        captured += proc.communicate(timeout=60)
        assert proc.returncode == 1
        proc = cli_subprocess(
            tmp_path,
            server.base_url,
            str(in_dir / "Goodwin.txt"),
            env={**env, "OPENAI_API_KEY": env_key, "SUMMARIZER_TIMEOUT": "soon"},
            out=tmp_path / "out_cfg",
        )
        captured += proc.communicate(timeout=60)
        assert proc.returncode == 2
        auth = [h.get("authorization", "") for h in server.headers]
    # the keys were really in play: sent to the server, which echoed them in its 401 body
    assert f"Bearer {env_key}" in auth and f"Bearer {toml_key}" in auth
    text = b"\n".join(captured)
    assert b"HTTP 401" in text and b"[redacted]" in text  # the failure is still explained
    assert b"Keyfail.txt" in text and b"server error" in text and b"invalid timeout" in text
    for needle in needles:
        assert needle not in text, "API key in captured stdout/stderr"
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "calls.sqlite" for p in written) and any(p.name == "run.json" for p in written)
    assert _leaks(tmp_path, needles, skip={tmp_path / "summarizer.toml"}) == []
