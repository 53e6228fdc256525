"""`summarizer show`: one article's claims in the terminal, grouped by speaker, with their evidence.

Why grouped by speaker: the first question a reviewer asks of a news summary is "who says so?",
and reading one speaker's claims together shows a wrong attribution at once. Article text and model
output are untrusted: they are printed as plain ``Text`` (never parsed as rich markup) with control
characters replaced, so an article cannot restyle or take over the terminal.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.ground import evidence_problem
from summarizer.models import Claim, DocumentResult, SpeakerType
from summarizer.text.safe import printable

_MODALITY_STYLE = {
    "denied": "magenta",
    "alleged": "magenta",
    "condemned": "magenta",
    "questioned": "magenta",
    "predicted": "cyan",
    "demanded": "cyan",
}


def clean(text: str) -> str:
    """Untrusted text for the terminal: no escape sequences or other control characters."""
    return printable(text)


def speaker_key(claim: Claim) -> str:
    """Claims group under the canonical speaker when extraction resolved one, else the name given."""
    s = claim.speaker
    return "author (the article's own voice)" if s.type == SpeakerType.author else (s.canonical or s.name).strip()


def _claim(claim: Claim, text: str | None) -> Text:
    out = Text()
    out.append(clean(claim.text))
    out.append("\n")
    if claim.cue:
        out.append(clean(claim.cue), style="italic")
        out.append(" · ")
    out.append(claim.modality.value, style=_MODALITY_STYLE.get(claim.modality.value, "green"))
    ev = claim.evidence
    align_style = "yellow" if ev.alignment.value == "fuzzy" else "dim"
    out.append(f" · {ev.alignment.value} [{ev.start}–{ev.end}]", style=align_style)
    problem = evidence_problem(claim, text) if text is not None else None
    if problem:
        out.append(f" · ✗ {problem}", style="bold red")
    if ev.text != claim.text:
        out.append("\n“", style="dim")
        out.append(clean(ev.text), style="dim")
        out.append("”", style="dim")
    for n in claim.numbers:
        out.append(f"\n# {n.counts} = {n.value:g} ({clean(n.text)})", style="cyan")
    return out


def render_document(doc: DocumentResult, text: str | None, console: Console) -> None:
    """Print ``doc`` to ``console``: header, summary, then one panel per speaker (most claims first)."""
    head = Text()
    head.append(clean(doc.title or doc.doc_id), style="bold")
    published = [doc.source.outlet, doc.source.published, doc.source.byline and f"by {doc.source.byline}"]
    if any(published):
        head.append("\n" + clean(" · ".join(p for p in published if p)), style="cyan")
    if doc.source.url:
        head.append("\n" + clean(doc.source.url), style="dim underline")
    head.append(
        f"\n{clean(doc.source.path)} · {clean(doc.meta.backend)}/{clean(doc.meta.model)} · "
        f"{len(doc.claims)} claims · {doc.meta.tokens.prompt}+{doc.meta.tokens.completion} tokens",
        style="dim",
    )
    if doc.meta.dropped_ungrounded:
        head.append(f" · {doc.meta.dropped_ungrounded} dropped as ungrounded", style="red")
    if text is None:
        head.append("\narticle text not found beside the JSON: evidence not re-checked", style="yellow")
    console.print(head)
    for w in doc.meta.warnings:
        console.print(Text("⚠ " + clean(w), style="yellow"))
    if doc.summary:
        console.print(Text(clean(doc.summary), style="italic"))
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in doc.claims:
        groups[speaker_key(claim)].append(claim)
    for key, claims in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())):
        claims.sort(key=lambda c: c.evidence.start)
        forms = sorted(
            {c.speaker.name for c in claims if c.speaker.name != key and c.speaker.type != SpeakerType.author}
        )
        label = key + (f" (as: {', '.join(forms)})" if forms else "")
        body = Table.grid(padding=(0, 1))
        body.add_column(style="dim", no_wrap=True, justify="right")
        body.add_column(ratio=1)
        for c in claims:
            body.add_row(clean(c.id.rsplit("#", 1)[-1]), _claim(c, text))
        console.print(
            Panel(
                body,
                title=Text(f"{clean(label)} · {len(claims)}", style="bold"),
                title_align="left",
                border_style="blue",
            )
        )
    if doc.entities:
        ents = Text("entities: ", style="dim")
        for i, e in enumerate(doc.entities):
            ents.append(
                ("; " if i else "") + clean(e.name) + (f" ({', '.join(map(clean, e.aliases))})" if e.aliases else "")
            )
        console.print(ents)
