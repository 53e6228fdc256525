"""The noun phrases the cue rules are built from: the phrase that ends before a token, a name
after a comma or a parenthetical, and what is junk at a phrase's edges.

Why apart from ``phrases``: ``phrases`` decides which phrase is a cue's subject (appositives,
relative clauses, opening clauses); this module only says where a phrase starts and ends. Both
only look at tokens and punctuation, never at meaning.
"""

from __future__ import annotations

from summarizer.rules.lexicon import (
    AUX,
    CLOSE_Q,
    CUES,
    DAYS,
    DETERMINERS,
    MEASURES,
    NEGATED_AUX,
    PUNCT,
    QUALIFIERS,
    QUANTIFIERS,
    STOP_BACK,
    TIME_WORDS,
    VERBISH,
    is_adverb,
    words,
)
from summarizer.text.tokens import Tok
from summarizer.text.words import COURTESY_TITLES, PEOPLE_NOUNS, PERSON_ROLES

# one unnamed source, whose seat may follow it: "one GOP source in the room", "an aide on the panel"
SOURCE_NOUNS = frozenset({"source", "sources", "official", "officials", "aide", "aides", "member", "members"})


# words that count a part of a group before "of": "none of them", "10 percent of them", "a majority of voters"
_SHARES = frozenset(
    {"none", "each", "percent", "majority", "minority", "half", "third", "quarter", "share", "plurality"}
)


def skip_parenthetical(toks: list[Tok], b: int) -> int:
    """``b`` moved before a short parenthetical that ends right before it ("(D-Mo.)"), else ``b``; not
    before a relative pronoun ("the Organization (MEK) which opposes …" modifies a noun of its
    sentence, it is no speaker's frame)."""
    if b > 0 and toks[b - 1].text == ")" and not (b < len(toks) and toks[b].low in ("which", "who", "that")):
        opened = next((k for k in range(b - 2, max(-1, b - 8), -1) if toks[k].text == "("), -1)
        return opened if opened > 0 else b
    return b


# participles a source phrase runs on through: "a source involved in the super-PAC's creation"
PARTICIPLES = frozenset({"involved", "engaged", "interested", "based", "stationed", "employed"})
# "exit polls in New Hampshire", "the Committee for a Responsible Federal Budget", "a study by the Council …"
PLACED_BY = frozenset({"in", "for", "from", "by"})
# tokens a subject that opens on a determiner may run to ("An earlier report in a New Hampshire paper")
LONG_SUBJECT = 12


_SERVING = frozenset({"lawyer", "lawyers", "counsel", "assistant", "aides", "advisers", "spokespeople"})


def back_phrase(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The phrase ending before token ``b``: back to punctuation or a clause word, at most 7 tokens;
    a closing parenthetical right before ``b`` ("Zoe Lofgren (D-Calif.)") is skipped."""
    b = skip_parenthetical(toks, b)
    a = b
    while a > 0 and toks[a - 1].text not in PUNCT:
        t = toks[a - 1]
        between_names = (
            t.low in ("and", "of")
            and a >= 2
            and toks[a - 2].text[:1].isupper()
            and a < b
            and toks[a].text[:1].isupper()
        )  # "Trump and Pence", "Secretary of State"
        # "teachers and union officials told": two groups of people
        between_names = between_names or (
            t.low == "and" and a >= 2 and toks[a - 2].low in PEOPLE_NOUNS and toks[b - 1].low in PEOPLE_NOUNS
        )
        # "James Pethokoukis of the American Enterprise Institute": a name, then "of the" and a name
        between_names = between_names or (
            t.low == "of"
            and a >= 2
            and toks[a - 2].text[:1].isupper()
            and a + 1 < b
            and toks[a].low == "the"
            and toks[a + 1].text[:1].isupper()
        )
        qualified = t.low in ("with", "to", "as", "on") and a >= 2 and toks[a - 2].low in QUALIFIERS
        # "most of them said", "many of the voters say": a quantifier's "of" stays in the phrase
        counted = t.low == "of" and a >= 2 and toks[a - 2].low in QUANTIFIERS | _SHARES and a < b
        # "exit polls in New Hampshire and Iowa", "the Organization for Economic Cooperation and Development":
        # a noun, then a preposition and a name, is one phrase
        placed = (
            t.low in PLACED_BY
            and a >= 2
            and a < b
            and (
                toks[a].text[:1].isupper()  # "the Committee for a Responsible Federal Budget"
                or (toks[a].low in ("a", "the") and a + 1 < b and toks[a + 1].text[:1].isupper())
            )
            and (toks[a - 2].low in MEASURES | PEOPLE_NOUNS or toks[a - 2].text[:1].isupper())
            and toks[a - 2].low not in STOP_BACK
        )
        # "Democrats on Capitol Hill, who have argued": people, then where they sit
        placed = placed or (
            t.low == "on" and a >= 2 and a < b and toks[a - 2].low in PEOPLE_NOUNS and toks[a].text[:1].isupper()
        )
        # "the Commission on Presidential Debates", "the Council on Foreign Relations": a body named for its subject
        placed = placed or (
            t.low == "on"
            and a >= 2
            and a < b
            and toks[a - 2].low in ("commission", "council", "committee", "subcommittee", "conference")
            and toks[a - 2].text[:1].isupper()
            and toks[a].text[:1].isupper()
        )
        # "the former secretary of state said", "the director of communications": a role and what it is of;
        # "An aide to Smith said", "The lawyer for Smith said": the one who serves, not the one served
        counted = counted or (
            a >= 2
            and a < b
            and (t.low == "of" or (t.low in ("for", "to") and (toks[a].text[:1].isupper() or toks[a].low == "the")))
            and toks[a - 2].low in PERSON_ROLES | _SERVING
        )
        # "mother of three", "a father of two": a count after "of" closes the phrase it belongs to
        family = t.low == "of" and a + 1 == b and (toks[a].text.isdigit() or toks[a].low in QUANTIFIERS) and a >= 2
        # "United States", "POLITICO's Battleground States average": a name's word, no cue (train: 438 of
        # the 490 capitalised cue words after a capitalised word)
        named = t.text == "States" and a >= 2 and toks[a - 2].text[:1].isupper()
        # "FEC reports show that", "news reports say": a cue's plural noun right before the cue is its subject
        named = named or (a == b and t.low in MEASURES and t.low.endswith("s"))
        if (t.low in CUES and not named) or (
            t.low in STOP_BACK and not between_names and not qualified and not counted and not placed and not family
        ):
            break
        if a < b and toks[a].low.rstrip(".") in COURTESY_TITLES and t.text.islower() and t.low not in DETERMINERS:
            break  # "ways that help Mr. Putin maintain": a courtesy title opens the name's phrase
        a -= 1
    if a == b:
        return None
    determined = toks[a].low in DETERMINERS or toks[a].low in QUANTIFIERS
    # "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": a name and its body
    named = toks[a].text[:1].isupper() and all(t.text[:1].isupper() or t.low in _NAME_JOINERS for t in toks[a:b])
    if 7 < b - a <= LONG_SUBJECT and (determined or named) and not _holds_clause(toks, a, b):
        return a, b  # "A U.S. law enforcement official familiar with the investigation said"
    if b - a > 7:  # too long for a subject: keep its trailing capitalized run
        c = b
        while c > a and (toks[c - 1].text[:1].isupper() or toks[c - 1].low == "of"):
            c -= 1
        if c == b:
            return None
        a = c
    if any(t.low in VERBISH for t in toks[a:b]):
        return None
    return a, b


_NAME_JOINERS = frozenset("of the for and on at".split())


def _holds_clause(toks: list[Tok], a: int, b: int) -> bool:
    """``toks[a:b]`` holds a verb of its own: an auxiliary, "until", or a past verb with its object
    ("The ruling caused dismay among local party leaders"); a participle takes a preposition or a
    time ("a poll conducted by", "officials involved in", "a report released last year")."""
    if any(t.low in VERBISH or t.low == "until" or NEGATED_AUX.search(t.low) for t in toks[a:b]):
        return True
    return any(
        toks[k].text.islower()
        and toks[k].low.endswith("ed")
        and toks[k + 1].low not in PREPOSITIONS | TIME_WORDS
        and toks[k - 1].text.islower()
        and toks[k - 1].low not in DETERMINERS | QUANTIFIERS
        and not is_adverb(toks[k - 1].text)
        for k in range(a + 1, b - 1)
    )


def trailing_name(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The name ending before token ``b``: its run of capitalised words, joined by "of" / "al" / "de"
    ("Ted Cruz", "Nouri al-Maliki", "Secretary of State John Kerry"), else None."""
    a = b
    while a > 0 and (toks[a - 1].text[:1].isupper() or toks[a - 1].low in ("of", "al", "de")):
        a -= 1
    return (a, b) if a < b and toks[a].text[:1].isupper() else None  # a joiner opens no name


PREPOSITIONS = frozenset("among of for with by from to in on at about against between like including".split())


def object_before(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The noun phrase a preposition or verb governs right before token ``b`` ("… caused consternation
    among Republican Jewish leaders, who had hoped": Republican Jewish leaders), at most six words,
    none of them a verb form; else None."""
    a = b
    while a > 0 and b - a < 6:
        t = toks[a - 1]
        if t.text in PUNCT or t.low in PREPOSITIONS or t.low in STOP_BACK or t.low in VERBISH:
            break
        if t.text[:1].islower() and t.low.endswith(("ed", "ing")):
            break
        a -= 1
    return (a, b) if a < b and toks[b - 1].text[:1].isalpha() else None


def named_before_appositive(toks: list[Tok], comma: int) -> tuple[int, int] | None:
    """The name before the first comma that opens an appositive ending at ``comma``: the appositive
    may hold commas of its own ("a junior from Las Vegas, Nevada", "21, a junior"), so the name is
    the capitalised phrase before the earliest comma followed by a role, an age or a determiner."""
    start = max(0, comma - 30)
    # '"A, above all, B," Marc Roux, a columnist, wrote': the commas of a quotation before it open none
    start = max(
        (
            k + 1
            for k in range(max(start, 1), comma)
            if toks[k].text in CLOSE_Q and toks[k - 1].text in (",", "?", "!") and toks[k + 1].text[:1].isupper()
        ),
        default=start,
    )
    for k in range(start, comma):
        if toks[k].text != "," or k == 0:
            continue
        opener = toks[k + 1]
        opens = opener.low in DETERMINERS or opener.text[:1].isdigit() or opener.text[:1].islower()
        if not opens and opener.text[:1].isupper() and k + 2 < comma:  # "Twitter’s director of …": a role
            role = toks[k + 2 : min(comma, k + 4)]
            role = role[: next((n for n, t in enumerate(role) if t.text in PUNCT), len(role))]  # "Clinton, without"
            opens = any(t.text[:1].islower() and t.low not in ("and", "or") for t in role)
        if not opens or opener.low in ("and", "or", "but", "who", "which"):
            continue
        span = back_phrase(toks, k)
        if span is not None and toks[span[1] - 1].text[:1].isupper() and toks[span[0]].text[:1].isupper():
            return span
        return None
    return None


# words a speaker phrase neither opens nor closes with: "At", "Instead", "Given Obama's", "Thursday evening"
EDGE_JUNK = (
    STOP_BACK
    | DAYS
    | words("""just instead yet given despite during even only first last besides
    meanwhile fact enough evening morning afternoon night earlier later recently now
    himself herself themselves itself""")
)


# what opens a sentence before its subject and a comma
INTRODUCERS = EDGE_JUNK | words(
    "here there now today tonight yesterday however still also indeed moreover furthermore again so thus finally"
)


def clean_span(toks: list[Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` without junk at its edges (a leading preposition or adverb, a trailing time word);
    None when nothing is left."""
    if span is None:
        return None
    a, b = span
    while a < b and (toks[a].low in EDGE_JUNK or toks[a].text in PUNCT or toks[a].text in "'‘’"):
        a += 1
    while b > a and (toks[b - 1].low in EDGE_JUNK or toks[b - 1].text in PUNCT or toks[b - 1].text in "'‘’"):
        if toks[b - 1].low in DAYS and dates_a_noun(toks, a, b):
            break  # "new polls released Sunday", "a WBUR poll last week": the time dates the source
        b -= 1
    if b - a == 1 and toks[a].low.endswith("ing") and not _named_ing(toks, a, b):
        return None  # "Facing", "Having": a participle, no speaker
    if b - a == 1 and toks[a].low in ("a", "an", "the"):
        return None  # "a" of "and a friendly warning": an article is no speaker
    if b - a > 1 and a == 0 and toks[a].low.endswith("ing") and all(t.text.islower() for t in toks[a + 1 : b]):
        return None  # "Facing mounting criticism, Mr. Trump …", "Rattling off promises": a participle's phrase
    return (a, b) if a < b else None


def dates_a_noun(toks: list[Tok], a: int, b: int) -> bool:
    """The time run that ends the span at ``b`` dates a document or a measure ("a WBUR poll last week",
    "new polls released Sunday"), which PolNeAR keeps in the source phrase; after a name or another
    noun ("Mr. Trump on Monday", "the campaign on Tuesday") it is debris."""
    k = b
    while k > a and toks[k - 1].low in TIME_WORDS:
        k -= 1
    if k in (a, b):
        return False
    before = toks[k - 1]
    return before.low in MEASURES or (before.text.islower() and before.low.endswith("ed") and k - 1 > a)


def _named_ing(toks: list[Tok], a: int, b: int) -> bool:
    """A capitalised "-ing" word that names someone: mid-sentence, or right before a verb ("Schilling
    added:"), where a participle ("Speaking in Harlem, …") never stands."""
    if not toks[a].text[:1].isupper() or toks[a].low in ("having", "being"):
        return False  # "(Having said that, …": a perfect participle
    return a > 0 or (b < len(toks) and (toks[b].low in CUES or toks[b].low in AUX))
