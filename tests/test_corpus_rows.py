"""Corpus rows (``ingest.corpus``): what a row's fields and its id say about its publication."""

from __future__ import annotations

from summarizer.ingest.corpus import CorpusRow, row_article
from summarizer.outdir import DocIds

TEXT = "The council met on Tuesday. Mayor Ana Ruiz said the levy would pass."


def _article(fields: dict[str, str]):  # type: ignore[no-untyped-def]
    return row_article("corpus.jsonl", CorpusRow(1, fields), DocIds())


def test_an_outlet_day_slug_id_gives_the_outlet_and_the_day_over_a_dataset_source() -> None:
    a = _article({"doc_id": "wash-post_2016-09-12_council-meets", "source": "PolNeAR", "text": TEXT})
    assert a.publication.outlet == "wash-post" and str(a.publication.published) == "2016-09-12"


def test_fields_the_row_gives_win_over_its_id() -> None:
    a = _article({"id": "nyt_2016-09-12_x", "outlet": "The Ledger", "date": "2016-10-01", "text": TEXT})
    assert a.publication.outlet == "The Ledger" and str(a.publication.published) == "2016-10-01"
    plain = _article({"id": "story-17", "source": "Wire Service", "text": TEXT})
    assert plain.publication.outlet == "Wire Service" and plain.publication.published is None
