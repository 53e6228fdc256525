"""The HTML report in a real browser: headless Debian Chromium driven by playwright-python.

Why a browser and not only string checks: whether a payload runs, whether a click reaches the
right span and whether the script throws are properties of the page as a browser builds it.
No browser is downloaded: playwright drives the system's /usr/bin/chromium (``apt-get install
chromium``). Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from stub_server import StubServer
from typer.testing import CliRunner

from summarizer.cli.app import app
from summarizer.models import DocumentResult
from summarizer.report import write_report

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "browser tests need Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PAYLOAD = '<script>window.__pwned = 1; alert("script")</script><img src=x onerror="window.__pwned = 2; alert(\'img\')">'


def _extract(inputs: Path, out: Path) -> None:
    with StubServer(["ok"]) as server:
        result = CliRunner().invoke(
            app,
            [
                "extract",
                str(inputs),
                "--out",
                str(out),
                "--base-url",
                server.base_url,
                "--model",
                "stub",
                "--cache",
                str(out.parent / "calls.sqlite"),
            ],
            env={"OPENAI_API_KEY": ""},
        )
    assert result.exit_code == 0, result.output


def _merge(out: Path, merged: Path) -> bool:
    try:
        from summarizer.merge import load_documents, merge_documents
    except ImportError:
        return False
    merged.mkdir(parents=True, exist_ok=True)
    (merged / "merged.json").write_text(merge_documents(load_documents(out)).model_dump_json(), encoding="utf-8")
    return True


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A report opened in a fresh page, recording console errors, page errors and dialogs."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-ready='1']", timeout=10_000)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def classes(self, selector: str) -> list[str]:
        return (self.page.get_attribute(selector, "class") or "").split()

    def in_viewport(self, selector: str) -> bool:
        return bool(
            self.page.eval_on_selector(
                selector,
                """el => { const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && r.width > 0; }""",
            )
        )


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("review-seeds")
    out, merged = tmp / "out", tmp / "merged"
    _extract(SEEDS, out)
    has_merge = _merge(out, merged)
    report = write_report(out, merged if has_merge else None, None, tmp / "report.html")
    docs = [DocumentResult.model_validate_json(p.read_bytes()) for p in sorted(out.glob("0*.json"))]
    texts = {d.doc_id: (out / f"{d.doc_id}.txt").read_text(encoding="utf-8") for d in docs}
    return {"report": report, "docs": docs, "texts": texts, "merged": merged if has_merge else None}


@pytest.fixture()
def seeds_page(browser: Any, seeds: dict[str, Any]) -> Iterator[Page]:
    page = Page(browser, seeds["report"])
    yield page
    page.page.close()


def test_seeds_report_has_every_article_and_one_highlight_per_grounded_claim(
    seeds_page: Page, seeds: dict[str, Any]
) -> None:
    page = seeds_page.page
    docs, texts = seeds["docs"], seeds["texts"]
    assert page.locator("section.article").count() == len(docs) == 5
    for i, doc in enumerate(docs):
        text = texts[doc.doc_id]
        grounded = [c for c in doc.claims if text[c.evidence.start : c.evidence.end] == c.evidence.text]
        assert grounded, doc.doc_id
        heads = page.locator(f"#doc-{i} .text mark.ev.head")
        assert heads.count() == len(grounded)
        assert sorted(heads.evaluate_all("els => els.map(e => e.dataset.claim)")) == sorted(c.id for c in grounded)
        assert page.inner_text(f"#doc-{i} .text").strip() == text.strip()  # highlights never alter the text
    title = page.get_attribute("#doc-0 mark.ev.head", "title") or ""
    c = docs[0].claims[0]
    assert c.speaker.name in title and c.modality.value in title and c.text[:40] in title
    assert seeds_page.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"))
    page.click("#c-d1-c3")
    page.wait_for_timeout(1200)  # let the flash finish so the picture shows the steady selection
    page.screenshot(path=str(ARTIFACTS / "report-article.png"))


def test_clicking_a_claim_marks_its_span_and_back(seeds_page: Page) -> None:
    page = seeds_page.page
    page.click("#c-d2-c5")
    assert "active" in seeds_page.classes("#s-d2-c5")
    assert "active" in seeds_page.classes("#c-d2-c5")
    assert seeds_page.in_viewport("#s-d2-c5")
    page.click("#c-d3-c2")
    assert "active" not in seeds_page.classes("#s-d2-c5")
    assert "active" in seeds_page.classes("#s-d3-c2")
    # a span selects its claim in the list: click the start of its first line (a span that wraps has
    # no box corner of its own to click)
    page.locator("#s-d3-c7").scroll_into_view_if_needed()
    at = page.eval_on_selector(
        "#s-d3-c7", "el => { const r = el.getClientRects()[0]; return {x: r.left + 3, y: r.top + r.height / 2}; }"
    )
    page.mouse.click(at["x"], at["y"])
    assert "active" in seeds_page.classes("#c-d3-c7")
    assert seeds_page.in_viewport("#c-d3-c7")
    assert seeds_page.errors == []


def test_filters_hide_claims_and_dim_their_spans(seeds_page: Page) -> None:
    page = seeds_page.page
    page.select_option("form.filters select[name=speaker]", "author")
    hidden = page.locator("li.claim.filtered").count()
    shown = page.locator("li.claim:not(.filtered)").count()
    assert hidden > 0 and shown > 0
    assert page.locator("mark.ev.dim").count() >= hidden
    assert page.inner_text("#shown").startswith(f"{shown} of ")
    page.click("form.filters button[type=reset]")
    page.wait_for_timeout(50)
    assert page.locator("li.claim.filtered").count() == 0
    assert seeds_page.errors == []


def test_conflicts_table_links_every_value_to_its_spans(seeds_page: Page, seeds: dict[str, Any]) -> None:
    if seeds["merged"] is None:
        pytest.skip("the merge stage is not available")
    merged = json.loads((seeds["merged"] / "merged.json").read_text(encoding="utf-8"))
    if not merged["conflicts"]:
        pytest.skip("the seeds produced no conflicts")
    page = seeds_page.page
    rows = page.locator("table.conflicts tr.conflict")
    assert rows.count() == len(merged["conflicts"])
    for r, conflict in enumerate(merged["conflicts"]):
        values = rows.nth(r).locator("li.value")
        assert values.count() == len(conflict["values"])
        for v, value in enumerate(conflict["values"]):
            item = values.nth(v)
            assert value["value"] in item.inner_text()
            links = item.locator("a.ref, a.val")
            assert links.count() == len(value["members"]) + 1  # the value itself + one per member
            for k in range(links.count()):
                anchor = links.nth(k).get_attribute("data-anchor")
                links.nth(k).click()
                span = f'[data-anchor="s-{anchor}"]'
                assert "active" in seeds_page.classes(span), (conflict["id"], value["value"], anchor)
                assert seeds_page.in_viewport(span)
                assert page.evaluate("location.hash") == f"#s-{anchor}"
    assert seeds_page.errors == []


def test_injected_script_in_an_article_does_not_run(browser: Any, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "evil.txt").write_text(
        f"The minister said {PAYLOAD} was found in the file. Critics said the report was false.\n"
        f"Officials denied it. {PAYLOAD}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    _extract(inputs, out)
    path = out / "evil.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["title"] = doc["summary"] = PAYLOAD  # untrusted model output too, not only article text
    doc["claims"][0]["speaker"]["name"] = PAYLOAD
    doc["claims"][0]["cue"] = PAYLOAD
    doc["meta"]["warnings"] = [PAYLOAD]
    path.write_text(json.dumps(doc), encoding="utf-8")
    has_merge = _merge(out, tmp_path / "merged")
    report = write_report(out, tmp_path / "merged" if has_merge else None, None, tmp_path / "report.html")
    p = Page(browser, report)
    page = p.page
    page.click("#c-d0-c0")
    page.hover("#s-d0-c0")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert p.dialogs == []
    assert p.errors == []
    assert page.locator("img").count() == 0 and page.locator("script").count() == 2
    assert "<script>window.__pwned = 1" in page.inner_text("#doc-0 .text")  # shown as text
    page.close()


# --- review editing (review.js): corrections persist, export gold, the scores move ---------------

SELECT = """([doc, start, end]) => {
  const box = document.querySelector('#' + doc + ' .text');
  const cps = Array.from(box.textContent);
  const js = (n) => cps.slice(0, n).join('').length;
  const a = js(start), b = js(end);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let pos = 0, n, sn = null, so = 0, en = null, eo = 0;
  while ((n = walker.nextNode())) {
    const len = n.nodeValue.length;
    if (sn === null && a < pos + len) { sn = n; so = a - pos; }
    if (b <= pos + len) { en = n; eo = b - pos; break; }
    pos += len;
  }
  const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
}"""


def _select(page: Any, doc: str, start: int, end: int) -> None:
    page.evaluate(SELECT, [doc, start, end])


def _export(page: Any, dest: Path) -> Path:
    with page.expect_download() as download:
        page.click("[data-action=export-gold]")
    download.value.save_as(str(dest))
    return dest


def _score(gold: Path, pred: Path, dest: Path) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--out", str(dest)])
    assert result.exit_code == 0, result.output
    report = json.loads(dest.read_text(encoding="utf-8"))
    return report["overall"]


def _claim_item(page: Any, anchor: str) -> Any:
    return page.locator(f"li#c-{anchor}")


def test_review_corrections_persist_and_exported_gold_scores_as_expected(
    browser: Any, seeds: dict[str, Any], tmp_path: Path
) -> None:
    out = seeds["report"].parent / "out"
    view = Page(browser, seeds["report"])
    page = view.page
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("body[data-review='1']")
    untouched = _score(_export(page, tmp_path / "untouched.jsonl"), out, tmp_path / "eval0.json")
    assert untouched["soft"]["f1"] == 1.0 and untouched["joint"]["f1"] == 1.0  # nobody corrected: F1 1.0
    n = untouched["soft"]["gold"]

    review = page.evaluate("JSON.parse(document.getElementById('report-data').textContent).review")
    doc = "doc-1"
    claims = review["docs"][doc]["claims"]
    named = [a for a, c in claims.items() if c["speaker"] and c["speaker_spans"]]
    authored = [a for a, c in claims.items() if c["attribution_type"] == "Author" and c["end"] - c["start"] > 60]
    right, wrong, respoken = named[0], named[1], named[2]
    moved = authored[0]

    # keyboard: select a claim, r marks it right, w marks the next one wrong
    _claim_item(page, right).click()
    page.keyboard.press("r")
    _claim_item(page, wrong).click()
    page.keyboard.press("w")
    assert "rv-right" in view.classes(f"li#c-{right}") and "rv-wrong" in view.classes(f"li#c-{wrong}")

    # fix a speaker by selecting another name in the article
    other = next(c for c in claims.values() if c["speaker"] and c["speaker"] != claims[respoken]["speaker"])
    _claim_item(page, respoken).click()
    page.keyboard.press("e")
    offered = page.eval_on_selector_all("#review-mentions option", "os => os.map(o => o.value)")
    assert "author" in offered and other["speaker"] in offered  # a mention can be chosen instead
    _select(page, doc, *other["speaker_spans"][0])
    page.click("[data-from-selection=speaker]")
    page.keyboard.press("Enter")
    assert "rv-corrected" in view.classes(f"li#c-{respoken}")

    # move an evidence span by selecting a shorter stretch of the same sentence (still a soft match)
    m = claims[moved]
    _claim_item(page, moved).click()
    page.click(f"li#c-{moved} [data-review=edit]")
    _select(page, doc, m["start"], m["start"] + int((m["end"] - m["start"]) * 0.8))
    page.click("[data-from-selection=evidence]")
    page.click("[data-action=save]")

    # add a claim the extractor missed: a stretch no claim touches
    text = review["docs"][doc]["text"]
    taken = sorted((c["start"], c["end"]) for c in claims.values())
    gap = next((a[1] + 2, b[0] - 2) for a, b in itertools.pairwise(taken) if b[0] - a[1] > 40)
    _select(page, doc, *gap)
    page.keyboard.press("a")
    page.fill("#review-panel input[name=speaker]", "A reviewer's source")
    page.fill("#review-panel input[name=cue]", "said")
    page.keyboard.press("Enter")
    assert page.locator(f"#{doc} ol.added li").count() == 1

    # reload: every correction is still there
    page.reload()
    page.wait_for_selector("body[data-review='1']")
    assert "rv-right" in view.classes(f"li#c-{right}") and "rv-wrong" in view.classes(f"li#c-{wrong}")
    assert "rv-corrected" in view.classes(f"li#c-{respoken}") and "rv-corrected" in view.classes(f"li#c-{moved}")
    assert page.locator(f"#{doc} ol.added li").count() == 1
    assert "4 of" in page.inner_text(".review-count") and "1 added" in page.inner_text(".review-count")
    ARTIFACTS.mkdir(exist_ok=True)
    _claim_item(page, respoken).click()
    page.keyboard.press("e")
    page.locator(f"li#c-{respoken}").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "review-editing.png"))
    page.keyboard.press("Escape")

    exported = _export(page, tmp_path / "reviewed.jsonl")
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    gold = next(r for r in records if r["doc_id"] == review["docs"][doc]["doc_id"])
    assert gold["text"] == text and all(text[c["start"] : c["end"]] == c["claim"] for c in gold["claims"])
    fixed = next(c for c in gold["claims"] if c["start"] == claims[respoken]["start"])
    assert fixed["speaker"] == other["speaker"] and fixed["speaker_spans"] == other["speaker_spans"]
    added = next(c for c in gold["claims"] if c["speaker"] == "A reviewer's source")
    assert (added["start"], added["end"], added["cue"]) == (gap[0], gap[1], "said")

    # the scores move as expected: the wrong claim is now a false positive, the added one a miss,
    # the respoken one a right span with the wrong speaker, the moved one a soft but not a strict match
    scored = _score(exported, out, tmp_path / "eval1.json")
    assert scored["soft"]["gold"] == n  # one claim dropped, one added
    assert scored["soft"]["tp"] == n - 1 and scored["soft"]["predicted"] == n
    assert scored["joint"]["tp"] == n - 2
    assert scored["strict"]["tp"] == n - 2  # the moved span no longer matches exactly

    # undo takes back the last correction (the added claim)
    page.keyboard.press("u")
    assert page.locator(f"#{doc} ol.added li").count() == 0
    stats = page.evaluate("localStorage.length")
    assert stats >= 1 and not view.errors, view.errors
    page.close()


def test_a_loaded_gold_file_marks_where_claims_and_gold_differ(
    browser: Any, seeds: dict[str, Any], tmp_path: Path
) -> None:
    view = Page(browser, seeds["report"])
    page = view.page
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("body[data-review='1']")
    records = [
        json.loads(line) for line in _export(page, tmp_path / "g.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    first = records[0]
    dropped = first["claims"].pop(0)
    first["claims"][0]["speaker"] = "Somebody Else"
    path = tmp_path / "edited.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    page.set_input_files("input.review-file", str(path))
    page.wait_for_selector("#review-msg:has-text('loaded gold')")  # no wait_for_function: the page's CSP forbids eval
    assert "2 differences" in page.inner_text("#review-msg")
    assert page.locator("li.claim.gold-other").count() == 2  # the dropped claim and the respoken one
    assert page.locator("li.claim.gold-same").count() == sum(len(r["claims"]) for r in records) - 1
    assert dropped["claim"]  # the claim the gold lacks is among the two marked
    assert not view.errors, view.errors
    page.close()
