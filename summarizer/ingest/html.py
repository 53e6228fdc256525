"""HTML → article text: drop scripts, navigation, cookie banners and other boilerplate.

The extracted text (not the HTML) is what every offset refers to; the CLI saves it next to the
output so a reviewer can check spans against exactly what the model saw.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "dialog",
    "object",
    "embed",
    "canvas",
)
# Words that name a boilerplate block when they are a whole part of an id or class token
# ("cookie-banner", "share_buttons", "comments"), never a substring ("commentary-body",
# "shareholder-letter" and "promotion-news" are article text).
_BOILERPLATE = frozenset(
    "cookie cookies consent gdpr banner newsletter subscribe signup share sharing social related "
    "comment comments advert adverts advertisement ad ads promo promos breadcrumb breadcrumbs menu navbar "
    "sidebar popup modal paywall login".split()
)
# A part after one of these describes the block's layout, not its content: "has-sidebar" is a page
# wrapper that holds a sidebar *and* the article.
_MODIFIERS = frozenset({"has", "with", "no", "without", "is"})
_BLOCKS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "td",
    "div",
    "section",
    "article",
    "br",
    "tr",
    "dd",
    "dt",
)


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    return " ".join(value) if isinstance(value, list) else str(value or "")


def _is_boilerplate(attrs: str) -> bool:
    for token in attrs.lower().split():
        parts = [p for p in re.split(r"[-_]+", token) if p]
        if parts and parts[0] in _MODIFIERS:
            continue
        if any(part in _BOILERPLATE for part in parts):
            return True
    return False


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return ``(text, title)`` for an HTML page; paragraphs separated by blank lines."""
    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    main = soup.find("article") or soup.find("main")
    keep = {id(t) for t in main.parents} if isinstance(main, Tag) else set()  # never drop the article's wrappers
    for tag in list(soup.find_all(True)):
        if not isinstance(tag, Tag) or tag.decomposed or id(tag) in keep:
            continue
        attrs = " ".join(_attr(tag, name) for name in ("id", "class", "role"))
        if _is_boilerplate(attrs) and tag.name not in ("body", "html", "article", "main"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    h1 = root.find("h1") if isinstance(root, Tag) else None
    if h1 is not None:
        title = h1.get_text(" ", strip=True) or title
    for br in root.find_all("br"):
        br.replace_with("\n")
    for block in root.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    text = root.get_text()
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip().replace("\n\n\n", "\n\n"), title
