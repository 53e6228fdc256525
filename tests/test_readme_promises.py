"""The README's reliability promises each name the test that proves them: every named test must
exist, so a renamed or deleted test cannot leave a promise unbacked."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_test_the_readme_names_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What a run promises", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`([\w/]+\.py)::(\w+)`", section)
    assert len(named) >= 7
    for file, test in named:
        path = ROOT / "tests" / "faults" / file
        assert path.is_file(), file
        defined = {
            n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.FunctionDef)
        }
        assert test in defined, f"{file}::{test} is named in the README but does not exist"
