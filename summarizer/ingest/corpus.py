"""Corpus files: one document per row of a JSONL or CSV export (a news database, a crawler).

Fields: ``id``, ``text`` or ``html``, and optional ``url``, ``outlet``, ``date``, ``title``
(case-insensitive; ``content``/``body`` are read as ``text``, ``source``/``site`` as ``outlet``); an id
of the form ``outlet_YYYY-MM-DD_slug`` gives the outlet and the day when the row does not.
Each row becomes an Article or fails alone with a one-line reason naming the file and the row; a
row without an id gets a stable one from its content, so re-running an unchanged corpus makes no
model call.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.ingest.html import html_to_text
from summarizer.ingest.page import page_metadata
from summarizer.ingest.reader import make_article
from summarizer.models import Article, Publication
from summarizer.outdir import DocIds
from summarizer.text.dates import parse_published

CORPUS_SUFFIXES = frozenset({".jsonl", ".csv"})
_ALIASES = {
    "content": "text",
    "body": "text",
    "source": "outlet",
    "site": "outlet",
    "published": "date",
    "doc_id": "id",
}
csv.field_size_limit(64 * 1024 * 1024)  # an article in one cell can exceed csv's 128 KB default


def is_corpus(path: str) -> bool:
    return Path(path).suffix.lower() in CORPUS_SUFFIXES


class CorpusRow:
    """One row as read: its number (1-based, header excluded) and its fields, or why it is unreadable."""

    def __init__(self, number: int, fields: dict[str, Any] | None, problem: str | None = None) -> None:
        self.number, self.fields, self.problem = number, fields, problem


def read_rows(path: str) -> Iterator[CorpusRow]:
    """The rows of a JSONL or CSV corpus, lazily; raises InputError when the file itself is unusable."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    text = data.decode("utf-8-sig", errors="surrogateescape")  # a bad byte fails its row, not the file
    if Path(path).suffix.lower() == ".jsonl":
        yield from _jsonl_rows(text)
    else:
        yield from _csv_rows(path, text)


def _jsonl_rows(text: str) -> Iterator[CorpusRow]:
    number = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        number += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield CorpusRow(number, None, f"not a JSON object ({exc.msg} at char {exc.pos})")
            continue
        if not isinstance(value, dict):
            yield CorpusRow(number, None, f"not a JSON object but {type(value).__name__}")
            continue
        yield CorpusRow(number, value)


def _csv_rows(path: str, text: str) -> Iterator[CorpusRow]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise InputError(path, "CSV has no header row (id, text or html, url, outlet, date, title)")
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield CorpusRow(number, None, f"unreadable CSV ({exc})")
            continue
        number += 1
        if None in row:
            yield CorpusRow(number, None, f"{len(row[None])} more cells than the header has columns")
            continue
        yield CorpusRow(number, dict(row))


def _fields(raw: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in raw.items():
        name = _ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if value is None or name in out:
            continue
        out[name] = (
            value if isinstance(value, str) else json.dumps(value) if isinstance(value, dict | list) else str(value)
        )
    return out


# "nyt_2016-09-12_trump-says-…": an id that names its outlet and its day, as PolNeAR's ids do
_OUTLET_DAY_ID = re.compile(r"^([a-z][a-z0-9-]*)_(\d{4}-\d{2}-\d{2})_")


def _from_id(publication: Publication, given: str, *, explicit_outlet: bool) -> None:
    """Outlet and day from an id of the form ``outlet_YYYY-MM-DD_slug`` where the row lacks them.
    The id's outlet also beats a ``source`` field, which corpora use for the outlet or for the
    dataset (PolNeAR rows all say "PolNeAR": read as the outlet, 84 articles of seven outlets were
    one source and no proposition was told by several); an ``outlet`` or ``site`` field wins."""
    m = _OUTLET_DAY_ID.match(given)
    if m is None:
        return
    if publication.published is None:
        publication.published = parse_published(m.group(2))
    if not explicit_outlet:
        publication.outlet = m.group(1)


def row_article(path: str, row: CorpusRow, doc_id_for: DocIds) -> Article:
    """The Article of one row, or InputError naming ``path row N`` and what is wrong with it."""
    where = f"{path} row {row.number}"
    if row.fields is None:
        raise InputError(where, row.problem or "unreadable")
    fields = _fields(row.fields)
    for name, value in fields.items():
        if "\x00" in value or any("\udc80" <= ch <= "\udcff" for ch in value):
            raise InputError(where, f"field {name!r} holds binary data, not text")
    html, text = fields.get("html", "").strip(), fields.get("text", "")
    publication = Publication()
    if not text.strip() and html:
        text, heading = html_to_text(html)
        publication = page_metadata(html)
        publication.title = publication.title or heading
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(where, "no text (the text and html fields are empty or missing)")
    written = fields.get("date", "").strip()
    if written:
        published = parse_published(written)
        if published is None:
            raise InputError(where, f"date {written[:40]!r} is not a date (write YYYY-MM-DD or e.g. 5 October 2016)")
        publication.published = published
    for name in ("title", "outlet", "url"):
        if fields.get(name, "").strip():
            setattr(publication, name, " ".join(fields[name].split()))
    given = fields.get("id", "").strip()
    _from_id(publication, given, explicit_outlet=any(str(k).strip().lower() in ("outlet", "site") for k in row.fields))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = (
        doc_id_for.row(given, where) if given else doc_id_for.row(f"{Path(path).stem}-{sha[:12]}", where, given=False)
    )
    return make_article(
        text, path=where, doc_id=doc_id, publication=publication, media="text/html" if html else "text/plain"
    )
