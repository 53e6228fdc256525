"""The learned cue detector: which tokens it may score, how it scores, and what the shipped weights do."""

from __future__ import annotations

from pathlib import Path

from summarizer.evaluate.baseline import baseline_document
from summarizer.rules.cuemodel import DEFAULT, CueModel, candidate
from summarizer.text.tokens import Tok, quote_regions, regions_within, tokens


def _toks(text: str) -> tuple[list[Tok], list[tuple[int, int]]]:
    return tokens(text), quote_regions(text)


def _index(toks: list[Tok], word: str) -> int:
    return next(i for i, t in enumerate(toks) if t.text == word)


def test_candidates_are_lowercase_content_words_the_lexicon_lacks() -> None:
    toks, regions = _toks('The senator backed the bill, said Ruiz. "We backed it," she said. It was backed by voters.')
    chosen = [toks[i].text for i in range(len(toks)) if candidate(toks, i, regions)]
    # not "senator" (after "the"), "said" (lexicon), "We"/"she" (pronouns), quoted "backed", passive "backed"
    assert chosen == ["backed", "voters"]


def test_a_candidate_fires_at_or_above_the_threshold(tmp_path: Path) -> None:
    table = tmp_path / "model.tsv"
    table.write_text("# comment\n@threshold\t0.5\nbias\t-2.0\nw=backed\t2.0\nsubject=low\t0.5\n", encoding="utf-8")
    model = CueModel.load(table)
    assert model.threshold == 0.5 and model.weights["w=backed"] == 2.0
    toks, regions = _toks("The senator backed the bill.")
    i = _index(toks, "backed")
    assert model.probability(toks, i, regions) > 0.5 and model.fires(toks, i, regions)
    assert not model.fires(toks, _index(toks, "bill"), regions)  # bias alone: 0.12
    assert not CueModel().fires(toks, i, regions)  # no weights, no cues


def test_a_missing_table_means_the_lexicon_alone(tmp_path: Path) -> None:
    assert CueModel.load(tmp_path / "absent.tsv") == CueModel()


def test_the_shipped_weights_frame_stance_verbs_the_lexicon_lacks() -> None:
    """Learned from PolNeAR train: "pushed for" and "backed" are cues after a subject; "flooded" is not."""
    text = "Republicans pushed for a vote on the wall.\nThe storm flooded the valley overnight.\n"
    found = baseline_document("d", text).claims
    assert [(c.speaker.name, c.cue, c.text) for c in found] == [("Republicans", "pushed", "for a vote on the wall")]
    lexicon_only = baseline_document("d", text, learned=CueModel()).claims
    assert lexicon_only == []
    toks, regions = _toks("The senator backed the bill on Tuesday.")
    assert DEFAULT.fires(toks, _index(toks, "backed"), regions)


def test_regions_within_finds_every_quotation_that_overlaps_a_span() -> None:

    regions = [(0, 10), (12, 40), (50, 60), (70, 80)]
    assert regions_within(regions, 20, 55) == [(12, 40), (50, 60)]  # one opened before the span
    assert regions_within(regions, 40, 50) == []
    assert regions_within(regions, 0, 100) == regions
