"""The rule-derived fields of a claim (issue 17: extract/enrich.py had no unit tests): what a
figure counts, its qualifier, dates as written, modality from the cue, acronym definitions and the
document's entities."""

from __future__ import annotations

import pytest

from summarizer.extract.enrich import acronym_definitions, dates_in, document_entities, modality_for, numbers_in
from summarizer.models import Modality, Speaker, SpeakerType


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The barrage hit the camp, killing six residents.", [(6, "deaths", None)]),
        ("Rockets hit 2,400 residents of the camp.", [(2400, "residents", None)]),
        ("The barrage resulted in eight deaths.", [(8, "deaths", None)]),
        ("About 3,100 refugees live in the camp.", [(3100, "residents", "about")]),
        ("At least 40 people were wounded.", [(40, "injured", "at least")]),
        ("They fired more than 100 rockets.", [(100, "missiles", "more than")]),
        ("In 2013 the camp was attacked on February 9.", []),  # years and days of a month are not figures
        ("He had a net loss of more than $915 million in 1995.", [(915e6, "money", "more than")]),
        ("Losses of nearly $1 billion, and 6 million people.", [(1e9, "money", "nearly")]),
    ],
)
def test_a_figure_carries_what_it_counts_and_its_qualifier(text: str, expected: list[tuple]) -> None:
    got = [(n.value, n.counts, n.qualifier) for n in numbers_in(text)]
    assert got == expected


def test_dates_are_kept_as_written_once_each() -> None:
    text = "On February 9, 2013 rockets hit; on 9 February 2013 the UN spoke, and again on February 9, 2013."
    assert dates_in(text) == ["February 9, 2013", "9 February 2013"]


@pytest.mark.parametrize(
    ("cue", "claim", "modality"),
    [
        ("denied", "the group was involved", Modality.denied),
        ("accused", "Iran of the attack", Modality.alleged),
        ("called for", "an inquiry", Modality.demanded),
        ("condemned", "the attack", Modality.condemned),
        ("warned", "more attacks will come", Modality.predicted),
        ("said", "the camp was hit", Modality.asserted),
        (None, "the camp was hit", Modality.asserted),
    ],
)
def test_modality_follows_the_cue(cue: str | None, claim: str, modality: Modality) -> None:
    # "warned" came out "asserted": the pattern wanted the bare word "warn"
    assert modality_for(cue, claim) == modality


def test_acronym_definitions_in_their_written_forms() -> None:
    text = (
        "The People's Mojahedin Organization of Iran (PMOI/MEK) and the National Council of Resistance "
        "of Iran (NCRI) met. The Iranian Quds Force (QF) was blamed."
    )
    found = dict(acronym_definitions(text))
    assert found["People's Mojahedin Organization of Iran"] == ["PMOI", "MEK"]
    assert found["National Council of Resistance of Iran"] == ["NCRI"]
    assert found["Iranian Quds Force"] == ["QF"]
    # a headline's last word and a dateline on the next line are no long form
    assert acronym_definitions("Leaked taxes not from Connecticut.\n\nWASHINGTON (AP) - The Latest") == []


def test_document_entities_join_a_speaker_to_its_defined_name() -> None:
    text = "The National Council of Resistance of Iran (NCRI) said six died. Maryam Rajavi said more."
    speakers = [
        Speaker(name="NCRI", type=SpeakerType.organization),
        Speaker(name="Maryam Rajavi", type=SpeakerType.person),
    ]
    entities, canonical = document_entities(text, speakers)
    by_name = {e.name: e for e in entities}
    assert canonical["ncri"] == "National Council of Resistance of Iran"
    assert by_name["National Council of Resistance of Iran"].aliases == ["NCRI"]
    assert by_name["Maryam Rajavi"].type == SpeakerType.person


def test_an_unfired_figure_counts_something_else() -> None:
    """Issue 14: "firing a total of 100 shells" vs "60 unfired missiles" was listed as a conflict."""
    fired, unfired = numbers_in("firing a total of 100 shells"), numbers_in("leaving 60 unfired missiles at the scene")
    assert [(n.value, n.counts) for n in fired] == [(100, "missiles")]
    assert [(n.value, n.counts) for n in unfired] == [(60, "unfired missiles")]
