"""Prompt templates live in prompts/*.j2 (jinja2); this module renders them and hashes them."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from summarizer.models import Sentence

_PACKAGE = Path(__file__).resolve().parent.parent
_CANDIDATES = (_PACKAGE.parent / "prompts", _PACKAGE / "_prompts")


def prompts_dir() -> Path:
    for path in _CANDIDATES:
        if (path / "extract_system.j2").exists():
            return path
    raise FileNotFoundError("prompts/ directory not found next to the summarizer package")


_DELIMITER = re.compile(r"<\s*(/?)\s*(article|context)\s*>", re.I)


_ID_LOOKALIKE = re.compile(r"[\[{](\d{1,4})[\]}]")


def defuse(text: str) -> str:
    """Make ``<article>``/``</article>``/``<context>``, ``[n]`` and ``{n}`` (footnotes, or forged
    sentence numbers and cue marks) inside untrusted text harmless look-alikes, so only our
    numbering reads as ids."""
    text = _DELIMITER.sub(lambda m: f"‹{m.group(1)}{m.group(2)}›", text)
    return _ID_LOOKALIKE.sub(r"(\1)", text)


def _marked(text: str, marks: Sequence[tuple[int, int]]) -> str:
    """``text`` defused, with ``{k}`` inserted at each (offset, k)."""
    out, at = [], 0
    for offset, k in sorted(marks):
        out.append(defuse(text[at:offset]) + "{" + str(k) + "}")
        at = offset
    return "".join(out) + defuse(text[at:])


class PromptSet:
    """The extraction prompts for one evidence style and output mode."""

    def __init__(self, *, evidence_style: str, output_mode: str, schema: dict[str, Any]) -> None:
        self.evidence_style = evidence_style
        self.output_mode = output_mode
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(prompts_dir()),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,
        )
        self.system = self._env.get_template("extract_system.j2").render(
            evidence_style=evidence_style, output_mode=output_mode, schema_json=json.dumps(schema)
        )
        sources = [self.system]
        for name in ("extract_user.j2", "reask.j2"):
            sources.append(Path(prompts_dir() / name).read_text(encoding="utf-8"))
        self.sha256 = hashlib.sha256("\n\x00\n".join(sources).encode()).hexdigest()

    def user(
        self,
        sentences: Sequence[Sentence],
        *,
        title: str | None = None,
        context: str = "",
        marks: Mapping[int, Sequence[tuple[int, int]]] | None = None,
    ) -> str:
        """The article part as numbered sentences, ``marks`` (sentence id → (offset in the sentence,
        number)) inserted as ``{number}``; delimiter look-alikes in the untrusted text are defused
        in the prompt only (offsets refer to the article, never to the prompt)."""
        shown = [s.model_copy(update={"text": _marked(s.text, (marks or {}).get(s.id, ()))}) for s in sentences]
        return self._env.get_template("extract_user.j2").render(
            sentences=shown,
            title=defuse(title) if title else None,
            context=defuse(context),
            first_id=sentences[0].id,
            last_id=sentences[-1].id,
            marked=bool(marks),
            summary_only=self.evidence_style == "summary",
        )

    def reask(self, error: str) -> str:
        return self._env.get_template("reask.j2").render(error=error)
