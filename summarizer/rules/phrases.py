"""Which phrase is a cue's subject: the phrase before it, past appositives, parentheticals,
relative clauses and opening clauses.

Why apart from ``lexicon`` and ``nounphrase``: these finders are the grammar of the rules (how far
back a subject runs, what an appositive or a relative clause points to, when an opening clause is
no subject), while ``lexicon`` holds the word lists they read and ``nounphrase`` where a phrase
starts and ends. All only look at tokens and punctuation, never at meaning; ``cuesentence`` calls
them for each cue.
"""

from __future__ import annotations

from summarizer.rules.lexicon import (
    AUX,
    CATENATIVE,
    CUES,
    DASHES,
    DAYS,
    DETERMINERS,
    DO_AUX,
    FINDINGS,
    FLOATING,
    MEASURES,
    PUNCT,
    STOP_BACK,
    VERBISH,
    is_adverb,
    modal_name,
)
from summarizer.rules.nounphrase import (
    PREPOSITIONS,
    back_phrase,
    clean_span,
    dates_a_noun,
    named_before_appositive,
    object_before,
    skip_parenthetical,
    trailing_name,
)
from summarizer.rules.records import measure_head, measure_made
from summarizer.rules.speakers import DOCUMENT_WORDS
from summarizer.text.tokens import Tok
from summarizer.text.words import MONTHS, PEOPLE_NOUNS, SUBJECT_PRONOUNS


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
        and not dates_a_noun(toks, 0, b)
    ):
        b = c - 1  # "Sanders on Tuesday said", "Spicer on Thursday evening said"
    made = measure_made(toks, i)  # "A CNN poll released on Tuesday showed": the poll and its release
    if made is not None:
        return made
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
        and (
            toks[b - 2].low in PEOPLE_NOUNS
            or toks[b - 2].low in MEASURES
            or toks[b - 2].low in DOCUMENT_WORDS  # "a message that said"
            or toks[b - 2].text[:1].isupper()
        )
        and toks[b - 2].low not in DAYS | MONTHS  # "one in September that said": the one, not the month
    ):
        span = back_phrase(toks, b - 1)
        det = next((k for k in range(span[1] - 1, span[0], -1) if toks[k].low in DETERMINERS), None) if span else None
        return (det, span[1]) if span and det is not None else span  # "make a comment that said": a comment
    if b > 0 and toks[b - 1].low in ("who", "which"):
        b -= 1
        if b > 0 and toks[b - 1].text in (",", *DASHES):  # "Reid, who endorsed Clinton": the relative's antecedent
            # after a verb, the antecedent is the name it ends on ("… was out-brutalizing Ted Cruz, who said")
            span = back_phrase(toks, b - 1)
            if span is not None and toks[b].low == "who":
                span = _who_antecedent(toks, span)
            return span or trailing_name(toks, b - 1) or object_before(toks, b - 1)
        comma = next((k for k in range(b - 1, max(-1, b - 9), -1) if toks[k].text == ","), -1)
        # "… artists and business leaders who say", "among the 30 percent of voters who said": the people
        people = _people_before(toks, b) if toks[b - 1].low in PEOPLE_NOUNS else None
        if comma > 0 and toks[b - 1].text != ",":  # "X, former mayor of New York who said": X
            return trailing_name(toks, comma) or people
        if people is not None:
            return people
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
    antecedent = _restrictive_antecedent(toks, span[0] if span is not None else b, span[1] if span is not None else b)
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


# words after which "to" + a cue keeps the subject before them: "were more likely to say", "went on
# to say", "refused to say"
_TO_CUE = frozenset("likely unlikely willing unwilling refused declined ready eager quick able on".split())
_DEGREE = frozenset("more less most least far much".split())


def _people_before(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The noun phrase of people that ends before ``b``, back to a preposition, a verb or a mark
    ("won among the 30 percent of voters" → "the 30 percent of voters"); its "of" joins a share
    and its people."""
    a = b
    while a > 0 and b - a < 8:
        t = toks[a - 1]
        if t.text in PUNCT or t.low in VERBISH or t.low in CUES:
            break
        if (t.low in STOP_BACK or t.low in PREPOSITIONS) and not (t.low == "of" and a < b):
            break
        if t.text.islower() and t.low.endswith("ed") and a < b - 1:
            break
        a -= 1
    return (a, b) if a < b else None


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


def _restrictive_antecedent(toks: list[Tok], a: int, end: int) -> tuple[int, int] | None:
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
        # "The polling that was done in the state showed": a "that" clause whose verb comes first
        verb = toks[k + 1].low in AUX | VERBISH or toks[k + 1].low.endswith("ed") or toks[k + 1].low == "came"
        measured = k > 0 and toks[k - 1].low in MEASURES | PEOPLE_NOUNS  # "polling that", "voters that"
        if t.low == "that" and measured and toks[k + 1].text.islower() and verb:
            head = back_phrase(toks, k)  # PolNeAR's source runs on through the clause
            return (head[0], end) if head is not None else None
    return None
