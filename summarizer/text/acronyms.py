"""Acronym definitions written in a text, in every form: "Full Name (ABC)", "Full Name (ABC or
DEF)", "(PMOI/MEK)", and the reverse "ABC (Full Name)".

One reader for extraction (which gives a document's entities their aliases) and the merge (which
joins the short and long forms it finds in claim text across articles).
"""

from __future__ import annotations

import re

# a long form stays on one line: "…not from Connecticut.\n\nWASHINGTON (AP)" is a headline and a dateline
_LONG_FIRST = re.compile(
    r"(?P<long>(?:(?:the|The)[^\S\n]+)?(?:[A-Z][\w'’.-]*[^\S\n]+)"
    r"(?:(?:of|for|the|and|de|du|la|e|al|[A-Z][\w'’.-]*)(?:[^\S\n]|-)+){0,8}"
    r"[A-Z][\w'’.-]*)"
    r"[^\S\n]*\((?P<short>[A-Z][A-Za-z.]{1,9}(?:\s*(?:/|or|,)\s*[A-Z][A-Za-z.]{1,9})*)\)"
)
_SHORT_FIRST = re.compile(r"(?P<short>\b[A-Z](?:\.?[A-Z]){1,6}\.?)\s*\((?P<long>[A-Z][^()]{2,60})\)")
_SPLIT = re.compile(r"\s*(?:/|\bor\b|,)\s*")
_LEADING = re.compile(r"^(?:(?:the|The|In|in|On|on|At|at|By|by|As|as|And|and|But|but|This|That)\s+)+")


def acronym_definitions(text: str) -> list[tuple[str, list[str]]]:
    """Every definition as (long form, [short forms]), in text order."""
    out: list[tuple[str, list[str]]] = []
    for m in _LONG_FIRST.finditer(text):
        long = _LEADING.sub("", m.group("long")).strip()
        # an acronym has two capitals or more: not the state of "Sen. Ted Cruz (Tex.)", not "(Tehran)"
        shorts = [s.strip() for s in _SPLIT.split(m.group("short")) if sum(c.isupper() for c in s) >= 2]
        if len(long.split()) >= 2 and shorts:
            out.append((long, shorts))
    for m in _SHORT_FIRST.finditer(text):
        long = m.group("long").strip()
        if " " in long and len(long.split()) <= 6:
            out.append((long, [m.group("short")]))
    return out
