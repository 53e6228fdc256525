"""Retry, re-ask and validation branches, driven by a fake backend replaying queued replies.

The claim path is exercised with ``model_cues`` and the ``quote`` style (items cite a sentence and
its cue word), where grounding can fail; the default reply is the summary alone."""

import sqlite3
from pathlib import Path

import pytest
from fakes import FakeBackend, claim, reply, reply_cues

from summarizer import calllog
from summarizer.backends.base import Completion
from summarizer.calllog import CallLog
from summarizer.errors import ConfigError, ExtractionFailed, PermanentBackendError, TransientBackendError
from summarizer.extract.engine import ExtractOptions, Extractor
from summarizer.extract.retry import TransientPolicy
from summarizer.ingest.reader import read_bytes_as_article

TEXT = (
    "The city council met on Monday to debate the new budget for schools. "
    "Mayor Ana Ruiz said the budget protects schools. Critics warned that taxes would rise."
)


def article(text: str = TEXT, doc_id: str = "doc"):
    return read_bytes_as_article(text.encode(), path=f"{doc_id}.txt", doc_id=doc_id)


def extractor(backend: FakeBackend, waits: list[float] | None = None, **opts) -> Extractor:
    sleeps = waits if waits is not None else []
    opts.setdefault("rule_supplement", False)
    opts.setdefault("model_cues", True)
    opts.setdefault("evidence_style", "quote")
    return Extractor(
        backend,
        options=ExtractOptions(**opts),
        calllog=CallLog(None),
        policy=TransientPolicy(attempts=4, initial=1.0, max_wait=30, sleep=sleeps.append),
    )


GOOD = reply([claim(2), claim(3, "warned")])


def test_429_with_retry_after_then_success_waits_as_told_and_sums_tokens() -> None:
    waits: list[float] = []
    backend = FakeBackend(TransientBackendError("rate limited", status=429, retry_after=7), GOOD)
    result = extractor(backend, waits).extract(article())
    assert next(w for w in waits if w > 0) == 7
    assert result.meta.attempts == 2 and result.meta.calls == 1
    assert result.meta.tokens.prompt == 100 and len(result.claims) == 2


def test_5xx_backs_off_exponentially_then_gives_up_with_counts() -> None:
    waits: list[float] = []
    backend = FakeBackend(*[TransientBackendError("HTTP 503", status=503) for _ in range(4)])
    with pytest.raises(ExtractionFailed) as err:
        extractor(backend, waits).extract(article())
    assert err.value.attempts == 4 and len(backend.requests) == 4
    assert len([w for w in waits if w > 0]) == 3 and waits == sorted(waits)
    assert "HTTP 503" in str(err.value) and "doc.txt" in str(err.value)


def test_invalid_json_is_reasked_with_the_error_and_tokens_are_summed() -> None:
    bad = Completion(text='{"summary": "x", "claims": [', finish_reason="stop", prompt_tokens=100, completion_tokens=5)
    backend = FakeBackend(bad, GOOD)
    result = extractor(backend).extract(article())
    assert len(backend.requests) == 2
    reask = backend.requests[1].messages
    assert reask[-2]["role"] == "assistant" and "not valid JSON" in reask[-1]["content"]
    assert result.meta.tokens.prompt == 200 and result.meta.tokens.completion == 25
    assert result.meta.attempts == 2


def test_schema_violation_is_reasked() -> None:
    wrong = Completion(text='{"summary": "x", "claims": [{"sentence": 1}]}', finish_reason="stop")
    backend = FakeBackend(wrong, GOOD)
    assert len(extractor(backend).extract(article()).claims) == 2
    assert "does not match the schema" in backend.requests[1].messages[-1]["content"]


def test_ungrounded_then_grounded() -> None:
    ungrounded = reply([claim(42)])
    backend = FakeBackend(ungrounded, GOOD)
    result = extractor(backend).extract(article())
    assert "is not one of" in backend.requests[1].messages[-1]["content"]
    assert result.meta.dropped_ungrounded == 0 and len(result.claims) == 2


def test_a_few_ungrounded_items_in_a_long_reply_are_dropped_without_a_reask() -> None:
    text = " ".join(f"Officer {n} said the road {n} was closed." for n in range(1, 9))
    items = [claim(n) for n in range(1, 8)] + [claim(42)]
    backend = FakeBackend(reply(items))
    result = extractor(backend).extract(article(text))
    assert len(backend.requests) == 1
    assert result.meta.dropped_ungrounded == 1 and len(result.claims) == 7


def test_ungrounded_after_all_reasks_is_dropped_and_counted() -> None:
    mixed = reply([claim(2), claim(42)])
    backend = FakeBackend(mixed, mixed, mixed)
    result = extractor(backend, max_reasks=2).extract(article())
    assert len(backend.requests) == 3
    assert len(result.claims) == 1 and result.meta.dropped_ungrounded == 1
    assert any("dropped" in w for w in result.meta.warnings)


def test_truncation_raises_max_tokens_once_then_splits_the_input() -> None:
    cut = Completion(text='{"summary": "x", "cl', finish_reason="length", prompt_tokens=50, completion_tokens=9)
    part1 = reply([])  # the first half holds no attribution
    part2 = reply([claim(2), claim(3, "warned")])
    backend = FakeBackend(cut, cut, part1, part2)
    result = extractor(backend, max_tokens=100, max_tokens_cap=200).extract(article())
    assert [r.max_tokens for r in backend.requests] == [100, 200, 100, 100]
    assert len(result.claims) == 2 and result.meta.chunks == 2
    assert result.meta.tokens.completion == 9 + 9 + 20 + 20
    assert [c.speaker.name for c in result.claims] == ["Mayor Ana Ruiz", "Critics"]


def test_runaway_reply_is_split_at_once_without_raising_max_tokens() -> None:
    loop = Completion(text='{"claims": [' + '{"sentence": 1}, ' * 9, finish_reason="repetition", completion_tokens=60)
    backend = FakeBackend(loop, reply([]), reply([claim(2), claim(3, "warned")]))
    result = extractor(backend, max_tokens=100, max_tokens_cap=200).extract(article())
    assert [r.max_tokens for r in backend.requests] == [100, 100, 100]
    assert len(result.claims) == 2 and result.meta.chunks == 2
    assert any("repeated itself" in w for w in result.meta.warnings)


def test_runaway_on_a_single_sentence_fails_the_document_with_the_reason() -> None:
    loop = Completion(text='{"claims": [', finish_reason="repetition", completion_tokens=60)
    with pytest.raises(ExtractionFailed, match="repeating itself"):
        extractor(FakeBackend(loop)).extract(article("Mayor Ana Ruiz said the budget protects schools."))


def test_refusal_fails_the_document_with_the_reason() -> None:
    backend = FakeBackend(Completion(text="", finish_reason="stop", refusal="I can't help with that"))
    with pytest.raises(ExtractionFailed, match="refused"):
        extractor(backend).extract(article())
    assert len(backend.requests) == 1


def test_permanent_error_is_not_retried() -> None:
    backend = FakeBackend(PermanentBackendError("HTTP 401: bad key", status=401))
    with pytest.raises(ExtractionFailed, match="401"):
        extractor(backend).extract(article())
    assert len(backend.requests) == 1


def test_identical_request_is_answered_from_the_call_log() -> None:
    log = CallLog(None)
    first = Extractor(FakeBackend(GOOD), calllog=log).extract(article())
    assert first.meta.calls == 1
    again_backend = FakeBackend()
    again = Extractor(again_backend, calllog=log).extract(article())
    assert again_backend.requests == [] and again.meta.calls == 0 and again.meta.cached_calls == 1
    assert [c.evidence for c in again.claims] == [c.evidence for c in first.claims]


def test_claims_carry_grounded_evidence_speaker_and_rules_fields() -> None:
    result = extractor(FakeBackend(GOOD)).extract(article())
    c = result.claims[0]
    assert c.id == "doc#c1" and c.speaker.name == "Mayor Ana Ruiz" and c.cue == "said"
    assert TEXT[c.evidence.start : c.evidence.end] == c.evidence.text == "the budget protects schools"
    assert c.speaker.mention is not None and TEXT[c.speaker.mention.start : c.speaker.mention.end] == "Mayor Ana Ruiz"
    assert c.cue_span is not None and TEXT[c.cue_span.start : c.cue_span.end] == "said"
    assert c.speaker.type.value == "person" and c.origin == "model"


def test_a_cue_word_that_is_not_in_its_sentence_is_a_grounding_problem() -> None:
    backend = FakeBackend(reply([claim(2, "denied")]), GOOD)
    result = extractor(backend).extract(article())
    assert "cue 'denied' is not in sentence [2]" in backend.requests[1].messages[-1]["content"]
    assert len(result.claims) == 2


def test_rules_add_attributions_the_model_missed_and_check_its_speakers() -> None:
    text = (
        "The council met on Monday to debate the new budget for schools. "
        "Critics said the plan would raise taxes for every family in town. "
        "The mayor left."
    )
    result = extractor(FakeBackend(reply([])), rule_supplement=True).extract(article(text))
    by_sentence = {c.evidence.sentence_ids[0]: c for c in result.claims}
    assert by_sentence[1].speaker.name == "author" and by_sentence[1].origin == "rules"
    assert by_sentence[2].speaker.name == "Critics" and by_sentence[2].cue == "said"
    assert (
        by_sentence[2].origin == "rules"
        and by_sentence[2].text == "the plan would raise taxes for every family in town"
    )
    assert 3 not in by_sentence  # too short to be an author claim


def test_marked_cue_candidates_are_confirmed_by_number() -> None:
    text = "The council met on Monday. Critics have been mulling over a new budget for the schools."
    backend = FakeBackend(reply_cues([1]))
    result = extractor(backend, evidence_style="sentence").extract(article(text))
    assert "mulling{1}" in backend.requests[0].messages[1]["content"]
    assert [(c.speaker.name, c.cue, c.origin) for c in result.claims] == [("Critics", "mulling", "model")]


def test_a_number_that_marks_no_word_is_reasked() -> None:
    text = "The council met on Monday. Critics have been mulling over a new budget for the schools."
    backend = FakeBackend(reply_cues([7]), reply_cues([1]))
    result = extractor(backend, evidence_style="sentence").extract(article(text))
    assert "cue 7 is not one of the marked words {1}..{1}" in backend.requests[1].messages[-1]["content"]
    assert len(result.claims) == 1


def test_the_default_reply_is_the_summary_and_the_rules_frame_every_claim() -> None:
    backend = FakeBackend(reply([], summary="Ruiz defends the budget."))
    result = Extractor(backend, calllog=CallLog(None)).extract(article())
    assert "summary" in backend.requests[0].json_schema["properties"]
    assert "cues" not in backend.requests[0].json_schema["properties"]
    assert result.summary == "Ruiz defends the budget."
    assert [(c.speaker.name, c.origin) for c in result.claims if c.cue] == [
        ("Mayor Ana Ruiz", "rules"),
        ("Critics", "rules"),
    ]


def test_a_summary_cut_by_the_token_budget_keeps_the_cues() -> None:
    text = "The council met on Monday. Critics have been mulling over a new budget for the schools."
    cut = Completion(text='{"cues": [1], "summary": "Critics are mull', finish_reason="length", completion_tokens=12)
    result = extractor(FakeBackend(cut), evidence_style="sentence").extract(article(text))
    assert result.summary == "Critics are mull" and len(result.claims) == 1
    assert any("summary cut" in w for w in result.meta.warnings)


def test_a_summary_only_reply_cut_by_its_budget_is_closed_not_raised_or_split() -> None:
    cut = Completion(text='{"summary": "The council met and the mayor', finish_reason="length", completion_tokens=96)
    backend = FakeBackend(cut)
    result = Extractor(backend, calllog=CallLog(None)).extract(article())
    assert len(backend.requests) == 1 and result.meta.chunks == 1
    assert result.summary == "The council met and the mayor" and len(result.claims) >= 2


def test_a_summary_only_run_asks_about_the_lead_and_the_rules_frame_the_rest() -> None:
    text = " ".join(f"Officer {n} said the road number {n} was closed for the whole week." for n in range(1, 40))
    backend = FakeBackend(reply([], summary="Roads are closed."))
    result = Extractor(backend, options=ExtractOptions(summary_chars=300), calllog=CallLog(None)).extract(article(text))
    assert len(backend.requests) == 1 and result.meta.chunks == 1
    prompt = backend.requests[0].messages[1]["content"]
    assert "Officer 1 said" in prompt and "Officer 39 said" not in prompt
    assert [c.speaker.name for c in result.claims] == [f"Officer {n}" for n in range(1, 40)]


def test_a_summary_written_as_a_list_of_sentences_is_one_summary() -> None:
    listed = Completion(text='{"summary": ["Ruiz defends the budget.", "Critics object."]}', finish_reason="stop")
    result = Extractor(FakeBackend(listed), calllog=CallLog(None)).extract(article())
    assert result.summary == "Ruiz defends the budget. Critics object." and result.meta.attempts == 1


def test_a_new_call_log_is_whole_in_wal_mode_the_moment_it_exists(tmp_path: Path) -> None:
    """The log is made beside its place and renamed in: a run killed while creating it cannot leave
    a log without WAL or schema (the fault test that kills during start-up caught one)."""
    path = tmp_path / "sub" / "calls.sqlite"
    CallLog(path).close()
    assert [p.name for p in path.parent.iterdir()] == ["calls.sqlite"]  # no temporary file left
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] >= 1
        db.execute("SELECT COUNT(*) FROM calls").fetchone()
    finally:
        db.close()


def test_sqlites_memory_name_is_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``summarizer batch prepare`` keeps its log in memory as ":memory:": no file of that name may
    appear where it runs (one did, and was committed, before this test)."""
    monkeypatch.chdir(tmp_path)
    log = CallLog(":memory:")
    log.close()
    assert log.path == ":memory:" and list(tmp_path.iterdir()) == []


def test_a_run_killed_while_creating_the_call_log_leaves_no_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "calls.sqlite"

    def killed(where: str) -> sqlite3.Connection:  # the file exists, WAL and schema never came
        sqlite3.connect(where).execute("CREATE TABLE half (x)")
        raise OSError("killed")

    monkeypatch.setattr(calllog, "_open", killed)
    with pytest.raises(ConfigError):
        CallLog(path)
    assert not path.exists()  # the next run creates it whole
