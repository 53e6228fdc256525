"""The runaway guard: stops replies that loop, never legitimate claim lists."""

import json

from hypothesis import given
from hypothesis import strategies as st

from summarizer.backends.runaway import RunawayGuard

GUARD = RunawayGuard()


def test_the_same_claim_object_three_times_is_a_runaway() -> None:
    item = '{"sentence": 3, "speaker": "NCRI", "cue": "said"}, '
    assert GUARD.repeating_tail('{"claims": [' + item * 3) == len(item)
    assert GUARD.repeating_tail('{"claims": [' + item * 2) == 0


def test_a_long_sentence_written_twice_in_a_row_is_a_runaway() -> None:
    sentence = "The article also mentions that the tweet was about the debate of enormous importance. "
    assert GUARD.repeating_tail('{"summary": "' + sentence * 2) == len(sentence)
    assert GUARD.repeating_tail('{"summary": "' + sentence) == 0


def test_endless_whitespace_is_a_runaway_but_ordinary_indentation_is_not() -> None:
    assert GUARD.repeating_tail('{"claims": [' + " " * 120) == 1
    assert GUARD.repeating_tail('{\n    "claims": [\n        {') == 0


@given(
    st.lists(
        st.tuples(st.sampled_from(["NCRI", "the author", "Maryam Rajavi"]), st.sampled_from(["said", "", "claimed"])),
        min_size=1,
        max_size=40,
    )
)
def test_a_real_claim_list_never_trips_the_guard(items: list[tuple[str, str]]) -> None:
    claims = [{"sentence": i, "speaker": who, "cue": cue} for i, (who, cue) in enumerate(items, 1)]
    text = json.dumps({"summary": "A summary.", "claims": claims}, indent=2)
    assert all(GUARD.repeating_tail(text[:n]) == 0 for n in range(16, len(text) + 1, 16))
