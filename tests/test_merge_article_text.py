"""Issue 14: entities read the names an article writes outside its claims, and what it says a name is.

Each test merges hand-made results whose article text is given, so the rule under test is the only
way the expected join can happen: without the text (``texts`` left out) the same documents stay
apart, which the tests check too.
"""

from __future__ import annotations

from summarizer.merge import merge_documents
from summarizer.merge.appositions import appositions
from summarizer.merge.firstnames import GivenNames
from summarizer.merge.names import names_in_text
from summarizer.models import MergeResult, SpeakerType
from tests.test_merge import ASSERT, ORG, PER, make_doc

A = SpeakerType.author


def _entity(result: MergeResult, alias: str) -> str | None:
    return next((e.id for e in result.entities if any(a.alias == alias for a in e.aliases)), None)


def test_a_description_set_beside_a_name_is_that_name_in_its_article() -> None:
    text = (
        "Six died, said a statement by the National Council of Resistance of Iran, the Iranian opposition "
        "movement in exile. The camp was hit twice, the opposition said."
    )
    doc = make_doc(
        "a1",
        text,
        [
            ("National Council of Resistance of Iran", ORG, "said", "Six died", "Six died", [], [], ASSERT),
            ("the opposition", ORG, "said", "The camp was hit twice", "The camp was hit twice", [], [], ASSERT),
        ],
    )
    with_text = merge_documents([doc], texts={"a1": text})
    ncri = _entity(with_text, "National Council of Resistance of Iran")
    assert ncri is not None and _entity(with_text, "opposition") == ncri
    assert _entity(with_text, "Iranian opposition movement in exile") == ncri
    without = merge_documents([doc])
    assert _entity(without, "opposition") != _entity(without, "National Council of Resistance of Iran")


def test_apposition_reads_bodies_not_roles() -> None:
    found = {(a.name, a.description) for a in appositions("by the United Nations refugee agency, UNHCR.")}
    assert found == {("UNHCR", "United Nations refugee agency")}
    assert appositions("said Ed Smith, the party chairman.") == []  # a role: persons have their own rules
    assert appositions("In the statement, the NCRI says that") == []
    assert [a.name for a in appositions("Reuters, the news agency, said")] == ["Reuters"]


def test_a_long_form_written_outside_every_claim_links_the_names_of_claims() -> None:
    """ "Tax Policy Center" (a speaker) and "S.E.C." (in a claim) join the forms the article writes in
    a speaker's description or an unquoted sentence; a name only the text writes makes no entity."""
    text = (
        "Steven Rosenthal, a senior fellow at the Urban-Brookings Tax Policy Center, wrote about it. "
        "The Securities and Exchange Commission has rules. Loans rose, the Tax Policy Center said. "
        "Filings go to the S.E.C. every year, analysts said. Mayor Jane Roe visited Boston Harbor Hotel."
    )
    doc = make_doc(
        "t1",
        text,
        [
            ("Tax Policy Center", ORG, "said", "Loans rose", "Loans rose", [], [], ASSERT),
            ("analysts", ORG, "said", "Filings go to the S.E.C. every year", "Filings go", [], [], ASSERT),
        ],
    )
    result = merge_documents([doc], texts={"t1": text})
    center = _entity(result, "Tax Policy Center")
    assert center is not None and _entity(result, "Urban-Brookings Tax Policy Center") == center
    sec = _entity(result, "S.E.C")
    assert sec is not None and _entity(result, "Securities and Exchange Commission") == sec
    assert _entity(result, "Boston Harbor Hotel") is None  # only the text names it: no actor of a claim
    alone = merge_documents([doc])
    assert _entity(alone, "Urban-Brookings Tax Policy Center") is None


def test_a_name_opening_with_a_given_name_is_a_person_and_takes_its_lone_surname() -> None:
    text = (
        "The board says Hillary Clinton aide Cheryl Mills had a conflict. It says Mills violated the "
        "rules. Donald Trump spoke. The plan that Donald has put forth is bad, Clinton said."
    )
    doc = make_doc(
        "m1",
        text,
        [
            ("the board", ORG, "says", "Hillary Clinton aide Cheryl Mills had a conflict",
             "Cheryl Mills had a conflict", [], [], ASSERT),
            ("Donald Trump", PER, None, "Donald Trump spoke", "Donald Trump spoke", [], [], ASSERT),
            ("Clinton", PER, "said", "The plan that Donald has put forth is bad", "The plan is bad", [], [], ASSERT),
        ],
    )  # fmt: skip
    result = merge_documents([doc], texts={"m1": text})
    mills = next(e for e in result.entities if any(a.alias == "Cheryl Mills" for a in e.aliases))
    assert mills.type == SpeakerType.person and "Mills" in {a.alias for a in mills.aliases}
    assert _entity(result, "Donald") == _entity(result, "Donald Trump")


def test_given_names_tell_people_from_places_and_bodies() -> None:
    given = GivenNames()
    assert given.personal("Cheryl Mills") and given.personal("Howard Dean") and given.personal("Hassan Danaiefar")
    assert not given.personal("Cleveland Cavaliers")  # a city that is also a given name
    assert not given.personal("Grant Park") and not given.personal("Tax Policy Center")
    assert not given.personal("Hillary")  # one word is no full name
    assert not given.personal("Iranian Revolution")


def test_names_keep_middle_initials_and_split_at_and_unless_a_body() -> None:
    found = names_in_text("Vice President Joseph R. Biden Jr. met Donald Trump and Hillary Clinton.")
    assert "Vice President Joseph R. Biden Jr" in found and "Vice President Joseph" not in found
    assert {"Donald Trump", "Hillary Clinton"} <= found.keys() and "Donald Trump and Hillary Clinton" not in found
    bodies = names_in_text(
        "The Securities and Exchange Commission ruled. The Department of Health and Human Services agreed. "
        "The Iraqi Government and the United Nations signed it. Cooper and Martha Raddatz of ABC News asked."
    )
    assert {"Securities and Exchange Commission", "Department of Health and Human Services"} <= bodies.keys()
    assert {"Iraqi Government", "United Nations", "Martha Raddatz of ABC News"} <= bodies.keys()
    assert not any(n.startswith(("Iraqi Government and", "Cooper and")) for n in bodies)
    assert "Said Ellis" not in names_in_text("Said Ellis: it is hard.")  # an inverted cue, not a first name


def test_a_body_named_by_its_last_word_is_the_one_its_article_names_in_full() -> None:
    text = "We will move in the United States Congress, Dean said. The lobby reached the Congress and the Pentagon."
    doc = make_doc(
        "c1",
        text,
        [("Howard Dean", PER, "said", "We will move in the United States Congress", "We will move", [], [], ASSERT)],
    )
    result = merge_documents([doc], texts={"c1": text})
    congress = _entity(result, "United States Congress")
    assert congress is not None and _entity(result, "Congress") == congress


def test_a_description_without_a_capital_belongs_to_its_article() -> None:
    """ "the agency" of one article is USCIS by its apposition; "the agency" of another is not."""
    t1 = (
        "United States Citizenship and Immigration Services, the agency that oversees visas, said more. "
        "Fees rose, the agency said."
    )
    t2 = "The Government Accountability Office audited it. Money was lost, the agency said."
    d1 = make_doc("u1", t1, [("the agency", ORG, "said", "Fees rose", "Fees rose", [], [], ASSERT)])
    d2 = make_doc("u2", t2, [("the agency", ORG, "said", "Money was lost", "Money was lost", [], [], ASSERT)])
    result = merge_documents([d1, d2], texts={"u1": t1, "u2": t2})
    agencies = [e for e in result.entities if any(a.alias == "agency" for a in e.aliases)]
    # u2's "the agency", which nothing resolves or links, is no actor of its own (session 17)
    assert len(agencies) == 1 and all(d == "u1" for a in agencies[0].aliases for d in a.doc_ids)
    assert "United States Citizenship and Immigration Services" in {a.alias for a in agencies[0].aliases}


def test_acronyms_are_no_persons_and_a_places_residents_are_no_place() -> None:
    text = "The GOP nominee spoke, GOP said. Camp Liberty residents demand safety. City Attorney Brad Holm said no."
    doc = make_doc(
        "g1",
        text,
        [
            ("GOP", PER, "said", "The GOP nominee spoke", "The GOP nominee spoke", [], [], ASSERT),
            ("Camp Liberty residents", ORG, "demand", "safety", "safety", [], [], ASSERT),
            ("City Attorney Brad Holm", PER, "said", "no", "no", [], [], ASSERT),
        ],
    )
    types = {e.canonical: e.type for e in merge_documents([doc], texts={"g1": text}).entities}
    assert types["GOP"] == SpeakerType.organization
    assert types["Camp Liberty residents"] != SpeakerType.place
    assert types["Brad Holm"] == SpeakerType.person  # the role is no part of the canonical name


def test_a_role_then_a_name_is_a_person_whatever_the_role() -> None:
    given = GivenNames()
    assert given.personal("House Speaker Paul D. Ryan") and given.personal("MSNBC host Chris Matthews")
    assert not given.personal("Hillary Clinton campaign") and not given.personal("Clinton Foundation")
    text = "Costs rose, MSNBC host Chris Matthews said."
    doc = make_doc(
        "r1", text, [("MSNBC host Chris Matthews", SpeakerType.media, "said", "Costs rose", "x", [], [], ASSERT)]
    )
    (entity,) = [e for e in merge_documents([doc], texts={"r1": text}).entities if e.type != A]
    assert entity.type == SpeakerType.person
