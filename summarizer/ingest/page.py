"""A web page's publication metadata (title, outlet, date, byline, canonical URL) with trafilatura.

Why trafilatura for the metadata and not for the text: it reads every place a news page states
these (``<meta property="article:published_time">``, Open Graph, JSON-LD ``NewsArticle``,
``<link rel="canonical">``, bylines), which the hand-written stripper never did. For the text
itself the stripper in ``ingest.html`` won on our fixtures: on short pages trafilatura falls back
to a baseline that keeps share widgets and comment sections and joins paragraphs (see
tests/faults/test_pages.py). The date is taken from metadata only (no guessing from the body, which
turned a dateline's "Oct. 5, 2016" into 2016-01-01); a dateline in the text is read separately.
"""

from __future__ import annotations

import logging

from summarizer.models import Publication
from summarizer.text.dates import parse_published

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every page it finds odd
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def page_metadata(html: str) -> Publication:
    """What the page says about itself; fields it does not state are None."""
    from trafilatura import extract_metadata  # imported on first HTML page: ~0.3 s

    try:
        meta = extract_metadata(html, date_config={"extensive_search": False, "original_date": True})
    except Exception:  # a page trafilatura cannot parse still has its text
        return Publication()
    if meta is None:
        return Publication()
    return Publication(
        title=_clean(meta.title),
        outlet=_clean(meta.sitename),
        url=_clean(meta.url),
        published=parse_published(meta.date) if meta.date else None,
        byline=_clean(meta.author),
    )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
