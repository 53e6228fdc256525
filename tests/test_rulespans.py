"""Rule spans in the extractor: where the reporting-verb rules find an attribution in a cited
sentence, their span, cue and speaker win; the model keeps its pronoun resolution and its recall."""

from fakes import FakeBackend, claim, reply

from summarizer.calllog import CallLog
from summarizer.extract.engine import ExtractOptions, Extractor
from summarizer.ingest.reader import read_bytes_as_article

TEXT = (
    "The council met on Monday. "
    "Figueroa said Stein complied with police orders and left the area. "
    "Mayor Ana Ruiz arrived late. "
    "She said the budget protects every school in the city. "
    "The vote was delayed until March because of the storm."
)


def extract(*claims: dict, **opts: bool):
    article = read_bytes_as_article(TEXT.encode(), path="doc.txt", doc_id="doc")
    extractor = Extractor(FakeBackend(reply(list(claims))), options=ExtractOptions(**opts), calllog=CallLog(None))
    return {c.evidence.sentence_ids[0]: c for c in extractor.extract(article).claims}


def test_the_rule_speaker_and_span_replace_a_speaker_taken_from_the_content() -> None:
    c = extract(claim(2, "Stein", "said"))[2]
    assert c.speaker.name == "Figueroa" and c.cue == "said"
    assert c.evidence.text == "Stein complied with police orders and left the area"
    assert TEXT[c.evidence.start : c.evidence.end] == c.evidence.text


def test_the_model_keeps_the_name_behind_a_pronoun_and_the_rules_give_the_span() -> None:
    c = extract(claim(4, "Ana Ruiz", "said"))[4]
    assert c.speaker.name == "Ana Ruiz"
    assert c.evidence.text == "the budget protects every school in the city"


def test_without_rule_spans_the_check_still_rejects_a_speaker_named_only_after_the_cue() -> None:
    c = extract(claim(2, "Stein", "said"), rule_spans=False)[2]
    assert c.speaker.name == "Figueroa" and c.origin == "model"


def test_rule_attributions_the_model_skipped_are_added_only_with_the_supplement() -> None:
    assert extract(claim(5))[2].origin == "rules"
    assert 2 not in extract(claim(5), rule_supplement=False)
