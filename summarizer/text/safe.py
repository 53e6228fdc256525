"""Untrusted text (article text, file names, server messages) made safe to print or store as text.

An article may carry ESC sequences or other control characters; printed raw they rewrite the
user's terminal, and in summary.md they are invisible junk. One rule, used by the terminal view,
the console messages and every Markdown output: keep printable characters and newlines, turn tabs
and carriage returns into spaces, show anything else as U+FFFD.
"""

from __future__ import annotations


def printable(text: str, *, newlines: bool = True) -> str:
    """``text`` without control characters; with ``newlines=False`` it is also one line."""
    keep = "\n" if newlines else ""
    return "".join(ch if ch.isprintable() or ch in keep else " " if ch in "\t\r\n" else "\ufffd" for ch in text)
