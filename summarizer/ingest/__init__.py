"""Ingest stage: find inputs, decode them safely, strip HTML boilerplate, split sentences."""

from summarizer.ingest.inputs import iter_articles
from summarizer.ingest.reader import discover, read_article, read_bytes_as_article
from summarizer.text.sentences import split_sentences

__all__ = ["discover", "iter_articles", "read_article", "read_bytes_as_article", "split_sentences"]
