"""Every input as an Article, lazily: files, folders, globs, stdin and the rows of corpus files.

Why one iterator: extraction and batch preparation both turn inputs into articles with ids; when
each did it its own way their ids could disagree. A bad file or row comes out as an InputError in
its place and the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from summarizer.errors import InputError
from summarizer.ingest.corpus import is_corpus, read_rows, row_article
from summarizer.ingest.reader import discover, read_article
from summarizer.models import Article
from summarizer.outdir import DocIds


def iter_articles(inputs: Iterable[str], ids: DocIds) -> Iterator[Article | InputError]:
    for item in discover(inputs):
        if isinstance(item, InputError):
            yield item
        elif item != "-" and is_corpus(item):
            yield from _corpus(item, ids)
        else:
            try:
                yield read_article(item, doc_id=ids(item))
            except InputError as exc:
                yield exc


def _corpus(path: str, ids: DocIds) -> Iterator[Article | InputError]:
    try:
        for row in read_rows(path):
            try:
                yield row_article(path, row, ids)
            except InputError as exc:
                yield exc
    except InputError as exc:
        yield exc
