"""Aligner oracle tests: spans planted in generated text must come back with exact offsets."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.ground import Aligner, normalize_with_map
from summarizer.models import Alignment
from summarizer.text.sentences import split_sentences

WORDS = [
    "the",
    "council",
    "budget",
    "attack",
    "camp",
    "residents",
    "said",
    "according",
    "report",
    "missile",
    "Iraq",
    "Iran",
    "group",
]


def _filler(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + ". "


@pytest.mark.parametrize("seed", range(20))
def test_planted_span_is_found_exactly(seed: int) -> None:
    rng = random.Random(seed)
    quote = "Ali Al Mousavi said the camp was “never” attacked by Iraqi forces"
    before = _filler(rng, rng.randint(0, 60))
    text = before + quote + ". " + _filler(rng, rng.randint(0, 60))
    ev = Aligner(text).align(quote)
    assert ev is not None
    assert (ev.start, ev.end, ev.alignment) == (len(before), len(before) + len(quote), Alignment.exact)
    assert text[ev.start : ev.end] == ev.text == quote


def test_repeated_quotes_map_to_successive_occurrences() -> None:
    text = 'Smith said: "We will win." Jones said: "We will win." Lee said: "We will win."'
    aligner = Aligner(text)
    starts = [aligner.align("We will win").start for _ in range(3)]  # type: ignore[union-attr]
    assert starts == [13, 40, 65]
    assert all(text[s : s + 11] == "We will win" for s in starts)


def test_curly_quotes_apostrophes_case_and_whitespace_are_normalized() -> None:
    text = "The NCRI said the Iranian regime’s agents  were\n“responsible” for it."
    ev = Aligner(text).align('the iranian regime\'s agents were "responsible"')
    assert ev is not None and ev.alignment == Alignment.normalized
    assert ev.text == "the Iranian regime’s agents  were\n“responsible”"
    assert text[ev.start : ev.end] == ev.text


def test_non_ascii_offsets_are_python_str_offsets() -> None:
    text = "Ünïcödé 🎉 prefix — Maryam Rajavi denounced the attack 🚀 après."
    ev = Aligner(text).align("Maryam Rajavi denounced the attack")
    assert ev is not None and text[ev.start : ev.end] == "Maryam Rajavi denounced the attack"
    assert ev.start == text.index("Maryam")


def test_fuzzy_match_snaps_to_words_and_unknown_text_is_ungrounded() -> None:
    text = "Dana Rohrabacher accused Iraq of breaking its promise to help protect the 3,100 refugees."
    aligner = Aligner(text)
    ev = aligner.align("accused Iraq of braking its promise to protect the 3,100 refugees")
    assert ev is not None and ev.alignment == Alignment.fuzzy
    assert text[ev.start : ev.end] == ev.text and ev.text.startswith("accused")
    assert aligner.align("The moon is made of green cheese and nobody said so") is None


def test_sentence_citation_gives_sentence_span() -> None:
    text = "First sentence here. Second one says more. Third."
    sentences = split_sentences(text)
    ev = Aligner(text, sentences).align(None, [2])
    assert ev is not None and ev.alignment == Alignment.sentence and ev.text == "Second one says more."
    assert Aligner(text, sentences).align(None, [99]) is None


def test_fuzzy_work_is_bounded_on_long_text() -> None:
    text = _filler(random.Random(1), 40_000)
    aligner = Aligner(text)
    assert aligner.align("zebra quartz fjord " * 50) is None  # returns promptly, no hang


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300), st.text(min_size=0, max_size=60), st.lists(st.integers(-3, 40), max_size=4))
def test_aligner_never_returns_invalid_offsets(text: str, quote: str, ids: list[int]) -> None:
    aligner = Aligner(text, split_sentences(text))
    ev = aligner.align(quote, ids)
    if ev is not None:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_normalize_map_points_into_text(text: str) -> None:
    norm, index = normalize_with_map(text)
    assert len(norm) == len(index)
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_sentence_splitter_offsets(text: str) -> None:
    sentences = split_sentences(text)
    prev_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
        assert s.start >= prev_end
        prev_end = s.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.lists(st.sampled_from(["said", "mulling", "according", "x"]), max_size=2))
def test_framed_claims_stay_inside_the_text_whatever_the_cues(text: str, cues: list[str]) -> None:
    from summarizer.rules import ArticleFrames
    from summarizer.text.sentences import split_sentences

    sentences = split_sentences(text)
    framed = ArticleFrames(text).frame(sentences, {s.id: cues for s in sentences})
    for f in framed:
        assert 0 <= f.evidence.start <= f.evidence.end <= len(text)
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text
        for m in (f.speaker.mention, f.speaker.antecedent, f.cue_span, f.inner_source):
            assert m is None or text[m.start : m.end] == m.text
