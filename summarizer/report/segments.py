"""Article text → HTML with every span highlighted, built by slicing the text and escaping each piece.

Why by hand and not with a regex or the browser: the text is untrusted (an article may contain
``<script>`` or ``<img onerror>``), and offsets are Python ``str`` indices that must land on the
exact characters the extraction grounded. So the text is cut at every span boundary, each piece is
escaped on its own, and tags are only ever written by this module.

Spans overlap (two claims quoting the same sentence, a claim inside another's evidence). Elements
must nest, so the spans are ordered (earliest start, then longest first) and, piece by piece, the
open elements are kept as a stack that is a prefix of that order: nested spans stay one element;
a span that crosses another's end is closed and reopened as a *continuation* (``cont`` class, no
``id``). Every span therefore has exactly one *head* element (with its ``id``) and the visible text
is the article text, character for character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """One highlight: ``[start, end)`` of the text, rendered as ``<tag class=... attrs>``."""

    start: int
    end: int
    tag: str = "mark"
    anchor: str = ""  # id of the head element; also written as data-anchor on every piece
    classes: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = field(default=())


def _open(span: Span, head: bool) -> str:
    classes = " ".join([*span.classes, "head" if head else "cont"])
    parts = [f"<{span.tag}", f' class="{escape(classes)}"']
    if head and span.anchor:
        parts.append(f' id="{escape(span.anchor)}"')
    if span.anchor:
        parts.append(f' data-anchor="{escape(span.anchor)}"')
    for name, value in span.attrs:
        parts.append(f' {name}="{escape(value)}"')
    return "".join(parts) + ">"


def usable(span: Span, length: int) -> bool:
    """A span can be drawn when it is non-empty and lies inside the text."""
    return 0 <= span.start < span.end <= length


def highlight(text: str, spans: Sequence[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` wrapped in properly nested elements.

    Spans that are empty or fall outside the text are left out (the caller flags them).
    """
    order = sorted((s for s in spans if usable(s, len(text))), key=lambda s: (s.start, -s.end))
    rank = {id(s): i for i, s in enumerate(order)}
    cuts = sorted({0, len(text), *(s.start for s in order), *(s.end for s in order)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[int] = set()
    active: list[Span] = []
    pending = list(reversed(order))  # pop() yields spans by ascending start
    for a, b in pairwise(cuts):
        active = [s for s in active if s.end > a]
        while pending and pending[-1].start <= a:
            active.append(pending.pop())
        want = sorted(active, key=lambda s: rank[id(s)])
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            out.append(f"</{s.tag}>")
        del stack[keep:]
        for s in want[keep:]:
            out.append(_open(s, id(s) not in opened))
            opened.add(id(s))
            stack.append(s)
        out.append(str(escape(text[a:b])))
    for s in reversed(stack):
        out.append(f"</{s.tag}>")
    return Markup("".join(out))
