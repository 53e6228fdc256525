"""Untrusted text (article text, file names, server messages) made safe to print or store as text.

An article may carry ESC sequences or other control characters; printed raw they rewrite the
user's terminal, and in summary.md they are invisible junk. One rule, used by the terminal view,
the console messages and every Markdown output: keep printable characters and newlines, turn tabs
and carriage returns into spaces, show anything else as U+FFFD.
"""

from __future__ import annotations

import re


def printable(text: str, *, newlines: bool = True) -> str:
    """``text`` without control characters; with ``newlines=False`` it is also one line."""
    keep = "\n" if newlines else ""
    return "".join(ch if ch.isprintable() or ch in keep else " " if ch in "\t\r\n" else "\ufffd" for ch in text)


_MARKDOWN_SPECIAL = set("\\`*_[]<>#|~!{}")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(text: str) -> str:
    """Article text as inert Markdown on one line: no control characters, HTML escaped (a
    ``<script>`` or ``<img onerror>`` in an article stays text in any renderer), and every
    Markdown mark backslash-escaped, so emphasis, links and headings in the source never form."""
    out = []
    for ch in " ".join(printable(text, newlines=False).split()):
        if ch in _HTML:
            out.append(_HTML[ch])
        elif ch in _MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def markdown_code(text: str) -> str:
    """``text`` as a Markdown code span (literal in any renderer, HTML included), fenced with more
    backticks than any run of them inside."""
    text = " ".join(printable(text, newlines=False).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
