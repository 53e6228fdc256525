"""Where a source phrase starts and ends around a cue: the subject before it, the name after it.

Why apart from ``lexicon``: these finders are the grammar of the rules (how far back a subject
runs, what an appositive or a parenthetical skips, when an opening clause is no subject), while
``lexicon`` holds the word lists they read. Both only look at tokens and punctuation, never at
meaning; ``cuesentence`` calls them for each cue.
"""

from __future__ import annotations

import calendar

from summarizer.rules.lexicon import (
    AUX,
    CATENATIVE,
    CLOSE_Q,
    CUES,
    DASHES,
    DAYS,
    DETERMINERS,
    DO_AUX,
    FINDINGS,
    FLOATING,
    MEASURES,
    NEGATED_AUX,
    PUNCT,
    QUALIFIERS,
    QUANTIFIERS,
    STOP_BACK,
    TIME_WORDS,
    VERBISH,
    is_adverb,
    modal_name,
    words,
)
from summarizer.rules.records import measure_head
from summarizer.text.tokens import Tok
from summarizer.text.words import PEOPLE_NOUNS, SUBJECT_PRONOUNS

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
        and toks[k + 1].low not in _PREPOSITIONS | TIME_WORDS
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


_PREPOSITIONS = frozenset("among of for with by from to in on at about against between like including".split())


def object_before(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The noun phrase a preposition or verb governs right before token ``b`` ("… caused consternation
    among Republican Jewish leaders, who had hoped": Republican Jewish leaders), at most six words,
    none of them a verb form; else None."""
    a = b
    while a > 0 and b - a < 6:
        t = toks[a - 1]
        if t.text in PUNCT or t.low in _PREPOSITIONS or t.low in STOP_BACK or t.low in VERBISH:
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
        if toks[b - 1].low in DAYS and _dates_a_noun(toks, a, b):
            break  # "new polls released Sunday", "a WBUR poll last week": the time dates the source
        b -= 1
    if b - a == 1 and toks[a].low.endswith("ing") and not _named_ing(toks, a, b):
        return None  # "Facing", "Having": a participle, no speaker
    if b - a == 1 and toks[a].low in ("a", "an", "the"):
        return None  # "a" of "and a friendly warning": an article is no speaker
    if b - a > 1 and a == 0 and toks[a].low.endswith("ing") and all(t.text.islower() for t in toks[a + 1 : b]):
        return None  # "Facing mounting criticism, Mr. Trump …", "Rattling off promises": a participle's phrase
    return (a, b) if a < b else None


def _dates_a_noun(toks: list[Tok], a: int, b: int) -> bool:
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


def subject_phrase(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Subject phrase of the cue at ``i`` (``_subject_phrase``) with junk edges cleaned off; none when
    the cue's clause is the object of a word before it ("Everything Trump says is a lie": what he
    says is talked about, nothing is attributed)."""
    span = clean_span(toks, _subject_phrase(toks, i))
    if span is not None and toks[i].low in FINDINGS:
        span = measure_head(toks, span)
    return None if span is not None and toks[span[0]].low in _OBJECT_HEADS else span


_OBJECT_HEADS = frozenset({"everything", "anything", "nothing", "something", "whatever"})


def _subject_phrase(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Subject phrase of the cue at ``i``; "X, the nominee, said" and "X, who ..., said" give X."""
    if i > 0 and modal_name(toks, i - 1, i):
        return trailing_name(toks, i)  # "Will described", "George Will wrote"
    b = i
    while b > 0 and (
        (
            toks[b - 1].low in AUX | DO_AUX
            and not modal_name(toks, b - 1, i)
            and not (toks[b - 1].low == "not" and toks[b].low == "have")  # "could not have passed": no act
        )
        or toks[b - 1].low in CATENATIVE  # "the community immediately began calling for"
        or (toks[b - 1].low == "to" and b > 1 and toks[b - 2].low in CATENATIVE | _TO_CUE)  # "continued to insist"
        or (toks[b - 1].low in _TO_CUE and b < i and toks[b].low == "to")  # "were more likely to say", "went on to say"
        or (toks[b - 1].low in _DEGREE and toks[b].low in _TO_CUE)
        or (toks[b - 1].low in ("went", "goes", "go") and toks[b].low == "on")
        or is_adverb(toks[b - 1].text)
        or (  # not after an auxiliary: "were both attacked by", "was first reported by" are passives
            toks[b - 1].low in FLOATING
            and b > 1
            and toks[b - 2].text not in PUNCT
            and toks[b - 2].low not in DETERMINERS | AUX | VERBISH
        )
    ):
        b -= 1
    if b > 1 and toks[b - 1].text == "," and toks[b - 2].text == ")":  # "Gov. John Kasich (R-OH), said"
        b = skip_parenthetical(toks, b - 1) if skip_parenthetical(toks, b - 1) < b - 1 else b
    b = skip_parenthetical(toks, b)  # "Sen. Claire McCaskill (D-Mo.) said": the party is no subject
    c = b
    while c > 0 and (toks[c - 1].low in DAYS or (c < b and toks[c - 1].low == "past")):  # "Thursday evening"
        c -= 1  # "this past week"
    if c < b and c > 2 and toks[c - 1].low in ("a", "the") and toks[c - 2].low in ("during", "on", "over"):
        c -= 1  # "Sanders during a Sunday thanked"
    if c < b and c > 1 and toks[c - 1].low == "during":
        b = c - 1
    elif (
        c < b
        and c > 1
        and toks[c - 1].low in ("on", "last", "this", "earlier", "later", "late", "early")
        and not _dates_a_noun(toks, 0, b)
    ):
        b = c - 1  # "Sanders on Tuesday said", "Spicer on Thursday evening said"
    if b > 1 and toks[b - 1].text in DASHES:  # "Donald Trump - who previously said … - said": before the first dash
        c = b - 1
        while c > 0 and toks[c - 1].text in DASHES:  # "--" is two tokens
            c -= 1
        opened = next((k for k in range(c - 1, max(0, c - 40), -1) if toks[k].text in DASHES), None)
        while opened is not None and opened > 0 and toks[opened - 1].text in DASHES:
            opened -= 1
        if opened is not None:
            return back_phrase(toks, opened)
    if (  # "businesses that warn it could harm commerce", "groups that say": the noun before "that"
        b > 1
        and toks[b - 1].low == "that"
        and toks[b - 2].text not in PUNCT
        and toks[b - 2].low not in CUES | VERBISH | STOP_BACK | DETERMINERS
        and not is_adverb(toks[b - 2].text)
        and (toks[b - 2].low in PEOPLE_NOUNS or toks[b - 2].low in MEASURES or toks[b - 2].text[:1].isupper())
        and toks[b - 2].low not in DAYS | _MONTHS  # "one in September that said": the one, not the month
    ):
        return back_phrase(toks, b - 1)
    if b > 0 and toks[b - 1].low in ("who", "which"):
        b -= 1
        if b > 0 and toks[b - 1].text in (",", *DASHES):  # "Reid, who endorsed Clinton": the relative's antecedent
            # after a verb, the antecedent is the name it ends on ("… was out-brutalizing Ted Cruz, who said")
            span = back_phrase(toks, b - 1)
            if span is not None and toks[b].low == "who":
                span = _who_antecedent(toks, span)
            return span or trailing_name(toks, b - 1) or object_before(toks, b - 1)
        comma = next((k for k in range(b - 1, max(-1, b - 9), -1) if toks[k].text == ","), -1)
        if comma > 0 and toks[b - 1].text != ",":  # "X, former mayor of New York who said": X
            # "… from rights groups, entertainers and business leaders who say": the people before "who"
            people = back_phrase(toks, b) if toks[b - 1].low in PEOPLE_NOUNS else None
            return trailing_name(toks, comma) or people
    if b > 0 and toks[b - 1].text == ",":  # an appositive or relative clause sits between subject and verb
        # "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said": the relative
        # clause that follows the sentence's opening phrase runs on over its own commas up to the verb
        rel = next((k for k in range(1, b - 2) if toks[k].text == "," and toks[k + 1].low in ("who", "which")), None)
        opening = back_phrase(toks, rel) if rel is not None else None
        if opening is not None and opening[0] <= 1:
            return opening
        named = named_before_appositive(toks, b - 1)
        if named is not None:  # "Dean Ruiz, a salesman from Sumter, South Carolina, said": Dean Ruiz
            return named
        c0 = max((k for k in range(b - 1) if toks[k].text == ","), default=-1)
        titled = next((k for k in range(c0 + 1, b - 1) if toks[k].low in ("entitled", "titled")), -1)
        if titled > 0:  # "The new report entitled Long Title Here, explained": the report
            return back_phrase(toks, titled)
        seg = toks[c0 + 1 : b - 1] if c0 >= 0 else []
        # "Another pollster, David Wood of Clemson University, said": a name and its body between commas
        named_seg = all(t.text[:1].isupper() or t.low in ("of", "the", "at", "for") for t in seg)
        if seg and (
            seg[0].low in DETERMINERS
            or seg[0].low in ("who", "which")
            or seg[0].text.islower()
            or len(seg) <= 3
            or named_seg
        ):
            return back_phrase(toks, c0)
        return None
    span = back_phrase(toks, b)
    # "a White House official who spoke anonymously said"; "advisers who have run the numbers argue",
    # where the clause's auxiliary made the phrase before the cue none
    antecedent = _restrictive_antecedent(toks, span[0] if span is not None else b)
    if antecedent is not None:
        return antecedent
    if span is not None and toks[i].low.endswith("ing"):  # "the campaign issued a statement saying": the campaign
        verb = next(
            (
                k
                for k in range(span[0] + 1, span[1] - 1)
                if toks[k].text.islower() and toks[k].low.endswith("ed") and toks[k + 1].low in DETERMINERS
            ),
            None,
        )
        if verb is not None:
            return span[0], verb
    return span


_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
# words after which "to" + a cue keeps the subject before them: "were more likely to say", "went on
# to say", "refused to say"
_TO_CUE = frozenset("likely unlikely willing unwilling refused declined ready eager quick able on".split())
_DEGREE = frozenset("more less most least far much".split())


def _who_antecedent(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """Who a ", who" clause is about when the phrase before its comma holds a verb: the people noun
    ("to placate nervous Democrats on Capitol Hill, who argued") or the name the verb ends on ("The
    move pleased Smith, who said")."""
    a, b = span
    if toks[a].text.islower() or toks[a].low in DETERMINERS:
        people = next((k for k in range(a + 1, b) if toks[k].low in PEOPLE_NOUNS), None)
        a = people if people is not None else a
    if any(t.text.islower() and t.low.endswith("ed") and len(t.low) > 4 for t in toks[a + 1 : b - 1]):
        return trailing_name(toks, b) or (a, b)
    return a, b


def _restrictive_antecedent(toks: list[Tok], a: int) -> tuple[int, int] | None:
    """The phrase before a "who" clause that runs without commas up to the phrase at ``a``: "a White
    House official who spoke anonymously to discuss internal strategy said", "The lawyer who ran
    three marathons before his knee blew out is talking about". Not "the man who Trump said": there
    the words after "who" are the subject."""
    for k in range(a - 1, max(0, a - 12), -1):
        t = toks[k]
        if t.text in PUNCT:
            return None
        if t.low == "who":
            after = toks[k + 1]
            if after.low in SUBJECT_PRONOUNS or after.text[:1].isupper():
                return None
            return back_phrase(toks, k)
    return None
