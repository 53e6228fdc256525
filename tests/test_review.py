"""Unit tests of the review stage: HTML escaping, one highlight per grounded claim, overlapping
spans, every article present, eval marks, conflict links, and the `review` / `show` commands."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import (
    PRF,
    ClaimRef,
    Conflict,
    ConflictKind,
    ConflictValue,
    DocumentResult,
    DocumentScore,
    ErrorItem,
    EvalReport,
    MergeResult,
)
from summarizer.report import load_for_report, render_report, write_report
from summarizer.report.html import json_for_script
from summarizer.report.segments import Span, highlight

runner = CliRunner()
PAYLOAD = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)">'


def make_doc(doc_id: str, text: str, specs: list[dict[str, Any]], **extra: Any) -> DocumentResult:
    """A DocumentResult over ``text``; each spec gives start/end and optional speaker, cue, modality,
    alignment, claim text, or ``evidence`` (to make a claim whose evidence is not the text)."""
    claims = []
    for i, s in enumerate(specs, 1):
        start, end = s["start"], s["end"]
        evidence = s.get("evidence", text[start:end])
        speaker = s.get("speaker", "author")
        claims.append(
            {
                "id": f"{doc_id}#c{i}",
                "text": s.get("text", evidence),
                "speaker": {"name": speaker, "type": "author" if speaker == "author" else "person"},
                "cue": s.get("cue"),
                "modality": s.get("modality", "asserted"),
                "evidence": {"start": start, "end": end, "text": evidence, "alignment": s.get("alignment", "exact")},
            }
        )
    data = {
        "doc_id": doc_id,
        "source": {"path": f"in/{doc_id}.txt", "sha256": "", "length": len(text), "text_path": f"{doc_id}.txt"},
        "claims": claims,
        "meta": {
            "backend": "test",
            "model": "test",
            "output_mode": "json_schema",
            "evidence_style": "quote",
            "prompt_sha256": "",
            "schema_sha256": "",
        },
        **extra,
    }
    return DocumentResult.model_validate(data)


def write_out(folder: Path, docs: list[tuple[DocumentResult, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc, text in docs:
        (folder / f"{doc.doc_id}.json").write_text(doc.model_dump_json(by_alias=True), encoding="utf-8")
        with (folder / f"{doc.doc_id}.txt").open("w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    return folder


def article_text_html(page: str, doc_index: int) -> str:
    """The inner HTML of article ``doc_index``'s text column."""
    section = page.split(f'id="doc-{doc_index}"', 1)[1]
    return section.split('<div class="text">', 1)[1].split('</div>\n    <div class="claims-col">', 1)[0]


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


class _Nesting(HTMLParser):
    """Checks that elements nest properly, collects every <mark>'s attributes and which span anchors
    cover each character of the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.marks: list[dict[str, str | None]] = []
        self.errors: list[str] = []
        self.text = ""
        self.cover: dict[str, set[int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("mark", "span", "em"):
            self.stack.append((tag, dict(attrs).get("data-anchor")))
        if tag == "mark":
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("mark", "span", "em") and (not self.stack or self.stack.pop()[0] != tag):
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        for _, anchor in self.stack:
            if anchor:
                self.cover.setdefault(anchor, set()).update(range(len(self.text), len(self.text) + len(data)))
        self.text += data


class _Tags(HTMLParser):
    """Every element the browser would build, and any on* attribute on one."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]


def parse_marks(fragment: str) -> _Nesting:
    p = _Nesting()
    p.feed(fragment)
    p.close()
    assert not p.errors and not p.stack, (p.errors, p.stack)
    return p


# ---------------------------------------------------------------- segments


def test_highlight_nests_overlapping_spans_and_keeps_the_text() -> None:
    text = "0123456789abcdefghijKLMNOPQRST<&>\"'"
    spans = [
        Span(0, 20, anchor="s-a"),
        Span(10, 30, anchor="s-b"),
        Span(12, 15, anchor="s-c"),
        Span(0, 20, anchor="s-d"),
        Span(28, 34, anchor="s-e"),
        Span(5, 5, anchor="s-empty"),
        Span(30, 99, anchor="s-out"),
    ]
    out = str(highlight(text, spans))
    assert visible_text(out) == text
    parsed = parse_marks(out)
    assert parsed.text == text
    heads = [m["id"] for m in parsed.marks if "head" in (m["class"] or "").split()]
    assert sorted(heads) == ["s-a", "s-b", "s-c", "s-d", "s-e"]  # one head each; empty/outside left out
    assert all(m.get("id") is None for m in parsed.marks if "cont" in (m["class"] or "").split())
    assert sum("cont" in (m["class"] or "") for m in parsed.marks) >= 1  # b crosses a's end: split
    for s in spans[:5]:  # every span's pieces cover exactly its characters
        assert parsed.cover[s.anchor] == set(range(s.start, s.end)), s
    assert "&lt;&amp;&gt;" in out and "<&>" not in out


def test_highlight_with_no_spans_is_the_escaped_text() -> None:
    assert str(highlight("a <b> & c", [])) == "a &lt;b&gt; &amp; c"


def test_json_for_script_cannot_close_the_script() -> None:
    raw = str(json_for_script({"x": "</script><!-- & \u2028"}))
    assert "</" not in raw and "<!--" not in raw and "&" not in raw
    assert json.loads(raw) == {"x": "</script><!-- & \u2028"}


# ---------------------------------------------------------------- report


def _docs() -> list[tuple[DocumentResult, str]]:
    t1 = "The mayor said taxes will rise. Critics denied it. Officials said taxes will rise soon."
    d1 = make_doc(
        "a1",
        t1,
        [
            {"start": 16, "end": 30, "speaker": "The mayor", "cue": "said"},
            {"start": 32, "end": 50, "speaker": "Critics", "cue": "denied", "modality": "denied"},
            {"start": 4, "end": 30, "speaker": "author"},  # overlaps the first claim
            {"start": 62, "end": 86, "speaker": "Officials", "cue": "said", "alignment": "fuzzy"},
            {"start": 0, "end": 9, "speaker": "Nobody", "evidence": "XXXXXXXXX"},  # ungrounded: text differs
        ],
        title="Taxes",
    )
    t2 = f"Quote: {PAYLOAD} ends here. The council said so."
    d2 = make_doc(
        "a2",
        t2,
        [
            {"start": 0, "end": len(t2) - 27, "speaker": PAYLOAD, "cue": "<b>said</b>", "text": PAYLOAD},
            {"start": len(t2) - 24, "end": len(t2) - 1, "speaker": "The council", "cue": "said"},
        ],
        title=PAYLOAD,
        summary=PAYLOAD,
    )
    t3 = "Nothing attributed here."
    d3 = make_doc("a3", t3, [])
    return [(d1, t1), (d2, t2), (d3, t3)]


@pytest.fixture()
def page() -> str:
    docs = _docs()
    return render_report([d for d, _ in docs], {d.doc_id: t for d, t in docs}, None, None)


def test_every_article_is_in_the_report(page: str) -> None:
    for i, doc_id in enumerate(["a1", "a2", "a3"]):
        assert f'id="doc-{i}" data-doc-id="{doc_id}"' in page
    assert page.count('<section class="article"') == 3


def test_one_head_mark_per_grounded_claim_and_text_intact(page: str) -> None:
    for i, (doc, text) in enumerate(_docs()):
        fragment = article_text_html(page, i)
        assert visible_text(fragment) == text
        marks = parse_marks(fragment).marks
        grounded = [c for c in doc.claims if text[c.evidence.start : c.evidence.end] == c.evidence.text]
        heads = [m for m in marks if "head" in (m["class"] or "").split()]
        assert len(heads) == len(grounded)
        assert sorted(str(m["data-claim"]) for m in heads) == sorted(c.id for c in grounded)
        assert {m["data-claim"] for m in marks} == {c.id for c in grounded}


def test_untrusted_text_is_escaped_everywhere(page: str) -> None:
    assert page.count("<script") == 2  # the JSON data block and the report's own script
    assert "<img" not in page and "<b>said" not in page
    assert "&lt;script&gt;window.__pwned=1" in page
    tags = _Tags()
    tags.feed(page)
    assert tags.tags.count("script") == 2 and "img" not in tags.tags and "b" not in tags.tags
    assert not tags.handlers  # no element carries an event handler
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "script-src 'sha256-" in csp.group(1) and "unsafe-inline" not in csp.group(1).split("style-src")[0]


def test_ungrounded_and_fuzzy_claims_are_flagged(page: str) -> None:
    item = page.split('data-claim="a1#c5"', 1)[1].split("</li>", 1)[0]
    assert "not in text" in item and "ungrounded" in item
    fuzzy = page.split('data-claim="a1#c4"', 1)[1].split("</li>", 1)[0]
    assert "fuzzy alignment" in fuzzy
    assert re.search(r'<mark class="ev [^"]*flagged[^"]*"[^>]*data-claim="a1#c4"', page)


def test_hover_title_has_speaker_cue_modality_and_claim(page: str) -> None:
    m = re.search(r'<mark [^>]*data-claim="a1#c2" title="([^"]*)"', page)
    assert m and "Critics — denied — denied — exact" in html.unescape(m.group(1))


def test_same_speaker_same_color_class() -> None:
    text = "A said x. B said y. A said z."
    doc = make_doc(
        "col",
        text,
        [
            {"start": 7, "end": 8, "speaker": "Ann"},
            {"start": 17, "end": 18, "speaker": "Bo"},
            {"start": 27, "end": 28, "speaker": " ann "},
            {"start": 0, "end": 1},
        ],
    )
    page = render_report([doc], {"col": text}, None, None)

    def css(claim_id: str) -> str:
        m = re.search(rf'<mark class="ev (sp-\d+) [^"]*"[^>]*data-claim="{re.escape(claim_id)}"', page)
        assert m, claim_id
        return m.group(1)

    assert css("col#c1") == css("col#c3") != css("col#c2")
    assert css("col#c4") not in {css("col#c1"), css("col#c2")}
    assert f".{css('col#c4')} {{ --h: 0; --s: 0%; }}" in page  # the author is grey


def _merged(docs: list[DocumentResult]) -> MergeResult:
    c1, c2 = docs[0].claims[0], docs[1].claims[1]

    def ref(doc: DocumentResult, c: Any) -> ClaimRef:
        return ClaimRef(
            doc_id=doc.doc_id,
            claim_id=c.id,
            speaker=c.speaker.name,
            start=c.evidence.start,
            end=c.evidence.end,
            evidence=c.evidence.text,
            text=c.text,
        )

    ghost = ClaimRef(doc_id="gone", claim_id="gone#c1", speaker="x", start=0, end=1, evidence="x", text="x")
    conflict = Conflict(
        id="x1",
        about=f"deaths {PAYLOAD}",
        kind=ConflictKind.number,
        values=[
            ConflictValue(value="6", members=[ref(docs[0], c1)]),
            ConflictValue(value=PAYLOAD, members=[ref(docs[1], c2), ghost]),
        ],
    )
    return MergeResult(documents=[d.doc_id for d in docs], conflicts=[conflict])


def test_conflict_values_link_to_their_spans() -> None:
    docs = _docs()
    ds = [d for d, _ in docs]
    page = render_report(ds, {d.doc_id: t for d, t in docs}, _merged(ds), None)
    table = page.split('<table class="conflicts">', 1)[1].split("</table>", 1)[0]
    hrefs = re.findall(r'href="#(s-d\d+-c\d+)"', table)
    assert len(hrefs) == 4  # each value's own link plus one per resolvable member
    for h in hrefs:
        assert f'id="{h}"' in page
    assert "not in this report" in table and "<img" not in page


def test_the_brief_is_shown_in_the_review_page() -> None:
    docs = _docs()
    ds = [d for d, _ in docs]
    merged = _merged(ds)
    merged.summary.brief = [f"deaths: the articles disagree: 6 according to {PAYLOAD}"]
    page = render_report(ds, {d.doc_id: t for d, t in docs}, merged, None)
    brief = page.split('<ul class="brief">', 1)[1].split("</ul>", 1)[0]
    assert "deaths: the articles disagree: 6 according to" in brief and PAYLOAD not in brief  # escaped


def test_eval_marks_matched_false_and_missed() -> None:
    docs = _docs()
    ds = [d for d, _ in docs]
    d1 = ds[0]
    c2 = d1.claims[1]
    row = DocumentScore(doc_id="a1", gold=5, predicted=5, soft=PRF.from_counts(4, 5, 5))
    report = EvalReport(
        gold="gold.jsonl",
        created="now",
        documents=[row],
        false_positives=[
            ErrorItem(doc_id="a1", kind="false_positive", start=c2.evidence.start, end=c2.evidence.end, text="x")
        ],
        worst_misses=[ErrorItem(doc_id="a1", kind="miss", start=51, end=61, text="Officials", speaker="Off")],
    )
    page = render_report(ds, {d.doc_id: t for d, t in docs}, None, report)
    item = lambda cid: page.split(f'data-claim="{cid}"', 1)[1].split("</li>", 1)[0]  # noqa: E731
    assert "false (no gold match)" in item("a1#c2")
    assert "matched gold" in item("a1#c1")
    assert 'class="miss head"' in page and "Missed gold claims" in page
    assert 'data-claim="a2#c1"' in page and "matched gold" not in item("a2#c1")  # not in gold


def test_load_for_report_reads_text_and_refuses_escaping_paths(tmp_path: Path) -> None:
    docs = _docs()
    out = write_out(tmp_path / "out", docs)
    (tmp_path / "secret.txt").write_text("secret")
    bad = docs[2][0].model_copy(deep=True)
    bad.doc_id = "evil"
    bad.source.text_path = "../secret.txt"
    (out / "evil.json").write_text(bad.model_dump_json(by_alias=True))
    (out / "broken.json").write_text("{not json")
    data = load_for_report(out, tmp_path / "nomerge", None)
    assert [d.doc_id for d in data.docs] == ["a1", "a2", "a3", "evil"]
    assert "evil" not in data.texts and data.texts["a2"] == docs[1][1]
    assert any("broken.json" in n for n in data.notes) and any("merged.json not found" in n for n in data.notes)
    page = render_report(*data)
    assert "article text not found" in page


def test_write_report_and_review_command(tmp_path: Path) -> None:
    out = write_out(tmp_path / "out", _docs())
    dest = write_report(out, None, None, tmp_path / "r" / "report.html")
    assert dest.read_text(encoding="utf-8").startswith("<!doctype html>")
    result = runner.invoke(app, ["review", str(out), "-o", str(tmp_path / "r2.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r2.html").stat().st_size > 1000
    assert not list((tmp_path).glob(".r2.html.*"))  # no temp file left behind
    assert runner.invoke(app, ["review", str(tmp_path / "none")]).exit_code == 2


def test_show_groups_by_speaker_and_passes_json_through(tmp_path: Path) -> None:
    out = write_out(tmp_path / "out", _docs())
    path = out / "a1.json"
    result = runner.invoke(app, ["show", str(path)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "The mayor · 1" in result.output and "Critics · 1" in result.output
    assert "evidence text differs" in result.output
    raw = runner.invoke(app, ["show", str(path), "--json"])
    assert raw.exit_code == 0 and raw.stdout_bytes == path.read_bytes()
    (out / "x.json").write_text("[]")
    assert runner.invoke(app, ["show", str(out / "x.json")]).exit_code == 1


def test_show_strips_terminal_control_sequences(tmp_path: Path) -> None:
    text = "He said \x1b[31mred\x1b[0m things."
    doc = make_doc("ctl", text, [{"start": 8, "end": len(text) - 1, "speaker": "He\x1b]0;title\x07"}])
    out = write_out(tmp_path / "out", [(doc, text)])
    result = runner.invoke(app, ["show", str(out / "ctl.json")])
    assert result.exit_code == 0 and "\x1b" not in result.output


def test_a_claims_tooltip_shows_the_pronouns_antecedent_and_the_inner_source() -> None:
    from summarizer.models import Alignment, Claim, Evidence, Mention, Speaker, SpeakerType
    from summarizer.report.view import ClaimView, SpeakerStyle

    claim = Claim(
        id="d#c1",
        text="the camp was a threat",
        speaker=Speaker(name="He", type=SpeakerType.person, antecedent=Mention(text="Ali Al Mousavi", start=0, end=14)),
        cue="said",
        inner_source=Mention(text="the ministry", start=20, end=32),
        evidence=Evidence(start=40, end=61, text="the camp was a threat", alignment=Alignment.sentence),
    )
    view = ClaimView(
        "d1-c1", claim, SpeakerStyle(key="ali al mousavi", label="Ali Al Mousavi", css="sp-1", hue=10), grounded=True
    )
    assert view.tooltip.splitlines()[0].startswith("He (= Ali Al Mousavi), from the ministry — said")
