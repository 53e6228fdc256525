"""Publication dates: a date field as a corpus row or a page gives it, and a dateline in the first
lines of a plain text ("WASHINGTON, Oct. 5, 2016 —"). dateparser reads the forms; this module only
decides where to look and that a publication date must name a day, month and year."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WRITTEN = re.compile(
    rf"\b(?:(?:19|20)\d\d-\d\d-\d\d"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d)\b"
)
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # never "tomorrow" or "3 days ago"
    "RETURN_AS_TIMEZONE_AWARE": False,
}
HEAD_CHARS = 400  # a dateline sits in the first lines


def parse_published(value: str) -> str | None:
    """A publication date as written anywhere (ISO, "5 October 2016", "Oct. 5, 2016", RFC 2822,
    "10/05/2016") → ``YYYY-MM-DD``; None when it does not name a day, month and year."""
    value = value.strip()
    if not value:
        return None
    iso = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ].*)?", value)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    parsed = dateparser.parse(value.replace(".", " "), languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


_CITY = re.compile(r"[A-Z][A-Za-z .'’-]{1,40},")
DATELINE_WORDS = 12  # a line this short that holds a date is a dateline or byline ("By Jane Doe  Oct 29, 2015")


def dateline_date(text: str) -> str | None:
    """The date of a dateline in a plain text's first lines: a short line holding a date
    ("Published 5 October 2016", "By Jane Doe  Oct 29, 2015 in World"), or a date opening a line,
    after a place if any, before a dash ("WASHINGTON, Oct. 5, 2016 — The Senate …"). A date inside
    the first sentence ("… attacked on September 1, 2013, by …") is the event's, not the article's."""
    for line in text[: HEAD_CHARS * 2].split("\n")[:8]:
        for m in _WRITTEN.finditer(line):
            before, after = line[: m.start()].strip(), line[m.end() :].lstrip()
            opens = not before or _CITY.fullmatch(before) is not None
            dateline = opens and (not after or after[0] in "—–-(|:")
            if dateline or len(line.split()) <= DATELINE_WORDS:
                found = parse_published(m.group(0))
                if found:
                    return found
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_DAY = re.compile(rf"\b(yesterday|today|tonight|{'|'.join(_WEEKDAYS)})\b", re.I)
_PAST = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def relative_days(text: str, published: str) -> list[str]:
    """The days "yesterday", "today" and a weekday ("said Tuesday") name in an article published on
    ``published`` (YYYY-MM-DD), as YYYY-MM-DD: dateparser counts back from the publication day, and
    a weekday is the latest such day on or before it (news writes "Sunday" for the day it appears)."""
    try:
        base = datetime.fromisoformat(published[:10])
    except ValueError:
        return []
    out: list[str] = []
    for m in _RELATIVE_DAY.finditer(text):
        word = m.group(1).lower()
        if word in ("today", "tonight"):
            day = base.date()
        else:
            parsed = dateparser.parse(word, languages=["en"], settings={**_PAST, "RELATIVE_BASE": base})
            if not isinstance(parsed, datetime):
                continue
            day = parsed.date()
            if word in _WEEKDAYS and (base.date() - day).days >= 7:
                day = base.date()  # the publication day's own weekday
        if day.isoformat() not in out:
            out.append(day.isoformat())
    return out
