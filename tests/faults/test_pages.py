"""Web pages as analysts save them (issue 15): the article's text alone, and what the page says
about itself (title, outlet, date, byline, canonical URL) in the output JSON. The fixtures are
written here; no real page is copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stub_server import StubServer

from summarizer.ingest.reader import read_bytes_as_article

from .conftest import check_outputs, cli

pytestmark = pytest.mark.faults

NEWS_PAGE = """<!doctype html><html lang="en"><head>
<title>Bridge reopens after repairs | The Riverside Gazette</title>
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="article:published_time" content="2016-10-05T14:30:00Z">
<link rel="canonical" href="https://gazette.example/2016/10/bridge-reopens">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Bridge reopens after repairs", "datePublished": "2016-10-05T14:30:00Z",
 "author": {"@type": "Person", "name": "Maria Lopez"},
 "publisher": {"@type": "Organization", "name": "The Riverside Gazette"}}</script>
<script>var tracking = "SCRIPT-TEXT"; function track() { return "SCRIPT-FN"; }</script>
<style>.x { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">NAV-SPORT</a></li></ul></nav>
<div id="cookie-banner" class="consent">We use COOKIES-BANNER to improve your visit. <button>Accept</button></div>
<header><a href="/">SITE-LOGO</a></header>
<main><article>
  <h1>Bridge reopens after repairs</h1>
  <p class="byline">By <a rel="author" href="/staff/lopez">Maria Lopez</a></p>
  <p>The Elm Street bridge reopened on Friday after six months of repairs, city officials said.</p>
  <p>City engineer Tom Beck said the bridge is safe for heavy trucks. "We tested every beam," he said.</p>
  <p>Critics disagreed, according to a statement from the residents' association.</p>
  <div class="share-tools"><a href="#">SHARE-FACEBOOK</a></div>
</article></main>
<aside class="related"><h3>Related</h3>
<ul><li><a href="/a">RELATED-ONE</a></li><li><a href="/b">RELATED-TWO</a></li></ul></aside>
<section class="newsletter-signup">NEWSLETTER-BOX</section>
<footer>FOOTER-COPYRIGHT</footer>
</body></html>"""

DATELINE_PAGE = """<html><head><title>Senate passes the bill</title></head><body>
<div class="story"><h1>Senate passes the bill</h1>
<p>WASHINGTON, Oct. 5, 2016 — The Senate passed the bill on Wednesday, its leader said.</p>
<p>Opponents said the vote was rushed and promised to fight on.</p></div></body></html>"""

BOILERPLATE = ("NAV-SPORT", "COOKIES-BANNER", "SITE-LOGO", "SCRIPT", "RELATED-", "NEWSLETTER", "FOOTER", "SHARE-")


def test_a_news_page_yields_its_text_alone_and_its_metadata(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "bridge.html").write_text(NEWS_PAGE, encoding="utf-8")
    (in_dir / "senate.html").write_text(DATELINE_PAGE, encoding="utf-8")
    with StubServer(["ok"]) as server:
        result, out = cli(tmp_path, server.base_url, str(in_dir))
    assert result.exit_code == 0, result.output
    docs = check_outputs(out)
    text = (out / "bridge.txt").read_text(encoding="utf-8")
    assert "The Elm Street bridge reopened on Friday" in text and '"We tested every beam," he said.' in text
    assert "according to a statement from the residents' association" in text
    assert not [b for b in BOILERPLATE if b in text], text
    source = json.loads((out / "bridge.json").read_text(encoding="utf-8"))["source"]
    assert source["title"] == "Bridge reopens after repairs" and docs["bridge"].title == source["title"]
    assert source["outlet"] == "The Riverside Gazette"
    assert source["published"] == "2016-10-05"
    assert source["byline"] == "Maria Lopez"
    assert source["url"] == "https://gazette.example/2016/10/bridge-reopens"
    senate = docs["senate"].source
    assert senate.published == "2016-10-05"  # read from the visible dateline, the page states no date
    assert senate.title == "Senate passes the bill" and senate.outlet is None and senate.byline is None
    assert "its leader said" in (out / "senate.txt").read_text(encoding="utf-8")


def test_a_plain_text_dateline_dates_the_article_and_a_later_date_does_not() -> None:
    dated = read_bytes_as_article(
        b"Attack on the camp\nFebruary 9, 2013 - Iraqi forces fired rockets, the group said.\n",
        path="a.txt",
        doc_id="a",
    )
    assert dated.publication.published == "2013-02-09"
    late = "Officials met.\n" + "They talked about the plan at length. " * 20 + "The vote is on March 3, 2014.\n"
    undated = read_bytes_as_article(late.encode(), path="b.txt", doc_id="b")
    assert undated.publication.published is None  # a date deep in the body is an event, not the dateline
    event = read_bytes_as_article(
        b"Camp Ashraf was attacked on September 1, 2013, by the agents of the regime, which resulted in 52 deaths "
        b"and seven members taken hostage, as well as damage.\n",
        path="c.txt",
        doc_id="c",
    )
    assert event.publication.published is None  # the first sentence's date is the event's


def test_a_page_copied_as_text_keeps_a_clean_headline_and_its_byline() -> None:
    """Seed 002's title came out as "article imageIran launches attack …\u00a0Special"."""
    copied = (
        "Remember me\u00a0 Log in\n\narticle imageCouncil approves the river bridge budget\u00a0Special\n\n"
        "By Jane Okafor \u00a0 \u00a0Oct 29, 2015 in World\nThe council approved the budget, its chair said.\n"
    )
    art = read_bytes_as_article(copied.encode(), path="c.txt", doc_id="c")
    assert art.publication.title == "Council approves the river bridge budget"
    assert art.publication.byline == "Jane Okafor" and art.publication.published == "2015-10-29"
