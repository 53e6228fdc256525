"""Find inputs (files, folders, globs, stdin) lazily and turn each into an ``Article``.

Discovery is a generator so a folder with thousands of files streams instead of loading first.
Every problem becomes an ``InputError`` naming the file and the reason.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from summarizer.errors import InputError
from summarizer.ingest.decode import DecodeRefused, decode_text
from summarizer.ingest.html import html_to_text
from summarizer.ingest.page import page_metadata
from summarizer.models import Article, Publication
from summarizer.text.dates import dateline_date

SUFFIXES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
MAX_BYTES = 20 * 1024 * 1024


def discover(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Yield input paths in a stable order ('-' for stdin), or an ``InputError`` for a bad one."""
    for item in inputs:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                        found = True
                        yield _regular_file(str(Path(root) / name))
            if not found:
                yield InputError(item, "folder holds no .txt, .md or .html files")
        elif path.exists():
            yield str(path)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.iglob(item, recursive=True))
            if not matches:
                yield InputError(item, "glob matched no files")
            yield from (m for m in matches if Path(m).is_file())
        else:
            yield InputError(item, _why_missing(item))


def _why_missing(path: str) -> str:
    """Why a path that does not exist as a file or folder cannot be read, in the user's terms."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back at itself)"
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        if not isinstance(exc, FileNotFoundError):
            return f"cannot read: {exc.strerror or exc}"
    return "no such file or directory"


def _regular_file(path: str) -> str | InputError:
    """A file found in a folder, or an error when it is a FIFO, socket or device (opening one
    would block the run forever) or a broken link."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return InputError(path, _why_missing(path))
    if not stat.S_ISREG(mode):
        return InputError(path, "not a regular file (FIFO, socket or device)")
    return path


def read_article(path: str, doc_id: str | None = None) -> Article:
    """Read and decode one input; raise ``InputError`` with a one-line reason."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            if Path(path).is_dir():
                raise InputError(path, "is a directory")
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
    except InputError:
        raise
    except PermissionError:
        raise InputError(path, "permission denied (unreadable file)") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MiB; split it first")
    stem = "stdin" if path == "-" else Path(path).stem
    return read_bytes_as_article(data, path=path, doc_id=doc_id or stem)


def read_bytes_as_article(data: bytes, *, path: str, doc_id: str) -> Article:
    try:
        text, encoding = decode_text(data)
    except DecodeRefused as exc:
        raise InputError(path, str(exc)) from None
    warnings = [] if encoding in ("utf-8", "utf-8-sig") else [f"decoded as {encoding}"]
    suffix = Path(path).suffix.lower()
    media = SUFFIXES.get(suffix, "text/plain")
    head = text.lstrip()[:200].lower()
    if media == "text/plain" and (head.startswith("<!doctype html") or head.startswith("<html")):
        media = "text/html"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    publication = Publication()
    if media == "text/html":
        html = text
        text, heading = html_to_text(html)
        publication = page_metadata(html)
        if publication.title is None and heading:
            publication.title = heading
    if not text.strip():
        raise InputError(
            path, "no text (empty or whitespace only)" if media != "text/html" else "no article text in HTML"
        )
    return make_article(text, path=path, doc_id=doc_id, publication=publication, media=media, warnings=warnings)


def make_article(
    text: str,
    *,
    path: str,
    doc_id: str,
    publication: Publication | None = None,
    media: str = "text/plain",
    warnings: list[str] | None = None,
) -> Article:
    """The Article for ``text``: what ``publication`` leaves open is filled from the text itself
    (a headline-like first line, a dateline's date)."""
    publication = publication or Publication()
    if publication.title is None:
        publication.title = _plain_title(text)
    if publication.published is None:
        publication.published = dateline_date(text)
    if publication.byline is None and media != "text/html":
        publication.byline = plain_byline(text)
    return Article(
        doc_id=doc_id,
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        publication=publication,
        media_type=media,
        warnings=warnings or [],
    )


_GLUED_LABEL = re.compile(r"^[a-z][a-z ]{2,30}?(?=[A-Z][a-z])")  # "article imageIran launches …"
_BYLINE = re.compile(r"^By\s+((?:[A-Z][\w.'’-]+\s?){1,4}?)(?=\s{2,}|\s*[,|·]|\s+(?:and\s|on\s)|$)")


def _plain_title(text: str) -> str | None:
    """The first line that reads like a headline (menus such as "Log in" are skipped). A page copied
    as text glues an image label to the headline ("article imageIran launches …") and a section
    tag after a no-break space ("… killed\u00a0Special"): both are cut off."""
    for line in text.strip().split("\n")[:6]:
        line = line.strip().lstrip("# ").strip()
        words = len(line.split())
        if words > 25 or "http" in line:
            return None  # the body has started: no headline
        if words >= 5 and not line.endswith("?"):
            line = _GLUED_LABEL.sub("", line)
            head, _, tail = line.rpartition("\u00a0")
            if head and len(tail.split()) <= 2:
                line = head
            return " ".join(line.split())
    return None


def plain_byline(text: str) -> str | None:
    """A "By Name Surname" line among a plain text's first lines."""
    for line in text.strip().split("\n")[:8]:
        m = _BYLINE.match(line.strip().replace("\u00a0", "  "))
        if m:
            return " ".join(m.group(1).split())
    return None
