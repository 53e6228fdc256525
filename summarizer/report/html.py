"""The self-contained HTML review report: every article with its evidence lit up, plus the corpus view.

Why this shape: a reviewer opens one file from disk (no server, no network) and checks each claim
against the words it rests on. So CSS and JS are inlined, data reaches the script only as JSON in a
``<script type="application/json">`` block (``<``, ``>`` and ``&`` written as ``\\u003c`` ...), all
text goes through jinja2 autoescaping or ``segments.highlight``, and a Content-Security-Policy
allows only the report's own script (by hash): even a mistake in escaping could not run a payload
planted in an article.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pydantic import ValidationError

from summarizer.atomic import atomic_write
from summarizer.evaluate.goldfile import gold_claim
from summarizer.models import ClaimRef, DocumentResult, EvalReport, MergeResult, Modality, RunReport
from summarizer.outdir import load_folder
from summarizer.report.evalmarks import LABELS
from summarizer.report.view import DocView, Palette, build_doc
from summarizer.text.sentences import split_sentences

TEMPLATES = Path(__file__).parent / "templates"


class ReportData(NamedTuple):
    """Everything ``render_report`` takes, in its argument order (``render_report(*data)``)."""

    docs: list[DocumentResult]
    texts: dict[str, str]
    merged: MergeResult | None
    evaluation: EvalReport | None
    notes: list[str]


def json_for_script(data: Any) -> Markup:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no ``<!--``, no entities."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    raw = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    raw = raw.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(raw)


class RefIndex:
    """Resolves merge-stage ``ClaimRef``s to the anchors of the spans in this report."""

    def __init__(self, views: list[DocView]) -> None:
        self.anchors = {(v.doc.doc_id, cv.claim.id): cv for v in views for cv in v.claims}
        self.docs = {v.doc.doc_id: v for v in views}

    def claim(self, ref: ClaimRef) -> Any:
        return self.anchors.get((ref.doc_id, ref.claim_id))

    def doc_label(self, doc_id: str) -> str:
        v = self.docs.get(doc_id)
        return f"#{v.index + 1}" if v else doc_id


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda v: "–" if v is None else f"{100 * v:.0f}%"
    return env


def _script() -> tuple[Markup, str]:
    js = "\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in ("report.js", "review.js"))
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(js), Markup(f"'sha256-{digest}'")


def render_report(
    docs: list[DocumentResult],
    texts: dict[str, str],
    merged: MergeResult | None,
    evaluation: EvalReport | None,
    notes: Sequence[str] = (),
) -> str:
    """One HTML page covering every article in ``docs`` (``texts``: doc_id → article text)."""
    palette = Palette(merged)
    views = [build_doc(i, d, texts.get(d.doc_id), palette, evaluation) for i, d in enumerate(docs)]
    palette.assign_hues()
    data = {
        "claims": {
            cv.anchor: {
                "doc": v.anchor,
                "speaker": cv.speaker.key,
                "modality": cv.claim.modality.value,
                "alignment": cv.claim.evidence.alignment.value,
                "grounded": cv.grounded,
                "flagged": bool(cv.flags),
                "eval": cv.eval_status or "",
            }
            for v in views
            for cv in v.claims
        },
    }
    data["review"] = review_data(views)
    speakers = sorted(palette.styles.values(), key=lambda s: (-s.count, s.label.lower()))
    entity_claims = {key.removeprefix("entity:"): s.count for key, s in palette.styles.items()}
    script, script_hash = _script()
    total = sum(len(v.claims) for v in views)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            views=views,
            merged=merged,
            evaluation=evaluation,
            notes=list(notes),
            speakers=speakers,
            entity_claims=entity_claims,
            refs=RefIndex(views),
            data_json=json_for_script(data),
            script=script,
            script_hash=script_hash,
            eval_labels=LABELS,
            total=total,
            grounded=sum(1 for v in views for c in v.claims if c.grounded),
            flagged=sum(v.flagged for v in views),
            modalities=sorted({cv.claim.modality.value for v in views for cv in v.claims}),
            alignments=sorted({cv.claim.evidence.alignment.value for v in views for cv in v.claims}),
            eval_statuses=sorted({cv.eval_status for v in views for cv in v.claims if cv.eval_status}),
        )
    )


def review_data(views: list[DocView]) -> dict[str, Any]:
    """What the review editor needs per article: the text its offsets point into, the sentence
    spans ("no claim here" marks a sentence), and each claim as the gold record an uncorrected
    export writes (``goldfile.gold_claim``, the one definition of the gold format). ``key`` hashes
    all of it: corrections are stored per report content, so a regenerated report with other
    claims never inherits them."""
    docs = {
        v.anchor: {
            "doc_id": v.doc.doc_id,
            "text": v.text,
            "sentences": [[s.start, s.end] for s in split_sentences(v.text)],
            "claims": {cv.anchor: gold_claim(cv.claim) for cv in v.claims if cv.grounded},
        }
        for v in views
        if v.text is not None
    }
    body = json.dumps(docs, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return {"key": hashlib.sha256(body).hexdigest()[:16], "docs": docs, "modalities": [m.value for m in Modality]}


def write_report(out_dir: Path, merged_dir: Path | None, eval_path: Path | None, dest: Path) -> Path:
    """Render the HTML report for ``out_dir`` (plus merge and eval results when given) to ``dest``,
    atomically (temp file beside it, then ``os.replace``): a browser that has it open never reloads
    a half-written file."""
    data = load_for_report(out_dir, merged_dir, eval_path)
    atomic_write(dest, render_report(*data))
    return dest


def load_for_report(
    out_dir: str | Path, merged_dir: str | Path | None = None, eval_path: str | Path | None = None
) -> ReportData:
    """Read ``out_dir`` (article JSON + text), ``merged_dir``/merged.json and eval.json when given.

    Nothing here raises on a bad file: it is left out and described in ``notes``, which the report
    shows at the top (one broken output never hides the rest).
    """
    out = Path(out_dir)
    loaded = load_folder(out)
    docs, texts = list(loaded.docs.values()), loaded.texts
    notes = [f"{reason} (left out)" for reason in loaded.skipped]
    run_path = out / "run.json"
    if run_path.is_file():
        try:
            run = RunReport.model_validate_json(run_path.read_bytes())
            notes.extend(
                f"{d.path}: {d.status} — {d.reason or d.error_type or 'no reason given'}"
                for d in run.documents
                if d.status == "failed"
            )
        except (ValidationError, ValueError) as exc:
            notes.append(f"run.json unreadable: {str(exc).splitlines()[0][:200]}")
    merged = _load_model(MergeResult, Path(merged_dir) / "merged.json" if merged_dir else None, notes)
    evaluation = None
    if eval_path:
        ep = Path(eval_path)
        evaluation = _load_model(EvalReport, ep / "eval.json" if ep.is_dir() else ep, notes)
    return ReportData(docs, texts, merged, evaluation, notes)


def _load_model(model: Any, path: Path | None, notes: list[str]) -> Any:
    if path is None:
        return None
    try:
        return model.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        notes.append(f"{path} not found: shown without it")
    except (ValidationError, ValueError, OSError) as exc:
        notes.append(f"{path} unreadable, shown without it: {str(exc).splitlines()[0][:200]}")
    return None
