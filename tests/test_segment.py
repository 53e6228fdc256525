from summarizer.text.sentences import split_sentences


def test_news_sentences_with_abbreviations_and_quotes() -> None:
    text = (
        'Sen. Ben Sasse said the U.S. plan failed. "It is over," he said. '
        "Camp Liberty was hit at 7:40 p.m. on Feb. 9.\nA new line starts here"
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Sen. Ben Sasse said the U.S. plan failed.",
        '"It is over," he said.',
        "Camp Liberty was hit at 7:40 p.m. on Feb. 9.",
        "A new line starts here",
    ]


def test_ids_are_one_based_and_long_sentences_are_cut() -> None:
    text = "word " * 1000
    sentences = split_sentences(text, max_chars=500)
    assert sentences[0].id == 1 and all(len(s.text) <= 500 for s in sentences)
    assert len(sentences) >= 10


def test_a_quotation_opened_with_two_apostrophes_starts_a_sentence() -> None:
    """The New York Times writes quotations with two apostrophes: ''A,'' he said. ''B.''"""
    text = "''A is here,'' said X, the czar. ''But the wall is a fantasy.'' He left."
    assert [s.text for s in split_sentences(text)] == [
        "''A is here,'' said X, the czar.",
        "''But the wall is a fantasy.''",
        "He left.",
    ]


def test_a_bracketed_sentence_that_opens_with_a_quotation_starts_a_sentence() -> None:
    """A parenthesis after a full stop opens a new sentence even when a quotation opens inside it,
    so the cue inside ("he said") is not taken for the cue of the sentence before."""
    text = "Mr. Nevins said he pursued it only because Mr. Lynch agreed. (''We won,'' he said.) Then it aired."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Nevins said he pursued it only because Mr. Lynch agreed.",
        "(''We won,'' he said.)",
        "Then it aired.",
    ]
