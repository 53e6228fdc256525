"""Text folding, name keys, tokens and date parsing shared by every merge step.

Why one module: alias resolution, blocking and conflict detection must agree on what "the same
word" and "the same date" mean. If entities fold "People’s" and "People's" one way and blocking
another, the same entity silently splits. Everything here is pure and allocation-light because it
runs once per claim at 100k-claim scale.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from summarizer.text.words import SPEAKER_PRONOUNS, fold_quotes, word_set

_POSSESSIVE = re.compile(r"(?<=\w)'s?\b")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){1,}[A-Z]\b\.?")
_TOKEN = re.compile(r"[A-Za-z0-9]+")


words = word_set  # the stages' vocabularies below are written with it


STOPWORDS = words(
    "a an the of and or for to in on at by with from as is are was were be been being has have had it its "
    "this that these those their there they them he she his her we our you your i not no but also than "
    "then which who whom what when where while into over after before about more most some such only very "
    "can could would should will shall may might must said says say told according e de al el la le du "
    "des y"
)
# Words that make an alias "generic": such speakers are resolved within their own document only.
GENERIC_NAMES = SPEAKER_PRONOUNS | frozenset(
    [
        "sources",
        "source",
        "officials",
        "official",
        "the group",
        "group",
        "the opposition",
        "opposition",
        "the statement",
        "statement",
        "the report",
        "report",
        "witnesses",
        "analysts",
        "experts",
        "critics",
        "residents",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "a spokesman",
        "a spokeswoman",
        "an official",
        "the government",
        "government",
        "the press",
        "press",
        "press reports",
        "reports",
        "media",
        "the organization",
        "organization",
        "the movement",
        "unknown",
        "someone",
    ]
)


def fold(text: str) -> str:
    """Strip diacritics and unify quotes and dashes; case is kept (acronyms need it)."""
    text = fold_quotes(text)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def shorten(text: str, limit: int = 140) -> str:
    """Claim text on one line for a title or a sentence, cut at a word before ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def word_tokens(text: str) -> list[str]:
    """Case-preserving tokens: possessives dropped, hyphens split, ``U.S.`` → ``US``."""
    text = fold(text)
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _POSSESSIVE.sub("", text)
    return _TOKEN.findall(text)


def name_key(name: str) -> str:
    """The comparison key of a name: folded, lower case, no punctuation, no leading 'the'."""
    toks = [t.lower() for t in word_tokens(name)]
    while toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def is_acronym(name: str) -> bool:
    """``MEK``, ``PMOI``, ``U.S.``, ``T.T.L`` — one token of 2–8 mostly capital letters."""
    toks = word_tokens(name)
    if len(toks) != 1:
        return False
    tok = toks[0]
    upper = sum(1 for c in tok if c.isupper())
    return 2 <= len(tok) <= 8 and tok.isalpha() and upper >= 2 and upper >= len(tok) - 1


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<{g}>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
_MDY = re.compile(_MONTH.format(g="m") + r"\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?P<y>(?:19|20)\d\d))?", re.I)
_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format(g="m") + r"(?:,?\s*(?P<y>(?:19|20)\d\d))?", re.I
)
_MY = re.compile(r"\b" + _MONTH.format(g="m") + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_Y = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?\b")

UNKNOWN_YEAR = "XXXX"


def _month(word: str) -> int | None:
    return _MONTHS.get(word[:3].lower())


def parse_date(written: str) -> str | None:
    """One written date → ISO-like ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``XXXX-MM-DD``.

    Handles "February 9, 2013", "9 February 2013", "February 9th", "February9,2013", "Oct 29, 2015",
    "December 2011", "in 2001" and misspelt months that keep their first three letters ("Febriary12").
    """
    m = _ISO.search(written)
    if m:
        return m.group(0)
    for pattern in (_MDY, _DMY):
        m = pattern.search(written)
        if m:
            month = _month(m.group("m"))
            day = int(m.group("d"))
            if month and 1 <= day <= 31:
                year = m.group("y") or UNKNOWN_YEAR
                return f"{year}-{month:02d}-{day:02d}"
    m = _MY.search(written)
    if m:
        month = _month(m.group("m"))
        if month:
            return f"{m.group('y')}-{month:02d}"
    m = _Y.search(written)
    return m.group("y") if m else None


def parse_dates(written: Iterable[str]) -> list[str]:
    out: list[str] = []
    for w in written:
        iso = parse_date(w)
        if iso and iso not in out:
            out.append(iso)
    return out


def is_full_date(iso: str) -> bool:
    return len(iso) == 10 and not iso.startswith(UNKNOWN_YEAR)


def dates_compatible(a: str, b: str) -> bool:
    """Same day, or one is a coarser/yearless form of the other ("XXXX-02-09" ~ "2013-02-09")."""
    if a == b:
        return True
    if a.startswith(UNKNOWN_YEAR) or b.startswith(UNKNOWN_YEAR):
        return a[4:] == b[4:]
    return a.startswith(b) or b.startswith(a)
