"""The tokenizer and the quotations every attribution rule reads (summarizer.text.tokens)."""

from __future__ import annotations

from summarizer.text.sentences import split_sentences
from summarizer.text.tokens import quote_regions, region_at, tokenize, tokens


def test_tokens_keep_titles_initials_and_contractions_whole() -> None:
    text = "Sen. Harry M. Reid didn't say ''no'' to the U.S. plan, sources said."
    assert [t.text for t in tokens(text)] == [
        "Sen.", "Harry", "M.", "Reid", "didn't", "say", "''", "no", "''", "to", "the", "U.S.", "plan", ",",
        "sources", "said", ".",
    ]  # fmt: skip
    reid = tokens(text)[3]
    assert (reid.start, reid.end, text[reid.start : reid.end]) == (14, 18, "Reid")
    assert [t.text for t in tokens(text, 14, 25)] == ["Reid", "didn't"]  # offsets stay in the article


def test_quote_regions_per_paragraph_and_unclosed_to_its_end() -> None:
    text = 'He said "yes" and ‘no’.\n“Open to the end\n' + "Next ''two'' here."  # curly singles are no quotes
    assert quote_regions(text) == [(8, 13), (24, 40), (46, 53)]
    assert quote_regions(text, 41) == [(46, 53)]  # only the paragraphs the range touches
    assert region_at(quote_regions(text), 10) == (8, 13)
    assert region_at(quote_regions(text), 13) is None  # a region is [open, close)
    assert region_at(quote_regions(text), 7) is None and region_at([], 3) is None


def test_an_opening_mark_written_where_a_quotation_closes_closes_it() -> None:
    text = "“The reality is, it could hurt her here,“ said Jim Clyburn. “Clinton has to hold on.”"
    first, second = quote_regions(text)
    assert text[first[0] : first[1]] == "“The reality is, it could hurt her here,“"
    assert text[second[0] : second[1]] == "“Clinton has to hold on.”"


def test_a_closing_mark_written_where_a_quotation_opens_opens_it() -> None:
    text = "She said on Tuesday, ”The answer is no”, the agency reported. The paper clarifies:” It was not.”"
    first, second = quote_regions(text)
    assert text[first[0] : first[1]] == "”The answer is no”"
    assert text[second[0] : second[1]] == "” It was not.”"
    # a closing mark after a word still closes nothing it did not open
    assert quote_regions("He won” and left.") == []


def test_tokenize_hands_on_one_split_per_chunk() -> None:
    text = 'The mayor said "we will rebuild." Critics disagreed.'
    sentences = split_sentences(text)
    chunk = tokenize(text, sentences)
    assert chunk.regions == [(15, 33)]
    assert [[t.text for t in chunk.tokens(s)] for s in sentences] == [
        ["The", "mayor", "said", '"', "we", "will", "rebuild", ".", '"'],
        ["Critics", "disagreed", "."],
    ]
    assert tokenize(text, []).regions == []
